// The native phone-number API (/v1/phone-numbers): create, read, list, update, release,
// secrets, idempotency and audit, against a real database through inject().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';

// Distinct valid US numbers, unique within this file (+1 415 555 1000, 1001, …).
let seq = 0;
const nextNumber = () => `+1415555${String(1000 + seq++).padStart(4, '0')}`;
const pretty = (e164: string) => `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const enc = (e164: string) => encodeURIComponent(e164);

interface Other {
  workspaceId: string;
  userId: string;
  key: string;
}

async function create(t: TestApp, body: Record<string, unknown>, options?: { key?: string; headers?: Record<string, string> }) {
  const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), ...body }, options);
  return res;
}

async function created(t: TestApp, body: Record<string, unknown> = {}, options?: { key?: string }) {
  const res = await create(t, body, options);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function assertError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(typeof body.error, 'object', res.body);
  assert.equal(body.error.code, code, res.body);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  if (field !== undefined) {
    assert.ok(Array.isArray(body.error.details), `no details: ${res.body}`);
    assert.ok(
      body.error.details.some((d: { field: string }) => d.field === field),
      `expected a detail naming ${field}: ${res.body}`,
    );
  }
  return body.error;
}

async function events(t: TestApp, objectId: string, type?: string) {
  const q = new URLSearchParams({ object_id: objectId, limit: '200', ...(type ? { type } : {}) });
  const res = await t.request('GET', `/v1/events?order=asc&${q}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data as Array<Record<string, any>>;
}

async function createAgent(t: TestApp, key?: string) {
  const res = await t.request('POST', '/v1/agents', { name: 'Agent' }, key ? { key } : undefined);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

async function createWorkflow(t: TestApp, key?: string) {
  const res = await t.request('POST', '/v1/workflows', { name: 'Flow' }, key ? { key } : undefined);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

async function listAll(t: TestApp, query = '', key?: string) {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/v1/phone-numbers?limit=200${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await t.request('GET', url, undefined, key ? { key } : undefined);
    assert.equal(res.statusCode, 200, res.body);
    out.push(...res.json().data);
    cursor = res.json().next_cursor;
  } while (cursor);
  return out;
}

describe('POST /v1/phone-numbers', () => {
  let t: TestApp;
  let other: Other;
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('creates a number: 201, Location, ETag "1", normalised number, derived fields, defaults', async () => {
    const e164 = nextNumber();
    const res = await t.request('POST', '/v1/phone-numbers', { number: pretty(e164) });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(res.headers.etag, '"1"');
    assert.equal(res.headers.location, `/v1/phone-numbers/${body.id}`);
    assert.match(body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(body.number, e164);
    assert.equal(body.workspace_id, t.first.workspace.id);
    assert.equal(body.created_by_user_id, t.first.user.id);
    assert.equal(body.country_code, 'US');
    assert.equal(body.number_type, 'fixed_line_or_mobile');
    assert.equal(body.version, 1);
    assert.equal(body.released_at, null);
    assert.equal(body.created_at, body.updated_at);
    assert.ok(!Number.isNaN(Date.parse(body.created_at)));
    // Defaults.
    assert.equal(body.friendly_name, null);
    assert.deepEqual(body.capabilities, { voice: true, sms: false, mms: false, fax: false });
    assert.equal(body.active, true);
    assert.equal(body.outbound_only, false);
    assert.deepEqual(body.emergency_calling, { enabled: false, address_id: null });
    assert.equal(body.inbound_target, null);
    assert.equal(body.inbound_agent_id, null);
    assert.equal(body.inbound_workflow_id, null);
    assert.equal(body.outbound_agent_id, null);
    assert.equal(body.outbound_workflow_id, null);
    assert.equal(body.call_handler.type, null);
    assert.equal(body.call_handler.receive_mode, 'voice');
    assert.equal(body.message_handler.type, null);
    assert.deepEqual(body.sip_inbound, { enabled: false, origination_uri: null });
    assert.deepEqual(body.sip_outbound, {
      enabled: false, endpoint: null, port: null, username: null, from_domain: null, transport: 'UDP', secure_media: false, headers: [], password_set: false,
    });
    assert.deepEqual(body.telephony, { provider: null, phone_number_sid: null, account_sid: null, auth_token_set: false });
    assert.deepEqual(body.labels, {});
    assert.deepEqual(body.metadata, {});
    assert.deepEqual(body.example_context, {});

    // The Location answers with the same object.
    const got = await t.request('GET', res.headers.location as string);
    assert.equal(got.statusCode, 200, got.body);
    assert.deepEqual(got.json(), body);
  });

  test('keeps the fields it is given', async () => {
    const body = await created(t, {
      friendly_name: 'Sales line',
      capabilities: { sms: true },
      active: false,
      labels: { team: 'sales' },
      metadata: { crm: { id: 42 } },
      sip_outbound: { enabled: true, endpoint: 'trunk.example.com', port: 5061, transport: 'TLS', headers: [{ name: 'X-Tenant', value: 'acme' }] },
    });
    assert.equal(body.friendly_name, 'Sales line');
    assert.deepEqual(body.capabilities, { voice: true, sms: true, mms: false, fax: false });
    assert.equal(body.active, false);
    assert.deepEqual(body.labels, { team: 'sales' });
    assert.deepEqual(body.metadata, { crm: { id: 42 } });
    assert.equal(body.sip_outbound.enabled, true);
    assert.equal(body.sip_outbound.endpoint, 'trunk.example.com');
    assert.equal(body.sip_outbound.port, 5061);
    assert.equal(body.sip_outbound.transport, 'TLS');
    assert.equal(body.sip_outbound.secure_media, false);
    assert.deepEqual(body.sip_outbound.headers, [{ name: 'X-Tenant', value: 'acme' }]);
  });

  test('derives country and number type: toll-free and non-US numbers', async () => {
    const tollFree = await t.request('POST', '/v1/phone-numbers', { number: '+1 800 555 1234' });
    assert.equal(tollFree.statusCode, 201, tollFree.body);
    assert.equal(tollFree.json().number, '+18005551234');
    assert.equal(tollFree.json().country_code, 'US');
    assert.equal(tollFree.json().number_type, 'toll_free');

    const london = await t.request('POST', '/v1/phone-numbers', { number: '+44 20 7183 8750' });
    assert.equal(london.statusCode, 201, london.body);
    assert.equal(london.json().number, '+442071838750');
    assert.equal(london.json().country_code, 'GB');
    assert.equal(london.json().number_type, 'fixed_line');

    // "00" international prefix is accepted as "+".
    const viaZeros = await t.request('POST', '/v1/phone-numbers', { number: '0044 20 7183 8751' });
    assert.equal(viaZeros.statusCode, 201, viaZeros.body);
    assert.equal(viaZeros.json().number, '+442071838751');
  });

  test('an invalid number is 422 validation_failed naming number', async () => {
    for (const number of ['+1 415 555', '+999 1234 5678', '4155551234', '+1415555123x', 'call +14155551234', '+1 (415) 555-12345']) {
      const res = await t.request('POST', '/v1/phone-numbers', { number });
      const error = assertError(res, 422, 'validation_failed');
      assert.equal(error.details[0].field, 'number', `${number}: ${res.body}`);
    }
    // Nothing was created by the failures.
    const all = await listAll(t);
    assert.ok(!all.some((n) => n.number === '+1415555123'));
  });

  test('a missing number is 400 invalid_request', async () => {
    const res = await t.request('POST', '/v1/phone-numbers', { friendly_name: 'no number' });
    assertError(res, 400, 'invalid_request', 'number');
  });

  test('friendly_name longer than 64 characters is 400 naming friendly_name; 64 is fine', async () => {
    const res = await create(t, { friendly_name: 'x'.repeat(65) });
    const error = assertError(res, 400, 'invalid_request', 'friendly_name');
    assert.match(error.message, /friendly_name/);
    const ok = await create(t, { friendly_name: 'y'.repeat(64) });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().friendly_name, 'y'.repeat(64));
  });

  test('unknown fields are 400, at the top level and nested', async () => {
    const top = await create(t, { colour: 'red' });
    const error = assertError(top, 400, 'invalid_request', 'colour');
    assert.match(error.details[0].message, /not a known field/);
    const nested = await create(t, { sip_outbound: { passwrd: 'x' } });
    assertError(nested, 400, 'invalid_request', 'sip_outbound.passwrd');
    // Read-only fields cannot be written either.
    for (const field of ['id', 'version', 'workspace_id', 'country_code', 'released_at']) {
      const res = await create(t, { [field]: field === 'version' ? 5 : 'x' });
      assertError(res, 400, 'invalid_request', field);
    }
  });

  test('inbound_agent_id must be an agent of this workspace (422)', async () => {
    const missing = await create(t, { inbound_agent_id: '0190d7a0-0000-7000-8000-000000000000' });
    assertError(missing, 422, 'validation_failed', 'inbound_agent_id');

    const foreignAgent = await createAgent(t, other.key);
    const foreign = await create(t, { inbound_agent_id: foreignAgent });
    assertError(foreign, 422, 'validation_failed', 'inbound_agent_id');
    const foreignOut = await create(t, { outbound_agent_id: foreignAgent });
    assertError(foreignOut, 422, 'validation_failed', 'outbound_agent_id');
    const foreignFlow = await createWorkflow(t, other.key);
    assertError(await create(t, { inbound_workflow_id: foreignFlow }), 422, 'validation_failed', 'inbound_workflow_id');

    const own = await createAgent(t);
    const ok = await created(t, { inbound_agent_id: own });
    assert.equal(ok.inbound_agent_id, own);
    assert.equal(ok.inbound_target, 'agent');
  });

  test('created_by_user_id defaults to the key\'s user and must be a user of this workspace', async () => {
    assertError(await create(t, { created_by_user_id: other.userId }), 422, 'validation_failed', 'created_by_user_id');
    const ok = await created(t, { created_by_user_id: t.first.user.id });
    assert.equal(ok.created_by_user_id, t.first.user.id);
    const theirs = await created(t, {}, { key: other.key });
    assert.equal(theirs.created_by_user_id, other.userId);
  });

  test('a malformed agent id is 400', async () => {
    assertError(await create(t, { inbound_agent_id: 'not-a-uuid' }), 400, 'invalid_request', 'inbound_agent_id');
  });

  test('a number held by this or another workspace is 409 conflict, saying which (and only here, its id)', async () => {
    const e164 = nextNumber();
    const first = await t.request('POST', '/v1/phone-numbers', { number: e164 });
    assert.equal(first.statusCode, 201, first.body);

    const again = await t.request('POST', '/v1/phone-numbers', { number: e164 });
    const own = assertError(again, 409, 'conflict', 'number');
    assert.equal(own.message, `${e164} is already in this workspace: phone number ${first.json().id}`);
    assert.equal(own.details[0].message, `is already in this workspace (phone number ${first.json().id})`);
    const otherFormat = await t.request('POST', '/v1/phone-numbers', { number: pretty(e164) });
    assert.match(assertError(otherFormat, 409, 'conflict').message, /already in this workspace/);

    const elsewhere = await t.request('POST', '/v1/phone-numbers', { number: e164 }, { key: other.key });
    const theirs = assertError(elsewhere, 409, 'conflict', 'number');
    assert.equal(theirs.message, `${e164} is held by another workspace`);
    assert.doesNotMatch(elsewhere.body, /this workspace/);
    // The answer does not reveal who holds it.
    assert.ok(!elsewhere.body.includes(t.first.workspace.id));
    assert.ok(!elsewhere.body.includes(first.json().id));

    // Still exactly one, unchanged.
    const got = await t.request('GET', `/v1/phone-numbers/${enc(e164)}`);
    assert.equal(got.json().id, first.json().id);
    assert.equal(got.json().version, 1);
    const otherList = await listAll(t, '', other.key);
    assert.ok(!otherList.some((n) => n.number === e164));
  });

  test('a released number can be created again, here and by another workspace', async () => {
    const e164 = nextNumber();
    const a = await t.request('POST', '/v1/phone-numbers', { number: e164, friendly_name: 'first' });
    assert.equal(a.statusCode, 201, a.body);
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${a.json().id}`)).statusCode, 200);

    const b = await t.request('POST', '/v1/phone-numbers', { number: e164 });
    assert.equal(b.statusCode, 201, b.body);
    assert.notEqual(b.json().id, a.json().id);
    assert.equal(b.json().version, 1);
    assert.equal(b.json().friendly_name, null);
    assert.equal(b.json().released_at, null);
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${b.json().id}`)).statusCode, 200);

    const c = await t.request('POST', '/v1/phone-numbers', { number: e164 }, { key: other.key });
    assert.equal(c.statusCode, 201, c.body);
    assert.equal(c.json().workspace_id, other.workspaceId);
    // And now that it is held elsewhere, this workspace cannot take it.
    assertError(await t.request('POST', '/v1/phone-numbers', { number: e164 }), 409, 'conflict');
  });

  test('a key without numbers:write cannot create; without a key it is 401', async () => {
    const reader = await createKey(t, ['numbers:read'], 'reader');
    assertError(await create(t, {}, { key: reader.key }), 403, 'forbidden');
    const anon = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { key: null });
    assertError(anon, 401, 'unauthorized');
  });
});

describe('GET /v1/phone-numbers/{ref}', () => {
  let t: TestApp;
  let other: Other;
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('by id and by URL-encoded E.164, with the ETag', async () => {
    const n = await created(t, { friendly_name: 'Read me' });
    const byId = await t.request('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(byId.statusCode, 200, byId.body);
    assert.deepEqual(byId.json(), n);
    assert.equal(byId.headers.etag, '"1"');

    const byNumber = await t.request('GET', `/v1/phone-numbers/${enc(n.number)}`);
    assert.equal(byNumber.statusCode, 200, byNumber.body);
    assert.deepEqual(byNumber.json(), n);

    const byUpperId = await t.request('GET', `/v1/phone-numbers/${n.id.toUpperCase()}`);
    assert.equal(byUpperId.statusCode, 200, byUpperId.body);
    assert.equal(byUpperId.json().id, n.id);
  });

  test('unknown id, unknown number and garbage are 404 with the error envelope', async () => {
    for (const ref of ['0190d7a0-0000-7000-8000-000000000000', enc('+14155559999'), 'nonsense']) {
      const res = await t.request('GET', `/v1/phone-numbers/${ref}`);
      const error = assertError(res, 404, 'not_found');
      assert.deepEqual(Object.keys(res.json()), ['error']);
      assert.match(error.request_id, /^req_/);
    }
  });

  test("another workspace's number is 404 and its data never shows", async () => {
    const mine = await created(t, { friendly_name: 'Secret plans' });
    for (const ref of [mine.id, enc(mine.number)]) {
      const res = await t.request('GET', `/v1/phone-numbers/${ref}`, undefined, { key: other.key });
      assertError(res, 404, 'not_found');
      assert.ok(!res.body.includes('Secret plans'));
      // Nor can it be changed or released from there.
      assertError(await t.request('PATCH', `/v1/phone-numbers/${ref}`, { friendly_name: 'hijacked' }, { key: other.key }), 404, 'not_found');
      assertError(await t.request('DELETE', `/v1/phone-numbers/${ref}`, undefined, { key: other.key }), 404, 'not_found');
    }
    const still = await t.request('GET', `/v1/phone-numbers/${mine.id}`);
    assert.equal(still.json().friendly_name, 'Secret plans');
    assert.equal(still.json().version, 1);
    assert.equal(still.json().released_at, null);
  });
});

describe('GET /v1/phone-numbers (list)', () => {
  let t: TestApp;
  let other: Other;
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('cursor pagination walks every number exactly once, in creation order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await created(t, { friendly_name: `page ${i}` })).id);

    const seen: string[] = [];
    const shapes: [number, boolean][] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const url: string = `/v1/phone-numbers?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await t.request('GET', url);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.has_more, body.next_cursor !== null);
      shapes.push([body.data.length, body.has_more]);
      seen.push(...body.data.map((n: { id: string }) => n.id));
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    assert.deepEqual(shapes, [[3, true], [3, true], [1, false]]);
    assert.deepEqual(seen, ids);

    // Default page size covers all seven; limit=7 exactly has no next page.
    const exact = await t.request('GET', '/v1/phone-numbers?limit=7');
    assert.equal(exact.json().data.length, 7);
    assert.equal(exact.json().has_more, false);
    assert.equal(exact.json().next_cursor, null);
  });

  test('limit outside 1..200 is 400; 200 is accepted', async () => {
    assertError(await t.request('GET', '/v1/phone-numbers?limit=201'), 400, 'invalid_request', 'querystring.limit');
    assertError(await t.request('GET', '/v1/phone-numbers?limit=0'), 400, 'invalid_request', 'querystring.limit');
    assertError(await t.request('GET', '/v1/phone-numbers?limit=abc'), 400, 'invalid_request', 'querystring.limit');
    assert.equal((await t.request('GET', '/v1/phone-numbers?limit=200')).statusCode, 200);
  });

  test('a cursor this API did not return is 400 invalid_request, as a cursor too long to be one is', async () => {
    for (const cursor of ['garbage', Buffer.from('not-a-uuid').toString('base64url'), '%%%']) {
      const res = await t.request('GET', `/v1/phone-numbers?cursor=${encodeURIComponent(cursor)}`);
      assertError(res, 400, 'invalid_request', 'cursor');
    }
    assertError(await t.request('GET', `/v1/phone-numbers?cursor=${'x'.repeat(129)}`), 400, 'invalid_request', 'querystring.cursor');
  });

  test('unknown query parameters are 400', async () => {
    assertError(await t.request('GET', '/v1/phone-numbers?colour=red'), 400, 'invalid_request');
  });

  test('filters: number_prefix, country, agent_id, workflow_id, capability, active, search', async () => {
    const agent = await createAgent(t);
    const agent2 = await createAgent(t);
    const flow = await createWorkflow(t);
    const mk = async (number: string, body: Record<string, unknown> = {}) => {
      const res = await t.request('POST', '/v1/phone-numbers', { number, ...body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const ny1 = await mk('+12125550101', { friendly_name: 'Sales Line NY', inbound_agent_id: agent });
    const ny2 = await mk('+12125550102', { friendly_name: '100% Support', outbound_agent_id: agent, capabilities: { sms: true } });
    const la = await mk('+13105550103', { friendly_name: 'Support_A', inbound_workflow_id: flow, active: false });
    const laB = await mk('+13105550104', { friendly_name: 'SupportXA', outbound_workflow_id: flow, capabilities: { fax: true, voice: false } });
    const uk = await mk('+442071838760', { friendly_name: 'LONDON sales', outbound_agent_id: agent2, capabilities: { mms: true } });
    const released = await mk('+12125550105', { friendly_name: 'Sales gone', inbound_agent_id: agent });
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${released}`)).statusCode, 200);
    // Noise in another workspace that matches every filter but must never show.
    const theirs = await t.request('POST', '/v1/phone-numbers', { number: '+12125550199', friendly_name: 'Sales other ws' }, { key: other.key });
    assert.equal(theirs.statusCode, 201, theirs.body);

    const ids = async (query: string) => (await listAll(t, query)).map((n) => n.id).sort();
    const sorted = (...xs: string[]) => [...xs].sort();

    assert.deepEqual(await ids(`number_prefix=${enc('+1212')}`), sorted(ny1, ny2));
    assert.deepEqual(await ids(`number_prefix=${enc('+1310555010')}`), sorted(la, laB));
    assert.deepEqual(await ids(`number_prefix=${enc('+44')}`), [uk]);
    // Digits alone, and a "+" sent unencoded (decoded to a space), mean the same prefix.
    assert.deepEqual(await ids('number_prefix=1212'), sorted(ny1, ny2));
    assert.deepEqual(await ids('number_prefix=+1212'), sorted(ny1, ny2));
    assertError(await t.request('GET', '/v1/phone-numbers?number_prefix=1212x'), 400, 'invalid_request', 'querystring.number_prefix');
    assertError(await t.request('GET', `/v1/phone-numbers?number_prefix=${enc('+1%')}`), 400, 'invalid_request', 'querystring.number_prefix');

    const us = await ids('country=US');
    assert.ok(us.includes(ny1) && us.includes(la) && !us.includes(uk) && !us.includes(released));
    assert.deepEqual(await ids('country=gb'), [uk]);
    assertError(await t.request('GET', '/v1/phone-numbers?country=USA'), 400, 'invalid_request', 'querystring.country');
    assertError(await t.request('GET', '/v1/phone-numbers?country=ZZ'), 400, 'invalid_request', 'querystring.country');

    assert.deepEqual(await ids(`agent_id=${agent}`), sorted(ny1, ny2));
    assert.deepEqual(await ids(`agent_id=${agent2}`), [uk]);
    assert.deepEqual(await ids(`workflow_id=${flow}`), sorted(la, laB));
    assertError(await t.request('GET', '/v1/phone-numbers?agent_id=nope'), 400, 'invalid_request', 'querystring.agent_id');

    assert.deepEqual(await ids('capability=sms'), [ny2]);
    assert.deepEqual(await ids('capability=fax'), [laB]);
    assert.deepEqual(await ids('capability=mms'), [uk]);
    assert.ok(!(await ids('capability=voice')).includes(laB));
    assertError(await t.request('GET', '/v1/phone-numbers?capability=telepathy'), 400, 'invalid_request', 'querystring.capability');

    assert.deepEqual(await ids('active=false'), [la]);
    const active = await ids('active=true');
    assert.ok(active.includes(ny1) && !active.includes(la));

    assert.deepEqual(await ids('search=sales'), sorted(ny1, uk));
    assert.deepEqual(await ids('search=SALES%20LINE'), [ny1]);
    assert.deepEqual(await ids(`search=${enc('%')}`), [ny2]);
    assert.deepEqual(await ids(`search=${enc('_')}`), [la]);
    assert.deepEqual(await ids(`search=${enc('t_a')}`), [la]);
    assert.deepEqual(await ids('search=nothing-like-this'), []);

    // Case folding is not only ASCII.
    const accented = await mk('+13125550177', { friendly_name: 'Équipe Zürich' });
    for (const q of ['Équipe', 'équipe', 'ÉQUIPE', 'zürich', 'ZÜRICH']) assert.deepEqual(await ids(`search=${enc(q)}`), [accented], q);

    // Filters combine.
    assert.deepEqual(await ids(`search=support&number_prefix=${enc('+1310')}&active=true`), [laB]);
  });

  test("the list never shows another workspace's numbers", async () => {
    const theirs = await t.request('POST', '/v1/phone-numbers', { number: '+13125550150', friendly_name: 'theirs' }, { key: other.key });
    assert.equal(theirs.statusCode, 201, theirs.body);
    const mine = await listAll(t);
    assert.ok(mine.length > 0);
    assert.ok(mine.every((n) => n.workspace_id === t.first.workspace.id));
    const theirList = await listAll(t, '', other.key);
    assert.ok(theirList.some((n) => n.id === theirs.json().id));
    assert.ok(theirList.every((n) => n.workspace_id === other.workspaceId));
  });
});

describe('PATCH /v1/phone-numbers/{ref}', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const patch = (ref: string, body: unknown, headers?: Record<string, string>) =>
    t.request('PATCH', `/v1/phone-numbers/${ref}`, body, headers ? { headers } : undefined);

  test('merge patch: absent = unchanged, null = default, nested partial keeps siblings', async () => {
    const n = await created(t, {
      friendly_name: 'Before',
      labels: { a: '1', b: '2' },
      capabilities: { sms: true },
      sip_outbound: { enabled: true, endpoint: 'sip.example.com', port: 5060, username: 'alice', password: 'pw-merge-1', headers: [{ name: 'X-A', value: '1' }] },
      emergency_calling: { enabled: true, address_id: 'addr-1' },
      metadata: { crm: { id: 42, owner: 'kim' }, tier: 'gold' },
      example_context: { city: 'Paris', lang: 'fr' },
    });

    // Nested partial update keeps sibling fields; absent fields stay; a null map value removes that key.
    const r1 = await patch(n.id, { sip_outbound: { port: 5070 }, labels: { b: null, c: '3' }, metadata: { crm: { id: null } }, example_context: { lang: null } });
    assert.equal(r1.statusCode, 200, r1.body);
    const a = r1.json();
    assert.equal(a.version, 2);
    assert.equal(r1.headers.etag, '"2"');
    assert.equal(a.friendly_name, 'Before');
    assert.deepEqual(a.capabilities, { voice: true, sms: true, mms: false, fax: false });
    assert.deepEqual(a.labels, { a: '1', c: '3' });
    assert.deepEqual(a.metadata, { crm: { owner: 'kim' }, tier: 'gold' });
    assert.deepEqual(a.example_context, { city: 'Paris' });
    assert.equal(a.sip_outbound.port, 5070);
    assert.equal(a.sip_outbound.endpoint, 'sip.example.com');
    assert.equal(a.sip_outbound.username, 'alice');
    assert.equal(a.sip_outbound.enabled, true);
    assert.deepEqual(a.sip_outbound.headers, [{ name: 'X-A', value: '1' }]);
    assert.equal(a.sip_outbound.password_set, true);
    assert.deepEqual(a.emergency_calling, { enabled: true, address_id: 'addr-1' });
    assert.ok(a.updated_at >= n.updated_at);
    assert.equal(a.created_at, n.created_at);

    // A nested null returns only that field to its default.
    const r2 = await patch(n.id, { emergency_calling: { address_id: null }, sip_outbound: { port: null } });
    assert.equal(r2.statusCode, 200, r2.body);
    assert.deepEqual(r2.json().emergency_calling, { enabled: true, address_id: null });
    assert.equal(r2.json().sip_outbound.port, null);
    assert.equal(r2.json().sip_outbound.endpoint, 'sip.example.com');
    assert.equal(r2.json().version, 3);

    // Top-level nulls clear to the default.
    const r3 = await patch(n.id, { friendly_name: null, labels: null, capabilities: null, sip_outbound: null });
    assert.equal(r3.statusCode, 200, r3.body);
    const c = r3.json();
    assert.equal(c.friendly_name, null);
    assert.deepEqual(c.labels, {});
    assert.deepEqual(c.capabilities, { voice: true, sms: false, mms: false, fax: false });
    assert.deepEqual(c.sip_outbound, {
      enabled: false, endpoint: null, port: null, username: null, from_domain: null, transport: 'UDP', secure_media: false, headers: [], password_set: false,
    });
    assert.equal(c.version, 4);

    // What PATCH answered is what GET reads.
    const got = await t.request('GET', `/v1/phone-numbers/${n.id}`);
    assert.deepEqual(got.json(), c);
    assert.equal(got.headers.etag, '"4"');
  });

  test('PATCH by E.164 works like by id', async () => {
    const n = await created(t);
    const res = await patch(enc(n.number), { friendly_name: 'by number' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().id, n.id);
    assert.equal(res.json().friendly_name, 'by number');
  });

  test('a patch that changes nothing does not bump the version nor write an event', async () => {
    const n = await created(t, { friendly_name: 'Same', labels: { a: '1' } });
    for (const body of [{}, { friendly_name: 'Same' }, { labels: { a: '1' } }, { sip_outbound: { transport: 'UDP' } }]) {
      const res = await patch(n.id, body);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().version, 1, JSON.stringify(body));
      assert.equal(res.headers.etag, '"1"');
      assert.equal(res.json().updated_at, n.updated_at);
    }
    assert.equal((await events(t, n.id, 'phone_number.updated')).length, 0);
  });

  test('If-Match: stale is 412, matching is 200, weak never matches, a list matches any, malformed is 400, * always matches', async () => {
    const n = await created(t);
    const stale = await patch(n.id, { friendly_name: 'x' }, { 'if-match': '"7"' });
    const error = assertError(stale, 412, 'precondition_failed');
    assert.match(error.message, /1/);

    const ok = await patch(n.id, { friendly_name: 'one' }, { 'if-match': '"1"' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);

    // The old ETag is now stale.
    assertError(await patch(n.id, { friendly_name: 'two' }, { 'if-match': '"1"' }), 412, 'precondition_failed');
    // Strong comparison (RFC 9110): the weak form of the current one does not match.
    assertError(await patch(n.id, { friendly_name: 'two' }, { 'if-match': 'W/"2"' }), 412, 'precondition_failed');
    // A list matches when any of its tags does.
    const listed = await patch(n.id, { friendly_name: 'two' }, { 'if-match': '"1", W/"7", "2"' });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.equal(listed.json().version, 3);
    assertError(await patch(n.id, { friendly_name: 'bad' }, { 'if-match': '"three"' }), 412, 'precondition_failed');

    for (const bad of ['3', 'abc', '"3', '"3" "4"', '"3";', '*, "3"', 'W/3']) {
      const res = assertError(await patch(n.id, { friendly_name: 'bad' }, { 'if-match': bad }), 400, 'invalid_request');
      assert.deepEqual(res.details.map((d: { field: string }) => d.field), ['headers.if-match'], bad);
    }
    const star = await patch(n.id, { friendly_name: 'star' }, { 'if-match': '*' });
    assert.equal(star.statusCode, 200, star.body);
    assert.equal(star.json().version, 4);

    // None of the refused writes landed.
    const got = await t.request('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(got.json().friendly_name, 'star');
    assert.equal(got.json().version, 4);
  });

  test('an unknown id or number is 404', async () => {
    assertError(await patch('0190d7a0-0000-7000-8000-000000000000', { friendly_name: 'x' }), 404, 'not_found');
    assertError(await patch(enc('+14155559998'), { friendly_name: 'x' }), 404, 'not_found');
  });

  test('inbound target rules', async () => {
    const agent = await createAgent(t);
    const flow = await createWorkflow(t);
    const n = await created(t);

    // Setting an agent makes it the target.
    const r1 = await patch(n.id, { inbound_agent_id: agent });
    assert.equal(r1.statusCode, 200, r1.body);
    assert.equal(r1.json().inbound_target, 'agent');

    // Setting a call handler makes the handler the target; the agent stays stored.
    const r2 = await patch(n.id, { call_handler: { type: 'laml_webhooks', request_url: 'https://example.com/voice' } });
    assert.equal(r2.statusCode, 200, r2.body);
    assert.equal(r2.json().inbound_target, 'handler');
    assert.equal(r2.json().inbound_agent_id, agent);
    assert.equal(r2.json().call_handler.request_url, 'https://example.com/voice');

    // Switching back with inbound_target alone.
    const r3 = await patch(n.id, { inbound_target: 'agent' });
    assert.equal(r3.statusCode, 200, r3.body);
    assert.equal(r3.json().inbound_target, 'agent');
    assert.equal(r3.json().call_handler.type, 'laml_webhooks');

    // Explicit workflow target without a workflow id is 422; nothing changes.
    const bad = await patch(n.id, { inbound_target: 'workflow' });
    assertError(bad, 422, 'validation_failed', 'inbound_workflow_id');
    assert.equal((await t.request('GET', `/v1/phone-numbers/${n.id}`)).json().inbound_target, 'agent');

    // With one, it works.
    const r4 = await patch(n.id, { inbound_workflow_id: flow });
    assert.equal(r4.statusCode, 200, r4.body);
    assert.equal(r4.json().inbound_target, 'workflow');
    assert.equal(r4.json().inbound_agent_id, agent);

    // Clearing the kind in force leaves no target.
    const r5 = await patch(n.id, { inbound_workflow_id: null });
    assert.equal(r5.statusCode, 200, r5.body);
    assert.equal(r5.json().inbound_target, null);
    assert.equal(r5.json().inbound_agent_id, agent);

    // Explicit null clears the target but keeps what is stored.
    await patch(n.id, { inbound_target: 'agent' });
    const r6 = await patch(n.id, { inbound_target: null });
    assert.equal(r6.statusCode, 200, r6.body);
    assert.equal(r6.json().inbound_target, null);
    assert.equal(r6.json().inbound_agent_id, agent);

    // An unknown agent is 422 on update too.
    assertError(await patch(n.id, { inbound_agent_id: '0190d7a0-0000-7000-8000-000000000001' }), 422, 'validation_failed', 'inbound_agent_id');
    // An invalid inbound_target value is 400.
    assertError(await patch(n.id, { inbound_target: 'voicemail' }), 400, 'invalid_request', 'inbound_target');
  });

  test('call handler rules: required fields per type, http(s) URLs only', async () => {
    const n = await created(t);
    assertError(await patch(n.id, { call_handler: { type: 'laml_webhooks' } }), 422, 'validation_failed', 'call_handler.request_url');
    assertError(await patch(n.id, { call_handler: { type: 'dialogflow' } }), 422, 'validation_failed', 'call_handler.dialogflow_agent_id');
    assertError(await patch(n.id, { message_handler: { type: 'laml_webhooks' } }), 422, 'validation_failed', 'message_handler.request_url');
    for (const url of ['ftp://example.com/x', 'not a url', 'javascript:alert(1)', '/relative/path', 'http://']) {
      const res = await patch(n.id, { call_handler: { type: 'laml_webhooks', request_url: url } });
      assertError(res, 422, 'validation_failed', 'call_handler.request_url');
    }
    assertError(await patch(n.id, { call_handler: { status_callback_url: 'ftp://x.example.com' } }), 422, 'validation_failed', 'call_handler.status_callback_url');
    assertError(await patch(n.id, { call_handler: { type: 'sms_magic' } }), 400, 'invalid_request', 'call_handler.type');
    assertError(await patch(n.id, { call_handler: { request_method: 'DELETE' } }), 400, 'invalid_request', 'call_handler.request_method');

    const ok = await patch(n.id, { call_handler: { type: 'laml_webhooks', request_url: 'http://example.com/a', request_method: 'POST' } });
    assert.equal(ok.statusCode, 200, ok.body);
    // Clearing the required URL while the type stays is refused.
    assertError(await patch(n.id, { call_handler: { request_url: null } }), 422, 'validation_failed', 'call_handler.request_url');
    // None of the failures changed the number.
    const got = (await t.request('GET', `/v1/phone-numbers/${n.id}`)).json();
    assert.equal(got.version, 2);
    assert.equal(got.call_handler.request_url, 'http://example.com/a');
  });

  test('SIP outbound rules', async () => {
    const n = await created(t, { sip_outbound: { endpoint: 'sip.example.com' } });
    const so = (sip_outbound: unknown) => patch(n.id, { sip_outbound });

    assertError(await so({ port: 0 }), 400, 'invalid_request', 'sip_outbound.port');
    assertError(await so({ port: 65536 }), 400, 'invalid_request', 'sip_outbound.port');
    assertError(await so({ port: 5060.5 }), 400, 'invalid_request', 'sip_outbound.port');
    assertError(await so({ port: '5060' }), 400, 'invalid_request', 'sip_outbound.port');
    assertError(await so({ transport: 'SCTP' }), 400, 'invalid_request', 'sip_outbound.transport');
    assertError(await so({ transport: 'udp' }), 400, 'invalid_request', 'sip_outbound.transport');
    assertError(await so({ headers: [{ name: 'X Foo', value: 'a' }] }), 422, 'validation_failed', 'sip_outbound.headers[0].name');
    assertError(await so({ headers: [{ name: 'X-Ok', value: 'a' }, { name: 'X:Bad', value: 'b' }] }), 422, 'validation_failed', 'sip_outbound.headers[1].name');
    assertError(await so({ headers: [{ name: 'X-Foo', value: 'a\r\nVia: evil' }] }), 422, 'validation_failed', 'sip_outbound.headers[0].value');
    assertError(await so({ headers: [{ name: 'X-Foo', value: 'line\nbreak' }] }), 422, 'validation_failed', 'sip_outbound.headers[0].value');
    assertError(await so({ headers: [{ name: 'X-Foo', value: 'a' }, { name: 'x-foo', value: 'b' }] }), 422, 'validation_failed', 'sip_outbound.headers[1].name');
    assertError(await so({ headers: [{ name: 'X'.repeat(256), value: 'a' }] }), 400, 'invalid_request', 'sip_outbound.headers[0].name');
    assertError(await so({ headers: [{ name: '', value: 'a' }] }), 400, 'invalid_request', 'sip_outbound.headers[0].name');
    assertError(await so({ headers: [{ name: 'X-Foo', value: 'v'.repeat(1025) }] }), 400, 'invalid_request', 'sip_outbound.headers[0].value');
    assertError(await so({ headers: [{ name: 'X-Foo' }] }), 400, 'invalid_request', 'sip_outbound.headers[0].value');
    assertError(await so({ headers: [{ name: 'X-Foo', value: 'a', extra: 1 }] }), 400, 'invalid_request', 'sip_outbound.headers[0].extra');
    assertError(await so({ endpoint: 'not a host!' }), 422, 'validation_failed', 'sip_outbound.endpoint');
    assertError(await so({ endpoint: null, enabled: true }), 422, 'validation_failed', 'sip_outbound.endpoint');

    // The limits themselves are fine.
    const ok = await so({ port: 65535, transport: 'TCP', headers: [{ name: 'X'.repeat(255), value: 'v'.repeat(1024) }, { name: 'X-Tab', value: 'a\tb' }] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().sip_outbound.port, 65535);
    assert.equal(ok.json().sip_outbound.transport, 'TCP');
    assert.equal(ok.json().sip_outbound.headers.length, 2);
    assert.equal((await so({ port: 1 })).json().sip_outbound.port, 1);

    // Only the two successful patches landed.
    const got = (await t.request('GET', `/v1/phone-numbers/${n.id}`)).json();
    assert.equal(got.version, 3);
    assert.equal(got.sip_outbound.endpoint, 'sip.example.com');
  });

  test('bodies are not coerced: strings are not numbers or booleans', async () => {
    const n = await created(t);
    assertError(await patch(n.id, { active: 'false' }), 400, 'invalid_request', 'active');
    assertError(await patch(n.id, { capabilities: { sms: 1 } }), 400, 'invalid_request', 'capabilities.sms');
    assertError(await patch(n.id, { friendly_name: 42 }), 400, 'invalid_request', 'friendly_name');
    assertError(await patch(n.id, { labels: { a: 1 } }), 400, 'invalid_request', 'labels.a');
    assertError(await patch(n.id, { colour: 'red' }), 400, 'invalid_request', 'colour');
    assertError(await patch(n.id, { number: '+14155550000' }), 400, 'invalid_request', 'number');
    assertError(await patch(n.id, { labels: { '-bad key': 'x' } }), 422, 'validation_failed', 'labels.-bad key');
    assertError(await patch(n.id, { friendly_name: 'bell\u0007' }), 422, 'validation_failed', 'friendly_name');
    const notJson = await t.app.inject({ method: 'PATCH', url: `/v1/phone-numbers/${n.id}`, headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' }, payload: '{"friendly_name":' });
    assertError(notJson, 400, 'invalid_request');
    assert.equal((await t.request('GET', `/v1/phone-numbers/${n.id}`)).json().version, 1);
  });
});

describe('secrets', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const PASSWORD = 'pw-Zq8vK3rT1';
  const PASSWORD2 = 'pw-second-Lm4nB7';
  const TOKEN = 'tok-Xy9Wv2Uu5';

  async function rawRow(id: string) {
    const rows = await t.runtime.store.db.selectFrom('phone_numbers').selectAll().where('id', '=', id).execute();
    assert.equal(rows.length, 1);
    return rows[0]!;
  }

  test('passwords and auth tokens never appear in a response and are encrypted at rest', async () => {
    const res = await create(t, { sip_outbound: { endpoint: 'sip.example.com', username: 'u1', password: PASSWORD }, telephony: { provider: 'twilio', auth_token: TOKEN } });
    assert.equal(res.statusCode, 201, res.body);
    const n = res.json();
    assert.ok(!res.body.includes(PASSWORD) && !res.body.includes(TOKEN));
    assert.equal(n.sip_outbound.password_set, true);
    assert.equal(n.telephony.auth_token_set, true);
    assert.equal(n.telephony.provider, 'twilio');
    assert.ok(!('password' in n.sip_outbound) && !('password_sealed' in n.sip_outbound));
    assert.ok(!('auth_token' in n.telephony) && !('auth_token_sealed' in n.telephony));

    for (const url of [`/v1/phone-numbers/${n.id}`, `/v1/phone-numbers/${enc(n.number)}`, '/v1/phone-numbers', `/v1/events?object_id=${n.id}`]) {
      const got = await t.request('GET', url);
      assert.equal(got.statusCode, 200, got.body);
      assert.ok(!got.body.includes(PASSWORD) && !got.body.includes(TOKEN), url);
      assert.ok(!got.body.includes('_sealed'), url);
    }
    const patched = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'x' });
    assert.ok(!patched.body.includes(PASSWORD) && !patched.body.includes(TOKEN));

    // At rest: the row holds a sealed form, never the plaintext.
    const row = await rawRow(n.id);
    const raw = JSON.stringify(row);
    assert.ok(!raw.includes(PASSWORD), 'plaintext password in the row');
    assert.ok(!raw.includes(TOKEN), 'plaintext auth token in the row');
    const doc = JSON.parse(row.doc);
    assert.match(doc.sip_outbound.password_sealed, /^v1\./);
    assert.match(doc.telephony.auth_token_sealed, /^v1\./);
    const all = JSON.stringify(await t.runtime.store.db.selectFrom('audit_events').selectAll().execute());
    assert.ok(!all.includes(PASSWORD) && !all.includes(TOKEN), 'plaintext in the audit log');
    assert.ok(!all.includes(doc.sip_outbound.password_sealed), 'sealed secret in the audit log');
    const logs = t.logs.join('');
    assert.ok(!logs.includes(PASSWORD) && !logs.includes(TOKEN), 'plaintext in the logs');
  });

  test('PATCH without the password keeps it; a new one replaces it; null clears it', async () => {
    const n = await created(t, { sip_outbound: { endpoint: 'sip.example.com', password: PASSWORD }, telephony: { auth_token: TOKEN } });
    const sealed1 = JSON.parse((await rawRow(n.id)).doc).sip_outbound.password_sealed;

    const keep = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { sip_outbound: { port: 5080 }, telephony: { provider: 'vonage' } });
    assert.equal(keep.statusCode, 200, keep.body);
    assert.equal(keep.json().sip_outbound.password_set, true);
    assert.equal(keep.json().telephony.auth_token_set, true);
    assert.equal(JSON.parse((await rawRow(n.id)).doc).sip_outbound.password_sealed, sealed1);

    const replace = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { sip_outbound: { password: PASSWORD2 } });
    assert.equal(replace.statusCode, 200, replace.body);
    assert.equal(replace.json().version, keep.json().version + 1, 'a new password is a change');
    assert.ok(replace.json().sip_outbound.password_set);
    const sealed2 = JSON.parse((await rawRow(n.id)).doc).sip_outbound.password_sealed;
    assert.notEqual(sealed2, sealed1);
    assert.ok(!JSON.stringify(await rawRow(n.id)).includes(PASSWORD2));
    // The sealed form opens to the new password with the deployment's key.
    const { createSecretBox } = await import('../src/security/secret-box.ts');
    const { TEST_SECRET_KEY } = await import('./helpers/app.ts');
    assert.equal(createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).decrypt(sealed2), PASSWORD2);

    const clear = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { sip_outbound: { password: null }, telephony: { auth_token: null } });
    assert.equal(clear.statusCode, 200, clear.body);
    assert.equal(clear.json().sip_outbound.password_set, false);
    assert.equal(clear.json().telephony.auth_token_set, false);
    assert.equal(clear.json().sip_outbound.endpoint, 'sip.example.com');
    assert.equal(clear.json().sip_outbound.port, 5080);
    assert.equal(clear.json().telephony.provider, 'vonage');
    const doc = JSON.parse((await rawRow(n.id)).doc);
    assert.equal(doc.sip_outbound.password_sealed, null);
    assert.equal(doc.telephony.auth_token_sealed, null);
  });

  test('sip_outbound: null clears the password with everything else', async () => {
    const n = await created(t, { sip_outbound: { endpoint: 'sip.example.com', password: PASSWORD } });
    const res = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { sip_outbound: null });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().sip_outbound.password_set, false);
    assert.equal(res.json().sip_outbound.endpoint, null);
    assert.equal(JSON.parse((await rawRow(n.id)).doc).sip_outbound.password_sealed, null);
  });
});

describe('DELETE /v1/phone-numbers/{ref} (release)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('release: 200 with released_at; then it is gone from reads, lists and writes', async () => {
    const n = await created(t, { friendly_name: 'Leaving' });
    const keep = await created(t, { friendly_name: 'Staying' });
    const res = await t.request('DELETE', `/v1/phone-numbers/${n.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.id, n.id);
    assert.equal(typeof body.released_at, 'string');
    assert.ok(!Number.isNaN(Date.parse(body.released_at)));
    assert.equal(body.version, 2);
    assert.equal(body.friendly_name, 'Leaving');

    assertError(await t.request('GET', `/v1/phone-numbers/${n.id}`), 404, 'not_found');
    assertError(await t.request('GET', `/v1/phone-numbers/${enc(n.number)}`), 404, 'not_found');
    const all = await listAll(t);
    assert.ok(!all.some((x) => x.id === n.id));
    assert.ok(all.some((x) => x.id === keep.id));
    assertError(await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'back?' }), 404, 'not_found');
    assertError(await t.request('DELETE', `/v1/phone-numbers/${n.id}`), 404, 'not_found');

    // The row is kept, marked released.
    const rows = await t.runtime.store.db.selectFrom('phone_numbers').selectAll().where('id', '=', n.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.released_at, body.released_at);
  });

  test('release by E.164', async () => {
    const n = await created(t);
    const res = await t.request('DELETE', `/v1/phone-numbers/${enc(n.number)}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().id, n.id);
    assertError(await t.request('GET', `/v1/phone-numbers/${n.id}`), 404, 'not_found');
  });

  test('If-Match: stale is 412 and the number stays; current releases it', async () => {
    const n = await created(t);
    await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'v2' });
    assertError(await t.request('DELETE', `/v1/phone-numbers/${n.id}`, undefined, { headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');
    assertError(await t.request('DELETE', `/v1/phone-numbers/${n.id}`, undefined, { headers: { 'if-match': 'junk' } }), 400, 'invalid_request');
    const still = await t.request('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(still.statusCode, 200);
    assert.equal(still.json().released_at, null);
    const ok = await t.request('DELETE', `/v1/phone-numbers/${n.id}`, undefined, { headers: { 'if-match': '"2"' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 3);
  });
});

describe('Idempotency-Key on POST /v1/phone-numbers', () => {
  let t: TestApp;
  let other: Other;
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'other');
  });
  after(() => t.close());

  test('same key and body: the same answer, replayed, and only one number', async () => {
    const body = { number: nextNumber(), friendly_name: 'Once' };
    const headers = { 'idempotency-key': 'create-once-1' };
    const first = await t.request('POST', '/v1/phone-numbers', body, { headers });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);

    const second = await t.request('POST', '/v1/phone-numbers', body, { headers });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(second.json(), first.json());
    assert.equal(second.headers.location, first.headers.location);
    assert.equal(second.headers.etag, first.headers.etag);

    const all = await listAll(t, `number_prefix=${enc(body.number)}`);
    assert.equal(all.length, 1);
    assert.equal((await events(t, first.json().id, 'phone_number.created')).length, 1);

    // Without the key, the same body is a new request: the number is taken.
    assertError(await t.request('POST', '/v1/phone-numbers', body), 409, 'conflict');
  });

  test('same key with another body is 422 idempotency_key_reused and creates nothing', async () => {
    const headers = { 'idempotency-key': 'create-once-2' };
    const a = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { headers });
    assert.equal(a.statusCode, 201, a.body);
    const otherNumber = nextNumber();
    const b = await t.request('POST', '/v1/phone-numbers', { number: otherNumber }, { headers });
    assertError(b, 422, 'idempotency_key_reused');
    assertError(await t.request('GET', `/v1/phone-numbers/${enc(otherNumber)}`), 404, 'not_found');
  });

  test('keys are per workspace', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { headers });
    assert.equal(mine.statusCode, 201, mine.body);
    // The other workspace uses the same key with another body: a fresh request, not a reuse.
    const theirs = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { key: other.key, headers });
    assert.equal(theirs.statusCode, 201, theirs.body);
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
    assert.equal(theirs.json().workspace_id, other.workspaceId);
    assert.notEqual(theirs.json().id, mine.json().id);
    // And the same key and body there is not answered with this workspace's number.
    const same = await t.request('POST', '/v1/phone-numbers', { number: mine.json().number }, { key: other.key, headers: { 'idempotency-key': 'shared-key-2' } });
    assertError(same, 409, 'conflict');
  });

  test('an invalid Idempotency-Key is 400', async () => {
    const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { headers: { 'idempotency-key': 'has space' } });
    assertError(res, 400, 'invalid_request');
  });
});

describe('audit events', () => {
  let t: TestApp;
  let writer: { id: string; key: string };
  before(async () => {
    t = await createTestApp();
    writer = await createKey(t, ['numbers:read', 'numbers:write'], 'writer');
  });
  after(() => t.close());

  test('create, update and release each write one event with changes and the acting key', async () => {
    const create1 = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), friendly_name: 'Audited', sip_outbound: { endpoint: 'sip.example.com', password: 'audit-pw-Qq1' }, telephony: { auth_token: 'audit-tok-Ww2' } }, { key: writer.key });
    assert.equal(create1.statusCode, 201, create1.body);
    const n = create1.json();

    const upd = await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'Audited 2', labels: { x: 'y' }, sip_outbound: { password: 'audit-pw-Ee3' } }, { key: writer.key });
    assert.equal(upd.statusCode, 200, upd.body);
    // A refused update writes nothing.
    assert.equal((await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { sip_outbound: { port: 0 } }, { key: writer.key })).statusCode, 400);
    assert.equal((await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { call_handler: { type: 'laml_webhooks' } }, { key: writer.key })).statusCode, 422);
    const rel = await t.request('DELETE', `/v1/phone-numbers/${n.id}`, undefined, { key: writer.key });
    assert.equal(rel.statusCode, 200, rel.body);

    const list = await events(t, n.id);
    assert.deepEqual(list.map((e) => e.type), ['phone_number.created', 'phone_number.updated', 'phone_number.released']);
    const [c, u, r] = list as [Record<string, any>, Record<string, any>, Record<string, any>];
    for (const [e, res] of [[c, create1], [u, upd], [r, rel]] as const) {
      assert.equal(e.object_type, 'phone_number');
      assert.equal(e.object_id, n.id);
      assert.equal(e.workspace_id, t.first.workspace.id);
      assert.equal(e.actor.type, 'api_key');
      assert.equal(e.actor.api_key_id, writer.id);
      assert.equal(e.actor.user_id, t.first.user.id);
      assert.equal(e.request_id, res.headers['x-request-id']);
    }
    assert.equal(c.before, null);
    assert.equal(c.after.friendly_name, 'Audited');
    assert.equal(c.after.version, 1);
    assert.deepEqual([...u.changes].sort(), ['friendly_name', 'labels', 'sip_outbound']);
    assert.equal(u.before.friendly_name, 'Audited');
    assert.equal(u.after.friendly_name, 'Audited 2');
    assert.equal(u.before.version, 1);
    assert.equal(u.after.version, 2);
    assert.ok(r.changes.includes('released_at'));
    assert.equal(r.before.released_at, null);
    assert.equal(r.after.released_at, rel.json().released_at);

    // Secrets: only "is it set".
    const text = JSON.stringify(list);
    for (const secret of ['audit-pw-Qq1', 'audit-tok-Ww2', 'audit-pw-Ee3', 'password_sealed', 'auth_token_sealed']) assert.ok(!text.includes(secret), secret);
    assert.equal(c.after.sip_outbound.password_set, true);
    assert.equal(c.after.telephony.auth_token_set, true);

    // The event filter by type works, and by object_id only shows this number.
    assert.equal((await events(t, n.id, 'phone_number.updated')).length, 1);
    const other = await created(t);
    assert.deepEqual((await events(t, other.id)).map((e) => e.type), ['phone_number.created']);
  });

  test('the number key cannot read the audit log without events:read', async () => {
    const res = await t.request('GET', '/v1/events', undefined, { key: writer.key });
    assertError(res, 403, 'forbidden');
  });
});
