// The Freya Voice face (/api/v2/phone-numbers): create, list, get, release and bulk update in
// Freya's envelope and error format, against a real database through inject(), checked
// against the native API (/v1) that reads and writes the same core.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { MAX_BULK_ITEMS } from '../src/core/phone-numbers/bulk-update.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';

const BASE = '/api/v2/phone-numbers';
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
const SECRET = 'S3cr3t-trunk-Pa55';

// Distinct valid US numbers, unique within this file (+1 415 555 4000, 4001, …).
let seq = 0;
const nextNumber = () => `+1415555${String(4000 + seq++).padStart(4, '0')}`;
const pretty = (e164: string) => `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

type Json = Record<string, any>;
interface Other {
  workspaceId: string;
  userId: string;
  key: string;
}

/** A Freya error: {"success": false, "error": {code, message, details}}, nothing else. */
function assertFreyaError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), ['error', 'success'], res.body);
  assert.equal(body.success, false);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'details', 'message'], res.body);
  assert.equal(body.error.code, code, res.body);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.ok(Array.isArray(body.error.details));
  if (field !== undefined) {
    assert.ok(body.error.details.some((d: { field: string }) => d.field === field), `expected a detail naming ${field}: ${res.body}`);
  }
  return body.error;
}

/** A Freya success envelope; returns data.result. */
function result(res: LightMyRequestResponse, status = 200, success = true) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), ['data', 'success'], res.body);
  assert.equal(body.success, success, res.body);
  assert.equal(typeof body.data.message, 'string');
  assert.ok(body.data.message.length > 0);
  return body.data.result;
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push(k), keysOf(v, out));
  return out;
}

function assertNoSecret(res: LightMyRequestResponse) {
  assert.ok(!res.body.includes(SECRET), `the password is in the answer: ${res.body}`);
  assert.ok(!keysOf(JSON.parse(res.body)).includes('password'), `a password key is in the answer: ${res.body}`);
}

describe('Freya Voice face', () => {
  let t: TestApp;
  let ws: string;
  let user: string;
  let other: Other;

  const create = (body: Json, key?: string) =>
    t.request('POST', BASE, { number: nextNumber(), workspaceId: ws, userId: user, ...body }, key ? { key } : undefined);
  const created = async (body: Json = {}) => result(await create(body), 201).phoneNumber as Json;
  const put = (phoneNumbers: unknown[], key?: string, workspaceId = ws) =>
    t.request('PUT', BASE, { workspaceId, phoneNumbers }, key ? { key } : undefined);
  const getFreya = async (id: string) => result(await t.request('GET', `${BASE}/${id}`)).phoneNumber as Json;
  const getV1 = async (id: string) => {
    const res = await t.request('GET', `/v1/phone-numbers/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const v1Count = async (key?: string) => {
    const res = await t.request('GET', '/v1/phone-numbers?limit=200', undefined, key ? { key } : undefined);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().data.length as number;
  };
  const named = async (path: 'agents' | 'workflows', name: string) => {
    const res = await t.request('POST', `/v1/${path}`, { name });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  before(async () => {
    t = await createTestApp();
    ws = t.first.workspace.id;
    user = t.first.user.id;
    other = await createOtherWorkspace(t);
  });

  after(async () => {
    await t?.close();
  });

  test('create with every config field: 201, round-trips through GET and matches GET /v1', async () => {
    const [inAgent, outAgent] = [await named('agents', 'Inbound Ann'), await named('agents', 'Outbound Otto')];
    const [inFlow, outFlow] = [await named('workflows', 'In Flow'), await named('workflows', 'Out Flow')];
    const e164 = nextNumber();
    const config = {
      capabilities: { voice: 'inbound-outbound', sms: true },
      voiceConfig: '{"tts":"eleven"}',
      messagingConfig: 'reply-with-link',
      emergencyCalls: true,
      configType: 'agents',
      inboundAgentId: inAgent,
      outboundAgentId: outAgent,
      inboundWorkflowId: inFlow,
      outboundWorkflowId: outFlow,
      originationUri: 'sip:origin.example.com',
      sipInbound: { enabled: true },
      sipOutbound: {
        enabled: true,
        endpoint: 'trunk.example.com',
        port: 5061,
        username: 'trunkuser',
        password: SECRET,
        fromDomain: 'calls.example.com',
        transportProtocol: 'TLS',
        secureMedia: true,
        headers: [{ key: 'X-Tenant', value: 'acme' }, { key: 'X-Region', value: 'eu' }],
      },
    };
    const res = await t.request('POST', BASE, { number: pretty(e164), friendlyName: 'Main Support Line', workspaceId: ws, userId: user, config });
    assertNoSecret(res);
    const pn = result(res, 201).phoneNumber;
    assert.equal(res.headers.location, `${BASE}/${pn.id}`);
    const { password: _password, ...sipOutboundShown } = config.sipOutbound;
    assert.deepEqual(pn, {
      id: pn.id,
      number: e164,
      workspaceId: ws,
      userId: user,
      createdAt: pn.createdAt,
      updatedAt: pn.createdAt,
      friendlyName: 'Main Support Line',
      config: { ...config, sipOutbound: sipOutboundShown },
      inboundAgentName: 'Inbound Ann',
      outboundAgentName: 'Outbound Otto',
      inboundWorkflowName: 'In Flow',
      outboundWorkflowName: 'Out Flow',
      inboundAgentEntityType: 'agent',
      outboundAgentEntityType: 'agent',
      inboundAgentWorkflowId: inFlow,
      outboundAgentWorkflowId: outFlow,
    });
    assert.ok(!Number.isNaN(Date.parse(pn.createdAt)));

    // GET (Freya) answers the same object; GET by number too.
    assert.deepEqual(await getFreya(pn.id), pn);
    assert.deepEqual(await getFreya(encodeURIComponent(e164)), pn);

    // The native API shows the same state under its own names.
    const v1 = await getV1(pn.id);
    assert.equal(v1.number, e164);
    assert.equal(v1.workspace_id, ws);
    assert.equal(v1.created_by_user_id, user);
    assert.equal(v1.friendly_name, 'Main Support Line');
    assert.equal(v1.voice_capability_label, 'inbound-outbound');
    assert.deepEqual(v1.capabilities, { voice: true, sms: true, mms: false, fax: false });
    assert.equal(v1.voice_config, config.voiceConfig);
    assert.equal(v1.messaging_config, config.messagingConfig);
    assert.equal(v1.emergency_calling.enabled, true);
    assert.equal(v1.inbound_target, 'agent');
    assert.deepEqual(
      [v1.inbound_agent_id, v1.outbound_agent_id, v1.inbound_workflow_id, v1.outbound_workflow_id],
      [inAgent, outAgent, inFlow, outFlow],
    );
    assert.deepEqual(v1.sip_inbound, { enabled: true, origination_uri: 'sip:origin.example.com' });
    assert.deepEqual(v1.sip_outbound, {
      enabled: true,
      endpoint: 'trunk.example.com',
      port: 5061,
      username: 'trunkuser',
      from_domain: 'calls.example.com',
      transport: 'TLS',
      secure_media: true,
      headers: [{ name: 'X-Tenant', value: 'acme' }, { name: 'X-Region', value: 'eu' }],
      password_set: true,
    });
    assert.equal(v1.created_at, pn.createdAt);
    assert.equal(v1.updated_at, pn.updatedAt);
  });

  test('names are resolved when read; configType switches the inbound target and keeps both ids', async () => {
    const agent = await named('agents', 'Ava');
    const flow = await named('workflows', 'Routing Flow');
    const outFlow = await named('workflows', 'Dialer Flow');
    const pn = await created({ config: { inboundAgentId: agent, inboundWorkflowId: flow, outboundWorkflowId: outFlow } });
    assert.equal(pn.config.configType, 'agents', 'setting an agent makes it the target');
    assert.equal(pn.inboundAgentName, 'Ava');
    assert.equal(pn.inboundWorkflowName, 'Routing Flow');
    assert.equal(pn.outboundWorkflowName, 'Dialer Flow');
    assert.equal(pn.outboundAgentName, null);
    assert.equal(pn.inboundAgentEntityType, 'agent');
    assert.equal(pn.outboundAgentEntityType, 'workflow');

    // Switch to workflows: the agent id stays stored.
    let res = await put([{ id: pn.id, config: { configType: 'workflows' } }]);
    let updated = result(res).updated[0];
    assert.equal(updated.config.configType, 'workflows');
    assert.equal(updated.config.inboundAgentId, agent);
    assert.equal(updated.inboundAgentEntityType, 'workflow');
    assert.equal(updated.inboundAgentWorkflowId, flow);
    assert.equal((await getV1(pn.id)).inbound_target, 'workflow');

    // Renaming the agent and workflow (native API) shows in Freya at once: names are not copied.
    for (const [path, id, name] of [['agents', agent, 'Ava 2'], ['workflows', flow, 'Routing Flow 2']] as const) {
      const patched = await t.request('PATCH', `/v1/${path}/${id}`, { name });
      assert.equal(patched.statusCode, 200, patched.body);
    }
    const read = await getFreya(pn.id);
    assert.equal(read.inboundAgentName, 'Ava 2');
    assert.equal(read.inboundWorkflowName, 'Routing Flow 2');

    // And back to agents.
    res = await put([{ id: pn.id, config: { configType: 'agents' } }]);
    updated = result(res).updated[0];
    assert.equal(updated.config.configType, 'agents');
    assert.equal(updated.inboundAgentEntityType, 'agent');
    assert.equal(updated.config.inboundWorkflowId, flow);

    // Unassigning with null; a number with no targets has no names and no entity types.
    res = await put([{ id: pn.id, config: { inboundAgentId: null, inboundWorkflowId: null, outboundWorkflowId: null } }]);
    updated = result(res).updated[0];
    for (const key of ['inboundAgentName', 'outboundAgentName', 'inboundWorkflowName', 'outboundWorkflowName', 'inboundAgentEntityType', 'outboundAgentEntityType', 'inboundAgentWorkflowId', 'outboundAgentWorkflowId']) {
      assert.equal(updated[key], null, key);
    }
    assert.equal(updated.config.configType, null);
  });

  test('a change made through /v1 shows in Freya, and one made through Freya shows in /v1', async () => {
    const pn = await created({ friendlyName: 'before', config: { capabilities: { voice: 'yes', sms: false } } });

    // v1 → Freya; the voice string follows the flag once another face changed it.
    let res = await t.request('PATCH', `/v1/phone-numbers/${pn.id}`, { friendly_name: 'from v1', capabilities: { voice: false, sms: true }, sip_outbound: { endpoint: 'v1.example.com', port: 5070 } });
    assert.equal(res.statusCode, 200, res.body);
    let read = await getFreya(pn.id);
    assert.equal(read.friendlyName, 'from v1');
    assert.deepEqual(read.config.capabilities, { voice: '', sms: true });
    assert.equal(read.config.sipOutbound.endpoint, 'v1.example.com');
    assert.equal(read.config.sipOutbound.port, 5070);
    res = await t.request('PATCH', `/v1/phone-numbers/${pn.id}`, { capabilities: { voice: true }, voice_capability_label: null });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((await getFreya(pn.id)).config.capabilities, { voice: 'enabled', sms: true });

    // Freya → v1.
    res = await put([{ id: pn.id, friendlyName: 'from freya', config: { capabilities: { voice: '' }, emergencyCalls: true, sipOutbound: { transportProtocol: 'TCP', headers: [{ key: 'X-From', value: 'freya' }] } } }]);
    result(res);
    const v1 = await getV1(pn.id);
    assert.equal(v1.friendly_name, 'from freya');
    assert.equal(v1.capabilities.voice, false);
    assert.equal(v1.voice_capability_label, '');
    assert.equal(v1.emergency_calling.enabled, true);
    assert.equal(v1.sip_outbound.transport, 'TCP');
    assert.equal(v1.sip_outbound.endpoint, 'v1.example.com', 'absent fields are unchanged');
    assert.deepEqual(v1.sip_outbound.headers, [{ name: 'X-From', value: 'freya' }]);
    read = await getFreya(pn.id);
    assert.deepEqual(read.config.capabilities, { voice: '', sms: true });
  });

  test('null puts a field back to its default; what Freya does not show is kept', async () => {
    const agent = await named('agents', 'Nulled');
    const pn = await created({
      friendlyName: 'to clear',
      config: {
        capabilities: { voice: 'on', sms: true },
        voiceConfig: 'vc',
        emergencyCalls: true,
        inboundAgentId: agent,
        originationUri: 'sip:keep.example.com',
        sipInbound: { enabled: true },
        sipOutbound: { enabled: true, endpoint: 'gone.example.com', port: 5062, password: SECRET },
      },
    });
    const patched = await t.request('PATCH', `/v1/phone-numbers/${pn.id}`, { capabilities: { mms: true } });
    assert.equal(patched.statusCode, 200, patched.body);
    const res = await put([{
      id: pn.id,
      friendlyName: null,
      config: { capabilities: null, voiceConfig: null, emergencyCalls: null, configType: null, sipInbound: null, sipOutbound: null },
    }]);
    const shown = result(res).updated[0];
    assert.equal(shown.friendlyName, null);
    assert.deepEqual(shown.config.capabilities, { voice: 'enabled', sms: false });
    assert.equal(shown.config.voiceConfig, null);
    assert.equal(shown.config.emergencyCalls, false);
    assert.equal(shown.config.configType, null);
    assert.equal(shown.inboundAgentEntityType, null);
    assert.equal(shown.config.inboundAgentId, agent, 'the agent stays stored');
    assert.deepEqual(shown.config.sipInbound, { enabled: false });
    assert.equal(shown.config.originationUri, 'sip:keep.example.com', 'sipInbound: null leaves originationUri alone');
    assert.deepEqual(shown.config.sipOutbound, { enabled: false, endpoint: null, port: null, username: null, fromDomain: null, transportProtocol: 'UDP', secureMedia: false, headers: [] });
    const v1 = await getV1(pn.id);
    assert.deepEqual(v1.capabilities, { voice: true, sms: false, mms: true, fax: false });
    assert.equal(v1.voice_capability_label, null);
    assert.equal(v1.sip_outbound.password_set, false);
  });

  test('list: the envelope, limit/cursor pagination, and only the caller\'s numbers', async () => {
    const mine = [await created(), await created(), await created()];
    const theirs = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { key: other.key });
    assert.equal(theirs.statusCode, 201, theirs.body);

    const seen: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${BASE}?limit=2&workspaceId=${ws}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = result(await t.request('GET', url));
      assert.ok(page.phoneNumbers.length <= 2);
      assert.equal(page.pagination.limit, 2);
      assert.equal(page.pagination.hasMore, page.pagination.nextCursor !== null);
      seen.push(...page.phoneNumbers);
      cursor = page.pagination.nextCursor;
      assert.ok(++pages < 100);
    } while (cursor);
    assert.ok(pages >= 2);
    assert.equal(seen.length, await v1Count());
    assert.equal(new Set(seen.map((n) => n.id)).size, seen.length, 'no number twice');
    for (const n of mine) assert.deepEqual(seen.find((s) => s.id === n.id), n);
    assert.ok(!seen.some((n) => n.id === theirs.json().id));
    assert.ok(seen.every((n) => n.workspaceId === ws));

    assertFreyaError(await t.request('GET', `${BASE}?workspaceId=${other.workspaceId}`), 404, 'not_found');
    assertFreyaError(await t.request('GET', `${BASE}?limit=0`), 400, 'invalid_request', 'querystring.limit');
    assertFreyaError(await t.request('GET', `${BASE}?cursor=nonsense`), 400, 'invalid_request', 'cursor');
    assertFreyaError(await t.request('GET', `${BASE}?colour=red`), 400, 'invalid_request', 'querystring.colour');
  });

  test('delete releases the number in every face; it can then be created again', async () => {
    const pn = await created({ friendlyName: 'to release' });
    const res = await t.request('DELETE', `${BASE}/${pn.id}`);
    assert.equal(result(res).phoneNumber.id, pn.id);
    assert.equal(result(res).phoneNumber.number, pn.number);
    assertFreyaError(await t.request('GET', `${BASE}/${pn.id}`), 404, 'not_found');
    assertFreyaError(await t.request('DELETE', `${BASE}/${pn.id}`), 404, 'not_found');
    assert.equal((await t.request('GET', `/v1/phone-numbers/${pn.id}`)).statusCode, 404);
    assert.ok(!result(await t.request('GET', `${BASE}?limit=200`)).phoneNumbers.some((n: Json) => n.id === pn.id));
    const again = result(await create({ number: pn.number }), 201).phoneNumber;
    assert.notEqual(again.id, pn.id);
  });

  test('bulk update: valid items are written, invalid ones reported in Freya field names', async () => {
    const [a, b, c, d] = [await created({ friendlyName: 'a' }), await created({ friendlyName: 'b' }), await created({ friendlyName: 'c' }), await created({ friendlyName: 'd' })];
    const flow = await named('workflows', 'Bulk Flow');
    const res = await put([
      { id: a.id, friendlyName: 'a2', config: { sipOutbound: { enabled: true, endpoint: 'pbx.example.com', port: 5080 } } }, // 0 ok
      { number: pretty(b.number), config: { configType: 'workflows', inboundWorkflowId: flow } }, // 1 ok, by number
      { id: c.id, config: { sipOutbound: { port: 70000 } } }, // 2 schema
      { id: c.id, config: { originationUri: 'http://not-sip.example.com' } }, // 3 core rule
      { id: c.id, config: { inboundAgentId: UNKNOWN_ID } }, // 4 unknown agent
      { id: UNKNOWN_ID, friendlyName: 'x' }, // 5 not found
      { id: c.id, colour: 'red' }, // 6 unknown field
      { id: c.id, config: { sipOutbound: { enabled: true } } }, // 7 enabled without endpoint
      { id: c.id, config: { sipOutbound: { headers: [{ key: 'Bad Header', value: 'v' }] } } }, // 8 header name
      { config: {} }, // 9 no id or number
      { id: d.id, number: a.number, friendlyName: 'renumbered' }, // 10 id and number disagree
      'not an object', // 11
      { id: c.id, friendlyName: 'x'.repeat(65) }, // 12
      { id: c.id, config: { sipOutbound: { transportProtocol: 'SCTP' } } }, // 13
      { id: c.id, config: { configType: 'workflows' } }, // 14 workflows without a workflow
      { id: 'not-a-uuid', friendlyName: 'x' }, // 15
    ]);
    const body = result(res);
    assert.deepEqual(body.updated.map((n: Json) => n.id), [a.id, b.id]);
    assert.equal(body.updated[0].friendlyName, 'a2');
    assert.equal(body.updated[0].config.sipOutbound.port, 5080);
    assert.equal(body.updated[1].config.configType, 'workflows');
    assert.equal(body.updated[1].inboundWorkflowName, 'Bulk Flow');
    assert.match(res.json().data.message, /2 .*updated.*14 failed/);

    const errors = body.errors as Array<{ id: string; error: string; details: Array<{ field: string; message: string }> }>;
    for (const e of errors) assert.deepEqual(Object.keys(e).sort(), ['details', 'error', 'id']);
    const expected: Array<[string, string | null]> = [
      [c.id, 'config.sipOutbound.port'],
      [c.id, 'config.originationUri'],
      [c.id, 'config.inboundAgentId'],
      [UNKNOWN_ID, null],
      [c.id, 'colour'],
      [c.id, 'config.sipOutbound.endpoint'],
      [c.id, 'config.sipOutbound.headers[0].key'],
      ['phoneNumbers[9]', 'id'],
      [d.id, 'number'],
      ['phoneNumbers[11]', '(item)'],
      [c.id, 'friendlyName'],
      [c.id, 'config.sipOutbound.transportProtocol'],
      [c.id, 'config.inboundWorkflowId'],
      ['not-a-uuid', 'id'],
    ];
    assert.equal(errors.length, expected.length, JSON.stringify(errors));
    expected.forEach(([id, field], i) => {
      const e = errors[i]!;
      assert.equal(e.id, id, JSON.stringify(e));
      assert.ok(e.error.length > 0);
      if (field === null) assert.match(e.error, /not found/);
      else assert.ok(e.details.some((x) => x.field === field), `item ${i}: expected ${field} in ${JSON.stringify(e)}`);
      for (const x of e.details) assert.doesNotMatch(x.field, /_/, `a core field name leaked: ${JSON.stringify(e)}`);
    });

    // Written: a and b. Untouched: c and d.
    const [a1, b1, c1, d1] = await Promise.all([a, b, c, d].map((n) => getV1(n.id)));
    assert.equal(a1.friendly_name, 'a2');
    assert.deepEqual([a1.sip_outbound.enabled, a1.sip_outbound.endpoint, a1.sip_outbound.port], [true, 'pbx.example.com', 5080]);
    assert.equal(b1.inbound_target, 'workflow');
    assert.equal(b1.inbound_workflow_id, flow);
    for (const [n, v1] of [[c, c1], [d, d1]] as const) {
      assert.equal(v1.version, 1, `${n.friendlyName} was written`);
      assert.equal(v1.friendly_name, n.friendlyName);
    }
    assert.deepEqual(await getFreya(a.id), body.updated[0]);
  });

  test('bulk update: success is false when nothing was updated, and nothing is written', async () => {
    const pn = await created({ friendlyName: 'unchanged' });
    const res = await put([{ id: pn.id, config: { sipOutbound: { port: 0 } } }, { id: UNKNOWN_ID, friendlyName: 'x' }]);
    const body = result(res, 200, false);
    assert.deepEqual(body.updated, []);
    assert.equal(body.errors.length, 2);
    assert.equal(body.errors[0].details[0].field, 'config.sipOutbound.port');
    assert.equal((await getV1(pn.id)).version, 1);

    // A valid item that changes nothing still counts as updated.
    const same = result(await put([{ id: pn.id, friendlyName: 'unchanged' }]));
    assert.equal(same.updated.length, 1);
    assert.equal((await getV1(pn.id)).version, 1);
  });

  test('bulk update: another workspace\'s id is 404, and its numbers cannot be named', async () => {
    const pn = await created({ friendlyName: 'mine' });
    assertFreyaError(await put([{ id: pn.id, friendlyName: 'hijack' }], undefined, other.workspaceId), 404, 'not_found');
    assertFreyaError(await put([{ id: pn.id, friendlyName: 'hijack' }], other.key, ws), 404, 'not_found');
    // Their key, their workspace, our number: not found there.
    const body = result(await put([{ id: pn.id, friendlyName: 'hijack' }, { number: pn.number, friendlyName: 'hijack' }], other.key, other.workspaceId), 200, false);
    assert.deepEqual(body.errors.map((e: Json) => e.id), [pn.id, pn.number]);
    const v1 = await getV1(pn.id);
    assert.equal(v1.friendly_name, 'mine');
    assert.equal(v1.version, 1);
  });

  test('bulk update: the bulk body limit, not the ordinary one; at most MAX_BULK_ITEMS items', async () => {
    const pn = await created();
    const big = 'v'.repeat(8000);
    const items = Array.from({ length: 150 }, (_, i) => ({ id: pn.id, config: { voiceConfig: `${i}:${big}` } }));
    const res = await put(items);
    assert.ok(JSON.stringify({ workspaceId: ws, phoneNumbers: items }).length > t.config.bodyLimit);
    assert.equal(result(res).updated.length, 150);
    assert.equal((await getV1(pn.id)).voice_config, `149:${big}`);

    // The same size on create is over the ordinary limit: 413 in Freya's format.
    assertFreyaError(await create({ config: { voiceConfig: 'x'.repeat(t.config.bodyLimit) } }), 413, 'payload_too_large');

    const tooMany = Array.from({ length: MAX_BULK_ITEMS + 1 }, () => ({}));
    assertFreyaError(await put(tooMany), 413, 'payload_too_large', 'phoneNumbers');
    assertFreyaError(await put([]), 400, 'invalid_request', 'phoneNumbers');
    assertFreyaError(await t.request('PUT', BASE, { phoneNumbers: [{}] }), 400, 'invalid_request', 'workspaceId');
  });

  test('create: schema errors are 400, rule errors 422, a held number 409, all in Freya\'s format', async () => {
    const before = await v1Count();
    assertFreyaError(await t.request('POST', BASE, { workspaceId: ws, userId: user }), 400, 'invalid_request', 'number');
    assertFreyaError(await create({ number: '+1' }), 400, 'invalid_request', 'number');
    assertFreyaError(await create({ number: '+14155551234567890123' }), 400, 'invalid_request', 'number');
    assertFreyaError(await create({ workspaceId: 'not-a-uuid' }), 400, 'invalid_request', 'workspaceId');
    assertFreyaError(await t.request('POST', BASE, { number: nextNumber(), workspaceId: ws }), 400, 'invalid_request', 'userId');
    assertFreyaError(await create({ colour: 'red' }), 400, 'invalid_request', 'colour');
    assertFreyaError(await create({ config: { sipOutbound: { transportProtocol: 'SCTP' } } }), 400, 'invalid_request', 'config.sipOutbound.transportProtocol');
    assertFreyaError(await create({ config: { capabilities: { sms: 'yes' } } }), 400, 'invalid_request', 'config.capabilities.sms');
    assertFreyaError(await create({ config: { sipOutbound: { port: '5060' } } }), 400, 'invalid_request', 'config.sipOutbound.port');
    assertFreyaError(await create({ config: { inboundAgentId: 'agent-1' } }), 400, 'invalid_request', 'config.inboundAgentId');
    assertFreyaError(await create({ config: { sipOutbound: { headers: [{ name: 'X-A', value: '1' }] } } }), 400, 'invalid_request', 'config.sipOutbound.headers[0].key');
    const badJson = await t.app.inject({ method: 'POST', url: BASE, headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' }, payload: '{"number":' });
    assertFreyaError(badJson, 400, 'invalid_request');
    const notJson = await t.app.inject({ method: 'POST', url: BASE, headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/xml' }, payload: '<number/>' });
    assertFreyaError(notJson, 415, 'unsupported_media_type');

    assertFreyaError(await create({ number: '+1 000 000' }), 422, 'validation_failed', 'number');
    let err = assertFreyaError(await create({ config: { inboundAgentId: UNKNOWN_ID } }), 422, 'validation_failed', 'config.inboundAgentId');
    assert.match(err.message, /^config\.inboundAgentId: /);
    assertFreyaError(await create({ config: { originationUri: 'http://x.example.com' } }), 422, 'validation_failed', 'config.originationUri');
    assertFreyaError(await create({ config: { configType: 'workflows' } }), 422, 'validation_failed', 'config.inboundWorkflowId');
    assertFreyaError(await create({ config: { sipOutbound: { enabled: true } } }), 422, 'validation_failed', 'config.sipOutbound.endpoint');
    assertFreyaError(await create({ config: { sipOutbound: { endpoint: 'x', headers: [{ key: 'A', value: '1' }, { key: 'a', value: '2' }] } } }), 422, 'validation_failed', 'config.sipOutbound.headers[1].key');
    assert.equal(await v1Count(), before, 'a refused create wrote nothing');

    const held = await created();
    err = assertFreyaError(await create({ number: held.number }), 409, 'conflict', 'number');
    assert.match(err.message, /already in this workspace/);
    // Held in another workspace: also 409.
    const theirs = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { key: other.key });
    assertFreyaError(await create({ number: theirs.json().number }), 409, 'conflict');
  });

  test('create: another workspace\'s workspaceId is 404 and creates nothing anywhere', async () => {
    const number = nextNumber();
    const [mine, theirs] = [await v1Count(), await v1Count(other.key)];
    assertFreyaError(await create({ number, workspaceId: other.workspaceId }), 404, 'not_found');
    assertFreyaError(await create({ number, workspaceId: UNKNOWN_ID }), 404, 'not_found');
    assertFreyaError(await create({ number, workspaceId: ws, userId: other.userId }, other.key), 404, 'not_found');
    assert.equal(await v1Count(), mine);
    assert.equal(await v1Count(other.key), theirs);
    // Not held anywhere: it can be created now.
    result(await create({ number }), 201);
  });

  test('create: userId must be a user of the workspace, and the error names userId', async () => {
    const before = await v1Count();
    let err = assertFreyaError(await create({ userId: other.userId }), 422, 'validation_failed', 'userId');
    assert.match(err.message, /^userId: /);
    assert.ok(!err.details.some((d: Json) => d.field === 'created_by_user_id'));
    err = assertFreyaError(await create({ userId: UNKNOWN_ID }), 422, 'validation_failed', 'userId');
    assert.equal(await v1Count(), before);
  });

  test('the SIP password is accepted on write and never returned by any route', async () => {
    const createRes = await create({ config: { sipOutbound: { endpoint: 'secret.example.com', username: 'u', password: SECRET } } });
    const pn = result(createRes, 201).phoneNumber;
    assert.ok(!('password' in pn.config.sipOutbound));
    assert.deepEqual(Object.keys(pn.config.sipOutbound).sort(), ['enabled', 'endpoint', 'fromDomain', 'headers', 'port', 'secureMedia', 'transportProtocol', 'username']);
    assert.equal((await getV1(pn.id)).sip_outbound.password_set, true);
    const responses = [
      createRes,
      await t.request('GET', `${BASE}/${pn.id}`),
      await t.request('GET', `${BASE}?limit=200`),
      await put([{ id: pn.id, friendlyName: 'pw', config: { sipOutbound: { password: SECRET } } }]),
    ];
    for (const res of responses) {
      assert.equal(res.statusCode < 300, true, res.body);
      assertNoSecret(res);
    }
    // Absent keeps it, null clears it, a new one sets it.
    result(await put([{ id: pn.id, config: { sipOutbound: { port: 5090 } } }]));
    assert.equal((await getV1(pn.id)).sip_outbound.password_set, true);
    result(await put([{ id: pn.id, config: { sipOutbound: { password: null } } }]));
    assert.equal((await getV1(pn.id)).sip_outbound.password_set, false);
    result(await put([{ id: pn.id, config: { sipOutbound: { password: SECRET } } }]));
    assert.equal((await getV1(pn.id)).sip_outbound.password_set, true);
    const released = await t.request('DELETE', `${BASE}/${pn.id}`);
    assert.equal(released.statusCode, 200, released.body);
    assertNoSecret(released);
    assert.ok(!t.logs.some((line) => line.includes(SECRET)), 'the password is in the logs');
  });

  test('the OpenAPI document lists every Freya route with its operationId and tag', async () => {
    const doc = (await t.request('GET', '/openapi.json', undefined, { key: null })).json();
    const ops = [
      ['post', BASE, 'freyaCreatePhoneNumber'],
      ['get', BASE, 'freyaListPhoneNumbers'],
      ['put', BASE, 'freyaUpdatePhoneNumbers'],
      ['get', `${BASE}/{id}`, 'freyaGetPhoneNumber'],
      ['delete', `${BASE}/{id}`, 'freyaDeletePhoneNumber'],
    ] as const;
    for (const [method, path, operationId] of ops) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path} is not documented`);
      assert.equal(op.operationId, operationId);
      assert.deepEqual(op.tags, ['Freya Voice compatible']);
      assert.ok(op.responses['401'], `${operationId} declares no 401`);
    }
    const created201 = doc.paths[BASE].post.responses['201'].content['application/json'].schema;
    assert.ok(!JSON.stringify(created201).includes('"password"'), 'the response schema has no password');
  });
});

test('Freya bulk update uses SWITCHBOARD_BULK_BODY_LIMIT', async () => {
  const t = await createTestApp({ SWITCHBOARD_BULK_BODY_LIMIT: '4096', SWITCHBOARD_BODY_LIMIT: '65536' });
  try {
    const ws = t.first.workspace.id;
    const pn = result(await t.request('POST', BASE, { number: nextNumber(), workspaceId: ws, userId: t.first.user.id }), 201).phoneNumber;
    const small = await t.request('PUT', BASE, { workspaceId: ws, phoneNumbers: [{ id: pn.id, config: { voiceConfig: 'x'.repeat(3000) } }] });
    assert.equal(result(small).updated.length, 1);
    const large = await t.request('PUT', BASE, { workspaceId: ws, phoneNumbers: [{ id: pn.id, config: { voiceConfig: 'y'.repeat(5000) } }] });
    assertFreyaError(large, 413, 'payload_too_large');
    const v1 = await t.request('GET', `/v1/phone-numbers/${pn.id}`);
    assert.equal(v1.json().voice_config, 'x'.repeat(3000));
  } finally {
    await t.close();
  }
});

describe('Freya Voice face: authentication and authorization', () => {
  let t: TestApp;
  let other: Other;
  let pn: Json;
  let readKey: string;
  let agentsKey: string;
  let revokedKey: string;

  interface Row {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: () => string;
    body?: () => unknown;
    write: boolean;
    /** Addresses one number by id: another workspace's key gets 404. */
    byId?: boolean;
  }
  const ROWS: Row[] = [
    { method: 'POST', url: () => BASE, body: () => ({ number: nextNumber(), workspaceId: t.first.workspace.id, userId: t.first.user.id }), write: true },
    { method: 'GET', url: () => BASE, write: false },
    { method: 'GET', url: () => `${BASE}/${pn.id}`, write: false, byId: true },
    { method: 'PUT', url: () => BASE, body: () => ({ workspaceId: t.first.workspace.id, phoneNumbers: [{ id: pn.id, friendlyName: 'changed' }] }), write: true },
    { method: 'DELETE', url: () => `${BASE}/${pn.id}`, write: true, byId: true },
  ];
  const call = (row: Row, options: { key?: string | null; headers?: Record<string, string> }) => t.request(row.method, row.url(), row.body?.(), options);

  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t);
    const res = await t.request('POST', BASE, { number: nextNumber(), workspaceId: t.first.workspace.id, userId: t.first.user.id, friendlyName: 'guarded' });
    pn = result(res, 201).phoneNumber;
    readKey = (await createKey(t, ['numbers:read'])).key;
    agentsKey = (await createKey(t, ['agents:read'])).key;
    const revoked = await createKey(t, ['numbers:write']);
    const del = await t.request('DELETE', `/v1/api-keys/${revoked.id}`);
    assert.ok(del.statusCode < 300, del.body);
    revokedKey = revoked.key;
  });

  after(async () => {
    await t?.close();
  });

  /** Refused requests change nothing: the number is as it was, and no number was added. */
  async function assertUnchanged(count: number) {
    const res = await t.request('GET', `/v1/phone-numbers/${pn.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().version, 1);
    assert.equal(res.json().friendly_name, 'guarded');
    const list = await t.request('GET', '/v1/phone-numbers?limit=200');
    assert.equal(list.json().data.length, count);
  }

  test('no key, a bad key, a malformed header and a revoked key are 401 on every route', async () => {
    for (const row of ROWS) {
      const where = `${row.method} ${row.url()}`;
      for (const options of [
        { key: null },
        { key: 'sb_thisIsNotAKeyAtAll0000000000000000000' },
        { key: null, headers: { authorization: 'Token abc' } },
        { key: revokedKey },
      ]) {
        const res = await call(row, options);
        assertFreyaError(res, 401, 'unauthorized');
        assert.ok(res.statusCode === 401, where);
      }
    }
    await assertUnchanged(1);
  });

  test('a key without the route\'s scope is 403; numbers:read may read', async () => {
    for (const row of ROWS) {
      const res = await call(row, { key: row.write ? readKey : agentsKey });
      const err = assertFreyaError(res, 403, 'forbidden');
      assert.match(err.message, row.write ? /numbers:write/ : /numbers:read/);
    }
    await assertUnchanged(1);
    for (const row of ROWS.filter((r) => !r.write)) result(await call(row, { key: readKey }));
  });

  test('another workspace\'s key gets 404 for this workspace\'s number and changes nothing', async () => {
    for (const row of ROWS.filter((r) => r.byId)) assertFreyaError(await call(row, { key: other.key }), 404, 'not_found');
    // Workspace-scoped writes naming this workspace with the other key: 404 too.
    for (const row of ROWS.filter((r) => r.method === 'POST' || r.method === 'PUT')) assertFreyaError(await call(row, { key: other.key }), 404, 'not_found');
    const list = result(await t.request('GET', `${BASE}?limit=200`, undefined, { key: other.key }));
    assert.ok(!list.phoneNumbers.some((n: Json) => n.id === pn.id));
    await assertUnchanged(1);
  });

  test('HTTP Basic (workspace id : key) works too, and the admin key can do everything', async () => {
    const basic = `Basic ${Buffer.from(`${t.first.workspace.id}:${t.key}`).toString('base64')}`;
    assert.equal(result(await t.request('GET', `${BASE}/${pn.id}`, undefined, { key: null, headers: { authorization: basic } })).phoneNumber.id, pn.id);
    const statuses = [];
    for (const row of ROWS) statuses.push((await call(row, {})).statusCode);
    assert.deepEqual(statuses, [201, 200, 200, 200, 200]);
  });
});
