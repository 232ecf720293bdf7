// The SDK against a real listening server, through Node's own fetch: typed CRUD, errors as
// SwitchboardError, Idempotency-Key, If-Match, and lists as async iterators over every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createClient, SwitchboardError, type SwitchboardClient } from '../sdk/src/index.ts';
import { createKey, createTestApp, type TestApp } from './helpers/app.ts';

async function rejects(promise: Promise<unknown>, status: number, code: string): Promise<SwitchboardError> {
  const error = await promise.then(() => assert.fail(`expected ${status} ${code}`), (e: unknown) => e);
  assert.ok(error instanceof SwitchboardError, `a SwitchboardError, not ${String(error)}`);
  assert.equal(error.status, status, error.message);
  assert.equal(error.code, code, error.message);
  assert.match(error.request_id ?? '', /\S/, 'request_id');
  return error;
}

describe('SDK against a listening server', () => {
  let t: TestApp;
  let baseUrl: string;
  let sb: SwitchboardClient;

  before(async () => {
    t = await createTestApp({ SWITCHBOARD_WORKER: 'false' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    sb = createClient({ baseUrl, apiKey: t.key });
  });
  after(() => t.close());

  test('me: the key and its scopes', async () => {
    const me = await sb.me();
    assert.equal(me.workspace.id, t.first.workspace.id);
    assert.ok(me.api_key.scopes.includes('operator') || me.api_key.scopes.includes('admin'), me.api_key.scopes.join());
  });

  test('numbers and agents: create, get, update, list, release', async () => {
    const agent = await sb.agents.create({ name: 'Front desk' });
    const number = await sb.phoneNumbers.create({ number: '+1 415 555 0100', friendly_name: 'Main line' });
    assert.equal(number.number, '+14155550100');
    const changed = await sb.phoneNumbers.update(number.id, { inbound_agent_id: agent.id });
    assert.equal(changed.inbound_agent_id, agent.id);
    assert.equal(changed.inbound_target, 'agent');
    assert.equal((await sb.phoneNumbers.get('+14155550100')).id, number.id, 'by number, URL-encoded');
    const routed = await sb.phoneNumbers.list({ agent_id: agent.id }).toArray();
    assert.deepEqual(routed.map((n) => n.id), [number.id]);
    assert.equal((await sb.phoneNumbers.release(number.id)).id, number.id);
    await rejects(sb.phoneNumbers.get(number.id), 404, 'not_found');
    await sb.agents.delete(agent.id);
    await rejects(sb.agents.get(agent.id), 404, 'not_found');
  });

  test('errors are SwitchboardError with code, message, request_id and field details', async () => {
    const invalid = await rejects(sb.phoneNumbers.create({ number: '+1 555' }), 422, 'validation_failed');
    assert.ok(invalid.details.length > 0, 'details');
    assert.ok(invalid.detailFor('number'), JSON.stringify(invalid.details));
    const anonymous = createClient({ baseUrl, apiKey: 'sb_not_a_key' });
    await rejects(anonymous.me(), 401, 'unauthorized');
    const reader = createClient({ baseUrl, apiKey: (await createKey(t, ['agents:read'])).key });
    const forbidden = await rejects(reader.agents.create({ name: 'nope' }), 403, 'forbidden');
    assert.match(forbidden.message, /agents:write/);
  });

  test('Idempotency-Key: the same key and body answer the first answer, once written', async () => {
    const first = await sb.agents.create({ name: 'Once' }, { idempotencyKey: 'sdk-once-1' });
    const again = await sb.agents.create({ name: 'Once' }, { idempotencyKey: 'sdk-once-1' });
    assert.equal(again.id, first.id);
    const all = await sb.agents.list().toArray();
    assert.equal(all.filter((a) => a.name === 'Once').length, 1);
    await rejects(sb.agents.create({ name: 'Other body' }, { idempotencyKey: 'sdk-once-1' }), 422, 'idempotency_key_reused');
  });

  test('If-Match: a stale version is 412 precondition_failed and writes nothing', async () => {
    const number = await sb.phoneNumbers.create({ number: '+14155550101' });
    const v1 = await sb.phoneNumbers.update(number.id, { friendly_name: 'first' }, { ifMatch: number.version });
    await rejects(sb.phoneNumbers.update(number.id, { friendly_name: 'lost' }, { ifMatch: number.version }), 412, 'precondition_failed');
    assert.equal((await sb.phoneNumbers.get(number.id)).friendly_name, 'first');
    const v2 = await sb.phoneNumbers.update(number.id, { friendly_name: 'second' }, { ifMatch: `"${v1.version}"` });
    assert.equal(v2.friendly_name, 'second');
  });

  test('lists: an async iterator over every page, and page() for one', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await sb.phoneNumbers.create({ number: `+1628555${String(1000 + i)}` })).id);
    const list = sb.phoneNumbers.list({ number_prefix: '+1628555', limit: 3 });
    const first = await list.page();
    assert.equal(first.data.length, 3);
    assert.equal(first.has_more, true);
    const second = await list.page({ cursor: first.next_cursor });
    assert.notDeepEqual(second.data.map((n) => n.id), first.data.map((n) => n.id));
    let pages = 0;
    for await (const page of list.pages()) pages++;
    assert.equal(pages, 3);
    const seen: string[] = [];
    for await (const n of list) seen.push(n.id);
    assert.deepEqual(seen, made);
    assert.deepEqual((await list.toArray(4)).map((n) => n.id), made.slice(0, 4));
  });

  test('bulk update through the SDK: per-item results', async () => {
    const a = await sb.phoneNumbers.create({ number: '+14155550102' });
    const b = await sb.phoneNumbers.create({ number: '+14155550103' });
    const result = await sb.phoneNumbers.bulkUpdate({ items: [{ id: a.id, friendly_name: 'bulk a' }, { number: b.number, friendly_name: 'bulk b' }] }, { idempotencyKey: 'sdk-bulk-1' });
    assert.deepEqual(result.updated.map((u) => u.id), [a.id, b.id], JSON.stringify(result));
    assert.deepEqual(result.errors, []);
    assert.equal((await sb.phoneNumbers.get(b.id)).friendly_name, 'bulk b');
  });

  test('webhook endpoints: create shows the secret once, rotate, deliveries list', async () => {
    const endpoint = await sb.webhookEndpoints.create({ url: 'https://example.com/hooks', event_types: ['phone_number.*'] });
    assert.match(endpoint.secret, /^whsec_/);
    assert.equal('secret' in (await sb.webhookEndpoints.get(endpoint.id)), false);
    const rotated = await sb.webhookEndpoints.rotateSecret(endpoint.id, { overlap_seconds: 60 });
    assert.match(rotated.secret, /^whsec_/);
    assert.notEqual(rotated.secret, endpoint.secret);
    assert.deepEqual(await sb.webhookDeliveries.list(endpoint.id).toArray(), []);
    await rejects(sb.webhookDeliveries.get(endpoint.id, '01900000-0000-7000-8000-000000000000'), 404, 'not_found');
    const types = await sb.eventTypes();
    assert.ok(types.data.some((e) => e.type === 'phone_number.updated'));
  });

  test('api keys and the audit log', async () => {
    const issued = await sb.apiKeys.create({ name: 'sdk reader', scopes: ['numbers:read'] });
    assert.match(issued.secret, /^sb_/);
    const revoked = await sb.apiKeys.revoke(issued.id);
    assert.ok(revoked.revoked_at);
    await rejects(createClient({ baseUrl, apiKey: issued.secret }).me(), 401, 'unauthorized');
    const events = await sb.events.list({ object_id: issued.id }).toArray();
    // the audit log is newest first
    assert.deepEqual(events.map((e) => e.type), ['api_key.revoked', 'api_key.created']);
  });

  test('a custom fetch is used, and a server that does not answer is a network_error', async () => {
    const urls: string[] = [];
    const traced = createClient({ baseUrl: `${baseUrl}/`, apiKey: t.key, fetch: (input, init) => (urls.push(String(input)), fetch(input, init)) });
    await traced.agents.list({ limit: 1 }).page();
    assert.deepEqual(urls, [`${baseUrl}/v1/agents?limit=1`]);
    const nowhere = createClient({ baseUrl: 'http://127.0.0.1:1', apiKey: t.key });
    const error = await nowhere.me().catch((e: unknown) => e);
    assert.ok(error instanceof SwitchboardError);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'network_error');
  });
});
