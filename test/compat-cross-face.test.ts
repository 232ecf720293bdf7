// One number, every face: a change made through any face reads back the same through all
// the others and the native API, because they all translate to and from one core.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { responseErrors, specErrors } from './helpers/vendor-spec.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

const NUMBER = '+14155557001';
const ENCODED = encodeURIComponent(NUMBER);

describe('one number through every face', () => {
  let t: TestApp;
  let workspaceId: string;
  let userId: string;
  let id: string;
  let agentId: string;
  let workflowId: string;
  const basic = () => ({ authorization: `Basic ${Buffer.from(`${workspaceId}:${t.key}`).toString('base64')}` });

  async function ok(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) {
    const res = await t.request(method, url, body, headers ? { headers } : {});
    assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  }

  /** The number as each face shows it, every answer checked against the vendor spec where there is one. */
  async function readAll() {
    const v1 = await ok('GET', `/v1/phone-numbers/${id}`);
    const freya = (await ok('GET', `/api/v2/phone-numbers/${id}`)).data.result.phoneNumber;
    const voiceos = await ok('GET', `/phone_numbers/${ENCODED}`);
    const vocode = await ok('GET', `/v1/numbers?phone_number=${ENCODED}`);
    assert.deepEqual(responseErrors('vocode', '/v1/numbers', 'get', 200, vocode), []);
    const signalwire = await ok('GET', `/api/relay/rest/phone_numbers/${id}`, undefined, basic());
    assert.deepEqual(specErrors('signalwire', 'PhoneNumberResponse', signalwire), []);
    return { v1, freya, voiceos, vocode, signalwire };
  }

  before(async () => {
    t = await createTestApp();
    const me = await ok('GET', '/v1/me');
    workspaceId = me.workspace.id;
    userId = me.user.id;
    agentId = (await ok('POST', '/v1/agents', { name: 'Ava', prompt: 'You answer the front desk.' })).id;
    workflowId = (await ok('POST', '/v1/workflows', { name: 'After hours' })).id;
  });
  after(() => t.close());

  test('created through Freya: every face shows the same number, name and creator', async () => {
    const created = await ok('POST', '/api/v2/phone-numbers', { number: NUMBER, workspaceId, userId, friendlyName: 'Front desk' });
    id = created.data.result.phoneNumber.id;
    const all = await readAll();
    assert.equal(all.v1.number, NUMBER);
    assert.equal(all.v1.friendly_name, 'Front desk');
    assert.equal(all.v1.created_by_user_id, userId);
    assert.equal(all.freya.friendlyName, 'Front desk');
    assert.equal(all.vocode.label, 'Front desk');
    assert.equal(all.signalwire.name, 'Front desk');
    assert.equal(all.voiceos.phone_number, NUMBER);
    assert.equal(all.voiceos.account_id, workspaceId);
    assert.equal(all.vocode.user_id, userId);
    for (const face of [all.freya, all.voiceos, all.vocode, all.signalwire]) assert.equal(face.id, id);
  });

  test('inbound agent set through Vocode: Freya, VoiceOS, SignalWire and v1 show it', async () => {
    await ok('POST', `/v1/numbers/update?phone_number=${ENCODED}`, { inbound_agent: agentId });
    const all = await readAll();
    assert.equal(all.v1.inbound_target, 'agent');
    assert.equal(all.v1.inbound_agent_id, agentId);
    assert.equal(all.freya.config.inboundAgentId, agentId);
    assert.equal(all.freya.inboundAgentName, 'Ava');
    assert.equal(all.freya.config.configType, 'agents');
    assert.equal(all.voiceos.inbound_agent_id, agentId);
    assert.equal(all.vocode.inbound_agent.id, agentId);
    assert.equal(all.vocode.inbound_agent.prompt.content, 'You answer the front desk.');
    assert.equal(all.signalwire.call_handler, 'ai_agent');
    assert.equal(all.signalwire.calling_handler_resource_id, agentId);
  });

  test('call handler set through SignalWire: v1 shows it in force; the agent stays stored and comes back', async () => {
    await ok('PUT', `/api/relay/rest/phone_numbers/${id}`, { call_handler: 'laml_webhooks', call_request_url: 'https://example.com/voice', call_request_method: 'POST' }, basic());
    let all = await readAll();
    assert.equal(all.v1.inbound_target, 'handler');
    assert.equal(all.v1.call_handler.type, 'laml_webhooks');
    assert.equal(all.v1.call_handler.request_url, 'https://example.com/voice');
    assert.equal(all.v1.inbound_agent_id, agentId, 'switching target loses nothing');
    assert.equal(all.freya.config.inboundAgentId, agentId);
    assert.equal(all.voiceos.inbound_agent_id, null, 'VoiceOS shows the agent in force, and none is');
    assert.notEqual(all.vocode.inbound_agent.id, agentId);
    assert.equal(all.signalwire.call_handler, 'laml_webhooks');

    await ok('PATCH', `/phone_numbers/${ENCODED}`, { inbound_agent_id: agentId });
    all = await readAll();
    assert.equal(all.v1.inbound_target, 'agent');
    assert.equal(all.v1.call_handler.request_url, 'https://example.com/voice', 'the handler stays stored too');
    assert.equal(all.signalwire.call_handler, 'ai_agent');
    assert.equal(all.signalwire.call_request_url, 'https://example.com/voice');
  });

  test('workflow through Freya bulk, rename through SignalWire, context through Vocode, webhooks through VoiceOS', async () => {
    const bulk = await ok('PUT', '/api/v2/phone-numbers', {
      workspaceId,
      phoneNumbers: [{ id, config: { configType: 'workflows', inboundWorkflowId: workflowId, sipOutbound: { enabled: true, endpoint: 'sip.example.com', port: 5061, password: 'cross-face-secret', transportProtocol: 'TLS' } } }],
    });
    assert.equal(bulk.data.result.updated.length, 1);
    await ok('PUT', `/api/relay/rest/phone_numbers/${id}`, { name: 'Reception' }, basic());
    await ok('POST', `/v1/numbers/update?phone_number=${ENCODED}`, { example_context: { city: 'San Francisco' } });
    await ok('PATCH', `/phone_numbers/${ENCODED}`, { webhooks: [{ events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/calls', method: 'POST' }] });

    const all = await readAll();
    assert.equal(all.v1.inbound_target, 'workflow');
    assert.equal(all.v1.inbound_workflow_id, workflowId);
    assert.equal(all.signalwire.call_handler, 'call_flow');
    assert.equal(all.signalwire.calling_handler_resource_id, workflowId);
    assert.equal(all.freya.inboundWorkflowName, 'After hours');
    for (const name of [all.v1.friendly_name, all.freya.friendlyName, all.vocode.label, all.signalwire.name]) assert.equal(name, 'Reception');
    assert.deepEqual(all.v1.example_context, { city: 'San Francisco' });
    assert.deepEqual(all.vocode.example_context, { city: 'San Francisco' });
    assert.equal(all.v1.sip_outbound.transport, 'TLS');
    assert.equal(all.v1.sip_outbound.password_set, true);
    assert.equal(all.freya.config.sipOutbound.port, 5061);
    assert.deepEqual(all.voiceos.webhooks.map((w: { url: string }) => w.url), ['https://hooks.example.com/calls']);
    const subscriptions = await t.runtime.core.webhooks.listForNumbers({ actor: { workspaceId, userId, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES }, [id]);
    assert.deepEqual(subscriptions.map((s) => s.event_types), [['phone_call:connection_requested']], 'VoiceOS webhooks are core subscriptions');
    for (const body of Object.values(all)) assert.ok(!JSON.stringify(body).includes('cross-face-secret'), 'no face echoes the password');
  });

  test('every change, whichever the face, is in the one audit log with the caller\'s key', async () => {
    const events = (await ok('GET', `/v1/events?order=asc&object_id=${id}&limit=200`)).data as { type: string; actor: { api_key_id: string } }[];
    const types = events.map((e) => e.type);
    assert.equal(types[0], 'phone_number.created');
    assert.ok(types.filter((x) => x === 'phone_number.updated').length >= 6, types.join(','));
    for (const event of events) assert.equal(event.actor.api_key_id, t.first.apiKey.key.id);
  });

  test('released through Vocode: gone from every face', async () => {
    await ok('POST', `/v1/numbers/cancel?phone_number=${ENCODED}`);
    const answers = await Promise.all([
      t.request('GET', `/v1/phone-numbers/${id}`),
      t.request('GET', `/api/v2/phone-numbers/${id}`),
      t.request('GET', `/phone_numbers/${ENCODED}`),
      t.request('GET', `/v1/numbers?phone_number=${ENCODED}`),
      t.request('GET', `/api/relay/rest/phone_numbers/${id}`, undefined, { headers: basic() }),
    ]);
    assert.deepEqual(answers.map((r) => r.statusCode), [404, 404, 404, 404, 404]);
    assert.equal(await t.runtime.core.webhooks.listForNumbers({ actor: { workspaceId, userId, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES }, [id]).then((l) => l.length), 0, 'its webhooks went with it');
  });
});

describe('SWITCHBOARD_FACES', () => {
  test('only the listed faces are mounted, and the OpenAPI document lists each under its own tag', async () => {
    const onlyFreya = await createTestApp({ SWITCHBOARD_FACES: 'freya' });
    try {
      assert.equal((await onlyFreya.request('GET', '/api/v2/phone-numbers')).statusCode, 200);
      for (const url of ['/v1/me', '/phone_numbers', '/v1/numbers/list', '/api/relay/rest/phone_numbers']) {
        assert.equal((await onlyFreya.request('GET', url)).statusCode, 404, url);
      }
    } finally {
      await onlyFreya.close();
    }
    const all = await createTestApp();
    try {
      const doc = (await all.request('GET', '/openapi.json', undefined, { key: null })).json();
      const tagsOf = (path: string) => Object.values(doc.paths[path] ?? {}).flatMap((op) => (op as { tags?: string[] }).tags ?? []);
      assert.ok(tagsOf('/api/v2/phone-numbers').includes('Freya Voice compatible'));
      assert.ok(tagsOf('/phone_numbers/{phone_number}').includes('VoiceOS compatible'));
      assert.ok(tagsOf('/v1/numbers/update').includes('Vocode compatible'));
      assert.ok(tagsOf('/api/relay/rest/phone_numbers/{id}').includes('SignalWire compatible'));
      assert.ok(tagsOf('/v1/phone-numbers').includes('Phone numbers'));
    } finally {
      await all.close();
    }
  });

  test('an unknown face name stops the start with a message naming the variable', async () => {
    await assert.rejects(createTestApp({ SWITCHBOARD_FACES: 'v1,twilio' }), /SWITCHBOARD_FACES.*twilio/);
  });
});
