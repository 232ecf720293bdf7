// The SignalWire face (/api/relay/rest/phone_numbers): list, get, update (PUT), release, in
// SignalWire's wire and error format. Every answer is checked against SignalWire's own OpenAPI
// file, and every change is checked through the native API too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { responseErrors, specErrors, vendorSpec } from './helpers/vendor-spec.ts';

const BASE = '/api/relay/rest/phone_numbers';
const LIST_SPEC = '/api/relay/rest/phone_numbers';
const ITEM_SPEC = '/api/relay/rest/phone_numbers/{id}';
const UUID_A = '6f1c2e0a-8d1b-4c55-9a0e-2b8f5d7c1e01';
const UUID_B = '0b9e3c4d-1a2f-4e6b-8c7d-5f4a3b2c1d00';

let seq = 0;
const nextNumber = () => `+1415556${String(1000 + seq++).padStart(4, '0')}`;
const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

interface Auth {
  authorization?: string | null;
}

/**
 * A call to the SignalWire face, Basic auth as the first workspace unless told otherwise, whose
 * answer must validate against the vendor's spec for that operation and status.
 */
async function sw(t: TestApp, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, body?: unknown, auth: Auth = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  const authorization = auth.authorization === undefined ? basic(t.first.workspace.id, t.key) : auth.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const res = await t.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as never } : {}) });
  checkAgainstSpec(method, url, res);
  return res;
}

function checkAgainstSpec(method: string, url: string, res: LightMyRequestResponse) {
  const path = url.split('?')[0]!;
  const specPath = path === BASE ? LIST_SPEC : ITEM_SPEC;
  const operation = vendorSpec('signalwire').paths[specPath]?.[method.toLowerCase()];
  const where = `${method} ${url} → ${res.statusCode}: ${res.body}`;
  if (res.statusCode === 204) {
    assert.ok(operation?.responses?.['204'], `${where}: the spec has no 204`);
    assert.equal(res.body, '', where);
    return;
  }
  const body = res.json();
  if (operation?.responses?.[String(res.statusCode)]) {
    assert.deepEqual(responseErrors('signalwire', specPath, method, res.statusCode, body), [], where);
    return;
  }
  // Statuses the operation does not list: the spec's generic schema for that status.
  const generic = { 400: 'Types.StatusCodes.StatusCode400', 403: 'Types.StatusCodes.StatusCode403', 404: 'Types.StatusCodes.StatusCode404' }[res.statusCode];
  if (generic) assert.deepEqual(specErrors('signalwire', generic, body), [], where);
  else assert.deepEqual(Object.keys(body), ['error'], where);
}

async function put(t: TestApp, id: string, body: Record<string, unknown>, auth?: Auth) {
  return sw(t, 'PUT', `${BASE}/${id}`, body, auth);
}

async function putOk(t: TestApp, id: string, body: Record<string, unknown>) {
  assert.deepEqual(specErrors('signalwire', 'UpdatePhoneNumberRequest', body), [], 'the test body is one the spec allows');
  const res = await put(t, id, body);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** 422 in SignalWire's ValidationError format, one item naming `field`. */
function assert422(res: LightMyRequestResponse, field: string) {
  assert.equal(res.statusCode, 422, res.body);
  const { errors } = res.json();
  assert.ok(Array.isArray(errors) && errors.length > 0, res.body);
  for (const e of errors) {
    assert.equal(e.status, '422');
    assert.equal(e.code, '422');
    assert.equal(typeof e.title, 'string');
  }
  assert.ok(errors.some((e: { detail: string }) => e.detail.startsWith(`${field} `)), `no error naming ${field}: ${res.body}`);
}

function assertSimpleError(res: LightMyRequestResponse, status: number, error: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.deepEqual(res.json(), { error });
}

async function createNumber(t: TestApp, body: Record<string, unknown> = {}, number = nextNumber()) {
  const res = await t.request('POST', '/v1/phone-numbers', { number, ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function native(t: TestApp, id: string) {
  const res = await t.request('GET', `/v1/phone-numbers/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** Each call handler the request may set, the wire field it needs, and a value for it. */
const CALL_HANDLERS: [handler: string, field: string, core: string, value: string][] = [
  ['laml_webhooks', 'call_request_url', 'request_url', 'https://example.com/voice'],
  ['laml_application', 'call_laml_application_id', 'laml_application_id', 'app-123'],
  ['dialogflow', 'call_dialogflow_agent_id', 'dialogflow_agent_id', 'df-agent-9'],
  ['relay_topic', 'call_relay_topic', 'relay_topic', 'office'],
  ['relay_script', 'call_relay_script_url', 'relay_script_url', 'https://example.com/script.swml'],
  ['relay_context', 'call_relay_context', 'relay_context', 'my_relay_app'],
  ['relay_application', 'call_relay_application', 'relay_application', 'my-relay-app'],
  ['relay_connector', 'call_relay_connector_id', 'relay_connector_id', 'connector-7'],
  ['relay_sip_endpoint', 'call_sip_endpoint_id', 'sip_endpoint_id', UUID_A],
  ['relay_verto_endpoint', 'call_verto_resource', 'verto_resource', 'verto-desk'],
  ['video_room', 'call_video_room_id', 'video_room_id', UUID_B],
];

const MESSAGE_HANDLERS: [handler: string, field: string, core: string, value: string][] = [
  ['laml_webhooks', 'message_request_url', 'request_url', 'https://example.com/sms'],
  ['laml_application', 'message_laml_application_id', 'laml_application_id', 'sms-app'],
  ['relay_topic', 'message_relay_topic', 'relay_topic', 'texts'],
  ['relay_context', 'message_relay_context', 'relay_context', 'sms_ctx'],
  ['relay_application', 'message_relay_application', 'relay_application', 'sms-relay-app'],
];

describe('SignalWire face', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });

  after(async () => {
    await t?.close();
  });

  test('PUT sets every call handler type with its required field; GET and /v1 show it', async () => {
    const n = await createNumber(t);
    for (const [handler, field, core, value] of CALL_HANDLERS) {
      const body = await putOk(t, n.id, { call_handler: handler, [field]: value });
      assert.equal(body.call_handler, handler);
      assert.equal(body[field], value);
      assert.equal(body.calling_handler_resource_id, null);
      assert.deepEqual((await sw(t, 'GET', `${BASE}/${n.id}`)).json(), body, 'GET answers what PUT answered');
      const v1 = await native(t, n.id);
      assert.equal(v1.inbound_target, 'handler');
      assert.equal(v1.call_handler.type, handler);
      assert.equal(v1.call_handler[core], value);
    }
  });

  test('PUT sets every message handler type with its required field', async () => {
    const n = await createNumber(t);
    for (const [handler, field, core, value] of MESSAGE_HANDLERS) {
      const body = await putOk(t, n.id, { message_handler: handler, [field]: value });
      assert.equal(body.message_handler, handler);
      // message_relay_application is not in the vendor's answer: check it through /v1.
      if (field !== 'message_relay_application') assert.equal(body[field], value);
      else assert.equal(field in body, false);
      const v1 = await native(t, n.id);
      assert.equal(v1.message_handler.type, handler);
      assert.equal(v1.message_handler[core], value);
    }
  });

  test('a handler without its required field is 422 naming the field, and nothing is written', async () => {
    for (const [handler, field] of CALL_HANDLERS) {
      const n = await createNumber(t);
      assert422(await put(t, n.id, { call_handler: handler, name: 'not written' }), field);
      const v1 = await native(t, n.id);
      assert.equal(v1.call_handler.type, null);
      assert.equal(v1.friendly_name, null);
      assert.equal(v1.version, n.version);
    }
    for (const [handler, field] of MESSAGE_HANDLERS) {
      const n = await createNumber(t);
      assert422(await put(t, n.id, { message_handler: handler }), field);
      assert.equal((await native(t, n.id)).message_handler.type, null);
    }
    // Clearing the required field of the handler in force is refused too.
    const n = await createNumber(t);
    await putOk(t, n.id, { call_handler: 'relay_topic', call_relay_topic: 'office' });
    assert422(await put(t, n.id, { call_relay_topic: '' }), 'call_relay_topic');
    assert.equal((await native(t, n.id)).call_handler.relay_topic, 'office');
  });

  test('unknown handlers, methods, modes and fields, wrong types and bad values are 422 naming the field', async () => {
    const n = await createNumber(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ call_handler: 'ai_agent' }, 'call_handler'],
      [{ call_handler: 'carrier_pigeon' }, 'call_handler'],
      [{ message_handler: 'dialogflow' }, 'message_handler'],
      [{ call_request_method: 'PUT' }, 'call_request_method'],
      [{ call_status_callback_method: 'get' }, 'call_status_callback_method'],
      [{ message_fallback_method: 'DELETE' }, 'message_fallback_method'],
      [{ call_receive_mode: 'video' }, 'call_receive_mode'],
      [{ friendly_name: 'native name, not SignalWire' }, 'friendly_name'],
      [{ calling_handler_resource_id: UUID_A }, 'calling_handler_resource_id'],
      [{ name: 42 }, 'name'],
      [{ name: null }, 'name'],
      [{ name: 'x'.repeat(65) }, 'name'],
      [{ call_video_room_id: 'room-1' }, 'call_video_room_id'],
      [{ call_handler: 'laml_webhooks', call_request_url: 'not a url' }, 'call_request_url'],
      [{ call_status_callback_url: 'ftp://example.com/x' }, 'call_status_callback_url'],
    ];
    for (const [body, field] of cases) assert422(await put(t, n.id, body), field);
    const unknown = await put(t, n.id, { name: 'x', not_a_field: true });
    assert.match(unknown.json().errors[0].detail, /^not_a_field is not a known field/);
    assert.deepEqual(await native(t, n.id), n, 'no refused PUT changed anything');
  });

  test('call_sip_endpoint_id: any string the request spec allows is accepted and stored; answers show only a UUID', async () => {
    const n = await createNumber(t);
    const body = { call_handler: 'relay_sip_endpoint', call_sip_endpoint_id: 'endpoint-1' };
    assert.deepEqual(specErrors('signalwire', 'UpdatePhoneNumberRequest', body), []);
    const answer = await putOk(t, n.id, body);
    assert.equal(answer.call_handler, 'relay_sip_endpoint');
    assert.equal(answer.call_sip_endpoint_id, null, 'the response spec types it as a UUID');
    assert.equal((await native(t, n.id)).call_handler.sip_endpoint_id, 'endpoint-1');
  });

  test('PUT with every field of the page; absent fields stay as they were; "" clears', async () => {
    const n = await createNumber(t);
    const full = {
      name: 'Main Office Line',
      call_handler: 'laml_webhooks',
      call_receive_mode: 'voice',
      call_request_url: 'https://example.com/voice',
      call_request_method: 'GET',
      call_fallback_url: 'https://example.com/fallback',
      call_fallback_method: 'POST',
      call_status_callback_url: 'https://example.com/status',
      call_status_callback_method: 'GET',
      call_laml_application_id: 'app-1',
      call_dialogflow_agent_id: 'df-1',
      call_relay_topic: 'office',
      call_relay_topic_status_callback_url: 'https://example.com/topic-status',
      call_relay_script_url: 'https://example.com/script',
      call_relay_context: 'legacy_ctx',
      call_relay_context_status_callback_url: 'https://example.com/ctx-status',
      call_relay_application: 'relay-app',
      call_relay_connector_id: 'conn-1',
      call_sip_endpoint_id: UUID_A,
      call_verto_resource: 'verto-1',
      call_video_room_id: UUID_B,
      message_handler: 'laml_webhooks',
      message_request_url: 'https://example.com/sms',
      message_request_method: 'POST',
      message_fallback_url: 'https://example.com/sms-fallback',
      message_fallback_method: 'GET',
      message_laml_application_id: 'sms-app',
      message_relay_topic: 'texts',
      message_relay_context: 'sms_ctx',
      message_relay_application: 'sms-relay',
    };
    const body = await putOk(t, n.id, full);
    for (const [key, value] of Object.entries(full)) if (key !== 'message_relay_application') assert.equal(body[key], value, key);
    const v1 = await native(t, n.id);
    assert.equal(v1.friendly_name, 'Main Office Line');
    assert.equal(v1.inbound_target, 'handler');
    assert.deepEqual(v1.call_handler, {
      type: 'laml_webhooks', receive_mode: 'voice', request_url: full.call_request_url, request_method: 'GET',
      fallback_url: full.call_fallback_url, fallback_method: 'POST', status_callback_url: full.call_status_callback_url,
      status_callback_method: 'GET', laml_application_id: 'app-1', dialogflow_agent_id: 'df-1', relay_topic: 'office',
      relay_topic_status_callback_url: full.call_relay_topic_status_callback_url, relay_script_url: full.call_relay_script_url,
      relay_context: 'legacy_ctx', relay_context_status_callback_url: full.call_relay_context_status_callback_url,
      relay_application: 'relay-app', relay_connector_id: 'conn-1', sip_endpoint_id: UUID_A, verto_resource: 'verto-1', video_room_id: UUID_B,
    });
    assert.deepEqual(v1.message_handler, {
      type: 'laml_webhooks', request_url: full.message_request_url, request_method: 'POST', fallback_url: full.message_fallback_url,
      fallback_method: 'GET', laml_application_id: 'sms-app', relay_topic: 'texts', relay_context: 'sms_ctx', relay_application: 'sms-relay',
    });

    const renamed = await putOk(t, n.id, { name: 'Renamed' });
    assert.deepEqual({ ...renamed, name: body.name, updated_at: body.updated_at }, body, 'only the name changed');
    const cleared = await putOk(t, n.id, { name: '', call_fallback_url: '' });
    assert.equal(cleared.name, null);
    assert.equal(cleared.call_fallback_url, null);
    assert.equal(cleared.call_request_url, full.call_request_url);
    assert.equal((await native(t, n.id)).friendly_name, null);
  });

  test('call_receive_mode fax, and the deprecated relay_context fields are accepted', async () => {
    const n = await createNumber(t);
    const fax = await putOk(t, n.id, { call_receive_mode: 'fax' });
    assert.equal(fax.call_receive_mode, 'fax');
    assert.equal((await native(t, n.id)).call_handler.receive_mode, 'fax');

    const ctx = await putOk(t, n.id, {
      call_handler: 'relay_context',
      call_relay_context: 'office_ctx',
      call_relay_context_status_callback_url: 'https://example.com/ctx',
      message_handler: 'relay_context',
      message_relay_context: 'sms_ctx',
    });
    assert.equal(ctx.call_handler, 'relay_context');
    assert.equal(ctx.call_relay_context, 'office_ctx');
    assert.equal(ctx.call_relay_context_status_callback_url, 'https://example.com/ctx');
    assert.equal(ctx.message_handler, 'relay_context');
    assert.equal(ctx.message_relay_context, 'sms_ctx');
    assert.equal(ctx.call_receive_mode, 'fax', 'absent call_receive_mode stays');
    const v1 = await native(t, n.id);
    assert.equal(v1.call_handler.type, 'relay_context');
    assert.equal(v1.call_handler.relay_context_status_callback_url, 'https://example.com/ctx');
  });

  test('an inbound agent or workflow set through /v1 shows as ai_agent / call_flow; a handler set here takes over and switching back loses nothing', async () => {
    const agent = await t.request('POST', '/v1/agents', { name: 'Receptionist' });
    assert.equal(agent.statusCode, 201, agent.body);
    const workflow = await t.request('POST', '/v1/workflows', { name: 'IVR' });
    assert.equal(workflow.statusCode, 201, workflow.body);
    const n = await createNumber(t, { inbound_agent_id: agent.json().id });

    let body = (await sw(t, 'GET', `${BASE}/${n.id}`)).json();
    assert.equal(body.call_handler, 'ai_agent');
    assert.equal(body.calling_handler_resource_id, agent.json().id);

    assert.equal((await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { inbound_workflow_id: workflow.json().id })).statusCode, 200);
    body = (await sw(t, 'GET', `${BASE}/${n.id}`)).json();
    assert.equal(body.call_handler, 'call_flow');
    assert.equal(body.calling_handler_resource_id, workflow.json().id);

    // A PUT that does not set call_handler leaves the target alone.
    body = await putOk(t, n.id, { call_request_url: 'https://example.com/voice' });
    assert.equal(body.call_handler, 'call_flow');

    body = await putOk(t, n.id, { call_handler: 'laml_webhooks' });
    assert.equal(body.call_handler, 'laml_webhooks');
    assert.equal(body.calling_handler_resource_id, null);
    const v1 = await native(t, n.id);
    assert.equal(v1.inbound_target, 'handler');
    assert.equal(v1.inbound_agent_id, agent.json().id, 'the agent stays stored');
    assert.equal(v1.inbound_workflow_id, workflow.json().id, 'the workflow stays stored');

    assert.equal((await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { inbound_target: 'agent' })).statusCode, 200);
    body = (await sw(t, 'GET', `${BASE}/${n.id}`)).json();
    assert.equal(body.call_handler, 'ai_agent');
    assert.equal(body.call_request_url, 'https://example.com/voice', 'the handler\'s fields stay shown');
  });

  test('the answer maps the core: capabilities, number type, country, e911, timestamps; secrets never appear', async () => {
    const n = await createNumber(t, {
      friendly_name: 'Set natively',
      capabilities: { sms: true, fax: true },
      emergency_calling: { enabled: true, address_id: UUID_A },
      sip_outbound: { enabled: true, endpoint: 'trunk.example.com', password: 'sip-secret-123' },
      telephony: { provider: 'twilio', auth_token: 'tok-secret-456' },
    });
    const body = (await sw(t, 'GET', `${BASE}/${n.id}`)).json();
    assert.equal(body.id, n.id);
    assert.equal(body.number, n.number);
    assert.equal(body.name, 'Set natively');
    assert.deepEqual(body.capabilities, ['voice', 'sms', 'fax']);
    assert.equal(body.number_type, 'longcode');
    assert.equal(body.country_code, 'US');
    assert.equal(body.e911_address_id, UUID_A);
    assert.equal(body.e911_status, 'active');
    assert.equal(body.created_at, n.created_at);
    assert.equal(body.updated_at, n.updated_at);
    assert.equal(body.next_billed_at, null);
    assert.equal(body.call_handler, null);
    assert.equal(body.call_receive_mode, 'voice');
    assert.equal(body.messaging_handler_resource_id, null);
    assert.doesNotMatch(JSON.stringify(body), /sip-secret-123|tok-secret-456/);

    const tollFree = await createNumber(t, { emergency_calling: { address_id: 'not-a-uuid' } }, '+1 800 555 0199');
    const tf = (await sw(t, 'GET', `${BASE}/${tollFree.id}`)).json();
    assert.equal(tf.number_type, 'toll-free');
    assert.equal(tf.e911_address_id, null, 'a non-UUID address cannot be shown');
    assert.equal(tf.e911_status, null);

    const uk = await createNumber(t, {}, '+44 20 7946 0958');
    assert.equal((await sw(t, 'GET', `${BASE}/${uk.id}`)).json().country_code, 'GB');
  });

  test('a name set here shows through /v1, and one set through /v1 shows here', async () => {
    const n = await createNumber(t);
    await putOk(t, n.id, { name: 'From SignalWire' });
    assert.equal((await native(t, n.id)).friendly_name, 'From SignalWire');
    assert.equal((await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'From v1' })).statusCode, 200);
    assert.equal((await sw(t, 'GET', `${BASE}/${n.id}`)).json().name, 'From v1');
  });

  test('DELETE releases the number (204); then it is 404 here and through /v1', async () => {
    const n = await createNumber(t);
    const res = await sw(t, 'DELETE', `${BASE}/${n.id}`);
    assert.equal(res.statusCode, 204, res.body);
    assertSimpleError(await sw(t, 'GET', `${BASE}/${n.id}`), 404, 'Not Found');
    assertSimpleError(await sw(t, 'DELETE', `${BASE}/${n.id}`), 404, 'Not Found');
    assertSimpleError(await put(t, n.id, { name: 'x' }), 404, 'Not Found');
    assert.equal((await t.request('GET', `/v1/phone-numbers/${n.id}`)).statusCode, 404);
  });

  test('ids that are not UUIDs, unknown ids and unknown paths are 404 Not Found', async () => {
    const n = await createNumber(t);
    assertSimpleError(await sw(t, 'GET', `${BASE}/not-a-uuid`), 404, 'Not Found');
    assertSimpleError(await sw(t, 'GET', `${BASE}/${encodeURIComponent(n.number)}`), 404, 'Not Found');
    assertSimpleError(await sw(t, 'GET', `${BASE}/01900000-0000-7000-8000-000000000000`), 404, 'Not Found');
    const unknownPath = await t.app.inject({ method: 'GET', url: `${BASE}/${n.id}/nope`, headers: { authorization: basic(t.first.workspace.id, t.key) } });
    assertSimpleError(unknownPath, 404, 'Not Found');
  });

  test('a body that is not JSON, is empty, holds NUL or is not an object is 422 with errors[]; nothing changes', async () => {
    const n = await createNumber(t, { friendly_name: 'Before' });
    const raw = (payload: string) => {
      const res = t.app.inject({
        method: 'PUT',
        url: `${BASE}/${n.id}`,
        headers: { authorization: basic(t.first.workspace.id, t.key), 'content-type': 'application/json' },
        payload,
      });
      return res.then((r) => (checkAgainstSpec('PUT', `${BASE}/${n.id}`, r), r));
    };
    for (const payload of ['{"name": ', 'name=x', '', '\u0000', '{"name": "x"']) {
      const res = await raw(payload);
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)} → ${res.body}`);
      const { errors } = res.json();
      assert.equal(errors.length, 1, res.body);
      assert.deepEqual({ status: errors[0].status, code: errors[0].code }, { status: '422', code: '422' });
      assert.ok(errors[0].detail.length > 0);
    }
    // NUL inside a string: the detail names the SignalWire field.
    assert422(await put(t, n.id, { name: 'a\u0000b' }), 'name');
    assert422(await put(t, n.id, { call_relay_topic: 'x\u0000' }), 'call_relay_topic');
    assert.equal((await put(t, n.id, [] as never)).statusCode, 422);
    assert.equal((await native(t, n.id)).friendly_name, 'Before');
    assert.equal((await native(t, n.id)).version, n.version);
  });
});

describe('SignalWire face: list and paging', () => {
  let t: TestApp;
  const ids: string[] = [];

  before(async () => {
    t = await createTestApp();
    for (let i = 0; i < 5; i++) ids.push((await createNumber(t, { friendly_name: i % 2 ? `Sales ${i}` : `Support ${i}` }, `+1212555${String(2000 + i)}`)).id);
  });

  after(async () => {
    await t?.close();
  });

  test('walks every page newest first with next links, then back with prev links', async () => {
    const first = await sw(t, 'GET', `${BASE}?page_size=2`);
    assert.equal(first.statusCode, 200, first.body);
    const page0 = first.json();
    assert.equal(page0.links.prev, undefined, 'no prev on the first page');
    assert.ok(page0.links.self.includes(`${BASE}?page_number=0&page_size=2`), page0.links.self);
    assert.ok(page0.links.first.includes('page_number=0'));

    const seen: string[] = [];
    const pages: any[] = [];
    let body = page0;
    for (;;) {
      pages.push(body);
      seen.push(...body.data.map((d: { id: string }) => d.id));
      if (!body.links.next) break;
      const url = new URL(body.links.next);
      const res = await sw(t, 'GET', url.pathname + url.search);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().links.self, body.links.next, 'self is the link that led here');
      body = res.json();
      assert.ok(pages.length < 10);
    }
    assert.deepEqual(seen, [...ids].reverse(), 'newest first, each once');
    assert.deepEqual(pages.map((p) => p.data.length), [2, 2, 1]);
    assert.ok(pages[1].links.next.includes('page_number=2'));

    // Back: prev of the last page is the middle one; prev of the middle one is the first.
    const prev1 = new URL(pages[2].links.prev);
    const back1 = (await sw(t, 'GET', prev1.pathname + prev1.search)).json();
    assert.deepEqual(back1.data, pages[1].data);
    const prev0 = new URL(back1.links.prev);
    assert.equal(prev0.searchParams.get('page_number'), '0');
    assert.equal(prev0.searchParams.get('page_token'), null);
    const back0 = (await sw(t, 'GET', prev0.pathname + prev0.search)).json();
    assert.deepEqual(back0.data, page0.data);
  });

  test('filter_name and filter_number match substrings, and the links keep the filters', async () => {
    const sales = (await sw(t, 'GET', `${BASE}?filter_name=sales`)).json();
    assert.deepEqual(sales.data.map((d: { name: string }) => d.name), ['Sales 3', 'Sales 1']);
    assert.ok(sales.links.self.includes('filter_name=sales'));
    const byNumber = (await sw(t, 'GET', `${BASE}?filter_number=5552003`)).json();
    assert.deepEqual(byNumber.data.map((d: { id: string }) => d.id), [ids[3]]);
    const none = (await sw(t, 'GET', `${BASE}?filter_number=999999`)).json();
    assert.deepEqual(none.data, []);
    assert.equal(none.links.next, undefined);
  });

  test('page_number without page_token reads that page by offset: the same pages the links walk', async () => {
    const walked: any[] = [];
    let url: string | undefined = `${BASE}?page_size=2`;
    while (url) {
      const body: any = (await sw(t, 'GET', url)).json();
      walked.push(body);
      url = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : undefined;
    }
    assert.equal(walked.length, 3);
    for (let n = 0; n < walked.length; n++) {
      const res = await sw(t, 'GET', `${BASE}?page_size=2&page_number=${n}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.data, walked[n].data, `page ${n}`);
      assert.equal(body.links.next !== undefined, walked[n].links.next !== undefined, `page ${n} has a next link iff the walked one does`);
      if (n > 0) {
        // Its next link goes on with a token, to the page after; prev is the page before by number.
        if (body.links.next) assert.deepEqual((await sw(t, 'GET', new URL(body.links.next).pathname + new URL(body.links.next).search)).json().data, walked[n + 1].data);
        const prev = new URL(body.links.prev);
        assert.equal(prev.searchParams.get('page_number'), String(n - 1));
        assert.deepEqual((await sw(t, 'GET', prev.pathname + prev.search)).json().data, walked[n - 1].data);
      }
    }
    // Past the end: an empty page, no next link.
    const beyond = (await sw(t, 'GET', `${BASE}?page_size=2&page_number=7`)).json();
    assert.deepEqual(beyond.data, []);
    assert.equal(beyond.links.next, undefined);
    // The filters apply: two "Sales" numbers, page 1 of size 1 is the older one.
    assert.deepEqual((await sw(t, 'GET', `${BASE}?filter_name=sales&page_size=1&page_number=1`)).json().data.map((d: { name: string }) => d.name), ['Sales 1']);
  });

  test('bad paging parameters are 400 Bad Request', async () => {
    for (const q of ['page_size=0', 'page_size=1001', 'page_size=abc', 'page_number=-1', 'page_number=abc', 'page_token=garbage']) {
      assertSimpleError(await sw(t, 'GET', `${BASE}?${q}`), 400, 'Bad Request');
    }
  });

  test('another workspace sees none of these numbers', async () => {
    const other = await createOtherWorkspace(t, 'sw-list-other');
    const res = await sw(t, 'GET', BASE, undefined, { authorization: basic(other.workspaceId, other.key) });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().data, []);
  });
});

describe('SignalWire face: authentication, scopes and tenancy', () => {
  let t: TestApp;
  let n: any;
  let other: { workspaceId: string; userId: string; key: string };

  before(async () => {
    t = await createTestApp();
    n = await createNumber(t);
    other = await createOtherWorkspace(t, 'sw-other');
  });

  after(async () => {
    await t?.close();
  });

  test('Basic with the workspace id as project id works, and so does Bearer', async () => {
    assert.equal((await sw(t, 'GET', `${BASE}/${n.id}`)).statusCode, 200);
    assert.equal((await sw(t, 'GET', `${BASE}/${n.id}`, undefined, { authorization: `Bearer ${t.key}` })).statusCode, 200);
  });

  test('no key, a bad key, a wrong project id and a revoked key are 401 Unauthorized', async () => {
    const revoked = await createKey(t, ['numbers:read']);
    assert.equal((await t.request('DELETE', `/v1/api-keys/${revoked.id}`)).statusCode, 200);
    const cases: (string | null)[] = [
      null,
      basic(t.first.workspace.id, 'sb_not_a_real_key'),
      basic(other.workspaceId, t.key),
      basic(t.first.workspace.id, revoked.key),
      'Digest abc',
    ];
    for (const authorization of cases) {
      for (const [method, url, body] of [['GET', BASE], ['GET', `${BASE}/${n.id}`], ['PUT', `${BASE}/${n.id}`, { name: 'x' }], ['DELETE', `${BASE}/${n.id}`]] as const) {
        const res = await sw(t, method, url, body, { authorization });
        assertSimpleError(res, 401, 'Unauthorized');
        assert.match(String(res.headers['www-authenticate']), /^Basic/);
      }
    }
    assert.equal((await native(t, n.id)).version, n.version);
  });

  test('a key without the numbers scope is 403 Forbidden; numbers:read cannot write', async () => {
    const agentsOnly = await createKey(t, ['agents:read']);
    const readOnly = await createKey(t, ['numbers:read']);
    const as = (key: string) => ({ authorization: basic(t.first.workspace.id, key) });
    assertSimpleError(await sw(t, 'GET', BASE, undefined, as(agentsOnly.key)), 403, 'Forbidden');
    assertSimpleError(await sw(t, 'GET', `${BASE}/${n.id}`, undefined, as(agentsOnly.key)), 403, 'Forbidden');
    assert.equal((await sw(t, 'GET', `${BASE}/${n.id}`, undefined, as(readOnly.key))).statusCode, 200);
    assertSimpleError(await put(t, n.id, { name: 'x' }, as(readOnly.key)), 403, 'Forbidden');
    assertSimpleError(await sw(t, 'DELETE', `${BASE}/${n.id}`, undefined, as(readOnly.key)), 403, 'Forbidden');
    const writer = await createKey(t, ['numbers:write']);
    assert.equal((await put(t, n.id, { name: 'by writer' }, as(writer.key))).statusCode, 200);
  });

  test('another workspace\'s number is 404 Not Found and stays unchanged', async () => {
    const as = { authorization: basic(other.workspaceId, other.key) };
    const before = await native(t, n.id);
    assertSimpleError(await sw(t, 'GET', `${BASE}/${n.id}`, undefined, as), 404, 'Not Found');
    assertSimpleError(await put(t, n.id, { name: 'hijack' }, as), 404, 'Not Found');
    assertSimpleError(await sw(t, 'DELETE', `${BASE}/${n.id}`, undefined, as), 404, 'Not Found');
    assert.deepEqual(await native(t, n.id), before);
  });

  test('the OpenAPI document lists the four operations under the SignalWire tag', async () => {
    const doc = (await t.request('GET', '/openapi.json', undefined, { key: null })).json();
    const ops = [
      ['get', '/api/relay/rest/phone_numbers', 'signalwireListPhoneNumbers'],
      ['get', '/api/relay/rest/phone_numbers/{id}', 'signalwireGetPhoneNumber'],
      ['put', '/api/relay/rest/phone_numbers/{id}', 'signalwireUpdatePhoneNumber'],
      ['delete', '/api/relay/rest/phone_numbers/{id}', 'signalwireReleasePhoneNumber'],
    ];
    for (const [method, path, operationId] of ops) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path} is documented`);
      assert.equal(op.operationId, operationId);
      assert.deepEqual(op.tags, ['SignalWire compatible']);
    }
  });
});
