// The VoiceOS face (/phone_numbers): the seed's PATCH by phone number, GET one, GET list, with
// FastAPI-style errors, against a real database through inject(). No public OpenAPI file
// exists for VoiceOS: the seed page (shared/seeds/voiceos-patch-phone-number.txt) is the contract.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { openHeaders } from '../src/core/webhooks/headers.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

let seq = 0;
const nextNumber = () => `+1415555${String(6000 + seq++).padStart(4, '0')}`;
const enc = (e164: string) => encodeURIComponent(e164);

const SEED_KEYS = ['uri', 'inbound_agent_id', 'phone_number', 'account_id', 'created_at', 'updated_at', 'telephony', 'webhooks', 'id'];
const SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

interface Other {
  workspaceId: string;
  userId: string;
  key: string;
}

async function addNumber(t: TestApp, body: Record<string, unknown> = {}, key?: string) {
  const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), ...body }, key ? { key } : undefined);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; version: number };
}

async function addAgent(t: TestApp, key?: string) {
  const res = await t.request('POST', '/v1/agents', { name: 'Agent' }, key ? { key } : undefined);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

async function native(t: TestApp, id: string) {
  const res = await t.request('GET', `/v1/phone-numbers/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function patch(t: TestApp, path: string, body: unknown, options?: { key?: string | null }) {
  return t.request('PATCH', `/phone_numbers/${path}`, body, options);
}

function ok(res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assertSeedShape(body);
  return body;
}

/** Exactly the seed's fields, in the seed's order, with the seed's types. */
function assertSeedShape(n: any) {
  assert.deepEqual(Object.keys(n), SEED_KEYS);
  assert.equal(n.uri, `/phone_numbers/${n.phone_number}`);
  assert.match(n.phone_number, /^\+[1-9]\d{1,14}$/);
  assert.match(n.created_at, SECONDS);
  assert.match(n.updated_at, SECONDS);
  assert.ok(n.inbound_agent_id === null || typeof n.inbound_agent_id === 'string');
  assert.deepEqual(Object.keys(n.telephony), ['provider', 'phone_number_sid', 'account_sid', 'auth_token']);
  assert.ok(n.telephony.auth_token === null || n.telephony.auth_token === '********', `auth_token in clear: ${n.telephony.auth_token}`);
  assert.ok(Array.isArray(n.webhooks));
  for (const w of n.webhooks) assert.deepEqual(Object.keys(w), ['events', 'url', 'method', 'headers', 'filter']);
  assert.equal(typeof n.id, 'string');
}

/** FastAPI's HTTPException body. */
function assertDetail(res: LightMyRequestResponse, status: number, pattern?: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['detail'], res.body);
  assert.equal(typeof body.detail, 'string');
  assert.ok(body.detail.length > 0);
  if (pattern) assert.match(body.detail, pattern);
}

/** FastAPI's 422: a list of {loc, msg, type}; one item's loc must equal `loc`. */
function assert422(res: LightMyRequestResponse, loc: (string | number)[], type?: string) {
  assert.equal(res.statusCode, 422, res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['detail'], res.body);
  assert.ok(Array.isArray(body.detail) && body.detail.length > 0, res.body);
  for (const item of body.detail) {
    assert.deepEqual(Object.keys(item), ['loc', 'msg', 'type'], res.body);
    assert.ok(Array.isArray(item.loc) && typeof item.msg === 'string' && typeof item.type === 'string');
  }
  const hit = body.detail.find((d: any) => JSON.stringify(d.loc) === JSON.stringify(loc));
  assert.ok(hit, `expected an item at ${JSON.stringify(loc)}: ${res.body}`);
  if (type) assert.equal(hit.type, type, res.body);
  return body.detail;
}

async function eventsOfType(t: TestApp, type: string) {
  const res = await t.request('GET', `/v1/events?type=${type}&limit=200&order=asc`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data as any[];
}

const hook = (url: string, extra: Record<string, unknown> = {}) => ({ events: ['phone_call:connection_requested'], url, ...extra });

describe('VoiceOS PATCH /phone_numbers/{phone_number}', () => {
  let t: TestApp;
  let other: Other;
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('the seed request, with the number URL-encoded: the seed response', async () => {
    const n = await addNumber(t);
    const agent = await addAgent(t);
    const body = ok(await patch(t, enc(n.number), {
      inbound_agent_id: agent,
      webhooks: [{ events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/calls', method: 'GET', headers: { 'X-Trace': 'abc' }, filter: 'direction == "inbound"' }],
    }));
    assert.equal(body.uri, `/phone_numbers/${n.number}`);
    assert.equal(body.inbound_agent_id, agent);
    assert.equal(body.phone_number, n.number);
    assert.equal(body.account_id, t.first.workspace.id);
    assert.equal(body.id, n.id);
    assert.deepEqual(body.telephony, { provider: null, phone_number_sid: null, account_sid: null, auth_token: null });
    // Header values are write-only: the names, each with the mask.
    assert.deepEqual(body.webhooks, [{ events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/calls', method: 'GET', headers: { 'X-Trace': '********' }, filter: 'direction == "inbound"' }]);
    const v1 = await native(t, n.id);
    assert.equal(body.created_at, v1.created_at.replace(/\.\d+Z$/, 'Z'));
    assert.equal(body.updated_at, v1.updated_at.replace(/\.\d+Z$/, 'Z'));
  });

  test('the number in the path: raw "+", "%2B" and without the plus all reach the same number', async () => {
    const n = await addNumber(t);
    const agent = await addAgent(t);
    const raw = ok(await patch(t, n.number, { inbound_agent_id: agent }));
    assert.equal(raw.id, n.id);
    assert.equal(raw.inbound_agent_id, agent);
    const encoded = ok(await patch(t, enc(n.number), { inbound_agent_id: null }));
    assert.equal(encoded.id, n.id);
    assert.equal(encoded.inbound_agent_id, null);
    const bare = ok(await patch(t, n.number.slice(1), { inbound_agent_id: agent }));
    assert.equal(bare.id, n.id);
    assert.equal(bare.inbound_agent_id, agent);
    assert.equal((await native(t, n.id)).inbound_agent_id, agent);
  });

  test('inbound_agent_id makes the agent the inbound target, seen by the native API; null clears it', async () => {
    const n = await addNumber(t);
    const agent = await addAgent(t);
    ok(await patch(t, enc(n.number), { inbound_agent_id: agent }));
    let v1 = await native(t, n.id);
    assert.equal(v1.inbound_agent_id, agent);
    assert.equal(v1.inbound_target, 'agent');
    const cleared = ok(await patch(t, enc(n.number), { inbound_agent_id: null }));
    assert.equal(cleared.inbound_agent_id, null);
    v1 = await native(t, n.id);
    assert.equal(v1.inbound_agent_id, null);
    assert.equal(v1.inbound_target, null);
  });

  test('a change made through the native API shows here, and only an agent in force is an inbound_agent_id', async () => {
    const agent = await addAgent(t);
    const flow = await t.request('POST', '/v1/workflows', { name: 'Flow' });
    assert.equal(flow.statusCode, 201, flow.body);
    const n = await addNumber(t, { inbound_agent_id: agent, telephony: { provider: 'vonage', account_sid: 'AC1' } });
    let body = ok(await t.request('GET', `/phone_numbers/${enc(n.number)}`));
    assert.equal(body.inbound_agent_id, agent);
    assert.equal(body.telephony.provider, 'vonage');
    assert.equal(body.telephony.account_sid, 'AC1');
    const switched = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { inbound_workflow_id: flow.json().id });
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal(switched.json().inbound_target, 'workflow');
    body = ok(await t.request('GET', `/phone_numbers/${enc(n.number)}`));
    assert.equal(body.inbound_agent_id, null, 'a workflow answers, not the stored agent');
    // Setting the agent here switches back.
    ok(await patch(t, enc(n.number), { inbound_agent_id: agent }));
    const v1 = await native(t, n.id);
    assert.equal(v1.inbound_target, 'agent');
    assert.equal(v1.inbound_workflow_id, flow.json().id, 'the workflow stays stored');
  });

  test('inbound_agent_id of an unknown agent, another workspace\'s agent or not an id: 422 naming it, nothing written', async () => {
    const n = await addNumber(t);
    const foreign = await addAgent(t, other.key);
    for (const id of ['01900000-0000-7000-8000-000000000000', foreign]) {
      const res = await patch(t, enc(n.number), { inbound_agent_id: id, webhooks: [hook('https://a.example.com/x')] });
      assert422(res, ['body', 'inbound_agent_id']);
    }
    assert422(await patch(t, enc(n.number), { inbound_agent_id: 'agent_123' }), ['body', 'inbound_agent_id'], 'uuid_parsing');
    const v1 = await native(t, n.id);
    assert.equal(v1.version, n.version);
    assert.equal(v1.inbound_agent_id, null);
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]), []);
  });

  test('webhooks replace the number\'s subscriptions, stored as core webhook endpoints and audited', async () => {
    const n = await addNumber(t);
    const createdBefore = (await eventsOfType(t, 'webhook_endpoint.created')).length;
    const deletedBefore = (await eventsOfType(t, 'webhook_endpoint.deleted')).length;

    const first = ok(await patch(t, enc(n.number), { webhooks: [hook('https://a.example.com/1'), hook('https://a.example.com/2', { method: 'PUT', events: ['phone_call:ended', 'phone_call:started'] })] }));
    assert.deepEqual(first.webhooks.map((w: any) => w.url), ['https://a.example.com/1', 'https://a.example.com/2']);
    assert.equal(first.webhooks[0].method, 'POST', 'POST when no method is given');
    assert.deepEqual(first.webhooks[0].headers, {});
    assert.equal(first.webhooks[0].filter, null);
    assert.deepEqual(first.webhooks[1].events, ['phone_call:ended', 'phone_call:started']);
    // GET reads the number and its subscriptions in one query: the same list, in the same order.
    assert.deepEqual(ok(await t.request('GET', `/phone_numbers/${enc(n.number)}`)).webhooks, first.webhooks);

    const second = ok(await patch(t, enc(n.number), { webhooks: [hook('https://b.example.com/only', { method: 'PATCH', headers: { Authorization: 'Bearer hook-secret' }, filter: 'x' })] }));
    assert.equal(second.webhooks.length, 1);
    assert.equal(second.webhooks[0].url, 'https://b.example.com/only');

    const stored = await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.url, 'https://b.example.com/only');
    assert.equal(stored[0]!.method, 'PATCH');
    assert.deepEqual(stored[0]!.event_types, ['phone_call:connection_requested']);
    assert.deepEqual(stored[0]!.headers, { Authorization: '********' });
    const sealed = (await t.runtime.core.webhooks.getStored(t.first.workspace.id, stored[0]!.id))!.sealedHeaders;
    assert.deepEqual(openHeaders(t.runtime.core.secrets, sealed), { Authorization: 'Bearer hook-secret' });
    assert.equal(stored[0]!.filter, 'x');
    assert.equal(stored[0]!.phone_number_id, n.id);
    assert.equal(stored[0]!.workspace_id, t.first.workspace.id);

    const created = (await eventsOfType(t, 'webhook_endpoint.created')).slice(createdBefore);
    const deleted = (await eventsOfType(t, 'webhook_endpoint.deleted')).slice(deletedBefore);
    assert.equal(created.length, 3);
    assert.equal(deleted.length, 2);
    assert.ok(created.every((e) => e.object_type === 'webhook_endpoint' && e.after.phone_number_id === n.id));
    assert.deepEqual(deleted.map((e) => e.before.url).sort(), ['https://a.example.com/1', 'https://a.example.com/2']);
    assert.equal(created.at(-1)!.object_id, stored[0]!.id);

    // Absent: unchanged (even when other fields change).
    const agent = await addAgent(t);
    const kept = ok(await patch(t, enc(n.number), { inbound_agent_id: agent }));
    assert.equal(kept.webhooks.length, 1);
    assert.equal((await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]))[0]!.id, stored[0]!.id);
    // []: none.
    assert.deepEqual(ok(await patch(t, enc(n.number), { webhooks: [] })).webhooks, []);
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]), []);
    // null: none, too.
    ok(await patch(t, enc(n.number), { webhooks: [hook('https://c.example.com/')] }));
    assert.deepEqual(ok(await patch(t, enc(n.number), { webhooks: null })).webhooks, []);
  });

  test('an invalid webhook URL or a header with CR-LF: 422 at its loc, and nothing is written', async () => {
    const n = await addNumber(t);
    const agent = await addAgent(t);
    const before = ok(await patch(t, enc(n.number), { webhooks: [hook('https://keep.example.com/')] }));
    const storedBefore = await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]);
    const v1Before = await native(t, n.id);
    const eventsBefore = (await t.request('GET', '/v1/events?limit=200')).json().data.length;

    const cases: [unknown[], (string | number)[]][] = [
      [[hook('https://fine.example.com/'), hook('not a url')], ['body', 'webhooks', 1, 'url']],
      [[hook('ftp://files.example.com/')], ['body', 'webhooks', 0, 'url']],
      [[hook('https://x.example.com/', { headers: { 'X-Evil': 'a\r\nSet-Cookie: x=1' } })], ['body', 'webhooks', 0, 'headers', 'X-Evil']],
      [[hook('https://x.example.com/', { headers: { 'Bad Name': 'v' } })], ['body', 'webhooks', 0, 'headers', 'Bad Name']],
    ];
    for (const [webhooks, loc] of cases) {
      assert422(await patch(t, enc(n.number), { inbound_agent_id: agent, webhooks }), loc, 'value_error');
    }
    const v1After = await native(t, n.id);
    assert.equal(v1After.version, v1Before.version);
    assert.equal(v1After.inbound_agent_id, null, 'the valid part of the patch is not applied');
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]), storedBefore);
    assert.deepEqual(ok(await t.request('GET', `/phone_numbers/${enc(n.number)}`)).webhooks, before.webhooks);
    assert.equal((await t.request('GET', '/v1/events?limit=200')).json().data.length, eventsBefore);
  });

  test('schema errors are FastAPI 422s at the right loc', async () => {
    const n = await addNumber(t);
    const path = enc(n.number);
    assert422(await patch(t, path, { inbound_agent: 'x' }), ['body', 'inbound_agent'], 'extra_forbidden');
    assert422(await patch(t, path, { webhooks: [{ events: [], url: 'https://a.example.com', secret: 'x' }] }), ['body', 'webhooks', 0, 'secret'], 'extra_forbidden');
    assert422(await patch(t, path, { webhooks: [{ events: ['x'] }] }), ['body', 'webhooks', 0, 'url'], 'missing');
    assert422(await patch(t, path, { webhooks: [hook('https://a.example.com', { method: 'DELETE' })] }), ['body', 'webhooks', 0, 'method'], 'enum');
    assert422(await patch(t, path, { webhooks: { url: 'https://a.example.com' } }), ['body', 'webhooks'], 'list_type');
    assert422(await patch(t, path, { webhooks: [hook('https://a.example.com', { events: 'phone_call:ended' })] }), ['body', 'webhooks', 0, 'events'], 'list_type');
    assert422(await patch(t, path, { webhooks: [hook('https://a.example.com', { headers: { 'X-A': 1 } })] }), ['body', 'webhooks', 0, 'headers', 'X-A'], 'string_type');
    assert422(await patch(t, path, { telephony: { provider: 'twilio', auth: 'x' } }), ['body', 'telephony', 'auth'], 'extra_forbidden');
    assert422(await patch(t, path, { telephony: { account_sid: 'A'.repeat(129) } }), ['body', 'telephony', 'account_sid'], 'string_too_long');
    assert422(await patch(t, path, [1]), ['body'], 'dict_type');
    const bad = await t.app.inject({ method: 'PATCH', url: `/phone_numbers/${path}`, headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' }, payload: '{"webhooks": [' });
    assert422(bad, ['body'], 'json_invalid');
    const v1 = await native(t, n.id);
    assert.equal(v1.version, n.version);
  });

  test('telephony: written through, auth_token never echoed; the mask sent back keeps it; null clears it', async () => {
    const n = await addNumber(t);
    const token = 'tw-secret-token-4242';
    const set = await patch(t, enc(n.number), { telephony: { provider: 'twilio', phone_number_sid: 'PN1', account_sid: 'AC1', auth_token: token } });
    assert.ok(!set.body.includes(token), 'token in the PATCH answer');
    assert.deepEqual(ok(set).telephony, { provider: 'twilio', phone_number_sid: 'PN1', account_sid: 'AC1', auth_token: '********' });
    const read = await t.request('GET', `/phone_numbers/${enc(n.number)}`);
    assert.ok(!read.body.includes(token));
    assert.equal(ok(read).telephony.auth_token, '********');
    const list = await t.request('GET', '/phone_numbers?limit=200');
    assert.ok(!list.body.includes(token));
    let v1 = await native(t, n.id);
    assert.equal(v1.telephony.auth_token_set, true);
    assert.equal(v1.telephony.provider, 'twilio');
    const sealed = (await t.runtime.store.phoneNumbers.get(t.first.workspace.id, n.id))!.telephony.auth_token_sealed;
    assert.ok(sealed && !sealed.includes(token));

    // A client echoing what it read: the mask changes nothing, the other fields still apply.
    ok(await patch(t, enc(n.number), { telephony: { ...ok(read).telephony, account_sid: 'AC2' } }));
    const after = (await t.runtime.store.phoneNumbers.get(t.first.workspace.id, n.id))!.telephony;
    assert.equal(after.auth_token_sealed, sealed);
    assert.equal(after.account_sid, 'AC2');
    assert.equal(t.runtime.core.secrets.decrypt(after.auth_token_sealed!), token);

    const cleared = ok(await patch(t, enc(n.number), { telephony: { auth_token: null } }));
    assert.equal(cleared.telephony.auth_token, null);
    assert.equal(cleared.telephony.provider, 'twilio', 'absent fields are unchanged');
    v1 = await native(t, n.id);
    assert.equal(v1.telephony.auth_token_set, false);
    const reset = ok(await patch(t, enc(n.number), { telephony: null }));
    assert.deepEqual(reset.telephony, { provider: null, phone_number_sid: null, account_sid: null, auth_token: null });

    const events = await t.request('GET', `/v1/events?object_id=${n.id}&limit=200&order=asc`);
    assert.ok(!events.body.includes(token), 'token in the audit log');
    assert.ok(!t.logs.join('').includes(token), 'token in the logs');
  });

  test('an empty body changes nothing', async () => {
    const n = await addNumber(t);
    const body = ok(await patch(t, enc(n.number), {}));
    assert.equal(body.id, n.id);
    assert.equal((await native(t, n.id)).version, n.version);
  });
});

describe('VoiceOS GET /phone_numbers and /phone_numbers/{phone_number}', () => {
  let t: TestApp;
  let other: Other;
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('GET one by number, in every path form, with its webhooks', async () => {
    const n = await addNumber(t);
    ok(await patch(t, enc(n.number), { webhooks: [hook('https://a.example.com/1')] }));
    for (const path of [n.number, enc(n.number), n.number.slice(1)]) {
      const body = ok(await t.request('GET', `/phone_numbers/${path}`));
      assert.equal(body.id, n.id);
      assert.equal(body.phone_number, n.number);
      assert.deepEqual(body.webhooks.map((w: any) => w.url), ['https://a.example.com/1']);
    }
  });

  test('GET list: {data, next_cursor, has_more} pages over the workspace\'s numbers only, each with its own webhooks', async () => {
    const mine = [await addNumber(t), await addNumber(t), await addNumber(t), await addNumber(t), await addNumber(t)];
    const theirs = await addNumber(t, {}, other.key);
    ok(await patch(t, enc(mine[1]!.number), { webhooks: [hook('https://one.example.com/')] }));
    ok(await patch(t, enc(mine[3]!.number), { webhooks: [hook('https://three.example.com/a'), hook('https://three.example.com/b')] }));
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.request('GET', `/phone_numbers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(Object.keys(body), ['data', 'next_cursor', 'has_more']);
      assert.ok(body.data.length <= 2);
      assert.equal(body.has_more, body.next_cursor !== null);
      body.data.forEach(assertSeedShape);
      seen.push(...body.data);
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    const v1 = await t.request('GET', '/v1/phone-numbers?limit=200');
    const all = v1.json().data.map((x: any) => x.id);
    assert.ok(all.length >= mine.length);
    assert.equal(pages, Math.ceil(all.length / 2));
    assert.deepEqual(seen.map((n) => n.id), all, 'every number once, oldest first');
    assert.deepEqual(seen.map((n) => n.id).filter((id) => mine.some((m) => m.id === id)), mine.map((n) => n.id));
    assert.ok(!seen.some((n) => n.id === theirs.id));
    assert.ok(seen.every((n) => n.account_id === t.first.workspace.id));
    const byId = new Map(seen.map((n) => [n.id, n]));
    assert.deepEqual(byId.get(mine[0]!.id).webhooks, []);
    assert.deepEqual(byId.get(mine[1]!.id).webhooks.map((w: any) => w.url), ['https://one.example.com/']);
    assert.deepEqual(byId.get(mine[3]!.id).webhooks.map((w: any) => w.url), ['https://three.example.com/a', 'https://three.example.com/b']);
  });

  test('bad paging parameters: 422 at query.limit / query.cursor', async () => {
    assert422(await t.request('GET', '/phone_numbers?limit=0'), ['query', 'limit'], 'greater_than_equal');
    assert422(await t.request('GET', '/phone_numbers?limit=201'), ['query', 'limit'], 'less_than_equal');
    assert422(await t.request('GET', '/phone_numbers?limit=ten'), ['query', 'limit'], 'int_type');
    assert422(await t.request('GET', '/phone_numbers?cursor=not-a-cursor'), ['query', 'cursor'], 'value_error');
  });

  test('unknown, released, malformed numbers and unknown routes: 404 {"detail"}; another method 405', async () => {
    assertDetail(await t.request('GET', '/phone_numbers/%2B14155550199'), 404, /not found/);
    assertDetail(await patch(t, enc('+14155550199'), { inbound_agent_id: null }), 404, /not found/);
    assertDetail(await t.request('GET', '/phone_numbers/not-a-number'), 404);
    const n = await addNumber(t);
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${n.id}`)).statusCode, 200);
    assertDetail(await t.request('GET', `/phone_numbers/${enc(n.number)}`), 404);
    assertDetail(await patch(t, enc(n.number), { webhooks: [] }), 404);
    // The path is the number, not the id.
    const live = await addNumber(t);
    assertDetail(await t.request('GET', `/phone_numbers/${live.id}`), 404);
    const unknownRoute = await t.request('GET', `/phone_numbers/${enc(live.number)}/calls`);
    assert.equal(unknownRoute.statusCode, 404);
    assert.deepEqual(unknownRoute.json(), { detail: 'Not Found' });
    // A method the path does not take is FastAPI's 405, with Allow.
    const otherMethod = await t.request('DELETE', `/phone_numbers/${enc(live.number)}`);
    assert.equal(otherMethod.statusCode, 405);
    assert.deepEqual(otherMethod.json(), { detail: 'Method Not Allowed' });
    assert.equal(otherMethod.headers.allow, 'GET, HEAD, PATCH');
  });
});

describe('VoiceOS authentication and tenancy', () => {
  let t: TestApp;
  let other: Other;
  let n: { id: string; number: string; version: number };
  let theirs: { id: string; number: string; version: number };
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
    n = await addNumber(t);
    theirs = await addNumber(t, {}, other.key);
  });
  after(() => t.close());

  const routes = () => [
    { method: 'GET' as const, url: '/phone_numbers', body: undefined, scope: 'numbers:read' },
    { method: 'GET' as const, url: `/phone_numbers/${enc(n.number)}`, body: undefined, scope: 'numbers:read' },
    { method: 'PATCH' as const, url: `/phone_numbers/${enc(n.number)}`, body: { webhooks: [hook('https://x.example.com/')] }, scope: 'numbers:write' },
  ];

  test('no key, a bad key, a malformed header: 401 {"detail"} with WWW-Authenticate: Bearer', async () => {
    for (const r of routes()) {
      for (const headers of [{}, { authorization: 'Bearer sb_not_a_real_key' }, { authorization: 'Token abc' }]) {
        const res = await t.app.inject({ method: r.method, url: r.url, headers, ...(r.body ? { payload: r.body } : {}) });
        assertDetail(res, 401);
        assert.equal(res.headers['www-authenticate'], 'Bearer');
      }
    }
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]), []);
  });

  test('a revoked key: 401', async () => {
    const key = await createKey(t, ['numbers:write']);
    assert.equal((await t.request('GET', '/phone_numbers', undefined, { key: key.key })).statusCode, 200);
    assert.equal((await t.request('DELETE', `/v1/api-keys/${key.id}`)).statusCode, 200);
    for (const r of routes()) assertDetail(await t.request(r.method, r.url, r.body, { key: key.key }), 401);
  });

  test('a key without the scope: 403 {"detail"} naming it; numbers:read reads but cannot write', async () => {
    const none = await createKey(t, ['agents:read']);
    for (const r of routes()) assertDetail(await t.request(r.method, r.url, r.body, { key: none.key }), 403, new RegExp(r.scope));
    const reader = await createKey(t, ['numbers:read']);
    for (const r of routes()) {
      const res = await t.request(r.method, r.url, r.body, { key: reader.key });
      if (r.scope === 'numbers:read') assert.equal(res.statusCode, 200, res.body);
      else assertDetail(res, 403, /numbers:write/);
    }
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]), []);
    // Replacing the subscriptions (even with none) writes webhooks: numbers:write is not enough.
    const writer = await createKey(t, ['numbers:write']);
    assertDetail(await t.request('PATCH', `/phone_numbers/${enc(n.number)}`, { webhooks: [] }, { key: writer.key }), 403, /webhooks:write/);
    const both = await createKey(t, ['numbers:write', 'webhooks:write']);
    assert.equal(ok(await t.request('PATCH', `/phone_numbers/${enc(n.number)}`, { webhooks: [] }, { key: both.key })).id, n.id);
  });

  test('another workspace\'s number: 404, and a PATCH changes nothing there', async () => {
    assertDetail(await t.request('GET', `/phone_numbers/${enc(theirs.number)}`), 404);
    const agent = await addAgent(t);
    assertDetail(await patch(t, enc(theirs.number), { inbound_agent_id: agent, webhooks: [hook('https://x.example.com/')] }), 404);
    const res = await t.request('GET', `/v1/phone-numbers/${theirs.id}`, undefined, { key: other.key });
    assert.equal(res.json().version, theirs.version);
    const theirCtx = { actor: { workspaceId: other.workspaceId, userId: other.userId, apiKeyId: null, type: 'api_key' as const }, scopes: ALL_SCOPES, requestId: 'test' };
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(theirCtx as never, [theirs.id]), []);
    // And their key sees theirs, not ours.
    const list = await t.request('GET', '/phone_numbers?limit=200', undefined, { key: other.key });
    assert.deepEqual(list.json().data.map((x: any) => x.id), [theirs.id]);
    assertDetail(await t.request('GET', `/phone_numbers/${enc(n.number)}`, undefined, { key: other.key }), 404);
  });
});

/** A core Context for the first workspace, for reading through the core directly. */
function ctxOf(t: TestApp) {
  return { actor: { workspaceId: t.first.workspace.id, userId: t.first.user.id, apiKeyId: t.first.apiKey.key.id, type: 'api_key' as const }, scopes: ALL_SCOPES, requestId: 'test' };
}
