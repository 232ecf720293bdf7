// An agent's webhook (Vocode's {url, method, subscriptions}) IS one webhook endpoint with
// agent_id = the agent: written through the Vocode face or /v1/agents, it shows in
// /v1/webhook-endpoints with the same id through every change, goes when the webhook is cleared or
// the agent deleted, is audited, belongs to its workspace, is refused for blocked destinations,
// never shows its secret, and cannot be changed natively behind the agent's back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createOtherWorkspace, createTestApp, listAll, type TestApp } from './helpers/app.ts';
import { responseErrors, specErrors } from './helpers/vendor-spec.ts';
import { EVENT_TYPES as VOCODE_EVENTS } from '../src/http/compat/vocode/constants.ts';
import { eventTypesOf, VOCODE_AGENT_EVENTS, vocodeSubscriptions } from '../src/core/webhooks/agent-webhook.ts';
import { eventTypeProblem } from '../src/core/webhooks/event-types.ts';
import { subscribes } from '../src/core/webhooks/delivery/fan-out.ts';
import type { WebhookEndpoint } from '../src/core/webhooks/schema.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';
import { openHeaders } from '../src/core/webhooks/headers.ts';

type Json = Record<string, any>;
const PATH = '/v1/webhook-endpoints';
let seq = 0;
const nextNumber = () => `+1415555${String(6000 + seq++).padStart(4, '0')}`;
const q = (e164: string) => `phone_number=${encodeURIComponent(e164)}`;

let t: TestApp;
/** Every answer body of this file, to check that no signing secret was ever in one. */
const bodies: string[] = [];

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, key?: string): Promise<LightMyRequestResponse> {
  const res = await t.request(method, url, body, key ? { key } : {});
  bodies.push(res.body);
  return res;
}

async function native(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, status = method === 'POST' ? 201 : 200): Promise<Json> {
  const res = await call(method, url, body);
  assert.equal(res.statusCode, status, res.body);
  return res.body ? res.json() : {};
}

/** A Vocode call: 200 and 422 answers must match Vocode's spec. */
async function vocode(url: string, body: unknown): Promise<LightMyRequestResponse> {
  const res = await call('POST', url, body);
  const path = url.split('?')[0]!;
  if (res.statusCode === 200) assert.deepEqual(responseErrors('vocode', path, 'POST', 200, res.json()), [], res.body);
  if (res.statusCode === 422) assert.deepEqual(specErrors('vocode', 'HTTPValidationError', res.json()), [], res.body);
  return res;
}

async function vocodeAgent(number: string, agent: Json): Promise<Json> {
  const res = await vocode(`/v1/numbers/update?${q(number)}`, { inbound_agent: agent });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().inbound_agent;
}

async function agentEndpoints(agentId?: string, key?: string): Promise<Json[]> {
  const { items } = await listAll(t, PATH, 200, key);
  bodies.push(JSON.stringify(items));
  return items.filter((e) => (agentId ? e.agent_id === agentId : e.agent_id !== null));
}

async function theEndpoint(agentId: string): Promise<Json> {
  const found = await agentEndpoints(agentId);
  assert.equal(found.length, 1, `one endpoint for agent ${agentId}: ${JSON.stringify(found)}`);
  return found[0]!;
}

async function events(objectId: string): Promise<Json[]> {
  return (await native('GET', `/v1/events?limit=200&order=asc&object_id=${objectId}`)).data;
}

function assertConflict(res: LightMyRequestResponse, field: string) {
  assert.equal(res.statusCode, 409, res.body);
  const error = res.json().error;
  assert.equal(error.code, 'conflict', res.body);
  assert.match(error.message, /webhook of agent/);
  assert.ok(error.details.some((d: Json) => d.field === field), res.body);
}

describe('agent webhooks are webhook endpoints', () => {
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test('Vocode face: set with inline agent fields, updated in place (same endpoint id), shown with that id', async () => {
    const n = await native('POST', '/v1/phone-numbers', { number: nextNumber() });
    const created = await vocodeAgent(n.number, {
      name: 'Hooked',
      voice: { type: 'voice_azure', voice_name: 'en-US-AriaNeural' },
      webhook: { url: 'https://hooks.example.com/vocode', subscriptions: ['event_phone_call_connected', 'event_phone_call_ended', 'event_message'] },
    });
    const endpoint = await theEndpoint(created.id);
    assert.equal(endpoint.workspace_id, t.first.workspace.id);
    assert.equal(endpoint.url, 'https://hooks.example.com/vocode');
    assert.equal(endpoint.method, 'POST');
    assert.deepEqual(endpoint.event_types, ['phone_call.started', 'phone_call.ended', 'phone_call.message']);
    assert.equal(endpoint.phone_number_id, null);
    assert.equal(endpoint.enabled, true);
    assert.equal(endpoint.version, 1);
    // The Vocode webhook is that endpoint: same id, same url and subscriptions.
    assert.equal(created.webhook.id, endpoint.id);
    assert.deepEqual(created.webhook.subscriptions, ['event_phone_call_connected', 'event_phone_call_ended', 'event_message']);
    assert.deepEqual((await native('GET', `${PATH}/${endpoint.id}`)).agent_id, created.id);

    // Changing the webhook (url, method, subscriptions) updates the same endpoint.
    const updated = await vocodeAgent(n.number, { webhook: { url: 'https://hooks.example.com/v2', method: 'GET', subscriptions: ['event_transcript', 'event_recording'] } });
    assert.equal(updated.id, created.id);
    assert.equal(updated.webhook.id, endpoint.id);
    const after = await theEndpoint(created.id);
    assert.equal(after.id, endpoint.id);
    assert.equal(after.url, 'https://hooks.example.com/v2');
    assert.equal(after.method, 'GET');
    assert.deepEqual(after.event_types, ['phone_call.transcript', 'phone_call.recording']);
    assert.equal(after.version, 2);
    // Natively the agent shows the same webhook.
    const agent = await native('GET', `/v1/agents/${created.id}`);
    assert.deepEqual(agent.webhook, { url: 'https://hooks.example.com/v2', method: 'GET', subscriptions: ['event_transcript', 'event_recording'] });

    // An agent write that leaves the webhook alone leaves the endpoint alone; so does re-sending it unchanged.
    await vocodeAgent(n.number, { name: 'Renamed' });
    await vocodeAgent(n.number, { webhook: { url: 'https://hooks.example.com/v2' } });
    assert.equal((await theEndpoint(created.id)).version, 2);

    // Deleting the agent (detach: the number routes to it) deletes the endpoint.
    await native('DELETE', `/v1/agents/${created.id}?detach=true`);
    assert.deepEqual(await agentEndpoints(created.id), []);
    assert.equal((await call('GET', `${PATH}/${endpoint.id}`)).statusCode, 404);
    assert.deepEqual((await events(endpoint.id)).map((e) => e.type), ['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted']);
  });

  test('/v1/agents: create, update, clear (null) and delete keep the one endpoint in step, each audited', async () => {
    const agent = await native('POST', '/v1/agents', { name: 'Native', webhook: { url: 'https://hooks.example.com/n1', method: 'PUT', subscriptions: ['event_phone_call_ended', 'phone_call.did_not_connect'] } });
    const first = await theEndpoint(agent.id);
    assert.equal(first.method, 'PUT');
    assert.deepEqual(first.event_types, ['phone_call.ended', 'phone_call.did_not_connect']);

    // Merge patch: only the URL changes; same endpoint.
    await native('PATCH', `/v1/agents/${agent.id}`, { webhook: { url: 'https://hooks.example.com/n2' } });
    const second = await theEndpoint(agent.id);
    assert.equal(second.id, first.id);
    assert.equal(second.url, 'https://hooks.example.com/n2');
    assert.equal(second.method, 'PUT');
    assert.deepEqual(second.event_types, first.event_types);

    // Cleared: the endpoint goes; set again: a new one.
    await native('PATCH', `/v1/agents/${agent.id}`, { webhook: null });
    assert.deepEqual(await agentEndpoints(agent.id), []);
    assert.equal((await native('GET', `/v1/agents/${agent.id}`)).webhook, null);
    await native('PATCH', `/v1/agents/${agent.id}`, { webhook: { url: 'https://hooks.example.com/n3', subscriptions: ['event_action'] } });
    const third = await theEndpoint(agent.id);
    assert.notEqual(third.id, first.id);
    assert.deepEqual(third.event_types, ['phone_call.action']);

    await native('DELETE', `/v1/agents/${agent.id}`);
    assert.deepEqual(await agentEndpoints(agent.id), []);

    assert.deepEqual((await events(first.id)).map((e) => e.type), ['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted']);
    const thirdEvents = await events(third.id);
    assert.deepEqual(thirdEvents.map((e) => e.type), ['webhook_endpoint.created', 'webhook_endpoint.deleted']);
    assert.equal(thirdEvents[0]!.after.agent_id, agent.id);
    assert.equal(thirdEvents[0]!.actor.type, 'api_key');
  });

  test('empty subscriptions subscribe to nothing: the endpoint is disabled, and cannot be enabled natively', async () => {
    const agent = await native('POST', '/v1/agents', { name: 'Quiet', webhook: { url: 'https://hooks.example.com/quiet', subscriptions: [] } });
    const quiet = await theEndpoint(agent.id);
    assert.equal(quiet.enabled, false);
    assert.deepEqual(quiet.event_types, []);
    assertConflict(await call('PATCH', `${PATH}/${quiet.id}`, { enabled: true }), 'enabled');
    // A webhook without subscriptions at all is the same.
    const bare = await native('POST', '/v1/agents', { name: 'Bare', webhook: { url: 'https://hooks.example.com/bare' } });
    assert.equal((await theEndpoint(bare.id)).enabled, false);
    // Given subscriptions, it is enabled (same endpoint).
    await native('PATCH', `/v1/agents/${agent.id}`, { webhook: { url: 'https://hooks.example.com/quiet', subscriptions: ['event_human_detection'] } });
    const loud = await theEndpoint(agent.id);
    assert.equal(loud.id, quiet.id);
    assert.equal(loud.enabled, true);
    assert.deepEqual(loud.event_types, ['phone_call.human_detection']);
  });

  test('natively, the agent\'s fields of the endpoint are refused (409); its own fields change; it cannot be deleted', async () => {
    const agent = await native('POST', '/v1/agents', { name: 'Guarded', webhook: { url: 'https://hooks.example.com/g', subscriptions: ['event_message'] } });
    const endpoint = await theEndpoint(agent.id);
    assertConflict(await call('PATCH', `${PATH}/${endpoint.id}`, { url: 'https://elsewhere.example.com/' }), 'url');
    assertConflict(await call('PATCH', `${PATH}/${endpoint.id}`, { method: 'PUT' }), 'method');
    assertConflict(await call('PATCH', `${PATH}/${endpoint.id}`, { event_types: ['*'] }), 'event_types');
    assertConflict(await call('PATCH', `${PATH}/${endpoint.id}`, { event_types: null }), 'event_types');
    const n = await native('POST', '/v1/phone-numbers', { number: nextNumber() });
    assertConflict(await call('PATCH', `${PATH}/${endpoint.id}`, { phone_number_id: n.id }), 'phone_number_id');
    assertConflict(await call('DELETE', `${PATH}/${endpoint.id}`), 'agent_id');
    assert.equal((await theEndpoint(agent.id)).version, endpoint.version, 'nothing changed');

    // Sending the agent's values again is no change; headers, filter, description and disabling are the endpoint's own.
    const patched = await native('PATCH', `${PATH}/${endpoint.id}`, { url: endpoint.url, headers: { 'X-Team': 'voice' }, filter: 'true', description: 'calls of Guarded' });
    assert.deepEqual(patched.headers, { 'X-Team': '********' }, 'header values are write-only');
    const disabled = await native('PATCH', `${PATH}/${endpoint.id}`, { enabled: false });
    assert.equal(disabled.enabled, false);
    assert.equal((await native('PATCH', `${PATH}/${endpoint.id}`, { enabled: true })).enabled, true, 'it has subscriptions: it may be enabled again');
    // The agent's next webhook change keeps them.
    await native('PATCH', `/v1/agents/${agent.id}`, { webhook: { url: 'https://hooks.example.com/g2' } });
    const kept = await theEndpoint(agent.id);
    assert.equal(kept.url, 'https://hooks.example.com/g2');
    assert.deepEqual(kept.headers, { 'X-Team': '********' });
    const sealed = (await t.runtime.core.webhooks.getStored(t.first.workspace.id, endpoint.id))!.sealedHeaders;
    assert.deepEqual(openHeaders(t.runtime.core.secrets, sealed), { 'X-Team': 'voice' }, 'and its value is kept');
    assert.equal(kept.description, 'calls of Guarded');
    // The secret is rotated natively (the one way to learn it); the agent is not touched.
    const rotated = await native('POST', `${PATH}/${endpoint.id}/rotate-secret`, { overlap_seconds: 0 }, 200);
    assert.match(rotated.secret, /^whsec_/);
    bodies.pop(); // this answer is the one meant to show a secret
    assert.equal((await native('GET', `/v1/agents/${agent.id}`)).version, 2);
  });

  test('another workspace sees neither the endpoint nor the agent', async () => {
    const agent = await native('POST', '/v1/agents', { name: 'Private', webhook: { url: 'https://hooks.example.com/p', subscriptions: ['event_message'] } });
    const endpoint = await theEndpoint(agent.id);
    const other = await createOtherWorkspace(t, 'agent-webhook-other');
    assert.deepEqual(await agentEndpoints(undefined, other.key), []);
    assert.equal((await call('GET', `${PATH}/${endpoint.id}`, undefined, other.key)).statusCode, 404);
    assert.equal((await call('PATCH', `${PATH}/${endpoint.id}`, { description: 'x' }, other.key)).statusCode, 404);
    assert.equal((await call('DELETE', `${PATH}/${endpoint.id}`, undefined, other.key)).statusCode, 404);
    assert.equal((await call('DELETE', `/v1/agents/${agent.id}`, undefined, other.key)).statusCode, 404);
    assert.equal((await theEndpoint(agent.id)).version, 1);
    // Their own agent webhook is theirs only.
    const theirs = await t.request('POST', '/v1/agents', { name: 'Theirs', webhook: { url: 'https://hooks.example.com/t', subscriptions: ['event_message'] } }, { key: other.key });
    assert.equal(theirs.statusCode, 201, theirs.body);
    assert.deepEqual((await agentEndpoints(undefined, other.key)).map((e) => e.agent_id), [theirs.json().id]);
    assert.deepEqual(await agentEndpoints(theirs.json().id), []);
  });

  test('blocked destinations and unknown subscriptions: refused, and nothing is written', async () => {
    const n = await native('POST', '/v1/phone-numbers', { number: nextNumber() });
    const before = (await agentEndpoints()).length;
    const agentsBefore = (await listAll(t, '/v1/agents', 200)).items.length;
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:8080/hook', 'https://user:pw@hooks.example.com/']) {
      const res = await vocode(`/v1/numbers/update?${q(n.number)}`, { inbound_agent: { name: 'SSRF', webhook: { url, subscriptions: ['event_message'] } } });
      assert.equal(res.statusCode, 422, res.body);
      const detail = res.json().detail;
      assert.ok(detail.some((d: Json) => JSON.stringify(d.loc) === JSON.stringify(['body', 'inbound_agent', 'webhook', 'url'])), res.body);
      const nativeRes = await call('POST', '/v1/agents', { name: 'SSRF', webhook: { url } });
      assert.equal(nativeRes.statusCode, 422, nativeRes.body);
      assert.deepEqual(nativeRes.json().error.details.map((d: Json) => d.field), ['webhook.url']);
    }
    // An existing agent's webhook cannot be pointed there either.
    const agent = await native('POST', '/v1/agents', { name: 'Fine', webhook: { url: 'https://hooks.example.com/f', subscriptions: ['event_message'] } });
    const res = await call('PATCH', `/v1/agents/${agent.id}`, { webhook: { url: 'http://169.254.169.254/' } });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal((await theEndpoint(agent.id)).url, 'https://hooks.example.com/f');
    // Subscriptions are Vocode names or catalogue event types.
    const unknown = await call('POST', '/v1/agents', { name: 'Typo', webhook: { url: 'https://hooks.example.com/x', subscriptions: ['event_mesage'] } });
    assert.equal(unknown.statusCode, 422, unknown.body);
    assert.deepEqual(unknown.json().error.details.map((d: Json) => d.field), ['webhook.subscriptions[0]']);
    assert.equal((await agentEndpoints()).length, before + 1);
    assert.equal((await listAll(t, '/v1/agents', 200)).items.length, agentsBefore + 1);
    assert.equal((await native('GET', `/v1/phone-numbers/${n.id}`)).inbound_agent_id, null);
  });

  test('catalogue names written natively show by their Vocode names; others only natively', async () => {
    const agent = await native('POST', '/v1/agents', { name: 'Mixed', webhook: { url: 'https://hooks.example.com/m', subscriptions: ['phone_call:started', 'event_message', 'agent.updated'] } });
    assert.deepEqual((await theEndpoint(agent.id)).event_types, ['phone_call:started', 'phone_call.message', 'agent.updated']);
    const n = await native('POST', '/v1/phone-numbers', { number: nextNumber(), inbound_agent_id: agent.id });
    const res = await call('GET', `/v1/numbers?${q(n.number)}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().inbound_agent.webhook.subscriptions, ['event_phone_call_connected', 'event_message']);
  });

  test('no answer ever carried a signing secret, and the sealed one exists', async () => {
    for (const body of bodies) assert.doesNotMatch(body, /whsec_/);
    const ctx = { actor: { workspaceId: t.first.workspace.id, userId: null, apiKeyId: null, type: 'system' as const }, scopes: ALL_SCOPES };
    const agent = await t.runtime.core.agents.create(ctx, { name: 'Core', webhook: { url: 'https://hooks.example.com/c', subscriptions: ['event_message'] } });
    const endpoint = await t.runtime.core.agents.webhookEndpoint(ctx, agent.id);
    const stored = await t.runtime.core.webhooks.getStored(t.first.workspace.id, endpoint!.id);
    assert.ok(stored?.secrets.current && !stored.secrets.current.includes('whsec_'), 'sealed at rest');
    assert.match(t.runtime.core.webhooks.signingSecrets(stored)[0]!, /^whsec_/);
    for (const e of await events(endpoint!.id)) assert.doesNotMatch(JSON.stringify(e), /whsec_|secret/);
  });
});

describe('agent webhook mapping (core)', () => {
  test('every Vocode event name maps to a catalogue event type, and back', () => {
    assert.deepEqual(Object.keys(VOCODE_AGENT_EVENTS).sort(), [...VOCODE_EVENTS].sort(), 'the face and the core know the same names');
    for (const [vocode, type] of Object.entries(VOCODE_AGENT_EVENTS)) {
      assert.equal(eventTypeProblem(type), null, type);
      assert.deepEqual(eventTypesOf([vocode]), [type]);
      assert.deepEqual(vocodeSubscriptions([type]), [vocode]);
    }
    assert.deepEqual(eventTypesOf(['event_message', 'phone_call.message', 'legacy-unknown']), ['phone_call.message']);
    assert.deepEqual(vocodeSubscriptions(['phone_call.*', 'agent.updated']), []);
  });

  test('fan-out sends an agent endpoint only the events of calls that agent handles', () => {
    const endpoint = { workspace_id: 'w', event_types: ['phone_call.ended'], phone_number_id: null, agent_id: 'a1' } as unknown as WebhookEndpoint;
    const call = (agentId: string) => ({ workspace_id: 'w', type: 'phone_call.ended', object_type: 'phone_call', object_id: 'c', before: null, after: { agent_id: agentId } });
    assert.ok(subscribes(endpoint, call('a1')));
    assert.ok(!subscribes(endpoint, call('a2')));
    assert.ok(!subscribes(endpoint, { ...call('a1'), type: 'phone_call.started' }));
  });
});
