// The Vocode face (/v1/numbers/*): every route, its errors in FastAPI's shapes, tenancy and keys,
// secrets, and that what it writes is what the native API reads (and back). Every answer is
// validated against Vocode's own OpenAPI (shared/vendor-specs/vocode-openapi.json).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { responseErrors, specErrors } from './helpers/vendor-spec.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

const NIL = '00000000-0000-0000-0000-000000000000';
let seq = 0;
const nextNumber = () => `+1415555${String(2000 + seq++).padStart(4, '0')}`;
const q = (e164: string) => `phone_number=${encodeURIComponent(e164)}`;

type Json = Record<string, any>;
let t: TestApp;

/** A Vocode call; its answer must be what Vocode's spec says (200 and 422), or {"detail": "…"}. */
async function vocode(method: 'GET' | 'POST', url: string, body?: unknown, options: { key?: string | null; headers?: Record<string, string> } = {}) {
  const res = await t.request(method, url, body, options);
  const path = url.split('?')[0]!;
  if (res.statusCode === 200) assert.deepEqual(responseErrors('vocode', path, method, 200, res.json()), [], `${method} ${url}: ${res.body}`);
  else if (res.statusCode === 422) {
    assert.deepEqual(specErrors('vocode', 'HTTPValidationError', res.json()), [], res.body);
    assert.ok(res.json().detail.length > 0, res.body);
  } else {
    assert.equal(typeof res.json().detail, 'string', res.body);
    assert.deepEqual(Object.keys(res.json()), ['detail']);
  }
  return res;
}

function ok(res: LightMyRequestResponse): Json {
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

function assertInvalid(res: LightMyRequestResponse, loc: (string | number)[], type?: string) {
  assert.equal(res.statusCode, 422, res.body);
  const item = res.json().detail.find((d: Json) => JSON.stringify(d.loc) === JSON.stringify(loc));
  assert.ok(item, `no detail at ${JSON.stringify(loc)}: ${res.body}`);
  if (type) assert.equal(item.type, type, res.body);
}

function assertDetail(res: LightMyRequestResponse, status: number, pattern?: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  if (pattern) assert.match(res.json().detail, pattern);
}

async function native(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
  const res = await t.request(method, url, body);
  assert.equal(res.statusCode, status, res.body);
  return res.json() as Json;
}

const newNumber = (body: Json = {}) => native('POST', '/v1/phone-numbers', { number: nextNumber(), ...body });
const newAgent = (body: Json = {}) => native('POST', '/v1/agents', { name: 'Support', ...body });
const agentCount = async () => (await native('GET', '/v1/agents?limit=200')).data.length;

const FULL_AGENT = {
  name: 'Front desk',
  prompt: 'You answer the phone for Acme.',
  initial_message: 'Hello, Acme here.',
  language: 'es',
  voice: { type: 'voice_azure', voice_name: 'es-ES-ElviraNeural', pitch: 2, rate: 20 },
  actions: [{ type: 'action_transfer_call', config: { phone_number: '+14155550199' } }, { type: 'action_end_conversation' }],
  webhook: { url: 'https://hooks.example.com/vocode', method: 'POST', subscriptions: ['event_message', 'event_phone_call_ended'] },
  settings: { interrupt_sensitivity: 'high', conversation_speed: 1.2 },
};

describe('Vocode face', () => {
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test('update with an agent id: the full agent in the answer, agent target natively', async () => {
    const agent = await newAgent(FULL_AGENT);
    const n = await newNumber();
    const body = ok(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { inbound_agent: agent.id, label: 'Front line', outbound_only: true, example_context: { city: 'Lyon' } }));
    assert.equal(body.id, n.id);
    assert.equal(body.number, n.number);
    assert.equal(body.user_id, t.first.user.id);
    assert.equal(body.label, 'Front line');
    assert.equal(body.outbound_only, true);
    assert.deepEqual(body.example_context, { city: 'Lyon' });
    const a = body.inbound_agent;
    assert.equal(a.id, agent.id);
    assert.equal(a.name, 'Front desk');
    assert.equal(a.language, 'es');
    assert.equal(a.initial_message, 'Hello, Acme here.');
    assert.equal(a.prompt.content, 'You answer the phone for Acme.');
    assert.match(a.prompt.id, /^[0-9a-f-]{36}$/);
    assert.notEqual(a.prompt.id, NIL);
    assert.equal(a.prompt.user_id, t.first.user.id);
    assert.deepEqual({ ...a.voice, id: undefined, user_id: undefined }, { id: undefined, user_id: undefined, type: 'voice_azure', voice_name: 'es-ES-ElviraNeural', pitch: 2, rate: 20 });
    assert.deepEqual(a.actions.map((x: Json) => [x.type, x.config, x.id === agent.actions[0].id || x.id === agent.actions[1].id]), [
      ['action_transfer_call', { phone_number: '+14155550199' }, true],
      ['action_end_conversation', {}, true],
    ]);
    assert.deepEqual({ ...a.webhook, id: undefined }, { id: undefined, user_id: t.first.user.id, url: 'https://hooks.example.com/vocode', method: 'POST', subscriptions: ['event_message', 'event_phone_call_ended'] });
    assert.equal(a.interrupt_sensitivity, 'high');
    assert.equal(a.conversation_speed, 1.2);

    const seen = await native('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(seen.inbound_agent_id, agent.id);
    assert.equal(seen.inbound_target, 'agent');
    assert.equal(seen.friendly_name, 'Front line');
    assert.equal(seen.outbound_only, true);
    assert.deepEqual(seen.example_context, { city: 'Lyon' });
    // The same agent, the same sub-object ids, on every read.
    const again = ok(await vocode('GET', `/v1/numbers?${q(n.number)}`));
    assert.deepEqual(again.inbound_agent, a);
  });

  test('an agent id replaces a workflow in force; the workflow stays stored', async () => {
    const workflow = await native('POST', '/v1/workflows', { name: 'IVR' });
    const agent = await newAgent();
    const n = await newNumber({ inbound_workflow_id: workflow.id });
    assert.equal(ok(await vocode('GET', `/v1/numbers?${q(n.number)}`)).inbound_agent.id, NIL);
    ok(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { inbound_agent: agent.id }));
    const seen = await native('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(seen.inbound_target, 'agent');
    assert.equal(seen.inbound_agent_id, agent.id);
    assert.equal(seen.inbound_workflow_id, workflow.id);
  });

  test('inline agent fields create an agent when none answers, then update that agent in place', async () => {
    const n = await newNumber();
    const before = await agentCount();
    const created = ok(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, {
      inbound_agent: {
        name: 'Inline',
        prompt: { content: 'Be brief.', context_endpoint: 'https://ctx.example.com', collect_fields: [{ field_type: 'field_type_email', label: 'Email', name: 'email' }] },
        voice: { type: 'voice_eleven_labs', voice_id: 'el-1', stability: 0.5 },
        actions: [{ type: 'action_dtmf', action_trigger: { type: 'action_trigger_phrase_based', config: { phrase_triggers: [{ phrase: 'press one', conditions: ['phrase_condition_type_contains'] }] } } }],
        webhook: { url: 'https://hooks.example.com/a', subscriptions: ['event_transcript'] },
        language: 'fr',
        noise_suppression: true,
        endpointing_sensitivity: 'relaxed',
      },
    })).inbound_agent;
    assert.equal(await agentCount(), before + 1);
    assert.equal(created.name, 'Inline');
    assert.equal(created.prompt.content, 'Be brief.');
    assert.equal(created.prompt.context_endpoint, 'https://ctx.example.com');
    assert.deepEqual(created.prompt.collect_fields, [{ field_type: 'field_type_email', label: 'Email', name: 'email' }]);
    assert.deepEqual(created.actions[0].action_trigger, { type: 'action_trigger_phrase_based', config: { phrase_triggers: [{ phrase: 'press one', conditions: ['phrase_condition_type_contains'] }] } });
    assert.equal(created.noise_suppression, true);

    const stored = await native('GET', `/v1/agents/${created.id}`);
    assert.equal(stored.prompt, 'Be brief.');
    assert.equal(stored.language, 'fr');
    assert.deepEqual(stored.voice, { type: 'voice_eleven_labs', voice_id: 'el-1', stability: 0.5 });
    assert.deepEqual(stored.webhook, { url: 'https://hooks.example.com/a', subscriptions: ['event_transcript'] });
    assert.equal(stored.actions[0].type, 'action_dtmf');
    assert.equal(stored.actions[0].trigger.type, 'action_trigger_phrase_based');
    assert.equal(stored.settings.noise_suppression, true);
    assert.equal(stored.settings.endpointing_sensitivity, 'relaxed');
    const seen = await native('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(seen.inbound_agent_id, created.id);
    assert.equal(seen.inbound_target, 'agent');

    // Same voice type: merged field by field; the webhook too; the prompt's content replaced.
    const updated = ok(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, {
      inbound_agent: { prompt: { content: 'Be kind.' }, voice: { type: 'voice_eleven_labs', similarity_boost: 0.7 }, webhook: { method: 'GET' }, initial_message: 'Hi!' },
    })).inbound_agent;
    assert.equal(await agentCount(), before + 1, 'no second agent');
    assert.equal(updated.id, created.id);
    assert.equal(updated.prompt.id, created.prompt.id);
    assert.equal(updated.voice.id, created.voice.id);
    const after = await native('GET', `/v1/agents/${created.id}`);
    assert.equal(after.prompt, 'Be kind.');
    assert.equal(after.initial_message, 'Hi!');
    assert.deepEqual(after.voice, { type: 'voice_eleven_labs', voice_id: 'el-1', stability: 0.5, similarity_boost: 0.7 });
    assert.deepEqual(after.webhook, { url: 'https://hooks.example.com/a', method: 'GET', subscriptions: ['event_transcript'] });
    assert.equal(after.settings.noise_suppression, true, 'absent fields stay');
    // Another voice type replaces the voice.
    ok(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { inbound_agent: { voice: { type: 'voice_rime', speaker: 'amber', model_id: 'mist' } } }));
    assert.deepEqual((await native('GET', `/v1/agents/${created.id}`)).voice, { type: 'voice_rime', speaker: 'amber', model_id: 'mist' });
  });

  test('an unknown agent id is 422 at body.inbound_agent, and nothing changes', async () => {
    const n = await newNumber({ friendly_name: 'Keep' });
    const other = await createOtherWorkspace(t, 'vocode-agent-owner');
    const foreign = await t.request('POST', '/v1/agents', { name: 'Theirs' }, { key: other.key });
    for (const id of ['0190aaaa-0000-7000-8000-000000000000', foreign.json().id]) {
      const res = await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { inbound_agent: id, label: 'Changed' });
      assertInvalid(res, ['body', 'inbound_agent']);
    }
    const seen = await native('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(seen.version, n.version);
    assert.equal(seen.friendly_name, 'Keep');
  });

  test('invalid requests: 422 with the place and the kind, and no write', async () => {
    const n = await newNumber();
    const agents = await agentCount();
    const update = (body: unknown) => vocode('POST', `/v1/numbers/update?${q(n.number)}`, body);
    assertInvalid(await update({ inbound_agent: 'not-a-uuid' }), ['body', 'inbound_agent'], 'uuid_parsing');
    assertInvalid(await update({ inbound_agent: 42 }), ['body', 'inbound_agent']);
    assertInvalid(await update({ label: 5 }), ['body', 'label'], 'string_type');
    assertInvalid(await update({ label: 'x'.repeat(65) }), ['body', 'label'], 'string_too_long');
    assertInvalid(await update({ label: 'bad\nname' }), ['body', 'label']);
    assertInvalid(await update({ outbound_only: 'yes' }), ['body', 'outbound_only']);
    assertInvalid(await update({ example_context: { k: 1 } }), ['body', 'example_context', 'k'], 'string_type');
    assertInvalid(await update({ inbound_agent: { language: 'xx' } }), ['body', 'inbound_agent', 'language'], 'enum');
    assertInvalid(await update({ inbound_agent: { voice: { type: 'voice_eleven_labs' } } }), ['body', 'inbound_agent', 'voice', 'voice_id'], 'missing');
    assertInvalid(await update({ inbound_agent: { voice: { type: 'voice_play_ht', voice_id: 'p', api_key: 'sk-live' } } }), ['body', 'inbound_agent', 'voice', 'api_key']);
    assertInvalid(await update({ inbound_agent: { voice: { type: 'voice_azure', voice_name: 'x', pitch: 1000 } } }), ['body', 'inbound_agent', 'voice', 'pitch']);
    assertInvalid(await update({ inbound_agent: { prompt: '0190aaaa-0000-7000-8000-000000000000' } }), ['body', 'inbound_agent', 'prompt']);
    assertInvalid(await update({ inbound_agent: { actions: [{ type: 'action_transfer_call' }] } }), ['body', 'inbound_agent', 'actions', 0, 'config']);
    assertInvalid(await update({ inbound_agent: { actions: [{ type: 'action_unknown' }] } }), ['body', 'inbound_agent', 'actions', 0, 'type']);
    assertInvalid(await update({ inbound_agent: { webhook: { subscriptions: ['event_message'] } } }), ['body', 'inbound_agent', 'webhook', 'url']);
    assertInvalid(await update({ inbound_agent: { webhook: { url: 'ftp://x' } } }), ['body', 'inbound_agent', 'webhook', 'url']);
    assertInvalid(await update({ inbound_agent: { vector_database: { type: 'vector_database_pinecone', index: 'i' } } }), ['body', 'inbound_agent', 'vector_database']);
    assertInvalid(await vocode('POST', '/v1/numbers/update', {}), ['query', 'phone_number'], 'missing');
    assertInvalid(await vocode('GET', '/v1/numbers'), ['query', 'phone_number'], 'missing');
    const bad = await vocode('POST', `/v1/numbers/update?${q(n.number)}`, '{"label": ', { headers: { 'content-type': 'application/json' } });
    assertInvalid(bad, ['body'], 'json_invalid');
    assert.equal((await native('GET', `/v1/phone-numbers/${n.id}`)).version, n.version);
    assert.equal(await agentCount(), agents);
  });

  test('label, outbound_only and example_context as Vocode means them', async () => {
    const n = await newNumber({ friendly_name: 'Old' });
    const url = `/v1/numbers/update?${q(n.number)}`;
    ok(await vocode('POST', url, { example_context: { a: '1', b: '2' } }));
    const replaced = ok(await vocode('POST', url, { example_context: { c: '3' } }));
    assert.deepEqual(replaced.example_context, { c: '3' }, 'the whole map is replaced');
    assert.equal(replaced.label, 'Old', 'absent = unchanged');
    assert.deepEqual(ok(await vocode('POST', url, { example_context: {} })).example_context, {});
    const cleared = ok(await vocode('POST', url, { label: '', outbound_only: true, ignored_field: 1 }));
    assert.equal(cleared.label, '');
    const seen = await native('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(seen.friendly_name, null);
    assert.equal(seen.outbound_only, true);
    assert.deepEqual(seen.example_context, {});
    // pydantic's Undefined ({}) means "not set".
    const same = ok(await vocode('POST', url, { label: {}, outbound_only: {}, inbound_agent: {} }));
    assert.equal(same.outbound_only, true);
  });

  test('native changes show through the Vocode face', async () => {
    const agent = await newAgent({ language: 'en-US', voice: { type: 'voice_openai', voice_id: 'alloy' }, actions: [{ type: 'action_webhook', config: {} }], webhook: { url: 'https://x.example.com', method: 'PUT', subscriptions: ['agent.updated', 'event_message'] } });
    const n = await newNumber();
    await native('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'Set natively', inbound_agent_id: agent.id });
    const body = ok(await vocode('GET', `/v1/numbers?${q(n.number)}`));
    assert.equal(body.label, 'Set natively');
    assert.equal(body.inbound_agent.id, agent.id);
    // What Vocode cannot say is left out, and what it requires has a stand-in.
    assert.equal(body.inbound_agent.language, 'en');
    assert.deepEqual(body.inbound_agent.actions, []);
    assert.equal(body.inbound_agent.voice.id, NIL);
    assert.equal(body.inbound_agent.webhook.method, undefined);
    assert.deepEqual(body.inbound_agent.webhook.subscriptions, ['event_message']);
    await native('PATCH', `/v1/phone-numbers/${n.id}`, { inbound_target: null });
    assert.equal(ok(await vocode('GET', `/v1/numbers?${q(n.number)}`)).inbound_agent.id, NIL);
  });

  test('get: by E.164 (encoded or not), by digits, by id; unknown 404', async () => {
    const n = await newNumber();
    for (const ref of [encodeURIComponent(n.number), n.number, n.number.slice(1), n.id]) {
      assert.equal(ok(await vocode('GET', `/v1/numbers?phone_number=${ref}`)).id, n.id, ref);
    }
    assertDetail(await vocode('GET', `/v1/numbers?${q('+14155559999')}`), 404, /not found/);
    assertDetail(await vocode('GET', '/v1/numbers?phone_number=garbage'), 404);
  });

  test('a number created without a user shows the workspace\'s first user', async () => {
    const ctx = { actor: { workspaceId: t.first.workspace.id, userId: null, apiKeyId: null, type: 'operator' as const }, scopes: ALL_SCOPES };
    const n = await t.runtime.core.phoneNumbers.create(ctx, { number: nextNumber() });
    assert.equal(n.created_by_user_id, null);
    assert.equal(ok(await vocode('GET', `/v1/numbers?${q(n.number)}`)).user_id, t.first.user.id);
  });

  test('list: pages, total, order', async () => {
    const other = await createOtherWorkspace(t, 'vocode-list');
    const key = { key: other.key };
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), friendly_name: `n${4 - i}` }, key);
      assert.equal(res.statusCode, 201, res.body);
      numbers.push(res.json().number);
    }
    const agent = (await t.request('POST', '/v1/agents', { name: 'L' }, key)).json();
    await t.request('PATCH', `/v1/phone-numbers/${encodeURIComponent(numbers[0]!)}`, { inbound_agent_id: agent.id }, key);

    const first = ok(await vocode('GET', '/v1/numbers/list?size=2', undefined, key));
    assert.deepEqual([first.page, first.size, first.total, first.has_more, first.total_is_estimated], [1, 2, 5, true, false]);
    assert.deepEqual(first.items.map((x: Json) => x.number), numbers.slice(0, 2));
    assert.equal(first.items[0].inbound_agent, agent.id);
    assert.equal(first.items[1].inbound_agent, NIL);
    assert.equal(first.items[0].user_id, other.userId);
    const last = ok(await vocode('GET', '/v1/numbers/list?size=2&page=3', undefined, key));
    assert.deepEqual(last.items.map((x: Json) => x.number), numbers.slice(4));
    assert.equal(last.has_more, false);
    assert.equal(ok(await vocode('GET', '/v1/numbers/list?size=2&page=4', undefined, key)).items.length, 0);
    const defaults = ok(await vocode('GET', '/v1/numbers/list', undefined, key));
    assert.deepEqual([defaults.page, defaults.size, defaults.items.length], [1, 10, 5]);
    const desc = ok(await vocode('GET', '/v1/numbers/list?sort_column=number&sort_desc=true', undefined, key));
    assert.deepEqual(desc.items.map((x: Json) => x.number), [...numbers].reverse());
    const byLabel = ok(await vocode('GET', '/v1/numbers/list?sort_column=label', undefined, key));
    assert.deepEqual(byLabel.items.map((x: Json) => x.label), ['n0', 'n1', 'n2', 'n3', 'n4']);
    assertInvalid(await vocode('GET', '/v1/numbers/list?page=0', undefined, key), ['query', 'page']);
    assertInvalid(await vocode('GET', '/v1/numbers/list?size=101', undefined, key), ['query', 'size']);
    assertInvalid(await vocode('GET', '/v1/numbers/list?sort_column=bogus', undefined, key), ['query', 'sort_column'], 'enum');
  });

  test('cancel: the number is gone from every face and can be linked again', async () => {
    const agent = await newAgent();
    const n = await newNumber({ inbound_agent_id: agent.id });
    const cancelled = ok(await vocode('POST', `/v1/numbers/cancel?${q(n.number)}`));
    assert.equal(cancelled.id, n.id);
    assert.equal(cancelled.active, false);
    assert.equal(cancelled.inbound_agent.id, agent.id);
    assertDetail(await vocode('GET', `/v1/numbers?${q(n.number)}`), 404);
    assertDetail(await vocode('POST', `/v1/numbers/cancel?${q(n.number)}`), 404);
    assertDetail(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { label: 'x' }), 404);
    await native('GET', `/v1/phone-numbers/${n.id}`, undefined, 404);
    const list = ok(await vocode('GET', '/v1/numbers/list?size=100'));
    assert.ok(!list.items.some((x: Json) => x.id === n.id));
    const again = ok(await vocode('POST', '/v1/numbers/link', { phone_number: n.number, telephony_account_connection: '0190bbbb-0000-7000-8000-000000000000' }));
    assert.notEqual(again.id, n.id);
  });

  test('link: a connection id or inline credentials; the token is never shown', async () => {
    const connection = '0190cccc-0000-7000-8000-00000000000a';
    const number = nextNumber();
    const linked = ok(await vocode('POST', '/v1/numbers/link', { phone_number: number, telephony_account_connection: connection, outbound_only: true }));
    assert.equal(linked.number, number);
    assert.equal(linked.telephony_provider, 'twilio');
    assert.equal(linked.outbound_only, true);
    assert.equal(linked.inbound_agent.id, NIL);
    assert.equal(ok(await vocode('GET', `/v1/numbers?${q(number)}`)).id, linked.id);
    const seen = await native('GET', `/v1/phone-numbers/${linked.id}`);
    assert.deepEqual(seen.telephony, { provider: 'twilio', phone_number_sid: null, account_sid: connection, auth_token_set: false });
    const listed = ok(await vocode('GET', '/v1/numbers/list?size=100')).items.find((x: Json) => x.id === linked.id);
    assert.equal(listed.telephony_account_connection, connection);

    const TOKEN = 'twilio-token-Zx81-never-shown';
    const withToken = nextNumber();
    const res = await vocode('POST', '/v1/numbers/link', { phone_number: withToken, telephony_account_connection: { type: 'account_connection_twilio', credentials: { twilio_account_sid: 'AC123', twilio_auth_token: TOKEN } } });
    const id = ok(res).id;
    const answers = [res, await vocode('GET', `/v1/numbers?${q(withToken)}`), await vocode('GET', '/v1/numbers/list?size=100'), await t.request('GET', `/v1/phone-numbers/${id}`), await t.request('GET', `/v1/events?object_id=${id}`)];
    for (const a of answers) assert.ok(!a.body.includes(TOKEN), a.body);
    assert.ok(!t.logs.join('').includes(TOKEN));
    const stored = await native('GET', `/v1/phone-numbers/${id}`);
    assert.equal(stored.telephony.auth_token_set, true);
    assert.equal(stored.telephony.account_sid, 'AC123');

    assertDetail(await vocode('POST', '/v1/numbers/link', { phone_number: withToken, telephony_account_connection: connection }), 409);
    assertInvalid(await vocode('POST', '/v1/numbers/link', { phone_number: '12', telephony_account_connection: connection }), ['body', 'phone_number']);
    assertInvalid(await vocode('POST', '/v1/numbers/link', { phone_number: '+1 not a number', telephony_account_connection: connection }), ['body', 'phone_number']);
    assertInvalid(await vocode('POST', '/v1/numbers/link', { phone_number: nextNumber() }), ['body', 'telephony_account_connection'], 'missing');
  });

  test('buy is refused: Switchboard does not buy numbers', async () => {
    assertDetail(await vocode('POST', '/v1/numbers/buy', { area_code: '415' }), 400, /link/);
    assertDetail(await vocode('POST', '/v1/numbers/buy', {}, { key: null }), 401);
  });

  test('keys: none, bad, revoked, lacking a scope; another workspace\'s number is 404', async () => {
    const n = await newNumber();
    const reader = await createKey(t, ['numbers:read']);
    const writer = await createKey(t, ['numbers:write']);
    const agentsOnly = await createKey(t, ['agents:read', 'agents:write']);
    const revoked = await createKey(t, ['admin']);
    await native('DELETE', `/v1/api-keys/${revoked.id}`);
    const other = await createOtherWorkspace(t, 'vocode-keys');
    const routes: ['GET' | 'POST', string, unknown, string][] = [
      ['GET', '/v1/numbers/list', undefined, 'numbers:read'],
      ['GET', `/v1/numbers?${q(n.number)}`, undefined, 'numbers:read'],
      ['POST', `/v1/numbers/update?${q(n.number)}`, { label: 'k' }, 'numbers:write'],
      ['POST', `/v1/numbers/cancel?${q(n.number)}`, undefined, 'numbers:write'],
      ['POST', '/v1/numbers/link', { phone_number: nextNumber(), telephony_account_connection: NIL }, 'numbers:write'],
    ];
    for (const [method, url, body, scope] of routes) {
      for (const key of [null, 'sb_not_a_real_key_at_all_000000000000000', revoked.key]) {
        const res = await vocode(method, url, body, { key });
        assertDetail(res, 401);
        assert.equal(res.headers['www-authenticate'], 'Bearer');
      }
      assertDetail(await vocode(method, url, body, { key: agentsOnly.key }), 403, new RegExp(scope));
      if (scope === 'numbers:write') assertDetail(await vocode(method, url, body, { key: reader.key }), 403);
    }
    // Another workspace: its number does not exist here.
    for (const [method, url, body] of routes.slice(1, 4)) assertDetail(await vocode(method, url, body, { key: other.key }), 404);
    // Writing agent fields inline needs agents:write; an agent id does not.
    assertDetail(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { inbound_agent: { name: 'x' } }, { key: writer.key }), 403, /agents:write/);
    const agent = await newAgent();
    assert.equal(ok(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, { inbound_agent: agent.id }, { key: writer.key })).inbound_agent.id, agent.id);
    const seen = await native('GET', `/v1/phone-numbers/${n.id}`);
    assert.equal(seen.friendly_name, null, 'refused requests changed nothing');
  });

  test('without agents:read the answering agent shows by id only (valid per the spec); its webhook needs webhooks:read too', async () => {
    const agent = await newAgent(FULL_AGENT);
    const n = await newNumber({ inbound_target: 'agent', inbound_agent_id: agent.id });
    const as = async (scopes: string[]) => ok(await vocode('GET', `/v1/numbers?${q(n.number)}`, undefined, { key: (await createKey(t, scopes)).key })).inbound_agent;
    const hidden = await as(['numbers:read']);
    assert.deepEqual(hidden, {
      id: agent.id,
      user_id: hidden.user_id,
      name: '',
      prompt: { id: NIL, user_id: hidden.user_id, content: '' },
      actions: [],
      voice: { id: NIL, user_id: hidden.user_id, type: 'voice_azure', voice_name: '' },
    });
    const noWebhook = await as(['numbers:read', 'agents:read']);
    assert.equal(noWebhook.prompt.content, FULL_AGENT.prompt);
    assert.equal(noWebhook.webhook, undefined);
    assert.equal((await as(['numbers:read', 'agents:read', 'webhooks:read'])).webhook.url, FULL_AGENT.webhook.url);
    // Rewriting the agent's webhook through the number needs webhooks:write as well as agents:write.
    const agentsWriter = await createKey(t, ['numbers:write', 'agents:write']);
    const body = { inbound_agent: { webhook: { url: 'https://hooks.example.com/other' } } };
    assertDetail(await vocode('POST', `/v1/numbers/update?${q(n.number)}`, body, { key: agentsWriter.key }), 403, /webhooks:write/);
    assert.equal((await native('GET', `/v1/agents/${agent.id}`)).webhook.url, FULL_AGENT.webhook.url);
  });

  test('the routes are documented under their own tag, with vocode operation ids', async () => {
    const doc = (await t.request('GET', '/openapi.json', undefined, { key: null })).json();
    const ops = ['/v1/numbers/list', '/v1/numbers', '/v1/numbers/update', '/v1/numbers/cancel', '/v1/numbers/link'].map((p) => Object.values(doc.paths[p] ?? {})[0] as Json);
    for (const op of ops) {
      assert.ok(op, 'documented');
      assert.deepEqual(op.tags, ['Vocode compatible']);
      assert.match(op.operationId, /^vocode[A-Z]/);
    }
    assert.equal(doc.paths['/v1/numbers/buy'], undefined);
  });
});
