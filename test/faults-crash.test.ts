// A crash during writes: the server (a child process, with its webhook worker delivering to a
// local receiver) takes a stream of single PATCHes and of 200-item bulk PATCHes (non-atomic and
// atomic) when it is SIGKILLed at a random moment (late in a bulk request, where a half-applied
// batch would show); then, before a restart on the same database:
// - the database is sound: SQLite `PRAGMA integrity_check` = ok and `foreign_key_check` empty
//   (the file opened with better-sqlite3 after the kill); on both databases, a few queries: no
//   two held rows with one number, every delivery/attempt/number reference resolves, every
//   number's version is 1 + its phone_number.updated events and its JSON document agrees with
//   its columns (change and audit event commit together), every fanned-out event has exactly
//   one delivery (fan-out and outbox mark commit together);
// and after the restart, through the API:
// - every acknowledged (200) write is there: each single-writer number (one PATCH in flight at a
//   time) holds its last acknowledged write, or the one in flight at the kill (version +1);
// - no bulk request is half applied: each bulk stream owns 200 numbers nothing else touches and
//   writes its own marker per request, one request at a time; all 200 carry one marker and one
//   version, that of the last acknowledged request or of the one in flight at the kill.
// Runs on SQLite, and on PostgreSQL with DATABASE_URL.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createChildEnv, firstKey, freePort, killAll, startChild, type Child, type ChildEnv, waitReady, jsonClient } from './helpers/processes.ts';
import { WebhookReceiver } from './helpers/webhook-receiver.ts';

type Json = Record<string, any>;
const SINGLES = 10;
const GROUP = 200;
const BULK_STREAMS = [false, true]; // atomic?

const SERVER_ENV = {
  LOG_LEVEL: 'warn',
  // Load shedding and rate limits are not what these tests are about: a loaded test machine
  // must not turn their requests into 503/429.
  SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0',
  SWITCHBOARD_RATE_LIMIT: 'off',
  SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true',
  SWITCHBOARD_WEBHOOK_TIMEOUT: '2s',
  SWITCHBOARD_WEBHOOK_LEASE: '7s',
  SWITCHBOARD_WEBHOOK_POLL_INTERVAL: '50ms',
};

async function startServer(ctx: ChildEnv): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const child = startChild(['src/main.ts'], { ...ctx.env, ...SERVER_ENV, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(child, base);
  return { child, base };
}

const api = jsonClient;

/** The server's database, opened directly (the server is down). */
async function openRaw(ctx: ChildEnv): Promise<{ all(q: string): Promise<Json[]>; sqlite?: Database.Database; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${ctx.env.SWITCHBOARD_DB_SCHEMA}` });
    await client.connect();
    return { all: async (q) => (await client.query(q)).rows, close: () => client.end() };
  }
  const db = new Database(path.join(ctx.env.SWITCHBOARD_DATA_DIR!, 'switchboard.db'));
  return { sqlite: db, all: async (q) => db.prepare(q).all() as Json[], close: async () => void db.close() };
}

/** Queries that must all return no rows. */
const MUST_BE_EMPTY: Record<string, string> = {
  'two held rows with one number': `select number from phone_numbers where released_at is null group by number having count(*) > 1`,
  'a number of no workspace': `select p.id from phone_numbers p left join workspaces w on w.id = p.workspace_id where w.id is null`,
  'a delivery of no endpoint': `select d.id from webhook_deliveries d left join webhook_endpoints e on e.id = d.endpoint_id where e.id is null`,
  'a delivery of no event': `select d.id from webhook_deliveries d left join audit_events a on a.id = d.event_id where a.id is null`,
  'an attempt of no delivery': `select t.id from webhook_delivery_attempts t left join webhook_deliveries d on d.id = t.delivery_id where d.id is null`,
  'an event of a number that does not exist': `select a.id from audit_events a where a.object_type = 'phone_number' and not exists (select 1 from phone_numbers p where p.id = a.object_id)`,
  'an event fanned out twice to one endpoint': `select event_id from webhook_deliveries group by event_id, endpoint_id having count(*) > 1`,
  'an update marked dispatched without its delivery': `select a.id from audit_events a where a.type = 'phone_number.updated' and a.dispatched_at is not null and not exists (select 1 from webhook_deliveries d where d.event_id = a.id)`,
};

async function checkIntegrity(ctx: ChildEnv): Promise<void> {
  const db = await openRaw(ctx);
  try {
    if (db.sqlite) {
      assert.deepEqual(db.sqlite.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      assert.deepEqual(db.sqlite.pragma('foreign_key_check'), []);
    }
    for (const [what, q] of Object.entries(MUST_BE_EMPTY)) assert.deepEqual(await db.all(q), [], `no ${what}`);
    const numbers = await db.all(`select p.id, p.version, p.friendly_name, p.doc, (select count(*) from audit_events a where a.object_id = p.id and a.type = 'phone_number.updated') as n from phone_numbers p`);
    assert.ok(numbers.length >= SINGLES + GROUP * BULK_STREAMS.length);
    for (const row of numbers) {
      assert.equal(Number(row.version), 1 + Number(row.n), `number ${row.id}: version ${row.version} has ${row.n} update events`);
      const doc = JSON.parse(row.doc);
      assert.equal(doc.version, Number(row.version));
      assert.equal(doc.friendly_name, row.friendly_name);
    }
  } finally {
    await db.close();
  }
}

interface Written {
  name: string | null;
  version: number;
}

describe('SIGKILL during single and bulk writes', { timeout: 120_000 }, () => {
  const envs: ChildEnv[] = [];
  const receiver = new WebhookReceiver();
  after(async () => {
    await killAll();
    await receiver.close();
    await Promise.all(envs.map((e) => e.cleanup()));
  });

  test('acknowledged writes survive, no bulk request is half applied, the database is sound', async () => {
    const ctx = await createChildEnv();
    envs.push(ctx);
    await receiver.start();
    let server = await startServer(ctx);
    const key = await firstKey(server.child);
    let call = api(server.base, key);

    const endpoint = await call('POST', '/v1/webhook-endpoints', { url: receiver.url('/crash'), event_types: ['phone_number.updated'] });
    assert.equal(endpoint.status, 201, JSON.stringify(endpoint.json));
    const total = SINGLES + GROUP * BULK_STREAMS.length;
    const ids: string[] = new Array(total);
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      for (let i = next++; i < total; i = next++) {
        const res = await call('POST', '/v1/phone-numbers', { number: `+1415555${String(i).padStart(4, '0')}` });
        assert.equal(res.status, 201, JSON.stringify(res.json));
        ids[i] = res.json.id;
      }
    }));
    const singles = ids.slice(0, SINGLES);
    const groups = BULK_STREAMS.map((_, j) => ids.slice(SINGLES + j * GROUP, SINGLES + (j + 1) * GROUP));

    // What each writer had acknowledged, and what it had in flight, when the server died.
    const initial: Written = { name: null, version: 1 };
    const singleAcked = singles.map(() => initial);
    const singleInFlight: (Written | null)[] = singles.map(() => null);
    const bulkAcked = groups.map(() => initial);
    const bulkInFlight: (Written | null)[] = groups.map(() => null);
    const bulkSentAt = groups.map(() => 0);
    const bulkLatency = groups.map(() => 0);
    const unexpected: string[] = [];
    let dead = false;

    const singleWriter = async (i: number) => {
      for (let seq = 1; !dead; seq++) {
        const name = `s${i}-${seq}`;
        singleInFlight[i] = { name, version: singleAcked[i]!.version + 1 };
        let res;
        try {
          res = await call('PATCH', `/v1/phone-numbers/${singles[i]}`, { friendly_name: name });
        } catch {
          return; // the server died with this one in flight
        }
        if (res.status !== 200) return void unexpected.push(`single ${name}: ${res.status} ${JSON.stringify(res.json)}`);
        assert.equal(res.json.version, singleAcked[i]!.version + 1);
        singleAcked[i] = { name, version: res.json.version };
        singleInFlight[i] = null;
      }
    };
    const bulkWriter = async (j: number) => {
      const atomic = BULK_STREAMS[j]!;
      for (let seq = 1; !dead; seq++) {
        const marker = `b${j}-${seq}`;
        const items: Json[] = groups[j]!.map((id) => ({ id, friendly_name: marker }));
        // A non-atomic batch writes its valid items even when one fails (an unknown id here).
        if (!atomic) items.splice(GROUP / 2, 0, { id: randomUUID(), friendly_name: marker });
        bulkInFlight[j] = { name: marker, version: bulkAcked[j]!.version + 1 };
        const sentAt = (bulkSentAt[j] = Date.now());
        let res;
        try {
          res = await call('PATCH', '/v1/phone-numbers', { items, atomic });
        } catch {
          return;
        }
        if (res.status !== 200) return void unexpected.push(`bulk ${marker}: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
        assert.equal(res.json.written, true);
        assert.equal(res.json.updated.length, GROUP);
        assert.deepEqual(res.json.errors.map((e: Json) => e.code), atomic ? [] : ['not_found']);
        assert.ok(res.json.updated.every((u: Json) => u.version === bulkAcked[j]!.version + 1));
        bulkLatency[j] = Date.now() - sentAt;
        bulkAcked[j] = { name: marker, version: bulkAcked[j]!.version + 1 };
        bulkInFlight[j] = null;
      }
    };

    const writers = [...singles.map((_, i) => singleWriter(i)), ...groups.map((_, j) => bulkWriter(j))].map((w) => w.catch((err) => void unexpected.push(String(err))));
    // Kill once every writer has had a write acknowledged, at a random moment in the second half
    // of a bulk request's expected time (its last write is where a half-applied batch would show;
    // a uniformly random moment would mostly miss it on SQLite, where that phase is short).
    const started = Date.now();
    const everyoneAcked = () => [...singleAcked, ...bulkAcked].every((a) => a.version > 1);
    while (!everyoneAcked() && unexpected.length === 0 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
    const target = Math.floor(Math.random() * groups.length);
    const killAt = bulkSentAt[target]! + Math.round(bulkLatency[target]! * (0.5 + Math.random() * 0.6));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, killAt - Date.now())));
    const killAfter = Date.now() - started;
    const ackedSingles = singleAcked.reduce((n, a) => n + a.version - 1, 0);
    const ackedBulks = bulkAcked.reduce((n, a) => n + a.version - 1, 0);
    server.child.process.kill('SIGKILL');
    dead = true;
    const { signal } = await server.child.exited;
    assert.equal(signal, 'SIGKILL');
    await Promise.all(writers);
    assert.deepEqual(unexpected, [], 'every answer before the kill was a 200');
    console.log(`# killed after ${killAfter} ms: ${ackedSingles} single and ${ackedBulks} bulk writes acknowledged, ${receiver.received.length} webhooks received`);
    assert.ok(ackedSingles > 0 && ackedBulks > 0, 'writes were acknowledged before the kill');
    assert.ok(singleInFlight.some(Boolean) || bulkInFlight.some(Boolean), 'writes were in flight at the kill');

    // Before the restart: the database as the crash left it.
    await checkIntegrity(ctx);

    server = await startServer(ctx);
    call = api(server.base, key);
    const byId = new Map<string, Json>();
    let cursor: string | null = null;
    do {
      const page: { status: number; json: Json } = await call('GET', `/v1/phone-numbers?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(page.status, 200);
      for (const n of page.json.data) byId.set(n.id, n);
      cursor = page.json.next_cursor;
    } while (cursor);
    assert.equal(byId.size, total);

    let landed = 0;
    singles.forEach((id, i) => {
      const now = byId.get(id)!;
      const acked = singleAcked[i]!;
      const inFlight = singleInFlight[i];
      if (now.version === acked.version) assert.equal(now.friendly_name, acked.name, `single ${i}: the acknowledged write is there`);
      else {
        assert.ok(inFlight && now.version === inFlight.version, `single ${i}: version ${now.version}, acknowledged ${acked.version}, in flight ${inFlight?.version}`);
        assert.equal(now.friendly_name, inFlight.name, `single ${i}: the write in flight landed whole`);
        landed++;
      }
    });
    groups.forEach((group, j) => {
      const states = new Set(group.map((id) => `${byId.get(id)!.friendly_name}@${byId.get(id)!.version}`));
      assert.equal(states.size, 1, `bulk stream ${j} (atomic: ${BULK_STREAMS[j]}): one request's marker on all ${GROUP} numbers, not ${[...states].slice(0, 5).join(', ')}…`);
      const [state] = states;
      const acked = bulkAcked[j]!;
      const inFlight = bulkInFlight[j];
      if (state === `${acked.name}@${acked.version}`) return;
      assert.ok(inFlight && state === `${inFlight.name}@${inFlight.version}`, `bulk stream ${j}: ${state} is neither the acknowledged ${acked.name}@${acked.version} nor the one in flight`);
      landed++;
    });
    console.log(`# ${landed} write(s) in flight at the kill landed whole; the others left no trace`);

    // The restarted server takes writes again.
    const again = await call('PATCH', `/v1/phone-numbers/${singles[0]}`, { friendly_name: 'after restart' });
    assert.equal(again.status, 200, JSON.stringify(again.json));
    const bulk = await call('PATCH', '/v1/phone-numbers', { items: groups[0]!.map((id) => ({ id, friendly_name: 'after restart' })), atomic: true });
    assert.equal(bulk.status, 200, JSON.stringify(bulk.json).slice(0, 300));
  });
});
