// PATCH /v1/phone-numbers: bulk update with per-item errors, atomic and dry-run modes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Context } from '../src/core/audit/record.ts';
import { newId } from '../src/core/ids.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

// Distinct valid US numbers, unique within this file (+1 646 555 1000, 1001, …).
let seq = 0;
const nextNumber = () => `+1646555${String(1000 + seq++).padStart(4, '0')}`;
const pretty = (e164: string) => `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const UNKNOWN_ID = '0190d7a0-0000-7000-8000-00000000abcd';

interface Num {
  id: string;
  number: string;
  version: number;
  friendly_name: string | null;
  [key: string]: any;
}

async function created(t: TestApp, body: Record<string, unknown> = {}, key?: string): Promise<Num> {
  const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), ...body }, key ? { key } : undefined);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function get(t: TestApp, id: string, key?: string): Promise<Num> {
  const res = await t.request('GET', `/v1/phone-numbers/${id}`, undefined, key ? { key } : undefined);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const bulk = (t: TestApp, body: unknown, options?: { key?: string; headers?: Record<string, string> }) => t.request('PATCH', '/v1/phone-numbers', body, options);

function assertError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(body.error.code, code, res.body);
  assert.equal(typeof body.error.message, 'string');
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  return body;
}

async function updatedEvents(t: TestApp, objectId: string) {
  const res = await t.request('GET', `/v1/events?order=asc&object_id=${objectId}&type=phone_number.updated&limit=200`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data as Array<Record<string, any>>;
}

describe('PATCH /v1/phone-numbers (bulk)', () => {
  let t: TestApp;
  let other: { workspaceId: string; userId: string; key: string };
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('a mixed batch writes the valid items and lists each failure with index, id, code and details', async () => {
    const a = await created(t, { friendly_name: 'a' });
    const b = await created(t, { friendly_name: 'b' });
    const c = await created(t, { friendly_name: 'c' });
    const d = await created(t, { friendly_name: 'd' });
    const e = await created(t, { friendly_name: 'e' });
    const res = await bulk(t, {
      items: [
        { id: a.id, friendly_name: 'a2' }, // 0 ok
        { id: UNKNOWN_ID, friendly_name: 'nobody' }, // 1 not_found
        { id: b.id, sip_outbound: { port: 0 } }, // 2 invalid_request
        { id: c.id, call_handler: { type: 'laml_webhooks' } }, // 3 validation_failed
        { number: pretty(d.number), friendly_name: 'd2', active: false }, // 4 ok, by number
        { id: 'not-a-uuid', friendly_name: 'x' }, // 5 invalid_request on id
        { friendly_name: 'who?' }, // 6 neither id nor number
        { id: e.id, colour: 'red' }, // 7 unknown field
        { number: '+1 415', friendly_name: 'x' }, // 8 invalid number
        'not an object', // 9
        { id: e.id, inbound_agent_id: UNKNOWN_ID }, // 10 unknown agent
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.written, true);
    assert.equal(body.dry_run, false);
    assert.equal(body.atomic, false);
    assert.deepEqual(body.updated, [
      { index: 0, id: a.id, number: a.number, version: 2 },
      { index: 4, id: d.id, number: d.number, version: 2 },
    ]);

    const errors = body.errors as Array<{ index: number; id: string | null; number: string | null; code: string; message: string; details: { field: string; message: string }[] }>;
    assert.deepEqual(errors.map((x) => [x.index, x.code]), [
      [1, 'not_found'],
      [2, 'invalid_request'],
      [3, 'validation_failed'],
      [5, 'invalid_request'],
      [6, 'invalid_request'],
      [7, 'invalid_request'],
      [8, 'validation_failed'],
      [9, 'invalid_request'],
      [10, 'validation_failed'],
    ]);
    const byIndex = new Map(errors.map((x) => [x.index, x]));
    const fields = (i: number) => byIndex.get(i)!.details.map((x) => x.field);
    assert.equal(byIndex.get(1)!.id, UNKNOWN_ID);
    assert.equal(byIndex.get(1)!.number, null);
    assert.equal(byIndex.get(2)!.id, b.id);
    assert.ok(fields(2).includes('sip_outbound.port'), JSON.stringify(byIndex.get(2)));
    assert.ok(fields(3).includes('call_handler.request_url'), JSON.stringify(byIndex.get(3)));
    assert.ok(fields(5).includes('id'), JSON.stringify(byIndex.get(5)));
    assert.ok(fields(7).includes('colour'), JSON.stringify(byIndex.get(7)));
    assert.equal(byIndex.get(8)!.number, '+1 415');
    assert.ok(fields(8).includes('number'), JSON.stringify(byIndex.get(8)));
    assert.ok(fields(10).includes('inbound_agent_id'), JSON.stringify(byIndex.get(10)));
    for (const x of errors) {
      assert.equal(typeof x.message, 'string');
      if (x.code !== 'not_found') assert.ok(x.details.length > 0, JSON.stringify(x));
    }

    // Written: a and d. Untouched: b, c, e.
    const [a2, b2, c2, d2, e2] = await Promise.all([a, b, c, d, e].map((n) => get(t, n.id)));
    assert.equal(a2!.friendly_name, 'a2');
    assert.equal(a2!.version, 2);
    assert.equal(d2!.friendly_name, 'd2');
    assert.equal(d2!.active, false);
    assert.equal(d2!.version, 2);
    for (const [before, now] of [[b, b2], [c, c2], [e, e2]] as const) {
      assert.deepEqual(now, before);
    }
  });

  test('atomic: one bad item is 422 and nothing is written', async () => {
    const a = await created(t, { friendly_name: 'atomic a' });
    const b = await created(t, { friendly_name: 'atomic b' });
    const res = await bulk(t, {
      atomic: true,
      items: [
        { id: a.id, friendly_name: 'changed' },
        { id: b.id, sip_outbound: { port: 70000 } },
        { id: b.id, friendly_name: 'changed too' },
      ],
    });
    const body = assertError(res, 422, 'validation_failed');
    assert.equal(body.errors.length, 1);
    assert.equal(body.errors[0].index, 1);
    assert.equal(body.errors[0].id, b.id);
    assert.equal(body.errors[0].code, 'invalid_request');
    assert.ok(body.error.details.some((x: { field: string }) => x.field === 'items[1].sip_outbound.port'), res.body);

    for (const n of [a, b]) {
      const now = await get(t, n.id);
      assert.equal(now.version, 1);
      assert.equal(now.friendly_name, n.friendly_name);
      assert.equal((await updatedEvents(t, n.id)).length, 0);
    }

    // An unknown number also fails the whole atomic batch.
    const missing = await bulk(t, { atomic: true, items: [{ id: a.id, friendly_name: 'changed' }, { id: UNKNOWN_ID, friendly_name: 'x' }] });
    const mb = assertError(missing, 422, 'validation_failed');
    assert.equal(mb.errors[0].code, 'not_found');
    assert.equal((await get(t, a.id)).version, 1);
  });

  test('atomic with every item valid writes them all', async () => {
    const a = await created(t);
    const b = await created(t);
    const res = await bulk(t, { atomic: true, items: [{ id: a.id, friendly_name: 'all a' }, { number: b.number, friendly_name: 'all b' }] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().written, true);
    assert.equal(res.json().atomic, true);
    assert.deepEqual(res.json().errors, []);
    assert.equal((await get(t, a.id)).friendly_name, 'all a');
    assert.equal((await get(t, b.id)).friendly_name, 'all b');
  });

  test('dry_run reports what would happen and changes nothing', async () => {
    const a = await created(t, { friendly_name: 'dry a' });
    const b = await created(t, { friendly_name: 'dry b' });
    const res = await bulk(t, {
      dry_run: true,
      items: [{ id: a.id, friendly_name: 'wet a' }, { id: b.id, sip_outbound: { transport: 'SCTP' } }],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.written, false);
    assert.equal(body.dry_run, true);
    assert.deepEqual(body.updated, [{ index: 0, id: a.id, number: a.number, version: 2 }]);
    assert.equal(body.errors.length, 1);
    assert.equal(body.errors[0].index, 1);
    assert.ok(body.errors[0].details.some((x: { field: string }) => x.field === 'sip_outbound.transport'));
    for (const n of [a, b]) {
      const now = await get(t, n.id);
      assert.equal(now.version, 1);
      assert.equal(now.friendly_name, n.friendly_name);
      assert.equal((await updatedEvents(t, n.id)).length, 0);
    }

    // Atomic dry run with an error: 422, still nothing written.
    const atomicDry = await bulk(t, { dry_run: true, atomic: true, items: [{ id: a.id, friendly_name: 'wet a' }, { id: UNKNOWN_ID }] });
    assertError(atomicDry, 422, 'validation_failed');
    assert.equal((await get(t, a.id)).version, 1);
  });

  test('items can name numbers by E.164 in any format', async () => {
    const a = await created(t);
    const b = await created(t);
    const res = await bulk(t, { items: [{ number: a.number, friendly_name: 'by e164' }, { number: pretty(b.number), friendly_name: 'by pretty' }] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().updated.map((u: { id: string }) => u.id), [a.id, b.id]);
    assert.equal((await get(t, a.id)).friendly_name, 'by e164');
    assert.equal((await get(t, b.id)).friendly_name, 'by pretty');
    // An unknown but valid number is not_found.
    const missing = await bulk(t, { items: [{ number: '+14155550999', friendly_name: 'x' }] });
    assert.equal(missing.statusCode, 200, missing.body);
    assert.equal(missing.json().errors[0].code, 'not_found');
    assert.equal(missing.json().errors[0].number, '+14155550999');
    assert.equal(missing.json().written, false);
  });

  test('the same number twice in a batch: both items apply in order, one version bump', async () => {
    const a = await created(t, { friendly_name: 'twice', labels: { x: '1' } });
    const res = await bulk(t, {
      items: [
        { id: a.id, friendly_name: 'first', labels: { y: '2' } },
        { number: a.number, friendly_name: 'second', active: false },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.errors, []);
    assert.deepEqual(body.updated.map((u: { index: number }) => u.index), [0, 1]);
    const now = await get(t, a.id);
    assert.equal(now.friendly_name, 'second');
    assert.equal(now.active, false);
    assert.deepEqual(now.labels, { x: '1', y: '2' });
    assert.equal(now.version, 2);
    for (const u of body.updated) assert.equal(u.version, now.version);

    // A later item's failure does not undo the earlier item for the same number (non-atomic).
    const res2 = await bulk(t, { items: [{ id: a.id, friendly_name: 'third' }, { id: a.id, sip_outbound: { port: -1 } }] });
    assert.equal(res2.statusCode, 200, res2.body);
    assert.deepEqual(res2.json().errors.map((x: { index: number }) => x.index), [1]);
    assert.equal((await get(t, a.id)).friendly_name, 'third');
  });

  test('a refused item never reaches a later item for the same number', async () => {
    const agentRes = await t.request('POST', '/v1/agents', { name: 'Bulk agent' });
    assert.equal(agentRes.statusCode, 201, agentRes.body);
    const agent = agentRes.json().id as string;
    const a = await created(t, { friendly_name: 'orig' });
    const res = await bulk(t, {
      items: [
        { id: a.id, friendly_name: 'from a refused item', inbound_agent_id: UNKNOWN_ID },
        { id: a.id, labels: { from: 'refused' }, sip_outbound: { port: 0 } },
        { id: a.id, inbound_agent_id: agent },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().errors.map((x: { index: number; code: string }) => [x.index, x.code]), [[0, 'validation_failed'], [1, 'invalid_request']]);
    assert.ok(res.json().errors[0].details.some((x: { field: string }) => x.field === 'inbound_agent_id'));
    assert.deepEqual(res.json().updated.map((u: { index: number }) => u.index), [2]);
    const now = await get(t, a.id);
    assert.equal(now.friendly_name, 'orig');
    assert.deepEqual(now.labels, {});
    assert.equal(now.inbound_agent_id, agent);
    assert.equal(now.inbound_target, 'agent');
    assert.equal(now.version, 2);
  });

  test('an item that changes nothing does not bump the version nor write an event', async () => {
    const a = await created(t, { friendly_name: 'steady' });
    const res = await bulk(t, { items: [{ id: a.id, friendly_name: 'steady' }, { id: a.id }] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().errors, []);
    for (const u of res.json().updated) assert.equal(u.version, 1);
    assert.equal((await get(t, a.id)).version, 1);
    assert.equal((await updatedEvents(t, a.id)).length, 0);

    // Mixed with a real change to the same number: one bump, one event, every item reports the written version.
    const mixed = await bulk(t, { items: [{ id: a.id }, { id: a.id, friendly_name: 'moved' }, { number: a.number, friendly_name: 'moved' }] });
    assert.equal(mixed.statusCode, 200, mixed.body);
    assert.deepEqual(mixed.json().updated.map((u: { version: number }) => u.version), [2, 2, 2]);
    const now = await get(t, a.id);
    assert.equal(now.version, 2);
    assert.equal(now.friendly_name, 'moved');
    const evs = await updatedEvents(t, a.id);
    assert.equal(evs.length, 1);
    assert.deepEqual(evs[0]!.changes, ['friendly_name']);
  });

  test('dry run reports the versions a real run writes, also for a number named twice', async () => {
    const a = await created(t);
    const items = [{ id: a.id, friendly_name: 'one' }, { id: a.id, active: false }];
    const dry = await bulk(t, { dry_run: true, items });
    const wet = await bulk(t, { items });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(wet.statusCode, 200, wet.body);
    assert.deepEqual(dry.json().updated, wet.json().updated);
    assert.equal(dry.json().written, false);
    assert.equal(wet.json().written, true);
  });

  test("another workspace's numbers and released numbers are not_found", async () => {
    const theirs = await created(t, { friendly_name: 'theirs' }, other.key);
    const gone = await created(t, { friendly_name: 'gone' });
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${gone.id}`)).statusCode, 200);
    const res = await bulk(t, {
      items: [
        { id: theirs.id, friendly_name: 'hijack' },
        { number: theirs.number, friendly_name: 'hijack' },
        { id: gone.id, friendly_name: 'revive' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().errors.map((x: { code: string }) => x.code), ['not_found', 'not_found', 'not_found']);
    assert.deepEqual(res.json().updated, []);
    assert.equal(res.json().written, false);
    assert.ok(!res.body.includes('theirs'));
    const still = await get(t, theirs.id, other.key);
    assert.equal(still.friendly_name, 'theirs');
    assert.equal(still.version, 1);
  });

  test('request-level limits: 10,001 items are 413; no items, unknown fields, wrong types are 400', async () => {
    const many = Array.from({ length: 10_001 }, () => ({ id: UNKNOWN_ID, friendly_name: 'x' }));
    const tooMany = await bulk(t, { items: many });
    const body = assertError(tooMany, 413, 'payload_too_large');
    assert.ok(body.error.details.some((x: { field: string }) => x.field === 'items'), tooMany.body);
    assert.match(body.error.message, /at most 10,000 items/);

    assertError(await bulk(t, { items: [] }), 400, 'invalid_request');
    assertError(await bulk(t, {}), 400, 'invalid_request');
    assertError(await bulk(t, { items: {} }), 400, 'invalid_request');
    assertError(await bulk(t, { items: [{ id: UNKNOWN_ID }], atomic: 'yes' }), 400, 'invalid_request');
    assertError(await bulk(t, { items: [{ id: UNKNOWN_ID }], colour: 'red' }), 400, 'invalid_request');
    const reader = await createKey(t, ['numbers:read'], 'reader');
    assertError(await bulk(t, { items: [{ id: UNKNOWN_ID }] }, { key: reader.key }), 403, 'forbidden');
  });

  test('every updated item writes one audit event with its changes and the acting key', async () => {
    const writer = await createKey(t, ['numbers:read', 'numbers:write'], 'bulk writer');
    const a = await created(t, { friendly_name: 'audit a' });
    const b = await created(t, { friendly_name: 'audit b' });
    const c = await created(t, { friendly_name: 'audit c' });
    const res = await bulk(t, {
      items: [
        { id: a.id, friendly_name: 'audit a2' },
        { id: b.id, labels: { k: 'v' }, sip_outbound: { endpoint: 'sip.example.com', password: 'bulk-pw-Rr5' } },
        { id: c.id, sip_outbound: { port: 0 } },
      ],
    }, { key: writer.key });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes('bulk-pw-Rr5'));

    const ea = await updatedEvents(t, a.id);
    const eb = await updatedEvents(t, b.id);
    assert.equal(ea.length, 1);
    assert.equal(eb.length, 1);
    assert.equal((await updatedEvents(t, c.id)).length, 0);
    assert.deepEqual(ea[0]!.changes, ['friendly_name']);
    assert.deepEqual([...eb[0]!.changes].sort(), ['labels', 'sip_outbound']);
    for (const ev of [ea[0]!, eb[0]!]) {
      assert.equal(ev.type, 'phone_number.updated');
      assert.equal(ev.actor.api_key_id, writer.id);
      assert.equal(ev.request_id, res.headers['x-request-id']);
      assert.equal(ev.before.version, 1);
      assert.equal(ev.after.version, 2);
    }
    assert.equal(ea[0]!.before.friendly_name, 'audit a');
    assert.equal(ea[0]!.after.friendly_name, 'audit a2');
    assert.equal(eb[0]!.after.sip_outbound.password_set, true);
    assert.ok(!JSON.stringify(eb).includes('bulk-pw-Rr5'));
    assert.ok(!JSON.stringify(eb).includes('password_sealed'));

    // The password set through bulk is kept, encrypted.
    const rows = await t.runtime.store.db.selectFrom('phone_numbers').selectAll().where('id', '=', b.id).execute();
    assert.ok(!JSON.stringify(rows).includes('bulk-pw-Rr5'));
    assert.match(JSON.parse(rows[0]!.doc).sip_outbound.password_sealed, /^v1\./);
    assert.equal((await get(t, b.id)).sip_outbound.password_set, true);
  });

  test('Idempotency-Key: a retry is replayed, not applied twice; another body is 422', async () => {
    const a = await created(t, { labels: {} });
    const headers = { 'idempotency-key': 'bulk-retry-1' };
    const payload = { items: [{ id: a.id, friendly_name: 'idem' }] };
    const first = await bulk(t, payload, { headers });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().updated[0].version, 2);

    // Something else changes the number in between: the replay must not undo it.
    const between = await t.request('PATCH', `/v1/phone-numbers/${a.id}`, { friendly_name: 'between' });
    assert.equal(between.statusCode, 200, between.body);

    const retry = await bulk(t, payload, { headers });
    assert.equal(retry.statusCode, 200, retry.body);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.deepEqual(retry.json(), first.json());
    const now = await get(t, a.id);
    assert.equal(now.friendly_name, 'between');
    assert.equal(now.version, 3);
    assert.equal((await updatedEvents(t, a.id)).length, 2);

    const reused = await bulk(t, { items: [{ id: a.id, friendly_name: 'different' }] }, { headers });
    assertError(reused, 422, 'idempotency_key_reused');
    assert.equal((await get(t, a.id)).friendly_name, 'between');

    // The same key in another workspace is that workspace's own.
    const theirs = await created(t, {}, other.key);
    const elsewhere = await bulk(t, { items: [{ id: theirs.id, friendly_name: 'theirs idem' }] }, { key: other.key, headers });
    assert.equal(elsewhere.statusCode, 200, elsewhere.body);
    assert.equal(elsewhere.headers['idempotent-replayed'], undefined);
    assert.equal(elsewhere.json().updated[0].id, theirs.id);
  });
});

describe('PATCH /v1/phone-numbers with 10,000 items', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('updates all 10,000 numbers in one request', { timeout: 300_000 }, async (tc) => {
    const started = Date.now();
    const COUNT = 10_000;
    const ctx: Context = { actor: { workspaceId: t.first.workspace.id, userId: t.first.user.id, apiKeyId: t.first.apiKey.key.id, type: 'api_key' }, scopes: ALL_SCOPES };
    // +1 212 55x xxxx: ten thousand distinct valid numbers.
    const numbers = Array.from({ length: COUNT }, (_, i) => `+121255${String(i).padStart(5, '0')}`);
    // The first through the core; the rest are copies of its row (new id and number), inserted
    // 500 at a time, so that setting up takes seconds rather than a minute on Postgres.
    const first = await t.runtime.core.phoneNumbers.create(ctx, { number: numbers[0]! });
    const db = t.runtime.store.db;
    const template = await db.selectFrom('phone_numbers').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    const ids: string[] = [first.id];
    for (let start = 1; start < COUNT; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(start + 500, COUNT); i++) {
        const id = newId();
        ids.push(id);
        rows.push({ ...template, id, number: numbers[i]!, doc: JSON.stringify({ ...JSON.parse(template.doc), id, number: numbers[i] }) });
      }
      await db.insertInto('phone_numbers').values(rows).execute();
    }
    const check = await get(t, ids[COUNT - 1]!);
    assert.equal(check.number, numbers[COUNT - 1]);
    assert.equal(check.version, 1);
    assert.equal(new Set(ids).size, COUNT);
    tc.diagnostic(`${t.dialect}: created ${COUNT} numbers in ${Date.now() - started} ms`);

    const items = ids.map((id, i) => (i % 2 === 0 ? { id, friendly_name: `bulk ${i}` } : { number: numbers[i], friendly_name: `bulk ${i}` }));
    const bulkStarted = Date.now();
    const res = await bulk(t, { items });
    tc.diagnostic(`${t.dialect}: bulk PATCH of ${COUNT} items in ${Date.now() - bulkStarted} ms`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 2000));
    const body = res.json();
    assert.deepEqual(body.errors, []);
    assert.equal(body.written, true);
    assert.equal(body.updated.length, COUNT);
    assert.ok(body.updated.every((u: { index: number; id: string; version: number }, k: number) => u.index === k && u.id === ids[k] && u.version === 2));

    for (const i of [0, 1, 2, 4999, 5000, 7777, 9998, COUNT - 1]) {
      const n = await get(t, ids[i]!);
      assert.equal(n.friendly_name, `bulk ${i}`);
      assert.equal(n.number, numbers[i]);
      assert.equal(n.version, 2);
    }
    const stale = await t.runtime.store.db.selectFrom('phone_numbers').select('id').where('workspace_id', '=', t.first.workspace.id).where('version', '!=', 2).execute();
    assert.deepEqual(stale, []);
    const events = await t.runtime.store.db.selectFrom('audit_events').select('id').where('type', '=', 'phone_number.updated').execute();
    assert.equal(events.length, COUNT);
  });
});
