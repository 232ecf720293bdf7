// Concurrent writers against real listening servers: two server processes on one database (a
// single process runs SQLite requests one after the other; two processes really race), with real
// concurrent HTTP connections (fetch/undici, one connection per request in flight):
// 1. If-Match: 50 parallel PATCHes of one number carrying the same ETag, split over both servers:
//    exactly one wins (200, the next version and ETag), the 49 others get 412
//    precondition_failed; the audit log holds exactly the winners' writes. Several rounds. A
//    version check made outside the write's transaction lets several win and fails this test.
// 2. No If-Match: 50 parallel PATCHes each setting a distinct friendly_name, several rounds;
//    every acknowledged (200) write is in the audit log (GET /v1/events?object_id=…&type=
//    phone_number.updated) exactly once, with the version its answer carried; versions go up by
//    exactly 1 and each event's `before` is the previous version's `after` (no lost update, no
//    write on a stale read); nothing unacknowledged is logged and no write is refused (writers
//    queue on the row); the final state equals the last event's `after`. Through one server the
//    log lists the events in version order, through two as well (the log is in write order, not
//    id order: UUIDv7 ids are monotonic only within one process).
// Runs on SQLite, and on PostgreSQL with DATABASE_URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createChildEnv, firstKey, freePort, killAll, startChild, type Child, type ChildEnv, waitReady } from './helpers/processes.ts';

type Json = Record<string, any>;
const WRITERS = 50;
const ROUNDS = 4;

interface Server {
  child: Child;
  base: string;
}

async function startServer(ctx: ChildEnv): Promise<Server> {
  const port = await freePort();
  const child = startChild(['src/main.ts'], {
    ...ctx.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SWITCHBOARD_WORKER: 'false',
    // Load shedding and rate limits are not what this test is about: a loaded test machine must
    // not turn its requests into 503/429.
    SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0',
    SWITCHBOARD_RATE_LIMIT: 'off',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(child, base);
  return { child, base };
}

interface Reply {
  status: number;
  json: Json;
  etag: string | null;
}

function api(base: string, key: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : {}, etag: res.headers.get('etag') };
  };
}

/** Every phone_number.updated event of one number, oldest first, through every page. */
async function updateEvents(call: ReturnType<typeof api>, id: string): Promise<Json[]> {
  const events: Json[] = [];
  let cursor: string | null = null;
  do {
    const res: Reply = await call('GET', `/v1/events?order=asc&object_id=${id}&type=phone_number.updated&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.json));
    events.push(...res.json.data);
    cursor = res.json.next_cursor;
  } while (cursor);
  return events;
}

/** Starts all requests at the same moment (after every one is built), and waits for all. */
function together<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  let go!: () => void;
  const gate = new Promise<void>((resolve) => (go = resolve));
  const all = Array.from({ length: n }, (_, i) => gate.then(() => make(i)));
  go();
  return Promise.all(all);
}

describe('concurrent writers on one number (real servers, real connections)', { timeout: 180_000 }, () => {
  let ctx: ChildEnv;
  let call: ReturnType<typeof api>;
  /** Writer i goes through server i % 2. */
  let writer: (i: number) => ReturnType<typeof api>;

  before(async () => {
    ctx = await createChildEnv();
    const a = await startServer(ctx);
    const key = await firstKey(a.child);
    const b = await startServer(ctx); // the same database, bootstrapped by now
    const calls = [api(a.base, key), api(b.base, key)];
    call = calls[0]!;
    writer = (i) => calls[i % 2]!;
  });
  after(async () => {
    await killAll();
    await ctx?.cleanup();
  });

  test(`If-Match: of ${WRITERS} parallel PATCHes on one version exactly one wins, the others get 412 (${ROUNDS} rounds)`, async () => {
    const created = await call('POST', '/v1/phone-numbers', { number: '+14155550100', friendly_name: 'start' });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = created.json.id as string;
    const winners: Json[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const read = await call('GET', `/v1/phone-numbers/${id}`);
      assert.equal(read.status, 200);
      const version = read.json.version as number;
      assert.equal(read.etag, `"${version}"`);
      const results = await together(WRITERS, (i) => writer(i)('PATCH', `/v1/phone-numbers/${id}`, { friendly_name: `r${round}-w${i}` }, { 'if-match': read.etag! }));

      const statuses = results.map((r) => r.status);
      const won = results.filter((r) => r.status === 200);
      assert.equal(won.length, 1, `round ${round}: exactly one winner, got statuses ${JSON.stringify(statuses)}`);
      assert.equal(results.filter((r) => r.status === 412).length, WRITERS - 1, `round ${round}: every other writer gets 412: ${JSON.stringify(statuses)}`);
      for (const lost of results.filter((r) => r.status === 412)) assert.equal(lost.json.error.code, 'precondition_failed');
      const winner = won[0]!;
      assert.equal(winner.json.version, version + 1);
      assert.equal(winner.etag, `"${version + 1}"`);
      assert.match(winner.json.friendly_name, new RegExp(`^r${round}-w\\d+$`));
      winners.push(winner.json);

      const now = await call('GET', `/v1/phone-numbers/${id}`);
      assert.equal(now.json.version, version + 1);
      assert.equal(now.json.friendly_name, winner.json.friendly_name, 'the stored state is the winner\'s');
    }

    // The audit log holds the winners' writes and nothing else, one version after the other.
    const events = await updateEvents(call, id);
    assert.deepEqual(events.map((e) => e.after.friendly_name), winners.map((w) => w.friendly_name));
    assert.deepEqual(events.map((e) => e.after.version), winners.map((w) => w.version));
    assert.deepEqual(events.map((e) => e.before.version), winners.map((w) => w.version - 1));
  });

  /**
   * ROUNDS x WRITERS parallel PATCHes without If-Match through `via`; checks everything that
   * does not depend on the order the log lists events in, and returns the events as listed.
   */
  async function blindWriters(number: string, via: (i: number) => ReturnType<typeof api>): Promise<Json[]> {
    const created = await call('POST', '/v1/phone-numbers', { number });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = created.json.id as string;
    const acknowledged = new Map<string, number>(); // friendly_name -> version its 200 carried
    let refused = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const results = await together(WRITERS, (i) => via(i)('PATCH', `/v1/phone-numbers/${id}`, { friendly_name: `n${round}-${i}` }).then((r) => ({ ...r, name: `n${round}-${i}` })));
      assert.ok(results.some((r) => r.status === 200), `round ${round}: some write gets through`);
      for (const r of results) {
        if (r.status === 200) {
          assert.equal(r.json.friendly_name, r.name, 'a 200 answers the state this request wrote');
          assert.equal(r.etag, `"${r.json.version}"`);
          acknowledged.set(r.name, r.json.version);
        } else {
          // Writers queue on the row (Postgres: the update reads it FOR UPDATE; SQLite: BEGIN
          // IMMEDIATE), so none loses a race and none is refused.
          refused++;
          assert.fail(`a blind write was refused: ${r.status} ${JSON.stringify(r.json)}`);
        }
      }
    }
    assert.equal(acknowledged.size + refused, ROUNDS * WRITERS);

    // Every acknowledged write appears once, with the version its answer carried; no version
    // was written twice or skipped; nothing unacknowledged was written.
    const listed = await updateEvents(call, id);
    const events = [...listed].sort((x, y) => x.after.version - y.after.version);
    events.forEach((e, i) => assert.equal(e.after.version, created.json.version + 1 + i, `versions go up by exactly 1: ${events.slice(Math.max(0, i - 3), i + 3).map((x) => x.after.version)}`));
    assert.equal(events.length, acknowledged.size, `one event per acknowledged write (${refused} refused with 409)`);
    const logged = new Map(events.map((e) => [e.after.friendly_name as string, e.after.version as number]));
    assert.equal(logged.size, events.length, 'no write was logged twice');
    for (const [name, version] of acknowledged) assert.equal(logged.get(name), version, `acknowledged write ${name} (version ${version}) is in the log`);
    // Each event's `before` is the previous version's `after`: no write was based on a stale read.
    for (let i = 1; i < events.length; i++) assert.deepEqual(events[i]!.before, events[i - 1]!.after, `version ${events[i]!.after.version} builds on the one before`);

    // The final state is the last version's `after`.
    const final = await call('GET', `/v1/phone-numbers/${id}`);
    assert.equal(final.status, 200);
    assert.deepEqual(final.json, events.at(-1)!.after);
    assert.equal(final.etag, `"${events.at(-1)!.after.version}"`);
    return listed;
  }

  const inVersionOrder = (events: Json[]) => events.map((e) => e.after.version).every((v, i, all) => i === 0 || v === all[i - 1] + 1);

  test(`without If-Match, one server: every acknowledged write of ${WRITERS} parallel PATCHes is in the audit log, listed in version order (${ROUNDS} rounds)`, async () => {
    const listed = await blindWriters('+14155550101', () => call);
    assert.ok(inVersionOrder(listed), `oldest first is version order: ${listed.map((e) => e.after.version)}`);
  });

  let twoServerEvents: Json[] = [];
  test(`without If-Match, two servers: every acknowledged write of ${WRITERS} parallel PATCHes is in the audit log, versions one by one (${ROUNDS} rounds)`, async () => {
    twoServerEvents = await blindWriters('+14155550102', writer);
  });

  test('without If-Match, two servers: the audit log lists one number\'s events in version order', () => {
    assert.ok(twoServerEvents.length > 0, 'needs the test before');
    assert.ok(inVersionOrder(twoServerEvents), `oldest first is version order: ${twoServerEvents.map((e) => e.after.version)}`);
  });
});
