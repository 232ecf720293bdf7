// /v1/agents and /v1/workflows: CRUD, merge-patch semantics, If-Match, validation, the
// in-use rule with ?detach=true, tenancy and Idempotency-Key. Real database, inject().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOtherWorkspace, createTestApp, type TestApp, listAll } from './helpers/app.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MISSING_ID = '01890000-0000-7000-8000-000000000000';

let numberSeq = 0;
/** A distinct valid US number per call. */
const nextNumber = () => `+1415555${String(1000 + numberSeq++).padStart(4, '0')}`;

type Json = Record<string, any>;

function assertError(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  const body = JSON.parse(res.body);
  assert.equal(body.error?.code, code, res.body);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  return body.error;
}

const fields = (error: Json) => (error.details ?? []).map((d: Json) => d.field);

async function createAgent(t: TestApp, body: Json = {}, key?: string): Promise<Json> {
  const res = await t.request('POST', '/v1/agents', { name: 'agent', ...body }, key ? { key } : {});
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function createWorkflow(t: TestApp, body: Json = {}, key?: string): Promise<Json> {
  const res = await t.request('POST', '/v1/workflows', { name: 'workflow', ...body }, key ? { key } : {});
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function createNumber(t: TestApp, body: Json = {}): Promise<Json> {
  const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function getNumber(t: TestApp, id: string): Promise<Json> {
  const res = await t.request('GET', `/v1/phone-numbers/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function events(t: TestApp, query: string, key?: string): Promise<Json[]> {
  const res = await t.request('GET', `/v1/events?limit=200&order=asc&${query}`, undefined, key ? { key } : {});
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data;
}


describe('/v1/agents', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('create: 201 with Location, ETag and defaults for every absent field', async () => {
    const res = await t.request('POST', '/v1/agents', { name: 'Support' });
    assert.equal(res.statusCode, 201, res.body);
    const agent = res.json();
    assert.match(agent.id, UUID);
    assert.equal(res.headers.location, `/v1/agents/${agent.id}`);
    assert.equal(res.headers.etag, '"1"');
    assert.equal(agent.name, 'Support');
    assert.equal(agent.workspace_id, t.first.workspace.id);
    assert.equal(agent.user_id, t.first.user.id);
    assert.equal(agent.prompt, null);
    assert.equal(agent.initial_message, null);
    assert.equal(agent.language, 'en');
    assert.equal(agent.voice, null);
    assert.deepEqual(agent.actions, []);
    assert.equal(agent.webhook, null);
    assert.equal(agent.endpoint, null);
    assert.deepEqual(agent.settings, {});
    assert.equal(agent.version, 1);
    assert.ok(!Number.isNaN(Date.parse(agent.created_at)));
    assert.equal(agent.created_at, agent.updated_at);
  });

  test('create with every field: kept as sent; actions get ids and a config', async () => {
    const input = {
      name: 'Full',
      prompt: 'You are helpful.',
      initial_message: 'Hello!',
      language: 'en-US',
      voice: { type: 'voice_eleven_labs', voice_id: 'abc', stability: 0.4, use_speaker_boost: true },
      actions: [{ type: 'action_transfer_call', config: { phone_number: '+14155550000' } }, { type: 'action_end_conversation' }],
      webhook: { url: 'https://hooks.example.com/agent', method: 'POST', subscriptions: ['event_message'] },
      endpoint: { type: 'websocket', url: 'wss://agents.example.com/ws' },
      settings: { interrupt_sensitivity: 'high', speed: 1.2 },
    };
    const agent = await createAgent(t, input);
    assert.equal(agent.prompt, input.prompt);
    assert.equal(agent.initial_message, input.initial_message);
    assert.equal(agent.language, 'en-US');
    assert.deepEqual(agent.voice, input.voice);
    assert.deepEqual(agent.webhook, input.webhook);
    assert.deepEqual(agent.endpoint, input.endpoint);
    assert.deepEqual(agent.settings, input.settings);
    assert.equal(agent.actions.length, 2);
    assert.match(agent.actions[0].id, UUID);
    assert.match(agent.actions[1].id, UUID);
    assert.notEqual(agent.actions[0].id, agent.actions[1].id);
    assert.deepEqual(agent.actions.map((a: Json) => [a.type, a.config]), [
      ['action_transfer_call', { phone_number: '+14155550000' }],
      ['action_end_conversation', {}],
    ]);
    const sip = await createAgent(t, { endpoint: { type: 'sip', url: 'sip:agent@sip.example.com' } });
    assert.deepEqual(sip.endpoint, { type: 'sip', url: 'sip:agent@sip.example.com' });
  });

  test('get: the same object, with its ETag; unknown id 404; malformed id 400', async () => {
    const agent = await createAgent(t, { prompt: 'p' });
    const res = await t.request('GET', `/v1/agents/${agent.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"1"');
    assert.deepEqual(res.json(), agent);
    assertError(await t.request('GET', `/v1/agents/${MISSING_ID}`), 404, 'not_found');
    assertError(await t.request('GET', '/v1/agents/not-a-uuid'), 400, 'invalid_request');
  });

  test('list: cursor pagination walks every agent once, in creation order', async () => {
    const other = await createTestApp();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await createAgent(other, { name: `a${i}` })).id);
      const first = await other.request('GET', '/v1/agents?limit=3');
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().data.length, 3);
      assert.equal(first.json().has_more, true);
      assert.equal(typeof first.json().next_cursor, 'string');

      const walked = await listAll(other, '/v1/agents', 3);
      assert.equal(walked.pages, 3);
      assert.deepEqual(walked.items.map((a) => a.id), ids);

      const exact = await listAll(other, '/v1/agents', 7);
      assert.equal(exact.pages, 1, 'a page that holds the rest exactly has no next cursor');

      const all = await other.request('GET', '/v1/agents');
      assert.equal(all.json().data.length, 7);
      assert.equal(all.json().has_more, false);
      assert.equal(all.json().next_cursor, null);
    } finally {
      await other.close();
    }
  });

  test('list: limit must be 1..200; unknown query fields and foreign cursors are refused', async () => {
    assert.equal((await t.request('GET', '/v1/agents?limit=200')).statusCode, 200);
    assert.equal((await t.request('GET', '/v1/agents?limit=1')).statusCode, 200);
    assertError(await t.request('GET', '/v1/agents?limit=201'), 400, 'invalid_request');
    assertError(await t.request('GET', '/v1/agents?limit=0'), 400, 'invalid_request');
    assertError(await t.request('GET', '/v1/agents?limit=abc'), 400, 'invalid_request');
    assertError(await t.request('GET', '/v1/agents?colour=red'), 400, 'invalid_request');
    const bad = await t.request('GET', '/v1/agents?cursor=bm90LWEtY3Vyc29y');
    assert.ok([400, 422].includes(bad.statusCode), bad.body);
    assert.equal(bad.json().error.details[0].field, 'cursor');
  });

  test('PATCH: absent fields are unchanged (voice, actions and their ids, settings included)', async () => {
    const agent = await createAgent(t, {
      prompt: 'p1',
      initial_message: 'hi',
      language: 'fr',
      voice: { type: 'voice_eleven_labs', voice_id: 'v1', stability: 0.5 },
      actions: [{ type: 'action_end_conversation', config: { reason: 'done' } }],
      webhook: { url: 'https://example.com/h' },
      endpoint: { type: 'websocket', url: 'wss://example.com/a' },
      settings: { a: 1, b: 2 },
    });
    const res = await t.request('PATCH', `/v1/agents/${agent.id}`, { name: 'renamed' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"2"');
    const updated = res.json();
    const { name: _n, version: _v, updated_at: _u, ...rest } = updated;
    const { name: _n0, version: _v0, updated_at: _u0, ...rest0 } = agent;
    assert.deepEqual(rest, rest0);
    assert.equal(updated.name, 'renamed');
    assert.equal(updated.version, 2);
    assert.equal(updated.created_at, agent.created_at);
    assert.deepEqual((await t.request('GET', `/v1/agents/${agent.id}`)).json(), updated);
  });

  test('PATCH: null clears a field to its default; objects merge; voice is replaced whole', async () => {
    const agent = await createAgent(t, {
      prompt: 'p1',
      initial_message: 'hi',
      language: 'fr',
      voice: { type: 'voice_eleven_labs', voice_id: 'v1', stability: 0.5 },
      actions: [{ type: 'action_end_conversation' }],
      webhook: { url: 'https://example.com/h' },
      endpoint: { type: 'websocket', url: 'wss://example.com/a' },
      settings: { a: 1, b: 2 },
    });
    let res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: null, language: null, settings: { a: null, c: 3 } });
    assert.equal(res.statusCode, 200, res.body);
    let body = res.json();
    assert.equal(body.prompt, null);
    assert.equal(body.language, 'en');
    assert.deepEqual(body.settings, { b: 2, c: 3 });
    assert.equal(body.initial_message, 'hi');
    assert.deepEqual(body.voice, agent.voice);

    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { voice: { type: 'voice_azure', voice_name: 'en-US-Jenny' } });
    assert.equal(res.statusCode, 200, res.body);
    body = res.json();
    assert.deepEqual(body.voice, { type: 'voice_azure', voice_name: 'en-US-Jenny' }, 'voice is replaced, not merged');

    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { actions: [{ type: 'action_transfer_call', config: { to: '+14155550000' } }] });
    assert.equal(res.statusCode, 200, res.body);
    body = res.json();
    assert.equal(body.actions.length, 1);
    assert.equal(body.actions[0].type, 'action_transfer_call');
    assert.deepEqual(body.actions[0].config, { to: '+14155550000' });
    assert.match(body.actions[0].id, UUID);
    assert.notEqual(body.actions[0].id, agent.actions[0].id);

    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { voice: null, actions: null, settings: null, webhook: null, endpoint: null, initial_message: null });
    assert.equal(res.statusCode, 200, res.body);
    body = res.json();
    assert.equal(body.voice, null);
    assert.deepEqual(body.actions, []);
    assert.deepEqual(body.settings, {});
    assert.equal(body.webhook, null);
    assert.equal(body.endpoint, null);
    assert.equal(body.initial_message, null);
    assert.equal(body.name, agent.name);
    assert.equal(body.version, 5);
    assert.deepEqual((await t.request('GET', `/v1/agents/${agent.id}`)).json(), body);
  });

  test('PATCH: name cannot be cleared (it has no default); nothing changes', async () => {
    // Intended behaviour: a required field sent as null is a bad request, not a 500.
    const agent = await createAgent(t, { name: 'keep me' });
    const res = await t.request('PATCH', `/v1/agents/${agent.id}`, { name: null });
    assert.ok(res.statusCode === 400 || res.statusCode === 422, res.body);
    assert.deepEqual(fields(res.json().error), ['name']);
    assert.deepEqual((await t.request('GET', `/v1/agents/${agent.id}`)).json(), agent);
  });

  test('PATCH with If-Match: the current ETag passes, a stale one is 412 and changes nothing', async () => {
    const agent = await createAgent(t);
    let res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'v2' }, { headers: { 'if-match': '"1"' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"2"');
    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'stale' }, { headers: { 'if-match': '"1"' } });
    assertError(res, 412, 'precondition_failed');
    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'garbage' }, { headers: { 'if-match': 'nonsense' } });
    assertError(res, 400, 'invalid_request');
    const got = (await t.request('GET', `/v1/agents/${agent.id}`)).json();
    assert.equal(got.prompt, 'v2');
    assert.equal(got.version, 2);
    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'weak' }, { headers: { 'if-match': 'W/"2"' } });
    assertError(res, 412, 'precondition_failed');
    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'weak' }, { headers: { 'if-match': '"2"' } });
    assert.equal(res.statusCode, 200, res.body);
    res = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'any' }, { headers: { 'if-match': '*' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().version, 4);
    assertError(await t.request('PATCH', `/v1/agents/${MISSING_ID}`, { prompt: 'x' }), 404, 'not_found');
  });

  test('validation: schema errors are 400, rule errors 422, each naming the field', async () => {
    let e = assertError(await t.request('POST', '/v1/agents', { prompt: 'no name' }), 400, 'invalid_request');
    assert.ok(fields(e).includes('name'), JSON.stringify(e));
    e = assertError(await t.request('POST', '/v1/agents', { name: 'x'.repeat(129) }), 400, 'invalid_request');
    assert.ok(fields(e).includes('name'), JSON.stringify(e));
    assertError(await t.request('POST', '/v1/agents', { name: '' }), 400, 'invalid_request');
    assert.equal((await t.request('POST', '/v1/agents', { name: 'x'.repeat(128) })).statusCode, 201);
    e = assertError(await t.request('POST', '/v1/agents', { name: 'a', colour: 'red' }), 400, 'invalid_request');
    assert.deepEqual(fields(e), ['colour']);
    assertError(await t.request('POST', '/v1/agents', { name: 'a', endpoint: { type: 'grpc', url: 'wss://x' } }), 400, 'invalid_request');

    e = assertError(await t.request('POST', '/v1/agents', { name: 'a', endpoint: { type: 'websocket', url: 'http://agents.example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    e = assertError(await t.request('POST', '/v1/agents', { name: 'a', endpoint: { type: 'sip', url: 'wss://agents.example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    e = assertError(await t.request('POST', '/v1/agents', { name: 'a', endpoint: { type: 'websocket', url: 'not a url' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    e = assertError(await t.request('POST', '/v1/agents', { name: 'a', language: 'english please' }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['language']);
    e = assertError(await t.request('POST', '/v1/agents', { name: 'a', webhook: { url: 'ftp://example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['webhook.url']);

    const agent = await createAgent(t, { endpoint: { type: 'sip', url: 'sips:a@example.com' } });
    e = assertError(await t.request('PATCH', `/v1/agents/${agent.id}`, { endpoint: { type: 'websocket', url: 'https://x.example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    e = assertError(await t.request('PATCH', `/v1/agents/${agent.id}`, { language: 'e' }), 400, 'invalid_request');
    e = assertError(await t.request('PATCH', `/v1/agents/${agent.id}`, { colour: 'red' }), 400, 'invalid_request');
    assert.deepEqual(fields(e), ['colour']);
    assert.deepEqual((await t.request('GET', `/v1/agents/${agent.id}`)).json(), agent, 'failed writes change nothing');
  });

  test('DELETE: 200 with the agent as it was; then 404', async () => {
    const agent = await createAgent(t);
    const res = await t.request('DELETE', `/v1/agents/${agent.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), agent);
    assertError(await t.request('GET', `/v1/agents/${agent.id}`), 404, 'not_found');
    assertError(await t.request('DELETE', `/v1/agents/${agent.id}`), 404, 'not_found');
    assertError(await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'x' }), 404, 'not_found');
  });

  test('DELETE of an agent a number routes to (inbound or outbound) is 409 in_use', async () => {
    const inbound = await createAgent(t, { name: 'inbound' });
    const outbound = await createAgent(t, { name: 'outbound' });
    const n1 = await createNumber(t, { inbound_agent_id: inbound.id });
    const n2 = await createNumber(t, { outbound_agent_id: outbound.id });
    assert.equal(n1.inbound_target, 'agent');

    let e = assertError(await t.request('DELETE', `/v1/agents/${inbound.id}`), 409, 'in_use');
    assert.ok(e.details.some((d: Json) => d.message === n1.number), JSON.stringify(e));
    e = assertError(await t.request('DELETE', `/v1/agents/${outbound.id}`), 409, 'in_use');
    assert.ok(e.details.some((d: Json) => d.message === n2.number), JSON.stringify(e));
    assertError(await t.request('DELETE', `/v1/agents/${outbound.id}?detach=false`), 409, 'in_use');

    assert.equal((await t.request('GET', `/v1/agents/${inbound.id}`)).statusCode, 200);
    assert.equal((await t.request('GET', `/v1/agents/${outbound.id}`)).statusCode, 200);
    assert.deepEqual(await getNumber(t, n1.id), n1);
    assert.deepEqual(await getNumber(t, n2.id), n2);
    assertError(await t.request('DELETE', `/v1/agents/${inbound.id}?detach=maybe`), 400, 'invalid_request');
  });

  test('DELETE ?detach=true clears every reference, with a phone_number.updated event each', async () => {
    const agent = await createAgent(t, { name: 'to detach' });
    const workflow = await createWorkflow(t);
    const both = await createNumber(t, { inbound_agent_id: agent.id, outbound_agent_id: agent.id });
    const outOnly = await createNumber(t, { inbound_workflow_id: workflow.id, outbound_agent_id: agent.id });
    const untouched = await createNumber(t, { friendly_name: 'not routed' });
    assert.equal(both.inbound_target, 'agent');
    assert.equal(outOnly.inbound_target, 'workflow');

    const res = await t.request('DELETE', `/v1/agents/${agent.id}?detach=true`);
    assert.equal(res.statusCode, 200, res.body);
    assertError(await t.request('GET', `/v1/agents/${agent.id}`), 404, 'not_found');

    const b = await getNumber(t, both.id);
    assert.equal(b.inbound_agent_id, null);
    assert.equal(b.outbound_agent_id, null);
    assert.equal(b.inbound_target, null, 'the inbound target was that agent');
    assert.equal(b.version, both.version + 1);
    const o = await getNumber(t, outOnly.id);
    assert.equal(o.outbound_agent_id, null);
    assert.equal(o.inbound_target, 'workflow', 'another inbound target stays in force');
    assert.equal(o.inbound_workflow_id, workflow.id);
    assert.deepEqual(await getNumber(t, untouched.id), untouched);

    const bEvents = await events(t, `object_id=${both.id}&type=phone_number.updated`);
    assert.equal(bEvents.length, 1);
    assert.deepEqual([...bEvents[0]!.changes].sort(), ['inbound_agent_id', 'inbound_target', 'outbound_agent_id']);
    assert.equal(bEvents[0]!.before.inbound_agent_id, agent.id);
    assert.equal(bEvents[0]!.after.inbound_agent_id, null);
    assert.equal(bEvents[0]!.request_id, res.headers['x-request-id']);
    const oEvents = await events(t, `object_id=${outOnly.id}&type=phone_number.updated`);
    assert.equal(oEvents.length, 1);
    assert.deepEqual(oEvents[0]!.changes, ['outbound_agent_id']);
    assert.equal((await events(t, `object_id=${untouched.id}&type=phone_number.updated`)).length, 0);
    const deleted = await events(t, `object_id=${agent.id}&type=agent.deleted`);
    assert.equal(deleted.length, 1);
    assert.equal(deleted[0]!.before.name, 'to detach');
    assert.equal(deleted[0]!.after, null);

    // the numbers can be routed again as usual
    const again = await t.request('PATCH', `/v1/phone-numbers/${both.id}`, { outbound_workflow_id: workflow.id });
    assert.equal(again.statusCode, 200, again.body);
  });

  test('DELETE of an agent only a released number pointed at is 200', async () => {
    // A released number has left the workspace: it must not pin the agent (nor make it 500).
    const agent = await createAgent(t);
    const number = await createNumber(t, { inbound_agent_id: agent.id });
    const released = await t.request('DELETE', `/v1/phone-numbers/${number.id}`);
    assert.equal(released.statusCode, 200, released.body);
    const res = await t.request('DELETE', `/v1/agents/${agent.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assertError(await t.request('GET', `/v1/agents/${agent.id}`), 404, 'not_found');
  });

  test("another workspace's agent is 404 for get, patch and delete, and absent from its list", async () => {
    const agent = await createAgent(t, { name: 'mine' });
    const other = await createOtherWorkspace(t, 'agents-other');
    assertError(await t.request('GET', `/v1/agents/${agent.id}`, undefined, { key: other.key }), 404, 'not_found');
    assertError(await t.request('PATCH', `/v1/agents/${agent.id}`, { name: 'stolen' }, { key: other.key }), 404, 'not_found');
    assertError(await t.request('DELETE', `/v1/agents/${agent.id}`, undefined, { key: other.key }), 404, 'not_found');
    assertError(await t.request('DELETE', `/v1/agents/${agent.id}?detach=true`, undefined, { key: other.key }), 404, 'not_found');
    const list = await t.request('GET', '/v1/agents?limit=200', undefined, { key: other.key });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().data, []);
    assert.deepEqual((await t.request('GET', `/v1/agents/${agent.id}`)).json(), agent);

    const theirs = await createAgent(t, { name: 'theirs' }, other.key);
    assert.equal(theirs.workspace_id, other.workspaceId);
    assert.equal(theirs.user_id, other.userId);
    assertError(await t.request('GET', `/v1/agents/${theirs.id}`), 404, 'not_found');
    const mine = await listAll(t, '/v1/agents', 200);
    assert.ok(!mine.items.some((a) => a.id === theirs.id));
    // nor can a number of this workspace route to it
    const e = assertError(await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), inbound_agent_id: theirs.id }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['inbound_agent_id']);
  });

  test('events: agent.created, agent.updated (with changes) and agent.deleted', async () => {
    const agent = await createAgent(t, { name: 'audited' });
    const patched = await t.request('PATCH', `/v1/agents/${agent.id}`, { prompt: 'new prompt' });
    assert.equal(patched.statusCode, 200);
    assert.equal((await t.request('DELETE', `/v1/agents/${agent.id}`)).statusCode, 200);
    const list = await events(t, `object_id=${agent.id}`);
    assert.deepEqual(list.map((e) => e.type), ['agent.created', 'agent.updated', 'agent.deleted']);
    for (const e of list) {
      assert.equal(e.object_type, 'agent');
      assert.equal(e.workspace_id, t.first.workspace.id);
      assert.equal(e.actor.type, 'api_key');
      assert.equal(e.actor.api_key_id, t.first.apiKey.key.id);
    }
    assert.equal(list[0]!.before, null);
    assert.equal(list[0]!.after.name, 'audited');
    assert.deepEqual(list[1]!.changes, ['prompt']);
    assert.equal(list[1]!.after.prompt, 'new prompt');
    assert.equal(list[1]!.request_id, patched.headers['x-request-id']);
  });
});

describe('/v1/workflows', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('create: 201 with Location and ETag; get returns the same', async () => {
    const res = await t.request('POST', '/v1/workflows', { name: 'IVR', description: 'main menu', endpoint: { type: 'sip', url: 'sip:ivr@example.com' } });
    assert.equal(res.statusCode, 201, res.body);
    const wf = res.json();
    assert.match(wf.id, UUID);
    assert.equal(res.headers.location, `/v1/workflows/${wf.id}`);
    assert.equal(res.headers.etag, '"1"');
    assert.equal(wf.name, 'IVR');
    assert.equal(wf.description, 'main menu');
    assert.deepEqual(wf.endpoint, { type: 'sip', url: 'sip:ivr@example.com' });
    assert.equal(wf.workspace_id, t.first.workspace.id);
    assert.equal(wf.user_id, t.first.user.id);
    assert.equal(wf.version, 1);
    const got = await t.request('GET', `/v1/workflows/${wf.id}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers.etag, '"1"');
    assert.deepEqual(got.json(), wf);
    const bare = await createWorkflow(t, { name: 'bare' });
    assert.equal(bare.description, null);
    assert.equal(bare.endpoint, null);
    assertError(await t.request('GET', `/v1/workflows/${MISSING_ID}`), 404, 'not_found');
  });

  test('list: cursor pagination; limit ≤ 200', async () => {
    const other = await createTestApp();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await createWorkflow(other, { name: `w${i}` })).id);
      const walked = await listAll(other, '/v1/workflows', 2);
      assert.equal(walked.pages, 3);
      assert.deepEqual(walked.items.map((w) => w.id), ids);
      assert.equal((await other.request('GET', '/v1/workflows?limit=200')).statusCode, 200);
      assertError(await other.request('GET', '/v1/workflows?limit=201'), 400, 'invalid_request');
    } finally {
      await other.close();
    }
  });

  test('PATCH: absent unchanged, null cleared; If-Match 412', async () => {
    const wf = await createWorkflow(t, { name: 'flow', description: 'd', endpoint: { type: 'websocket', url: 'ws://flows.example.com' } });
    let res = await t.request('PATCH', `/v1/workflows/${wf.id}`, { description: 'd2' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"2"');
    let body = res.json();
    assert.equal(body.name, 'flow');
    assert.equal(body.description, 'd2');
    assert.deepEqual(body.endpoint, wf.endpoint);
    assert.equal(body.version, 2);

    res = await t.request('PATCH', `/v1/workflows/${wf.id}`, { name: 'stale' }, { headers: { 'if-match': '"1"' } });
    assertError(res, 412, 'precondition_failed');

    res = await t.request('PATCH', `/v1/workflows/${wf.id}`, { description: null, endpoint: null }, { headers: { 'if-match': '"2"' } });
    assert.equal(res.statusCode, 200, res.body);
    body = res.json();
    assert.equal(body.description, null);
    assert.equal(body.endpoint, null);
    assert.equal(body.name, 'flow');
    assert.deepEqual((await t.request('GET', `/v1/workflows/${wf.id}`)).json(), body);

    const e = assertError(await t.request('PATCH', `/v1/workflows/${wf.id}`, { name: null }), 400, 'invalid_request');
    assert.deepEqual(fields(e), ['name']);
  });

  test('validation: 400 for schema errors, 422 naming endpoint.url for the wrong scheme', async () => {
    let e = assertError(await t.request('POST', '/v1/workflows', {}), 400, 'invalid_request');
    assert.deepEqual(fields(e), ['name']);
    e = assertError(await t.request('POST', '/v1/workflows', { name: 'y'.repeat(129) }), 400, 'invalid_request');
    assert.deepEqual(fields(e), ['name']);
    e = assertError(await t.request('POST', '/v1/workflows', { name: 'w', steps: [] }), 400, 'invalid_request');
    assert.deepEqual(fields(e), ['steps']);
    e = assertError(await t.request('POST', '/v1/workflows', { name: 'w', endpoint: { type: 'websocket', url: 'http://flows.example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    e = assertError(await t.request('POST', '/v1/workflows', { name: 'w', endpoint: { type: 'sip', url: 'wss://flows.example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    const wf = await createWorkflow(t);
    e = assertError(await t.request('PATCH', `/v1/workflows/${wf.id}`, { endpoint: { type: 'sip', url: 'https://x.example.com' } }), 422, 'validation_failed');
    assert.deepEqual(fields(e), ['endpoint.url']);
    assert.deepEqual((await t.request('GET', `/v1/workflows/${wf.id}`)).json(), wf);
  });

  test('DELETE: 200 with the workflow, 409 in_use while routed to (inbound or outbound), detach=true clears', async () => {
    const plain = await createWorkflow(t);
    const del = await t.request('DELETE', `/v1/workflows/${plain.id}`);
    assert.equal(del.statusCode, 200, del.body);
    assert.deepEqual(del.json(), plain);
    assertError(await t.request('GET', `/v1/workflows/${plain.id}`), 404, 'not_found');

    const inbound = await createWorkflow(t, { name: 'in' });
    const outbound = await createWorkflow(t, { name: 'out' });
    const n1 = await createNumber(t, { inbound_workflow_id: inbound.id });
    const n2 = await createNumber(t, { outbound_workflow_id: outbound.id });
    assert.equal(n1.inbound_target, 'workflow');
    assertError(await t.request('DELETE', `/v1/workflows/${inbound.id}`), 409, 'in_use');
    assertError(await t.request('DELETE', `/v1/workflows/${outbound.id}`), 409, 'in_use');
    assert.equal((await t.request('GET', `/v1/workflows/${inbound.id}`)).statusCode, 200);

    const res = await t.request('DELETE', `/v1/workflows/${inbound.id}?detach=true`);
    assert.equal(res.statusCode, 200, res.body);
    const a = await getNumber(t, n1.id);
    assert.equal(a.inbound_workflow_id, null);
    assert.equal(a.inbound_target, null);
    assert.equal(a.version, n1.version + 1);
    const ev = await events(t, `object_id=${n1.id}&type=phone_number.updated`);
    assert.equal(ev.length, 1);
    assert.deepEqual([...ev[0]!.changes].sort(), ['inbound_target', 'inbound_workflow_id']);

    assert.equal((await t.request('DELETE', `/v1/workflows/${outbound.id}?detach=true`)).statusCode, 200);
    const b = await getNumber(t, n2.id);
    assert.equal(b.outbound_workflow_id, null);
    assert.equal((await events(t, `object_id=${n2.id}&type=phone_number.updated`)).length, 1);
  });

  test("another workspace's workflow is 404 for get, patch and delete", async () => {
    const wf = await createWorkflow(t, { name: 'mine' });
    const other = await createOtherWorkspace(t, 'workflows-other');
    assertError(await t.request('GET', `/v1/workflows/${wf.id}`, undefined, { key: other.key }), 404, 'not_found');
    assertError(await t.request('PATCH', `/v1/workflows/${wf.id}`, { name: 'x' }, { key: other.key }), 404, 'not_found');
    assertError(await t.request('DELETE', `/v1/workflows/${wf.id}?detach=true`, undefined, { key: other.key }), 404, 'not_found');
    const list = await t.request('GET', '/v1/workflows', undefined, { key: other.key });
    assert.deepEqual(list.json().data, []);
    assert.deepEqual((await t.request('GET', `/v1/workflows/${wf.id}`)).json(), wf);
  });

  test('events: workflow.created, workflow.updated, workflow.deleted', async () => {
    const wf = await createWorkflow(t, { name: 'audited' });
    assert.equal((await t.request('PATCH', `/v1/workflows/${wf.id}`, { description: 'x' })).statusCode, 200);
    assert.equal((await t.request('DELETE', `/v1/workflows/${wf.id}`)).statusCode, 200);
    const list = await events(t, `object_id=${wf.id}`);
    assert.deepEqual(list.map((e) => e.type), ['workflow.created', 'workflow.updated', 'workflow.deleted']);
    assert.ok(list.every((e) => e.object_type === 'workflow'));
    assert.deepEqual(list[1]!.changes, ['description']);
  });
});

describe('Idempotency-Key on POST /v1/agents', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const count = async (key?: string) => (await listAll(t, '/v1/agents', 200, key)).items.length;

  test('a replay returns the first answer; only one agent is created', async () => {
    const before = await count();
    const headers = { 'idempotency-key': 'create-agent-1' };
    const first = await t.request('POST', '/v1/agents', { name: 'once' }, { headers });
    assert.equal(first.statusCode, 201, first.body);
    const second = await t.request('POST', '/v1/agents', { name: 'once' }, { headers });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json().id, first.json().id);
    assert.deepEqual(second.json(), first.json());
    assert.equal(second.headers.location, first.headers.location);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.equal(first.headers['idempotent-replayed'], undefined);
    assert.equal(await count(), before + 1);
    assert.equal((await events(t, `object_id=${first.json().id}&type=agent.created`)).length, 1);

    // without the header, the same body creates another
    assert.equal((await t.request('POST', '/v1/agents', { name: 'once' })).statusCode, 201);
    assert.equal(await count(), before + 2);
  });

  test('the same key with another body is 422 idempotency_key_reused; nothing is created', async () => {
    const headers = { 'idempotency-key': 'create-agent-2' };
    assert.equal((await t.request('POST', '/v1/agents', { name: 'first' }, { headers })).statusCode, 201);
    const before = await count();
    assertError(await t.request('POST', '/v1/agents', { name: 'second' }, { headers }), 422, 'idempotency_key_reused');
    assert.equal(await count(), before);
  });

  test('a key is per route: the same key on another route runs that request', async () => {
    const headers = { 'idempotency-key': 'create-agent-3' };
    assert.equal((await t.request('POST', '/v1/agents', { name: 'first' }, { headers })).statusCode, 201);
    const workflow = await t.request('POST', '/v1/workflows', { name: 'first' }, { headers });
    assert.equal(workflow.statusCode, 201, workflow.body);
    assert.equal(workflow.headers['idempotent-replayed'], undefined);
    assert.match(workflow.headers.location as string, /^\/v1\/workflows\//);
  });

  test('invalid keys are 400', async () => {
    const before = await count();
    for (const key of ['has spaces', 'k'.repeat(256), 'tab\tkey']) {
      const res = await t.request('POST', '/v1/agents', { name: 'bad key' }, { headers: { 'idempotency-key': key } });
      assertError(res, 400, 'invalid_request');
    }
    assert.equal(await count(), before);
    const ok = await t.request('POST', '/v1/agents', { name: 'long key' }, { headers: { 'idempotency-key': 'k'.repeat(255) } });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test('keys are per workspace: the same key in another workspace creates its own agent', async () => {
    const other = await createOtherWorkspace(t, 'idem-other');
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await t.request('POST', '/v1/agents', { name: 'same' }, { headers });
    const theirs = await t.request('POST', '/v1/agents', { name: 'same' }, { headers, key: other.key });
    assert.equal(mine.statusCode, 201, mine.body);
    assert.equal(theirs.statusCode, 201, theirs.body);
    assert.notEqual(theirs.json().id, mine.json().id);
    assert.equal(theirs.json().workspace_id, other.workspaceId);
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
  });

  test('a failed validation is replayed as the same 4xx, not run again', async () => {
    const headers = { 'idempotency-key': 'bad-endpoint' };
    const body = { name: 'a', endpoint: { type: 'websocket', url: 'http://x.example.com' } };
    const first = await t.request('POST', '/v1/agents', body, { headers });
    assertError(first, 422, 'validation_failed');
    const second = await t.request('POST', '/v1/agents', body, { headers });
    assert.equal(second.statusCode, 422);
    assert.equal(second.json().error.code, 'validation_failed');
  });
});
