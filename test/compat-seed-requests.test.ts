// The faces called the way the vendors' real clients call them: a real listening server, a real
// HTTP client (fetch/undici), the exact paths, query strings, `+` encodings, headers and bodies
// of the seed pages in ../shared/seeds (placeholders such as "<string>" filled with real values).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { responseErrors, specErrors } from './helpers/vendor-spec.ts';

describe('seed requests over a real socket', () => {
  let t: TestApp;
  let base: string;
  let workspaceId: string;
  let userId: string;
  let agentA: string;
  let agentB: string;
  let workflowId: string;

  async function call(method: string, path: string, body?: unknown, auth = `Bearer ${t.key}`) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: auth, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const me = (await call('GET', '/v1/me')).body;
    workspaceId = me.workspace.id;
    userId = me.user.id;
    agentA = (await call('POST', '/v1/agents', { name: 'Support agent' })).body.id;
    agentB = (await call('POST', '/v1/agents', { name: 'Sales agent' })).body.id;
    workflowId = (await call('POST', '/v1/workflows', { name: 'IVR' })).body.id;
  });
  after(() => t.close());

  test('Freya: POST /api/v2/phone-numbers with the page\'s body', async () => {
    const res = await call('POST', '/api/v2/phone-numbers', {
      number: '+14155551234',
      friendlyName: 'Main Support Line',
      workspaceId,
      userId,
      config: { inboundAgentId: agentA, outboundAgentId: agentB },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.success, true);
    const n = res.body.data.result.phoneNumber;
    assert.equal(n.number, '+14155551234');
    assert.equal(n.inboundAgentName, 'Support agent');
    assert.equal(n.outboundAgentName, 'Sales agent');
    assert.equal(n.workspaceId, workspaceId);
    assert.equal(n.userId, userId);
  });

  test('Freya: PUT /api/v2/phone-numbers with every field of the page\'s body', async () => {
    const id = (await call('GET', '/api/v2/phone-numbers')).body.data.result.phoneNumbers[0].id;
    const res = await call('PUT', '/api/v2/phone-numbers', {
      workspaceId,
      phoneNumbers: [
        {
          id,
          number: '+14155551234',
          friendlyName: 'Support (updated)',
          config: {
            capabilities: { voice: 'enabled', sms: true },
            voiceConfig: 'default',
            messagingConfig: 'default',
            emergencyCalls: true,
            configType: 'agents',
            inboundAgentId: agentA,
            outboundAgentId: agentB,
            inboundWorkflowId: workflowId,
            outboundWorkflowId: workflowId,
            originationUri: 'sip:trunk.example.com',
            sipInbound: { enabled: true },
            sipOutbound: {
              enabled: true,
              endpoint: 'sip.example.com',
              port: 5060,
              username: 'trunk-user',
              password: 'seed-page-password',
              transportProtocol: 'UDP',
              secureMedia: true,
              headers: [{ key: 'X-Account', value: 'acme' }],
            },
          },
        },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.success, true);
    assert.deepEqual(res.body.data.result.errors, []);
    const n = res.body.data.result.updated[0];
    assert.equal(n.inboundWorkflowName, 'IVR');
    assert.equal(n.config.sipOutbound.headers[0].key, 'X-Account');
    assert.ok(!JSON.stringify(res.body).includes('seed-page-password'));
  });

  test('VoiceOS: PATCH /phone_numbers/{phone_number} with a raw + and with %2B, the page\'s body', async () => {
    const body = {
      inbound_agent_id: agentB,
      webhooks: [{ events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/voiceos', method: 'GET', headers: {}, filter: 'true' }],
    };
    for (const path of ['/phone_numbers/+14155551234', '/phone_numbers/%2B14155551234']) {
      const res = await call('PATCH', path, body);
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
      assert.deepEqual(Object.keys(res.body), ['uri', 'inbound_agent_id', 'phone_number', 'account_id', 'created_at', 'updated_at', 'telephony', 'webhooks', 'id']);
      assert.equal(res.body.inbound_agent_id, agentB);
      assert.equal(res.body.phone_number, '+14155551234');
      assert.equal(res.body.account_id, workspaceId);
      assert.deepEqual(res.body.webhooks, body.webhooks);
    }
  });

  test('Vocode: POST /v1/numbers/update?phone_number=… with the page\'s body, answer valid against the spec', async () => {
    const res = await call('POST', `/v1/numbers/update?phone_number=${encodeURIComponent('+14155551234')}`, { inbound_agent: agentA });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(responseErrors('vocode', '/v1/numbers/update', 'post', 200, res.body), []);
    assert.equal(res.body.inbound_agent.id, agentA);
    assert.equal(res.body.number, '+14155551234');
    const list = await call('GET', '/v1/numbers/list?page=1&size=10');
    assert.equal(list.status, 200);
    assert.deepEqual(responseErrors('vocode', '/v1/numbers/list', 'get', 200, list.body), []);
  });

  test('SignalWire: PUT /api/relay/rest/phone_numbers/{id} with Basic project:token and the page\'s fields', async () => {
    const id = (await call('GET', '/v1/phone-numbers/%2B14155551234')).body.id;
    const body = {
      name: 'Main Office Line',
      call_handler: 'relay_script',
      call_receive_mode: 'voice',
      call_request_url: 'https://example.com/laml',
      call_request_method: 'POST',
      call_fallback_url: 'https://example.com/fallback',
      call_fallback_method: 'POST',
      call_status_callback_url: 'https://example.com/status',
      call_status_callback_method: 'POST',
      call_relay_script_url: 'https://example.com/swml.json',
      message_handler: 'laml_webhooks',
      message_request_url: 'https://example.com/sms',
      message_request_method: 'POST',
      message_fallback_url: 'https://example.com/sms-fallback',
      message_fallback_method: 'GET',
    };
    assert.deepEqual(specErrors('signalwire', 'UpdatePhoneNumberRequest', body), []);
    const auth = `Basic ${Buffer.from(`${workspaceId}:${t.key}`).toString('base64')}`;
    const res = await call('PUT', `/api/relay/rest/phone_numbers/${id}`, body, auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(responseErrors('signalwire', '/api/relay/rest/phone_numbers/{id}', 'put', 200, res.body), []);
    assert.equal(res.body.call_handler, 'relay_script');
    assert.equal(res.body.message_request_url, 'https://example.com/sms');
    const wrongProject = await call('PUT', `/api/relay/rest/phone_numbers/${id}`, body, `Basic ${Buffer.from(`00000000-0000-4000-8000-000000000000:${t.key}`).toString('base64')}`);
    assert.equal(wrongProject.status, 401);
    const v1 = (await call('GET', `/v1/phone-numbers/${id}`)).body;
    assert.equal(v1.inbound_target, 'handler');
    assert.equal(v1.friendly_name, 'Main Office Line');
  });
});
