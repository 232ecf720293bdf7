// Webhook custom header values are secrets (receivers' credentials): put in through the native
// API (POST, PATCH) and VoiceOS (PATCH webhooks[]), they never appear in an answer, the audit log,
// a webhook_endpoint.* event delivered to another endpoint, a log line, or the database in clear;
// the endpoint's own receiver gets them. The mask "********" sent back keeps a value. Endpoints
// saved before migration 0008 (clear values in their doc and in their audit events) are sealed
// and scrubbed when the server starts, once, however many start together.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Context } from '../src/core/audit/record.ts';
import { operatorContext } from '../src/core/authorization/authorize.ts';
import { HEADER_VALUE_MASK, openHeaders } from '../src/core/webhooks/headers.ts';
import type { Runtime } from '../src/runtime.ts';
import { decodeEvent, encodeEvent } from '../src/store/repositories/audit-doc.ts';
import type { Database } from '../src/store/schema.ts';
import { WEBHOOK_HEADERS_SEALED } from '../src/store/upgrades/seal-webhook-headers.ts';
import { DeliveryWorker } from '../src/webhooks/worker.ts';
import { closeSharedWebhookAgents } from '../src/webhooks/sender.ts';
import { createTestApp, listAll, type TestApp } from './helpers/app.ts';
import { createChildEnv, runChild, type ChildEnv } from './helpers/processes.ts';
import { assertFaceError } from './helpers/routes.ts';
import { WebhookReceiver } from './helpers/webhook-receiver.ts';

type Json = Record<string, any>;

const credential = (what: string) => `cred-${what}-${randomUUID()}`;

/** Every row of every table, as text. */
async function databaseText(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<string> {
  const { rows: tables } = dialect === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
    : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  assert.ok(tables.some((r) => r.name === 'webhook_endpoints'), 'the tables are listed');
  const parts: string[] = [];
  for (const { name } of tables) parts.push(JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(db)).rows));
  return parts.join('\n');
}

/** The database file and its WAL (SQLite), bytes as latin1; '' on Postgres. */
function databaseFiles(dataDir: string): string {
  return ['switchboard.db', 'switchboard.db-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
}

function assertNone(text: string, values: string[], where: string) {
  for (const value of values) assert.ok(!text.includes(value), `${where} holds a header value in clear (${value.slice(0, 20)}…)`);
}

describe('webhook header values: write-only, sealed, sent only to their endpoint', () => {
  let t: TestApp;
  let worker: DeliveryWorker;
  const receiver = new WebhookReceiver();
  const values = { post: credential('v1-post'), kept: credential('v1-kept'), patched: credential('v1-patch'), voiceos: credential('voiceos'), first: credential('voiceos-1'), second: credential('voiceos-2') };
  const all = Object.values(values);
  let watcher: Json;
  let own: Json;

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await t.request(method, url, body);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    assertNone(res.body, all, `${method} ${url}`);
    return res.json();
  };

  before(async () => {
    await receiver.start();
    t = await createTestApp({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true', SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: '0,100ms,200ms' });
    worker = new DeliveryWorker(t.runtime.core.delivery, { concurrency: 4, pollMs: 20 }).start();
    // Another endpoint of the workspace, hearing every change to endpoints.
    watcher = await call('POST', '/v1/webhook-endpoints', { url: receiver.url('/watcher'), event_types: ['webhook_endpoint.*'] });
    receiver.trust('/watcher', watcher.secret);
  });
  after(async () => {
    await worker.stop(1000);
    await t.close();
    await receiver.close();
    await closeSharedWebhookAgents();
  });

  test('native POST and PATCH: answers show names with the mask; the mask keeps a value; null removes one', async () => {
    own = await call('POST', '/v1/webhook-endpoints', { url: receiver.url('/own'), event_types: ['phone_number.*'], headers: { Authorization: `Bearer ${values.post}`, 'X-Keep': values.kept, 'X-Gone': 'soon' } });
    receiver.trust('/own', own.secret);
    assert.deepEqual(own.headers, { Authorization: HEADER_VALUE_MASK, 'X-Keep': HEADER_VALUE_MASK, 'X-Gone': HEADER_VALUE_MASK });

    // What a client read, sent back with one new value: the masked ones keep theirs, in any case.
    const read = await call('GET', `/v1/webhook-endpoints/${own.id}`);
    const patched = await call('PATCH', `/v1/webhook-endpoints/${own.id}`, { headers: { ...read.headers, 'x-keep': HEADER_VALUE_MASK, 'X-New': values.patched, 'X-Gone': null } });
    assert.deepEqual(patched.headers, { Authorization: HEADER_VALUE_MASK, 'X-New': HEADER_VALUE_MASK, 'x-keep': HEADER_VALUE_MASK });
    const sealed = (await t.runtime.core.webhooks.getStored(t.first.workspace.id, own.id))!.sealedHeaders;
    assert.deepEqual(openHeaders(t.runtime.core.secrets, sealed), { Authorization: `Bearer ${values.post}`, 'X-New': values.patched, 'x-keep': values.kept });

    // A value changed alone looks the same masked: the event still says the headers changed.
    await call('PATCH', `/v1/webhook-endpoints/${own.id}`, { headers: { 'X-New': `${values.patched}!` } });
    await call('PATCH', `/v1/webhook-endpoints/${own.id}`, { headers: { 'X-New': values.patched } });
    const updates = (await listAll(t, `/v1/events?object_id=${own.id}&type=webhook_endpoint.updated`, 200)).items;
    assert.deepEqual(updates.slice(-2).map((e) => e.changes), [['headers'], ['headers']]);
    assertNone(JSON.stringify(updates), [`${values.patched}!`], 'the audit log');
  });

  test('the mask with no value to keep is 422 and writes nothing', async () => {
    const before = await call('GET', `/v1/webhook-endpoints/${own.id}`);
    const patch = await t.request('PATCH', `/v1/webhook-endpoints/${own.id}`, { headers: { 'X-Unknown': HEADER_VALUE_MASK } });
    assert.deepEqual(assertFaceError('v1', patch, 'PATCH a masked unknown header', 422).error.details, [{ field: 'headers.X-Unknown', message: `"${HEADER_VALUE_MASK}" keeps a header's stored value, and there is none to keep: send the value` }]);
    const create = await t.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/never'), headers: { Authorization: HEADER_VALUE_MASK } });
    assert.equal(assertFaceError('v1', create, 'create with a masked header', 422).error.details[0].field, 'headers.Authorization');
    assert.deepEqual(await call('GET', `/v1/webhook-endpoints/${own.id}`), before);
  });

  test('VoiceOS PATCH: masked in answers; a list sent back as read is unchanged; the mask keeps the value of the same URL\'s header', async () => {
    const number = await call('POST', '/v1/phone-numbers', { number: '+14155550177' });
    const path = `/phone_numbers/${encodeURIComponent(number.number)}`;
    const hook = { url: receiver.url('/voiceos'), events: ['phone_number.updated'], headers: { Authorization: values.voiceos } };
    const first = await call('PATCH', path, { webhooks: [hook] });
    assert.deepEqual(first.webhooks[0].headers, { Authorization: HEADER_VALUE_MASK });
    const [endpoint] = (await call('GET', `/v1/webhook-endpoints?phone_number_id=${number.id}`)).data;
    // Its secret is learnt natively, by rotating it.
    receiver.trust('/voiceos', (await call('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { overlap_seconds: 0 }, 200)).secret);

    const read = await call('GET', path);
    const eventsBefore = (await listAll(t, `/v1/events?object_id=${endpoint.id}`, 200)).items.length;
    const resent = await call('PATCH', path, { webhooks: read.webhooks });
    assert.deepEqual(resent.webhooks, read.webhooks);
    const [still] = (await call('GET', `/v1/webhook-endpoints?phone_number_id=${number.id}`)).data;
    assert.equal(still.id, endpoint.id, 'the same subscription: nothing changed');
    assert.equal((await listAll(t, `/v1/events?object_id=${endpoint.id}`, 200)).items.length, eventsBefore, 'and no event');

    // Changed otherwise, it is made again, and the masked header keeps its value.
    const changed = await call('PATCH', path, { webhooks: [{ ...read.webhooks[0], events: ['phone_number.updated', 'phone_number.released'] }] });
    const [remade] = (await call('GET', `/v1/webhook-endpoints?phone_number_id=${number.id}`)).data;
    assert.notEqual(remade.id, endpoint.id);
    assert.deepEqual(changed.webhooks[0].headers, { Authorization: HEADER_VALUE_MASK });
    receiver.trust('/voiceos', (await call('POST', `/v1/webhook-endpoints/${remade.id}/rotate-secret`, { overlap_seconds: 0 }, 200)).secret);
    const sealed = (await t.runtime.core.webhooks.getStored(t.first.workspace.id, remade.id))!.sealedHeaders;
    assert.deepEqual(openHeaders(t.runtime.core.secrets, sealed), { Authorization: values.voiceos });

    // A mask for a URL with no such header: 422 at its place, nothing changed.
    const elsewhere = await t.request('PATCH', path, { webhooks: [{ ...read.webhooks[0], url: 'https://elsewhere.example.com/hook' }] });
    assert.deepEqual(assertFaceError('voiceos', elsewhere, 'a mask for another URL', 422).detail[0].loc, ['body', 'webhooks', 0, 'headers', 'Authorization']);
    assert.equal((await call('GET', `/v1/webhook-endpoints?phone_number_id=${number.id}`)).data[0].id, remade.id);

    // A change to the number reaches both receivers with their real headers.
    await call('PATCH', `/v1/phone-numbers/${number.id}`, { friendly_name: 'deliver now' });
    await receiver.waitFor(() => receiver.received.some((r) => r.path === '/voiceos' && r.verified) && receiver.received.some((r) => r.path === '/own' && r.verified && r.event.type === 'phone_number.updated'));
    const toVoiceos = receiver.received.find((r) => r.path === '/voiceos' && r.verified)!;
    assert.equal(toVoiceos.headers.authorization, values.voiceos);
    const toOwn = receiver.received.find((r) => r.path === '/own' && r.event.type === 'phone_number.updated')!;
    assert.equal(toOwn.headers.authorization, `Bearer ${values.post}`);
    assert.equal(toOwn.headers['x-keep'], values.kept);
    assert.equal(toOwn.headers['x-new'], values.patched);
    assert.equal(toOwn.headers['x-gone'], undefined);
    assertNone(JSON.stringify(toOwn.event), all, 'a delivered phone_number event');
  });

  test('VoiceOS: two subscriptions to one URL with different values, sent back as read, both stay as they are', async () => {
    const number = await call('POST', '/v1/phone-numbers', { number: '+14155550178' });
    const path = `/phone_numbers/${encodeURIComponent(number.number)}`;
    const url = 'https://hooks.example.com/same';
    await call('PATCH', path, { webhooks: [{ url, headers: { Authorization: values.first } }, { url, events: ['phone_number.updated'], headers: { Authorization: values.second } }] });
    const before = (await call('GET', `/v1/webhook-endpoints?phone_number_id=${number.id}`)).data;
    await call('PATCH', path, { webhooks: (await call('GET', path)).webhooks });
    const after = (await call('GET', `/v1/webhook-endpoints?phone_number_id=${number.id}`)).data;
    assert.deepEqual(after.map((e: Json) => e.id), before.map((e: Json) => e.id));
    const sealed = await Promise.all(after.map(async (e: Json) => openHeaders(t.runtime.core.secrets, (await t.runtime.core.webhooks.getStored(t.first.workspace.id, e.id))!.sealedHeaders)));
    assert.deepEqual(sealed, [{ Authorization: values.first }, { Authorization: values.second }]);
  });

  test('nowhere else: answers, the audit log, events delivered to other endpoints, logs, the database', async () => {
    // The watcher hears of every endpoint change (about 10 so far), each as masked as the audit log.
    const audit = (await listAll(t, '/v1/events?object_type=webhook_endpoint', 200)).items;
    assert.ok(audit.length >= 10, `audit events: ${audit.length}`);
    await receiver.waitFor(() => new Set(receiver.received.filter((r) => r.path === '/watcher' && r.verified).map((r) => r.event.id)).size >= audit.length, 20_000, 'the watcher');
    const heard = receiver.received.filter((r) => r.path === '/watcher');
    assert.ok(heard.some((r) => r.event.data.object?.headers?.Authorization === HEADER_VALUE_MASK), 'the events show the header names, masked');
    for (const r of heard) {
      assertNone(r.payload, all, `a ${r.event.type} delivered to another endpoint`);
      assertNone(JSON.stringify(r.headers), all, 'the headers of a delivery to another endpoint');
    }
    assertNone(JSON.stringify(audit), all, 'GET /v1/events');

    for (const url of ['/v1/webhook-endpoints?limit=200', `/v1/webhook-endpoints/${own.id}`, '/phone_numbers?limit=200', `/v1/webhook-endpoints/${own.id}/deliveries?limit=200`]) await call('GET', url);
    assertNone(t.logs.join(''), all, 'the logs');
    assert.ok(t.logs.length > 0, 'logs were captured');

    const rows = await databaseText(t.runtime.store.db, t.dialect);
    assertNone(rows, all, 'the database rows');
    assert.ok(rows.includes(HEADER_VALUE_MASK), 'the rows were read');
    if (t.dialect === 'sqlite') assertNone(databaseFiles(t.config.dataDir), all, 'the database file');
  });
});

describe('endpoints saved before migration 0008: sealed and scrubbed at start, once', () => {
  let env: ChildEnv;
  let runtime: Runtime | null = null;
  const value = credential('legacy');
  after(async () => {
    await runtime?.close();
    await env?.cleanup();
    await closeSharedWebhookAgents();
  });

  test('clear values in an endpoint\'s doc and its audit events: sealed, masked, still delivered, idempotent across restarts', async () => {
    env = await createChildEnv();
    env.env.SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE = 'true';
    runtime = await env.openRuntime();
    const first = (await runtime.core.workspaces.bootstrapIfEmpty())!;
    const ctx: Context = operatorContext(first.workspace.id);
    const receiver = await new WebhookReceiver().start();
    try {
      const { endpoint, secret } = await runtime.core.webhooks.create(ctx, { url: receiver.url('/legacy'), headers: { 'X-Plain': 'one' } });
      await runtime.core.webhooks.update(ctx, endpoint.id, { headers: { 'X-Plain': 'two', Authorization: value } });
      receiver.trust('/legacy', secret);

      // The database as the code before 0008 left it: clear values in doc and in the events, no
      // sealed column value, the step not done.
      const db = runtime.store.db;
      const clear = { ...(await runtime.core.webhooks.get(ctx, endpoint.id)), headers: { 'X-Plain': 'two', Authorization: value } };
      await db.updateTable('webhook_endpoints').set({ doc: JSON.stringify(clear), headers_sealed: null }).where('id', '=', endpoint.id).execute();
      const events = await db.selectFrom('audit_events').select(['id', 'doc']).where('object_id', '=', endpoint.id).orderBy('id').execute();
      assert.equal(events.length, 2);
      const oldHeaders = [{ 'X-Plain': 'one' }, { 'X-Plain': 'two', Authorization: value }];
      for (const [i, row] of events.entries()) {
        const event = decodeEvent(row.doc);
        const before = i === 0 ? null : { ...event.before, headers: oldHeaders[0] };
        await db.updateTable('audit_events').set({ doc: encodeEvent({ ...event, before, after: { ...event.after, headers: oldHeaders[i] } }) }).where('id', '=', row.id).execute();
      }
      await db.deleteFrom('deployment_state').where('key', '=', WEBHOOK_HEADERS_SEALED).execute();
      assert.ok((await databaseText(db, runtime.store.dialect)).includes(value), 'the value is in clear before the restart');
      await runtime.close();
      runtime = null;

      // Three processes start on it at once (`switchboard migrate` runs the same step a server does).
      const runs = await Promise.all([1, 2, 3].map(() => runChild(['src/cli/main.ts', 'migrate', '--json'], env.env)));
      for (const run of runs) assert.equal(run.code, 0, run.stderr);

      runtime = await env.openRuntime();
      const rows = await databaseText(runtime.store.db, runtime.store.dialect);
      assertNone(rows, [value], 'the database after the restart');
      const stored = (await runtime.core.webhooks.getStored(first.workspace.id, endpoint.id))!;
      assert.deepEqual(stored.endpoint.headers, { 'X-Plain': HEADER_VALUE_MASK, Authorization: HEADER_VALUE_MASK });
      assert.deepEqual(openHeaders(runtime.core.secrets, stored.sealedHeaders), { 'X-Plain': 'two', Authorization: value });
      const audit = (await runtime.core.audit.list(ctx, { objectId: endpoint.id }, null, 10, 'asc')).items;
      assert.deepEqual(audit.map((e) => [e.before?.headers ?? null, e.after?.headers]), [
        [null, { 'X-Plain': HEADER_VALUE_MASK }],
        [{ 'X-Plain': HEADER_VALUE_MASK }, { 'X-Plain': HEADER_VALUE_MASK, Authorization: HEADER_VALUE_MASK }],
      ]);
      const marks = await runtime.store.db.selectFrom('deployment_state').select('key').where('key', '=', WEBHOOK_HEADERS_SEALED).execute();
      assert.equal(marks.length, 1);

      // Another restart changes nothing.
      await runtime.close();
      runtime = await env.openRuntime();
      const again = (await runtime.core.webhooks.getStored(first.workspace.id, endpoint.id))!;
      assert.equal(again.sealedHeaders, stored.sealedHeaders, 'not sealed twice');

      // And the receiver still gets the real values.
      const sent = await runtime.core.deliveries.test(ctx, endpoint.id);
      assert.equal(sent.succeeded, true, sent.error ?? '');
      const got = receiver.received.find((r) => r.path === '/legacy')!;
      assert.ok(got.verified);
      assert.equal(got.headers.authorization, value);
      assert.equal(got.headers['x-plain'], 'two');
    } finally {
      await receiver.close();
    }
  });
});
