// /v1/me, /v1/api-keys, /v1/workspaces and /v1/events. Real database, inject().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SCOPES } from '../src/core/api-keys/model.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp, listAll } from './helpers/app.ts';

type Json = Record<string, any>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MISSING_ID = '01890000-0000-7000-8000-000000000000';
const KEY_FIELDS = ['id', 'workspace_id', 'user_id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function assertError(res: LightMyRequestResponse, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(body.error?.code, code, res.body);
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  return body.error;
}

/** Neither the secret nor its stored hash (nor a "hash" field) is in this answer. */
function assertNoSecret(res: LightMyRequestResponse, secret: string, what: string) {
  assert.ok(!res.body.includes(secret), `${what} shows the secret`);
  assert.ok(!res.body.includes(secret.slice(3)), `${what} shows the secret`);
  assert.ok(!res.body.includes(sha256(secret)), `${what} shows the hash`);
  assert.ok(!/"hash"\s*:/.test(res.body), `${what} has a hash field`);
  assert.ok(!/"secret"\s*:/.test(res.body), `${what} has a secret field`);
}


describe('/v1/me', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the bootstrapped key: its workspace, user and key', async () => {
    const res = await t.request('GET', '/v1/me');
    assert.equal(res.statusCode, 200, res.body);
    const me = res.json();
    assert.deepEqual(me, {
      workspace: { id: t.first.workspace.id, name: t.first.workspace.name },
      user: { id: t.first.user.id, name: t.first.user.name },
      api_key: { id: t.first.apiKey.key.id, name: t.first.apiKey.key.name, prefix: t.key.slice(0, 12), scopes: ['admin', 'operator'] },
    });
    assertNoSecret(res, t.key, '/v1/me');
  });

  test('works for a key with any single scope, and describes that key', async () => {
    for (const scope of SCOPES) {
      const { id, key } = await createKey(t, [scope], `only ${scope}`);
      const res = await t.request('GET', '/v1/me', undefined, { key });
      assert.equal(res.statusCode, 200, `${scope}: ${res.body}`);
      const me = res.json();
      assert.equal(me.workspace.id, t.first.workspace.id);
      assert.equal(me.user.id, t.first.user.id);
      assert.deepEqual(me.api_key, { id, name: `only ${scope}`, prefix: key.slice(0, 12), scopes: [scope] });
    }
  });

  test("another workspace's key sees that workspace", async () => {
    const other = await createOtherWorkspace(t, 'me-other');
    const me = (await t.request('GET', '/v1/me', undefined, { key: other.key })).json();
    assert.equal(me.workspace.id, other.workspaceId);
    assert.equal(me.workspace.name, 'me-other');
    assert.equal(me.user.id, other.userId);
    assert.deepEqual(me.api_key.scopes, ['admin']);
  });
});

describe('/v1/api-keys', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('create: the secret is shown once, starts with sb_, and its first 12 characters are the prefix', async () => {
    const res = await t.request('POST', '/v1/api-keys', { name: 'ci', scopes: ['numbers:read', 'agents:write'] });
    assert.equal(res.statusCode, 201, res.body);
    const key = res.json();
    assert.deepEqual(Object.keys(key).sort(), [...KEY_FIELDS, 'secret'].sort());
    assert.match(key.id, UUID);
    assert.equal(key.workspace_id, t.first.workspace.id);
    assert.equal(key.user_id, t.first.user.id);
    assert.equal(key.name, 'ci');
    assert.deepEqual(key.scopes, ['numbers:read', 'agents:write']);
    assert.equal(key.last_used_at, null);
    assert.equal(key.revoked_at, null);
    assert.ok(!Number.isNaN(Date.parse(key.created_at)));
    assert.equal(typeof key.secret, 'string');
    assert.ok(key.secret.startsWith('sb_'), key.secret);
    assert.ok(key.secret.length >= 32, 'long enough to be unguessable');
    assert.equal(key.prefix, key.secret.slice(0, 12));
    assert.ok(!res.body.includes(sha256(key.secret)));

    const got = await t.request('GET', `/v1/api-keys/${key.id}`);
    assert.equal(got.statusCode, 200, got.body);
    const { secret: _s, ...shown } = key;
    assert.deepEqual(got.json(), shown);
    assertNoSecret(got, key.secret, 'GET /v1/api-keys/:id');
    const list = await t.request('GET', '/v1/api-keys?limit=200');
    assert.equal(list.statusCode, 200);
    assertNoSecret(list, key.secret, 'GET /v1/api-keys');
    assertNoSecret(list, t.key, 'GET /v1/api-keys');
    for (const k of list.json().data) assert.deepEqual(Object.keys(k).sort(), [...KEY_FIELDS].sort());
  });

  test('the new key works, with its scopes only', async () => {
    const { id, key } = await createKey(t, ['agents:write'], 'agents only');
    const me = await t.request('GET', '/v1/me', undefined, { key });
    assert.equal(me.json().api_key.id, id);
    const created = await t.request('POST', '/v1/agents', { name: 'by the new key' }, { key });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().user_id, t.first.user.id);
    assertError(await t.request('GET', '/v1/phone-numbers', undefined, { key }), 403, 'forbidden');
    assertError(await t.request('GET', '/v1/api-keys', undefined, { key }), 403, 'forbidden');
  });

  test('list: prefix and scopes of every key; last_used_at is set once the key is used', async () => {
    const { id, key } = await createKey(t, ['events:read'], 'to be used');
    const find = async () => (await listAll(t, '/v1/api-keys', 200)).items.find((k) => k.id === id)!;
    const unused = await find();
    assert.equal(unused.prefix, key.slice(0, 12));
    assert.deepEqual(unused.scopes, ['events:read']);
    assert.equal(unused.name, 'to be used');
    assert.equal(unused.last_used_at, null);
    assert.equal((await t.request('GET', '/v1/events', undefined, { key })).statusCode, 200);
    const used = await find();
    assert.equal(typeof used.last_used_at, 'string');
    assert.ok(Date.parse(used.last_used_at) >= Date.parse(used.created_at));
    assert.equal((await t.request('GET', `/v1/api-keys/${id}`)).json().last_used_at, used.last_used_at);
    // the bootstrapped key has been used by every request of this file
    assert.notEqual((await t.request('GET', `/v1/api-keys/${t.first.apiKey.key.id}`)).json().last_used_at, null);
  });

  test('list: cursor pagination over every key', async () => {
    for (let i = 0; i < 3; i++) await createKey(t, ['numbers:read'], `page ${i}`);
    const all = (await listAll(t, '/v1/api-keys', 200)).items.map((k) => k.id);
    const paged = await listAll(t, '/v1/api-keys', 2);
    assert.deepEqual(paged.items.map((k) => k.id), all);
    assert.equal(paged.pages, Math.ceil(all.length / 2));
    assert.deepEqual([...all].sort(), all, 'oldest first');
    assertError(await t.request('GET', '/v1/api-keys?limit=201'), 400, 'invalid_request');
  });

  test('revoke: revoked_at is set and the key gets 401 everywhere at once', async () => {
    const { id, key } = await createKey(t, ['admin'], 'to revoke');
    assert.equal((await t.request('GET', '/v1/agents', undefined, { key })).statusCode, 200);
    const res = await t.request('DELETE', `/v1/api-keys/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    const revoked = res.json();
    assert.equal(revoked.id, id);
    assert.equal(typeof revoked.revoked_at, 'string');
    assert.ok(!Number.isNaN(Date.parse(revoked.revoked_at)));
    assertNoSecret(res, key, 'revoke');
    assert.equal((await t.request('GET', `/v1/api-keys/${id}`)).json().revoked_at, revoked.revoked_at);

    for (const [method, url, body] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/agents'],
      ['POST', '/v1/agents', { name: 'x' }],
      ['GET', '/v1/api-keys'],
      ['DELETE', `/v1/api-keys/${t.first.apiKey.key.id}`],
      ['GET', '/v1/events'],
    ] as [string, string, unknown?][]) {
      assertError(await t.request(method as 'GET', url, body, { key }), 401, 'unauthorized');
    }
    const basic = `Basic ${Buffer.from(`${t.first.workspace.id}:${key}`).toString('base64')}`;
    assertError(await t.request('GET', '/v1/me', undefined, { headers: { authorization: basic } }), 401, 'unauthorized');

    // revoking again changes nothing and records nothing more
    const again = await t.request('DELETE', `/v1/api-keys/${id}`);
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().revoked_at, revoked.revoked_at);
    const events = (await t.request('GET', `/v1/events?order=asc&object_id=${id}`)).json().data;
    assert.deepEqual(events.map((e: Json) => e.type), ['api_key.created', 'api_key.revoked']);
    assert.equal(events[1].after.revoked_at, revoked.revoked_at);
    assert.equal(events[1].before.revoked_at, null);

    assertError(await t.request('DELETE', `/v1/api-keys/${MISSING_ID}`), 404, 'not_found');
    assertError(await t.request('GET', `/v1/api-keys/${MISSING_ID}`), 404, 'not_found');
    assertError(await t.request('DELETE', '/v1/api-keys/nope'), 400, 'invalid_request');
  });

  test('a key can revoke itself', async () => {
    const { id, key } = await createKey(t, ['keys:write'], 'self');
    const res = await t.request('DELETE', `/v1/api-keys/${id}`, undefined, { key });
    assert.equal(res.statusCode, 200, res.body);
    assertError(await t.request('GET', '/v1/me', undefined, { key }), 401, 'unauthorized');
  });

  test('a key cannot grant scopes it lacks (403); nothing is created', async () => {
    const { key } = await createKey(t, ['keys:write', 'agents:read'], 'limited granter');
    const count = async () => (await listAll(t, '/v1/api-keys', 200)).items.length;
    const before = await count();
    for (const scopes of [['agents:write'], ['numbers:read'], ['admin'], ['operator'], ['agents:read', 'workflows:read']]) {
      const e = assertError(await t.request('POST', '/v1/api-keys', { name: 'escalate', scopes }, { key }), 403, 'forbidden');
      assert.ok(e.message.includes(scopes.at(-1)!), e.message);
    }
    assert.equal(await count(), before);
    // what it has, and what its write scope implies, it may grant
    for (const scopes of [['agents:read'], ['keys:read'], ['keys:write', 'agents:read']]) {
      const res = await t.request('POST', '/v1/api-keys', { name: 'fine', scopes }, { key });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().scopes, scopes);
    }
    // admin grants any workspace scope and admin, but not operator
    const { key: admin } = await createKey(t, ['admin'], 'admin granter');
    assert.equal((await t.request('POST', '/v1/api-keys', { name: 'a', scopes: ['admin'] }, { key: admin })).statusCode, 201);
    assert.equal((await t.request('POST', '/v1/api-keys', { name: 'a', scopes: ['webhooks:write'] }, { key: admin })).statusCode, 201);
    assertError(await t.request('POST', '/v1/api-keys', { name: 'a', scopes: ['operator'] }, { key: admin }), 403, 'forbidden');
    // and a read-only key grants nothing
    const { key: reader } = await createKey(t, ['keys:read'], 'reader');
    assertError(await t.request('POST', '/v1/api-keys', { name: 'a', scopes: ['keys:read'] }, { key: reader }), 403, 'forbidden');
  });

  test('validation: unknown scope, no scopes, repeated scopes, bad names and unknown fields are 400', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'x', scopes: ['superuser'] }, 'scopes[0]'],
      [{ name: 'x', scopes: ['numbers:read', 'numbers:delete'] }, 'scopes[1]'],
      [{ name: 'x', scopes: [] }, 'scopes'],
      [{ name: 'x', scopes: ['numbers:read', 'numbers:read'] }, 'scopes'],
      [{ name: 'x', scopes: 'admin' }, 'scopes'],
      [{ name: 'x' }, 'scopes'],
      [{ scopes: ['admin'] }, 'name'],
      [{ name: '', scopes: ['admin'] }, 'name'],
      [{ name: 'n'.repeat(129), scopes: ['admin'] }, 'name'],
      [{ name: 'x', scopes: ['admin'], expires: 'never' }, 'expires'],
    ];
    for (const [body, field] of cases) {
      const e = assertError(await t.request('POST', '/v1/api-keys', body), 400, 'invalid_request');
      assert.equal(e.details?.[0]?.field, field, `${JSON.stringify(body)}: ${JSON.stringify(e)}`);
    }
  });

  test("another workspace cannot see, read or revoke this workspace's keys", async () => {
    const { id, key } = await createKey(t, ['numbers:read'], 'mine');
    const other = await createOtherWorkspace(t, 'keys-other');
    assertError(await t.request('GET', `/v1/api-keys/${id}`, undefined, { key: other.key }), 404, 'not_found');
    assertError(await t.request('DELETE', `/v1/api-keys/${id}`, undefined, { key: other.key }), 404, 'not_found');
    assert.equal((await t.request('GET', '/v1/me', undefined, { key })).statusCode, 200, 'still works');
    const theirs = (await listAll(t, '/v1/api-keys', 200, other.key)).items;
    assert.equal(theirs.length, 1);
    assert.equal(theirs[0]!.workspace_id, other.workspaceId);
    assert.ok(!(await listAll(t, '/v1/api-keys', 200)).items.some((k) => k.workspace_id !== t.first.workspace.id));
  });

  test('Idempotency-Key: a retried create returns the same key; only one is created', async () => {
    const headers = { 'idempotency-key': 'new-key-1' };
    const body = { name: 'idempotent', scopes: ['numbers:read'] };
    const first = await t.request('POST', '/v1/api-keys', body, { headers });
    const second = await t.request('POST', '/v1/api-keys', body, { headers });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json().id, first.json().id);
    assert.equal((await listAll(t, '/v1/api-keys', 200)).items.filter((k) => k.name === 'idempotent').length, 1);
  });

  test('the audit log holds api_key.created, without secret or hash', async () => {
    const res = await t.request('POST', '/v1/api-keys', { name: 'audited', scopes: ['events:read'] });
    const key = res.json();
    const events = await t.request('GET', `/v1/events?object_id=${key.id}`);
    const list = events.json().data;
    assert.equal(list.length, 1);
    assert.equal(list[0].type, 'api_key.created');
    assert.equal(list[0].object_type, 'api_key');
    assert.equal(list[0].after.prefix, key.prefix);
    assert.equal(list[0].request_id, res.headers['x-request-id']);
    assertNoSecret(events, key.secret, 'events');
    const everything = await t.request('GET', '/v1/events?limit=200&object_type=api_key');
    assertNoSecret(everything, key.secret, 'events');
    assertNoSecret(everything, t.key, 'events');
  });
});

describe('/v1/workspaces (operator)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('create: the workspace, its first user and an admin key that works only there', async () => {
    const mine = await t.request('POST', '/v1/agents', { name: 'first workspace agent' });
    assert.equal(mine.statusCode, 201);
    const res = await t.request('POST', '/v1/workspaces', { name: 'Acme', user_name: 'alice' });
    assert.equal(res.statusCode, 201, res.body);
    const { workspace, user, api_key } = res.json();
    assert.match(workspace.id, UUID);
    assert.notEqual(workspace.id, t.first.workspace.id);
    assert.equal(workspace.name, 'Acme');
    assert.ok(!Number.isNaN(Date.parse(workspace.created_at)));
    assert.match(user.id, UUID);
    assert.equal(user.workspace_id, workspace.id);
    assert.equal(user.name, 'alice');
    assert.equal(api_key.workspace_id, workspace.id);
    assert.equal(api_key.user_id, user.id);
    assert.deepEqual(api_key.scopes, ['admin']);
    assert.equal(api_key.revoked_at, null);
    assert.ok(api_key.secret.startsWith('sb_'));
    assert.equal(api_key.prefix, api_key.secret.slice(0, 12));
    assert.ok(!res.body.includes(sha256(api_key.secret)));
    assert.ok(!/"hash"\s*:/.test(res.body));

    const key = api_key.secret;
    const me = (await t.request('GET', '/v1/me', undefined, { key })).json();
    assert.deepEqual(me.workspace, { id: workspace.id, name: 'Acme' });
    assert.deepEqual(me.user, { id: user.id, name: 'alice' });
    assert.equal(me.api_key.id, api_key.id);

    assert.deepEqual((await t.request('GET', '/v1/agents', undefined, { key })).json().data, []);
    assertError(await t.request('GET', `/v1/agents/${mine.json().id}`, undefined, { key }), 404, 'not_found');
    const theirs = await t.request('POST', '/v1/agents', { name: 'acme agent' }, { key });
    assert.equal(theirs.statusCode, 201, theirs.body);
    assert.equal(theirs.json().workspace_id, workspace.id);
    assert.equal(theirs.json().user_id, user.id);
    assertError(await t.request('GET', `/v1/agents/${theirs.json().id}`), 404, 'not_found');

    const basic = (ws: string) => `Basic ${Buffer.from(`${ws}:${key}`).toString('base64')}`;
    assert.equal((await t.request('GET', '/v1/me', undefined, { headers: { authorization: basic(workspace.id) } })).statusCode, 200);
    assertError(await t.request('GET', '/v1/me', undefined, { headers: { authorization: basic(t.first.workspace.id) } }), 401, 'unauthorized');

    // the new workspace's admin is no operator
    assertError(await t.request('POST', '/v1/workspaces', { name: 'nested' }, { key }), 403, 'forbidden');
    assertError(await t.request('GET', '/v1/workspaces', undefined, { key }), 403, 'forbidden');

    // its own audit log starts with its creation
    const events = (await t.request('GET', '/v1/events?order=asc', undefined, { key })).json().data;
    assert.deepEqual(events.slice(0, 2).map((e: Json) => [e.type, e.object_id]), [['workspace.created', workspace.id], ['api_key.created', api_key.id]]);
    assert.ok(events.every((e: Json) => e.workspace_id === workspace.id));
    assert.ok(!JSON.stringify(events).includes(key));
  });

  test('the first user is named admin unless told otherwise', async () => {
    const res = await t.request('POST', '/v1/workspaces', { name: 'Defaults' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().user.name, 'admin');
  });

  test('a key with admin but not operator scope: 403 for create and list; nothing created', async () => {
    const before = (await listAll(t, '/v1/workspaces', 200)).items.length;
    const { key } = await createKey(t, ['admin'], 'admin only');
    assertError(await t.request('POST', '/v1/workspaces', { name: 'nope' }, { key }), 403, 'forbidden');
    assertError(await t.request('GET', '/v1/workspaces', undefined, { key }), 403, 'forbidden');
    assert.equal((await listAll(t, '/v1/workspaces', 200)).items.length, before);
    const { key: operator } = await createKey(t, ['operator'], 'operator only');
    assert.equal((await t.request('POST', '/v1/workspaces', { name: 'by operator' }, { key: operator })).statusCode, 201);
  });

  test('list: every workspace, oldest first, with cursor pagination', async () => {
    const names = ['L1', 'L2', 'L3'];
    const ids: string[] = [];
    for (const name of names) ids.push((await createOtherWorkspace(t, name)).workspaceId);
    const all = (await listAll(t, '/v1/workspaces', 200)).items;
    assert.equal(all[0]!.id, t.first.workspace.id);
    assert.deepEqual(all[0], t.first.workspace);
    for (const id of ids) assert.ok(all.some((w) => w.id === id));
    assert.deepEqual(all.map((w) => w.id), [...all.map((w) => w.id)].sort());
    for (const w of all) assert.deepEqual(Object.keys(w).sort(), ['created_at', 'id', 'name']);
    const paged = await listAll(t, '/v1/workspaces', 1);
    assert.deepEqual(paged.items, all);
    assert.equal(paged.pages, all.length);
    assertError(await t.request('GET', '/v1/workspaces?limit=201'), 400, 'invalid_request');
  });

  test('validation: name required, 1-128 characters; unknown fields refused', async () => {
    for (const body of [{}, { name: '' }, { name: 'w'.repeat(129) }, { name: 'ok', plan: 'pro' }, { name: 'ok', user_name: '' }]) {
      assertError(await t.request('POST', '/v1/workspaces', body), 400, 'invalid_request');
    }
  });
});

describe('/v1/events', () => {
  let t: TestApp;
  let agentId: string;
  let workflowId: string;
  let keyId: string;
  let agentCreatedRequest: string;
  before(async () => {
    t = await createTestApp();
    const agent = await t.request('POST', '/v1/agents', { name: 'evented' });
    agentId = agent.json().id;
    agentCreatedRequest = String(agent.headers['x-request-id']);
    assert.equal((await t.request('PATCH', `/v1/agents/${agentId}`, { prompt: 'p' })).statusCode, 200);
    const wf = await t.request('POST', '/v1/workflows', { name: 'wf' });
    workflowId = wf.json().id;
    assert.equal((await t.request('PATCH', `/v1/workflows/${workflowId}`, { description: 'd' })).statusCode, 200);
    assert.equal((await t.request('DELETE', `/v1/workflows/${workflowId}`)).statusCode, 200);
    const key = await createKey(t, ['events:read'], 'evented key');
    keyId = key.id;
    assert.equal((await t.request('DELETE', `/v1/api-keys/${keyId}`)).statusCode, 200);
    assert.equal((await t.request('DELETE', `/v1/agents/${agentId}`)).statusCode, 200);
  });
  after(() => t.close());

  const list = async (query: string, key?: string) => {
    const res = await t.request('GET', `/v1/events?limit=200&order=asc&${query}`, undefined, key ? { key } : {});
    assert.equal(res.statusCode, 200, res.body);
    return res.json().data as Json[];
  };

  test('filter by object_id: one object\'s history, oldest first', async () => {
    const events = await list(`object_id=${agentId}`);
    assert.deepEqual(events.map((e) => e.type), ['agent.created', 'agent.updated', 'agent.deleted']);
    assert.ok(events.every((e) => e.object_id === agentId && e.object_type === 'agent'));
    const [created, updated, deleted] = events as [Json, Json, Json];
    assert.equal(created.before, null);
    assert.equal(created.after.id, agentId);
    assert.equal(created.request_id, agentCreatedRequest);
    assert.deepEqual(created.actor, { type: 'api_key', api_key_id: t.first.apiKey.key.id, user_id: t.first.user.id, ip: '127.0.0.1' });
    assert.deepEqual(updated.changes, ['prompt']);
    assert.equal(updated.before.prompt, null);
    assert.equal(updated.after.prompt, 'p');
    assert.equal(deleted.after, null);
    assert.equal(deleted.before.prompt, 'p');
    assert.deepEqual((await list(`object_id=${workflowId}`)).map((e) => e.type), ['workflow.created', 'workflow.updated', 'workflow.deleted']);
    assert.deepEqual((await list(`object_id=${keyId}`)).map((e) => e.type), ['api_key.created', 'api_key.revoked']);
    assert.deepEqual(await list(`object_id=${MISSING_ID}`), []);
  });

  test('filter by object_type and type, alone and together', async () => {
    const workflows = await list('object_type=workflow');
    assert.deepEqual(workflows.map((e) => e.type), ['workflow.created', 'workflow.updated', 'workflow.deleted']);
    const revoked = await list('type=api_key.revoked');
    assert.equal(revoked.length, 1);
    assert.equal(revoked[0]!.object_id, keyId);
    const keysCreated = await list('type=api_key.created');
    assert.deepEqual(keysCreated.map((e) => e.object_id), [t.first.apiKey.key.id, keyId], 'the bootstrapped key and the one created');
    const agentUpdates = await list('object_type=agent&type=agent.updated');
    assert.equal(agentUpdates.length, 1);
    assert.equal(agentUpdates[0]!.object_id, agentId);
    assert.deepEqual(await list('object_type=agent&type=workflow.created'), []);
    assert.deepEqual(await list(`object_id=${agentId}&type=api_key.created`), []);
    const all = await list('');
    for (const e of all) assert.ok(['workspace', 'api_key', 'agent', 'workflow'].includes(e.object_type), e.object_type);
    assert.equal(all.filter((e) => e.type === 'workspace.created').length, 1);
  });

  test('pagination walks every event once, ids ascending with order=asc; get by id', async () => {
    const all = await list('');
    assert.ok(all.length >= 10, `${all.length} events`);
    const paged = await listAll(t, '/v1/events?order=asc', 3);
    assert.deepEqual(paged.items, all);
    assert.equal(paged.pages, Math.ceil(all.length / 3));
    const ids = all.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    const filtered = await listAll(t, '/v1/events?object_type=agent', 1);
    assert.equal(filtered.items.length, 3);
    assert.ok(filtered.items.every((e) => e.object_type === 'agent'));

    const one = await t.request('GET', `/v1/events/${all[3]!.id}`);
    assert.equal(one.statusCode, 200, one.body);
    assert.deepEqual(one.json(), all[3]);
    assertError(await t.request('GET', `/v1/events/${MISSING_ID}`), 404, 'not_found');
    assertError(await t.request('GET', '/v1/events?limit=201'), 400, 'invalid_request');
    assertError(await t.request('GET', '/v1/events?actor=me'), 400, 'invalid_request');
  });

  test("another workspace's events are never visible", async () => {
    const mine = await list('');
    const other = await createOtherWorkspace(t, 'events-other');
    const agent = await t.request('POST', '/v1/agents', { name: 'theirs' }, { key: other.key });
    const theirs = await list('', other.key);
    assert.ok(theirs.length >= 3);
    assert.ok(theirs.every((e) => e.workspace_id === other.workspaceId));
    const mineIds = new Set(mine.map((e) => e.id));
    assert.ok(!theirs.some((e) => mineIds.has(e.id)));
    assert.deepEqual(await list(`object_id=${agentId}`, other.key), []);
    assert.deepEqual(await list('type=agent.deleted', other.key), []);
    assertError(await t.request('GET', `/v1/events/${mine[0]!.id}`, undefined, { key: other.key }), 404, 'not_found');
    // and the other way round
    assert.deepEqual(await list(`object_id=${agent.json().id}`), []);
    assert.ok((await list('')).every((e) => e.workspace_id === t.first.workspace.id));
    const theirEvent = theirs.find((e) => e.object_id === agent.json().id)!;
    assertError(await t.request('GET', `/v1/events/${theirEvent.id}`), 404, 'not_found');
  });

  test('an events:read key reads the log; a key without it is 403', async () => {
    const { key } = await createKey(t, ['events:read'], 'reader');
    assert.equal((await t.request('GET', '/v1/events', undefined, { key })).statusCode, 200);
    const { key: agents } = await createKey(t, ['agents:write'], 'no events');
    assertError(await t.request('GET', '/v1/events', undefined, { key: agents }), 403, 'forbidden');
  });
});
