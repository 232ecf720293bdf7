// /v1/webhook-endpoints: CRUD, merge patch and If-Match, every validation rule (URL, headers,
// event types and wildcards, CEL filter, phone number scope), tenancy and scopes, the signing
// secret (shown once, sealed at rest, rotated with an overlap), and the endpoints the VoiceOS
// face creates being the same objects. Real database, inject().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createKey, createOtherWorkspace, createTestApp, listAll, TEST_SECRET_KEY, type TestApp } from './helpers/app.ts';
import { createSecretBox } from '../src/security/secret-box.ts';
import { EVENT_TYPES, eventTypeProblem, matchesEventType } from '../src/core/webhooks/event-types.ts';
import { compileFilter, FilterEvaluationError, filterProblem } from '../src/core/webhooks/filter.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

type Json = Record<string, any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;
const MISSING_ID = '01890000-0000-7000-8000-000000000000';
const PATH = '/v1/webhook-endpoints';

let numberSeq = 0;
const nextNumber = () => `+1415555${String(4000 + numberSeq++).padStart(4, '0')}`;

function assertError(res: LightMyRequestResponse, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(body.error?.code, code, res.body);
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  return body.error;
}

const fields = (error: Json): string[] => (error.details ?? []).map((d: Json) => d.field);

async function createEndpoint(t: TestApp, body: Json = {}, key?: string): Promise<Json> {
  const res = await t.request('POST', PATH, { url: 'https://hooks.example.com/in', ...body }, key ? { key } : {});
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const withoutSecret = ({ secret: _s, previous_secret_expires_at: _p, ...rest }: Json) => rest;

async function createNumber(t: TestApp, key?: string): Promise<Json> {
  const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, key ? { key } : {});
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function events(t: TestApp, query: string): Promise<Json[]> {
  const res = await t.request('GET', `/v1/events?limit=200&order=asc&${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data;
}

async function count(t: TestApp): Promise<number> {
  return (await listAll(t, PATH, 200)).items.length;
}

const ctxOf = (t: TestApp) => ({ actor: { workspaceId: t.first.workspace.id, userId: t.first.user.id, apiKeyId: null, type: 'system' as const }, scopes: ALL_SCOPES });

describe('/v1/webhook-endpoints CRUD', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('create: 201 with Location, ETag, defaults and a whsec_ secret of 32 random bytes', async () => {
    const res = await t.request('POST', PATH, { url: 'https://hooks.example.com/a' });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.id, UUID);
    assert.equal(res.headers.location, `${PATH}/${body.id}`);
    assert.equal(res.headers.etag, '"1"');
    assert.deepEqual(withoutSecret(body), {
      id: body.id,
      workspace_id: t.first.workspace.id,
      url: 'https://hooks.example.com/a',
      method: 'POST',
      headers: {},
      event_types: [],
      phone_number_id: null,
      agent_id: null,
      filter: null,
      enabled: true,
      description: null,
      version: 1,
      created_at: body.created_at,
      updated_at: body.created_at,
    });
    assert.match(body.secret, SECRET);
    assert.equal(Buffer.from(body.secret.slice('whsec_'.length), 'base64').length, 32);
    const other = await createEndpoint(t);
    assert.notEqual(other.secret, body.secret, 'each endpoint has its own secret');
  });

  test('create with every field: kept as sent (header values write-only: shown masked)', async () => {
    const n = await createNumber(t);
    const input = {
      url: 'http://hooks.example.com:8080/calls?x=1',
      method: 'PUT',
      headers: { 'X-Trace': 'abc', Authorization: 'Bearer downstream' },
      event_types: ['phone_number.*', 'phone_call:connection_requested', 'phone_call.ended', 'agent.deleted'],
      phone_number_id: n.id,
      filter: 'direction == "inbound" && event.type.startsWith("phone_call")',
      enabled: false,
      description: 'Calls to the main line',
    };
    const body = await createEndpoint(t, input);
    for (const [k, v] of Object.entries({ ...input, headers: { 'X-Trace': '********', Authorization: '********' } })) assert.deepEqual(body[k], v, k);
    const got = await t.request('GET', `${PATH}/${body.id}`);
    assert.equal(got.statusCode, 200, got.body);
    assert.equal(got.headers.etag, '"1"');
    assert.deepEqual(got.json(), withoutSecret(body));
  });

  test('get: unknown id 404, malformed id 400', async () => {
    assertError(await t.request('GET', `${PATH}/${MISSING_ID}`), 404, 'not_found');
    assertError(await t.request('GET', `${PATH}/not-a-uuid`), 400, 'invalid_request');
  });

  test('list: cursor pages in creation order, limit 1..200, filter by phone_number_id', async () => {
    const other = await createOtherWorkspace(t, 'list-pages');
    const n = await createNumber(t, other.key);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createEndpoint(t, { description: `e${i}`, ...(i % 2 ? { phone_number_id: n.id } : {}) }, other.key)).id);
    const walked = await listAll(t, PATH, 2, other.key);
    assert.equal(walked.pages, 3);
    assert.deepEqual(walked.items.map((e) => e.id), ids);
    assert.ok(walked.items.every((e) => !('secret' in e)));
    const scoped = await listAll(t, `${PATH}?phone_number_id=${n.id}`, 200, other.key);
    assert.deepEqual(scoped.items.map((e) => e.id), [ids[1], ids[3]]);
    const upper = await listAll(t, `${PATH}?phone_number_id=${n.id.toUpperCase()}`, 200, other.key);
    assert.equal(upper.items.length, 2);
    assert.equal((await t.request('GET', `${PATH}?limit=200`, undefined, { key: other.key })).statusCode, 200);
    assertError(await t.request('GET', `${PATH}?limit=201`), 400, 'invalid_request');
    assertError(await t.request('GET', `${PATH}?limit=0`), 400, 'invalid_request');
    assertError(await t.request('GET', `${PATH}?phone_number_id=nope`), 400, 'invalid_request');
    assertError(await t.request('GET', `${PATH}?colour=red`), 400, 'invalid_request');
    const bad = await t.request('GET', `${PATH}?cursor=bm90LWEtY3Vyc29y`);
    assert.equal(bad.json().error.details[0].field, 'cursor');
  });

  test('PATCH: merge patch (absent unchanged, null default, headers merge), ETag, If-Match 412', async () => {
    const n = await createNumber(t);
    const e = await createEndpoint(t, { method: 'PATCH', headers: { 'X-A': '1', 'X-B': '2' }, event_types: ['agent.*'], phone_number_id: n.id, filter: 'true', description: 'd' });
    let res = await t.request('PATCH', `${PATH}/${e.id}`, { description: 'd2' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"2"');
    let body = res.json();
    assert.deepEqual({ ...body, version: 1, updated_at: e.updated_at }, { ...withoutSecret(e), description: 'd2' });

    res = await t.request('PATCH', `${PATH}/${e.id}`, { headers: { 'x-a': null, 'X-C': '3', 'x-b': 'two' }, enabled: false }, { headers: { 'if-match': '"2"' } });
    assert.equal(res.statusCode, 200, res.body);
    body = res.json();
    assert.deepEqual(body.headers, { 'x-b': '********', 'X-C': '********' }, 'header names match in any case');
    assert.equal(body.enabled, false);
    assert.equal(body.version, 3);

    assertError(await t.request('PATCH', `${PATH}/${e.id}`, { description: 'stale' }, { headers: { 'if-match': '"2"' } }), 412, 'precondition_failed');

    res = await t.request('PATCH', `${PATH}/${e.id}`, { method: null, headers: null, event_types: null, phone_number_id: null, filter: null, enabled: null, description: null });
    assert.equal(res.statusCode, 200, res.body);
    body = res.json();
    assert.deepEqual(
      { method: body.method, headers: body.headers, event_types: body.event_types, phone_number_id: body.phone_number_id, filter: body.filter, enabled: body.enabled, description: body.description },
      { method: 'POST', headers: {}, event_types: [], phone_number_id: null, filter: null, enabled: true, description: null },
    );
    assert.equal(body.url, e.url);
    assert.deepEqual((await t.request('GET', `${PATH}/${e.id}`)).json(), body);

    const urlNull = assertError(await t.request('PATCH', `${PATH}/${e.id}`, { url: null }), 400, 'invalid_request');
    assert.deepEqual(fields(urlNull), ['url']);
    assertError(await t.request('PATCH', `${PATH}/${MISSING_ID}`, { description: 'x' }), 404, 'not_found');
  });

  test('DELETE: 200 with the endpoint as it was, then 404; a stale If-Match is 412 and deletes nothing', async () => {
    const e = await createEndpoint(t);
    assertError(await t.request('DELETE', `${PATH}/${e.id}`, undefined, { headers: { 'if-match': '"7"' } }), 412, 'precondition_failed');
    assert.equal((await t.request('GET', `${PATH}/${e.id}`)).statusCode, 200);
    const del = await t.request('DELETE', `${PATH}/${e.id}`, undefined, { headers: { 'if-match': '"1"' } });
    assert.equal(del.statusCode, 200, del.body);
    assert.deepEqual(del.json(), withoutSecret(e));
    assertError(await t.request('GET', `${PATH}/${e.id}`), 404, 'not_found');
    assertError(await t.request('DELETE', `${PATH}/${e.id}`), 404, 'not_found');
  });

  test('events: webhook_endpoint.created, updated, updated (secret), deleted; no secret in any', async () => {
    const e = await createEndpoint(t, { description: 'audited' });
    assert.equal((await t.request('PATCH', `${PATH}/${e.id}`, { enabled: false })).statusCode, 200);
    const rotated = await t.request('POST', `${PATH}/${e.id}/rotate-secret`, {});
    assert.equal(rotated.statusCode, 200, rotated.body);
    assert.equal((await t.request('DELETE', `${PATH}/${e.id}`)).statusCode, 200);
    const list = await events(t, `object_id=${e.id}`);
    assert.deepEqual(list.map((x) => x.type), ['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.updated', 'webhook_endpoint.deleted']);
    assert.ok(list.every((x) => x.object_type === 'webhook_endpoint'));
    assert.deepEqual(list[1]!.changes, ['enabled']);
    assert.deepEqual(list[2]!.changes, ['secret']);
    assert.equal(list[2]!.after.version, list[2]!.before.version + 1);
    const dump = JSON.stringify(list);
    assert.ok(!dump.includes(e.secret) && !dump.includes(rotated.json().secret));
    assert.ok(!/whsec_/.test(dump));
  });

  test('Idempotency-Key on create: the replay is the first answer (same id and secret); one endpoint', async () => {
    const before = await count(t);
    const headers = { 'idempotency-key': 'create-endpoint-1' };
    const first = await t.request('POST', PATH, { url: 'https://hooks.example.com/once' }, { headers });
    const second = await t.request('POST', PATH, { url: 'https://hooks.example.com/once' }, { headers });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(second.json(), first.json());
    assert.equal(await count(t), before + 1);
  });
});

describe('/v1/webhook-endpoints validation: 422 naming the field, nothing written', () => {
  let t: TestApp;
  let other: { workspaceId: string; key: string };
  before(async () => {
    t = await createTestApp();
    other = await createOtherWorkspace(t, 'validation-other');
  });
  after(() => t.close());

  /** POST fails with this status naming exactly these fields, and no endpoint or event appears. */
  async function refused(body: Json, status: number, expected: string[]): Promise<Json> {
    const before = await count(t);
    const eventsBefore = (await events(t, 'object_type=webhook_endpoint')).length;
    const error = assertError(await t.request('POST', PATH, { url: 'https://hooks.example.com/v', ...body }), status, status === 422 ? 'validation_failed' : 'invalid_request');
    assert.deepEqual(fields(error), expected, JSON.stringify(error));
    assert.equal(await count(t), before);
    assert.equal((await events(t, 'object_type=webhook_endpoint')).length, eventsBefore);
    return error;
  }

  test('url: http or https only, absolute, at most 2048 characters', async () => {
    for (const url of ['ftp://files.example.com/x', 'ws://hooks.example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', '/relative/path', 'https://exa mple.com/', 'https://user:pass@hooks.example.com/']) {
      await refused({ url }, 422, ['url']);
    }
    await refused({ url: `https://hooks.example.com/${'a'.repeat(2030)}` }, 400, ['url']);
    await refused({ url: '' }, 400, ['url']);
    assert.equal((await t.request('POST', PATH, { url: `https://hooks.example.com/${'a'.repeat(2000)}` })).statusCode, 201);
  });

  test('headers: the signature headers, content-type, content-length and host cannot be set (any case)', async () => {
    for (const name of ['webhook-id', 'Webhook-Timestamp', 'WEBHOOK-SIGNATURE', 'Content-Type', 'content-length', 'Host', 'Transfer-Encoding']) {
      const error = await refused({ headers: { 'X-Fine': 'ok', [name]: 'x' } }, 422, [`headers.${name}`]);
      assert.match(error.details[0].message, new RegExp(name, 'i'));
    }
  });

  test('headers: CR/LF or other control characters in values, non-token names, duplicates by case, more than 32', async () => {
    await refused({ headers: { 'X-Evil': 'a\r\nSet-Cookie: x=1' } }, 422, ['headers.X-Evil']);
    await refused({ headers: { 'X-Evil': 'a\nb' } }, 422, ['headers.X-Evil']);
    await refused({ headers: { 'X-Bell': 'a\u0007b' } }, 422, ['headers.X-Bell']);
    await refused({ headers: { 'X-Nul': 'a\u0000b' } }, 400, ['headers.X-Nul']); // NUL is refused for every body, naming where
    await refused({ headers: { 'Bad Name': 'v' } }, 422, ['headers.Bad Name']);
    await refused({ headers: { ['X'.repeat(256)]: 'v' } }, 422, [`headers.${'X'.repeat(256)}`]);
    await refused({ headers: { 'X-Dup': 'a', 'x-dup': 'b' } }, 422, ['headers.x-dup']);
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`X-H${i}`, 'v']));
    await refused({ headers: many }, 400, ['headers']);
    const e = await createEndpoint(t, { headers: Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`X-H${i}`, 'v'])) });
    const error = assertError(await t.request('PATCH', `${PATH}/${e.id}`, { headers: { 'X-One-More': 'v' } }), 422, 'validation_failed');
    assert.deepEqual(fields(error), ['headers']);
  });

  test('event_types: unknown types and bad wildcards are 422 naming event_types[i]; known ones and wildcards pass', async () => {
    await refused({ event_types: ['phone_number.created', 'phone_number.exploded'] }, 422, ['event_types[1]']);
    await refused({ event_types: ['nope'] }, 422, ['event_types[0]']);
    for (const bad of ['phone_*', '*.updated', 'phone_number.**', 'unknown_thing.*', '**', 'phone_number.*.x', 'Phone_Number.created']) {
      await refused({ event_types: ['agent.created', bad] }, 422, ['event_types[1]']);
    }
    const ok = await createEndpoint(t, { event_types: ['*', 'phone_number.*', 'phone_call:*', 'phone_call:connection_requested', 'phone_call.ended', 'phone_call:started', 'webhook_endpoint.disabled', 'api_key.revoked'] });
    assert.equal(ok.event_types.length, 8);
    for (const { type } of EVENT_TYPES) assert.equal((await t.request('POST', PATH, { url: 'https://hooks.example.com/t', event_types: [type] })).statusCode, 201, type);
  });

  test('filter: a syntax error, an unknown function, a non-boolean result are 422 naming filter', async () => {
    for (const filter of ['direction ==', 'foo(', 'nosuchfunction(1)', '"a".nosuchmethod()', '1 + 2', '"text"', '1 + "a"', '']) {
      const error = await refused({ filter }, 422, ['filter']);
      assert.match(error.details[0].message, /CEL|boolean/);
    }
    for (const filter of ['true', 'direction == "inbound"', 'x', 'event.type == "phone_number.updated" && "friendly_name" in event.data.changes', 'size(to) > 3 || has(event.data.number)', 'number.startsWith("+1")']) {
      const res = await t.request('POST', PATH, { url: 'https://hooks.example.com/f', filter });
      assert.equal(res.statusCode, 201, `${filter}: ${res.body}`);
    }
    const e = await createEndpoint(t, { filter: 'true' });
    const error = assertError(await t.request('PATCH', `${PATH}/${e.id}`, { filter: 'bad(' }), 422, 'validation_failed');
    assert.deepEqual(fields(error), ['filter']);
    assert.equal((await t.request('GET', `${PATH}/${e.id}`)).json().filter, 'true');
  });

  test('phone_number_id: unknown, another workspace\'s, or released is 422 naming it', async () => {
    await refused({ phone_number_id: MISSING_ID }, 422, ['phone_number_id']);
    const theirs = await createNumber(t, other.key);
    await refused({ phone_number_id: theirs.id }, 422, ['phone_number_id']);
    const released = await createNumber(t);
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${released.id}`)).statusCode, 200);
    await refused({ phone_number_id: released.id }, 422, ['phone_number_id']);
    await refused({ phone_number_id: 'nope' }, 400, ['phone_number_id']);

    const mine = await createNumber(t);
    const e = await createEndpoint(t, { phone_number_id: mine.id.toUpperCase() });
    assert.equal(e.phone_number_id, mine.id, 'stored in canonical (lower) case');
    const error = assertError(await t.request('PATCH', `${PATH}/${e.id}`, { phone_number_id: theirs.id, description: 'x' }), 422, 'validation_failed');
    assert.deepEqual(fields(error), ['phone_number_id']);
    const after = (await t.request('GET', `${PATH}/${e.id}`)).json();
    assert.equal(after.version, 1);
    assert.equal(after.description, null);
  });

  test('schema errors are 400: unknown fields, wrong types, bad method', async () => {
    await refused({ secret: 'whsec_mine' }, 400, ['secret']);
    await refused({ method: 'DELETE' }, 400, ['method']);
    await refused({ enabled: 'yes' }, 400, ['enabled']);
    await refused({ event_types: 'phone_number.created' }, 400, ['event_types']);
    await refused({ description: 'd'.repeat(1025) }, 400, ['description']);
    const error = assertError(await t.request('POST', PATH, {}), 400, 'invalid_request');
    assert.deepEqual(fields(error), ['url']);
  });
});

describe('/v1/webhook-endpoints security', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('no key 401; a key without webhooks:* 403; webhooks:read reads but cannot write', async () => {
    const e = await createEndpoint(t);
    const routes: [InjectOptions['method'], string, unknown][] = [
      ['POST', PATH, { url: 'https://hooks.example.com/s' }],
      ['GET', PATH, undefined],
      ['GET', `${PATH}/${e.id}`, undefined],
      ['PATCH', `${PATH}/${e.id}`, { description: 'x' }],
      ['DELETE', `${PATH}/${e.id}`, undefined],
      ['POST', `${PATH}/${e.id}/rotate-secret`, {}],
    ];
    const none = await createKey(t, ['numbers:write', 'agents:write', 'events:read'], 'no webhooks');
    const reader = await createKey(t, ['webhooks:read'], 'webhooks reader');
    for (const [method, url, body] of routes) {
      assertError(await t.request(method, url, body, { key: null }), 401, 'unauthorized');
      const forbidden = assertError(await t.request(method, url, body, { key: none.key }), 403, 'forbidden');
      assert.match(forbidden.message, /webhooks:(read|write)/);
      const res = await t.request(method, url, body, { key: reader.key });
      if (method === 'GET') assert.equal(res.statusCode, 200, res.body);
      else assert.match(assertError(res, 403, 'forbidden').message, /webhooks:write/);
    }
    const after = (await t.request('GET', `${PATH}/${e.id}`)).json();
    assert.deepEqual(after, withoutSecret(e), 'refused requests changed nothing');
  });

  test("another workspace's endpoint is 404 for get, patch, delete and rotate, and is not listed", async () => {
    const e = await createEndpoint(t, { description: 'mine' });
    const other = await createOtherWorkspace(t, 'tenancy');
    const opts = { key: other.key };
    assertError(await t.request('GET', `${PATH}/${e.id}`, undefined, opts), 404, 'not_found');
    assertError(await t.request('PATCH', `${PATH}/${e.id}`, { description: 'stolen' }, opts), 404, 'not_found');
    assertError(await t.request('POST', `${PATH}/${e.id}/rotate-secret`, { overlap_seconds: 0 }, opts), 404, 'not_found');
    assertError(await t.request('DELETE', `${PATH}/${e.id}`, undefined, opts), 404, 'not_found');
    assert.deepEqual((await t.request('GET', PATH, undefined, opts)).json().data, []);
    assert.deepEqual((await t.request('GET', `${PATH}?phone_number_id=${MISSING_ID}`, undefined, opts)).json().data, []);
    assert.deepEqual((await t.request('GET', `${PATH}/${e.id}`)).json(), withoutSecret(e));
    const stored = await t.runtime.core.webhooks.getStored(t.first.workspace.id, e.id);
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(stored!), [e.secret], 'the secret was not rotated');
    assert.equal(await t.runtime.core.webhooks.getStored(other.workspaceId, e.id), undefined);
  });
});

describe('signing secrets', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const stored = async (id: string) => (await t.runtime.core.webhooks.getStored(t.first.workspace.id, id))!;

  test('the secret is shown once: no later answer, event or log line holds it', async () => {
    const seen: { what: string; res: LightMyRequestResponse }[] = [];
    const call = async (method: InjectOptions['method'], url: string, body?: unknown) => {
      const res = await t.request(method, url, body);
      seen.push({ what: `${method} ${url}`, res });
      return res;
    };
    const n = await createNumber(t);
    const created = await call('POST', PATH, { url: 'https://hooks.example.com/once', phone_number_id: n.id, event_types: ['phone_number.*'] });
    assert.equal(created.statusCode, 201);
    const secret = created.json().secret as string;
    const id = created.json().id as string;
    assert.match(secret, SECRET);

    await call('GET', `${PATH}/${id}`);
    await call('GET', PATH);
    await call('GET', `${PATH}?phone_number_id=${n.id}`);
    await call('PATCH', `${PATH}/${id}`, { description: 'changed' });
    const rotated = await call('POST', `${PATH}/${id}/rotate-secret`, { overlap_seconds: 3600 });
    assert.equal(rotated.statusCode, 200, rotated.body);
    const newSecret = rotated.json().secret as string;
    assert.match(newSecret, SECRET);
    assert.notEqual(newSecret, secret);
    assert.ok(!rotated.body.includes(secret), 'the rotation answer shows only the new secret');
    await call('GET', `${PATH}/${id}`);
    await call('PATCH', `${PATH}/${id}`, { enabled: false });
    await call('GET', `/phone_numbers/${encodeURIComponent(n.number)}`);
    const evList = await call('GET', `/v1/events?limit=200`);
    for (const ev of evList.json().data) await call('GET', `/v1/events/${ev.id}`);
    await call('DELETE', `${PATH}/${id}`);

    for (const { what, res } of seen.slice(1)) {
      const text = res.body + JSON.stringify(res.headers);
      assert.ok(!text.includes(secret), `${what} shows the first secret`);
      if (res !== rotated) assert.ok(!text.includes(newSecret), `${what} shows the rotated secret`);
    }
    const logs = t.logs.join('');
    assert.ok(t.logs.length > 0);
    assert.ok(!logs.includes(secret) && !logs.includes(newSecret), 'a log line holds a secret');
  });

  test('sealed at rest: the raw row holds neither secret in clear, and decrypts to them', async () => {
    const e = await createEndpoint(t);
    const rotated = (await t.request('POST', `${PATH}/${e.id}/rotate-secret`, {})).json();
    const row = await t.runtime.store.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    const dump = JSON.stringify(row);
    assert.ok(!dump.includes(e.secret) && !dump.includes(rotated.secret));
    assert.ok(!dump.includes(e.secret.slice(6, 30)), 'not even the base64 part');
    assert.match(row.secret_sealed!, /^v1\./);
    assert.match(row.previous_secret_sealed!, /^v1\./);
    const box = createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex'));
    assert.equal(box.decrypt(row.secret_sealed!), rotated.secret);
    assert.equal(box.decrypt(row.previous_secret_sealed!), e.secret);
    assert.ok(!('secret' in JSON.parse(row.doc)));
    assert.equal(row.enabled, 1);
    for (const table of ['audit_events', 'idempotency_keys', 'webhook_endpoints'] as const) {
      const all = JSON.stringify(await t.runtime.store.db.selectFrom(table).selectAll().execute());
      assert.ok(!all.includes(e.secret) && !all.includes(rotated.secret), `${table} holds a secret in clear`);
    }
    assert.equal((await t.request('PATCH', `${PATH}/${e.id}`, { enabled: false })).statusCode, 200);
    const disabled = await t.runtime.store.db.selectFrom('webhook_endpoints').select('enabled').where('id', '=', e.id).executeTakeFirstOrThrow();
    assert.equal(disabled.enabled, 0, 'the enabled column follows the object');
  });

  test('rotation: both secrets sign during the overlap, only the new one after it', async () => {
    const e = await createEndpoint(t);
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(await stored(e.id), new Date()), [e.secret]);

    const before = Date.now();
    const res = await t.request('POST', `${PATH}/${e.id}/rotate-secret`, { overlap_seconds: 600 });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"2"');
    const r = res.json();
    assert.equal(r.id, e.id);
    assert.equal(r.version, 2);
    const expires = Date.parse(r.previous_secret_expires_at);
    assert.ok(expires >= before + 600_000 && expires <= Date.now() + 600_000, r.previous_secret_expires_at);

    const s = await stored(e.id);
    const sign = (at: number) => t.runtime.core.webhooks.signingSecrets(s, new Date(at));
    assert.deepEqual(sign(expires - 600_000), [r.secret, e.secret], 'new first, then the old');
    assert.deepEqual(sign(expires - 1), [r.secret, e.secret]);
    assert.deepEqual(sign(expires), [r.secret], 'the old one stops at the expiry');
    assert.deepEqual(sign(expires + 86_400_000), [r.secret]);
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(s, new Date(expires - 1).toISOString()), [r.secret, e.secret], 'now as ISO text');

    // Rotating again inside the overlap: the first secret is dropped at once.
    const again = (await t.request('POST', `${PATH}/${e.id}/rotate-secret`, { overlap_seconds: 600 })).json();
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(await stored(e.id), new Date(Date.parse(again.previous_secret_expires_at) - 1)), [again.secret, r.secret]);

    // overlap 0: only the new one, at once.
    const now0 = await t.request('POST', `${PATH}/${e.id}/rotate-secret`, { overlap_seconds: 0 });
    assert.equal(now0.statusCode, 200, now0.body);
    assert.equal(now0.json().previous_secret_expires_at, null);
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(await stored(e.id), new Date()), [now0.json().secret]);
  });

  test('rotation: no body means the default overlap of a day; bad overlaps are 400; If-Match 412', async () => {
    const e = await createEndpoint(t);
    const before = Date.now();
    const res = await t.app.inject({ method: 'POST', url: `${PATH}/${e.id}/rotate-secret`, headers: { authorization: `Bearer ${t.key}` } });
    assert.equal(res.statusCode, 200, res.body);
    const expires = Date.parse(res.json().previous_secret_expires_at);
    assert.ok(expires >= before + 86_400_000 && expires <= Date.now() + 86_400_000);
    for (const body of [{ overlap_seconds: -1 }, { overlap_seconds: 604_801 }, { overlap_seconds: 1.5 }, { overlap: 5 }]) {
      assertError(await t.request('POST', `${PATH}/${e.id}/rotate-secret`, body), 400, 'invalid_request');
    }
    assert.equal((await t.request('POST', `${PATH}/${e.id}/rotate-secret`, { overlap_seconds: 604_800 })).statusCode, 200);
    assertError(await t.request('POST', `${PATH}/${e.id}/rotate-secret`, {}, { headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');
    assert.equal((await t.request('POST', `${PATH}/${e.id}/rotate-secret`, {}, { headers: { 'if-match': '"3"' } })).statusCode, 200);
    assertError(await t.request('POST', `${PATH}/${MISSING_ID}/rotate-secret`, {}), 404, 'not_found');
  });

  test('an endpoint saved before secrets existed signs with nothing until a rotation gives it one', async () => {
    const e = await createEndpoint(t);
    await t.runtime.store.db.updateTable('webhook_endpoints').set({ secret_sealed: null }).where('id', '=', e.id).execute();
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(await stored(e.id), new Date()), []);
    const r = (await t.request('POST', `${PATH}/${e.id}/rotate-secret`, { overlap_seconds: 3600 })).json();
    assert.equal(r.previous_secret_expires_at, null, 'there was no old secret to keep');
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(await stored(e.id), new Date()), [r.secret]);
  });
});

describe('endpoints created through VoiceOS are the same objects', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const voiceos = (number: string, webhooks: unknown) => t.request('PATCH', `/phone_numbers/${encodeURIComponent(number)}`, { webhooks });

  test('listed natively with their phone_number_id, each with its own secret, rotatable', async () => {
    const n = await createNumber(t);
    const res = await voiceos(n.number, [
      { events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/voiceos/1', method: 'GET', headers: { 'X-Trace': 'abc' }, filter: 'direction == "inbound"' },
      { events: ['phone_call:ended'], url: 'https://hooks.example.com/voiceos/2' },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!/whsec_/.test(res.body), 'VoiceOS shows no secret');
    const listed = (await t.request('GET', `${PATH}?phone_number_id=${n.id}`)).json().data;
    assert.equal(listed.length, 2);
    assert.deepEqual(listed.map((e: Json) => [e.url, e.method, e.phone_number_id, e.event_types, e.filter, e.enabled]), [
      ['https://hooks.example.com/voiceos/1', 'GET', n.id, ['phone_call:connection_requested'], 'direction == "inbound"', true],
      ['https://hooks.example.com/voiceos/2', 'POST', n.id, ['phone_call:ended'], null, true],
    ]);
    assert.ok((await listAll(t, PATH, 200)).items.some((e) => e.id === listed[0].id), 'in the unfiltered list too');
    const secrets = await Promise.all(listed.map(async (e: Json) => t.runtime.core.webhooks.signingSecrets((await t.runtime.core.webhooks.getStored(t.first.workspace.id, e.id))!, new Date())));
    assert.equal(secrets[0].length, 1);
    assert.match(secrets[0][0], SECRET);
    assert.notEqual(secrets[0][0], secrets[1][0]);

    // Its secret is seen only through rotate-secret; re-sending the same list keeps it (and the ids).
    const rotated = (await t.request('POST', `${PATH}/${listed[0].id}/rotate-secret`, { overlap_seconds: 0 })).json();
    assert.match(rotated.secret, SECRET);
    const same = await voiceos(n.number, [
      { events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/voiceos/1', method: 'GET', headers: { 'X-Trace': 'abc' }, filter: 'direction == "inbound"' },
      { events: ['phone_call:ended'], url: 'https://hooks.example.com/voiceos/2' },
    ]);
    assert.equal(same.statusCode, 200, same.body);
    const relisted = (await t.request('GET', `${PATH}?phone_number_id=${n.id}`)).json().data;
    assert.deepEqual(relisted.map((e: Json) => e.id), listed.map((e: Json) => e.id));
    const kept = (await t.runtime.core.webhooks.getStored(t.first.workspace.id, listed[0].id))!;
    assert.deepEqual(t.runtime.core.webhooks.signingSecrets(kept, new Date()), [rotated.secret]);

    // A changed list: the unchanged prefix stays, the rest is replaced.
    const changed = await voiceos(n.number, [
      { events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/voiceos/1', method: 'GET', headers: { 'X-Trace': 'abc' }, filter: 'direction == "inbound"' },
      { events: ['phone_call:started'], url: 'https://hooks.example.com/voiceos/3' },
    ]);
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().webhooks.map((w: Json) => w.url), ['https://hooks.example.com/voiceos/1', 'https://hooks.example.com/voiceos/3']);
    const after = (await t.request('GET', `${PATH}?phone_number_id=${n.id}`)).json().data;
    assert.equal(after[0].id, listed[0].id);
    assert.notEqual(after[1].id, listed[1].id);
    assertError(await t.request('GET', `${PATH}/${listed[1].id}`), 404, 'not_found');
    const deleted = await events(t, `object_id=${listed[1].id}`);
    assert.deepEqual(deleted.map((e) => e.type), ['webhook_endpoint.created', 'webhook_endpoint.deleted']);

    // A reordered list keeps the order given (so the later-created one is made again).
    const reordered = await voiceos(n.number, [{ events: ['phone_call:started'], url: 'https://hooks.example.com/voiceos/3' }, { events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/voiceos/1', method: 'GET', headers: { 'X-Trace': 'abc' }, filter: 'direction == "inbound"' }]);
    assert.deepEqual(reordered.json().webhooks.map((w: Json) => w.url), ['https://hooks.example.com/voiceos/3', 'https://hooks.example.com/voiceos/1']);
  });

  test('changed natively, seen through VoiceOS; the native-only fields survive a VoiceOS re-send', async () => {
    const n = await createNumber(t);
    const hook = { events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/v/1' };
    assert.equal((await voiceos(n.number, [hook])).statusCode, 200);
    const [e] = (await t.request('GET', `${PATH}?phone_number_id=${n.id}`)).json().data;
    const patched = await t.request('PATCH', `${PATH}/${e.id}`, { description: 'set natively', enabled: false, method: 'PUT' });
    assert.equal(patched.statusCode, 200, patched.body);
    const seen = (await t.request('GET', `/phone_numbers/${encodeURIComponent(n.number)}`)).json();
    assert.deepEqual(seen.webhooks.map((w: Json) => w.method), ['PUT']);
    assert.equal((await voiceos(n.number, [{ ...hook, method: 'PUT' }])).statusCode, 200);
    const after = (await t.request('GET', `${PATH}/${e.id}`)).json();
    assert.equal(after.description, 'set natively');
    assert.equal(after.enabled, false);
  });

  test('VoiceOS is held to the same rules: unknown event, bad filter, reserved header are 422 at their loc', async () => {
    const n = await createNumber(t);
    const cases: [Json, (string | number)[]][] = [
      [{ events: ['phone_call:exploded'], url: 'https://hooks.example.com/x' }, ['body', 'webhooks', 0, 'events', 0]],
      [{ events: ['phone_call:connection_requested'], url: 'https://hooks.example.com/x', filter: 'direction ==' }, ['body', 'webhooks', 0, 'filter']],
      [{ events: [], url: 'https://hooks.example.com/x', headers: { 'Webhook-Signature': 'v1,forged' } }, ['body', 'webhooks', 0, 'headers', 'Webhook-Signature']],
    ];
    for (const [hook, loc] of cases) {
      const res = await voiceos(n.number, [hook]);
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(res.json().detail[0].loc, loc, res.body);
    }
    assert.deepEqual((await t.request('GET', `${PATH}?phone_number_id=${n.id}`)).json().data, []);
  });

  test('releasing the number deletes its endpoints', async () => {
    const n = await createNumber(t);
    const e = await createEndpoint(t, { phone_number_id: n.id });
    assert.equal((await t.request('DELETE', `/v1/phone-numbers/${n.id}`)).statusCode, 200);
    assertError(await t.request('GET', `${PATH}/${e.id}`), 404, 'not_found');
    assert.deepEqual((await events(t, `object_id=${e.id}`)).map((x) => x.type), ['webhook_endpoint.created', 'webhook_endpoint.deleted']);
    assert.deepEqual(await t.runtime.core.webhooks.listForNumbers(ctxOf(t), [n.id]), []);
  });
});

describe('event types and filters (core)', () => {
  test('the catalogue: unique names, each with a description, each accepted', () => {
    const names = EVENT_TYPES.map((e) => e.type);
    assert.equal(new Set(names).size, names.length);
    for (const e of EVENT_TYPES) {
      assert.ok(e.description.length > 0, e.type);
      assert.equal(eventTypeProblem(e.type), null, e.type);
    }
    for (const required of ['phone_number.created', 'phone_number.updated', 'phone_number.released', 'agent.created', 'agent.updated', 'agent.deleted', 'workflow.created', 'workflow.updated', 'workflow.deleted', 'webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted', 'webhook_endpoint.disabled', 'api_key.created', 'api_key.revoked', 'phone_call:connection_requested', 'phone_call.started', 'phone_call.ended']) {
      assert.ok(names.includes(required), required);
    }
  });

  test('matching: empty and * select all; resource wildcards; "." and ":" are the same separator', () => {
    assert.ok(matchesEventType([], 'agent.created'));
    assert.ok(matchesEventType(['*'], 'phone_call:connection_requested'));
    assert.ok(matchesEventType(['phone_number.*'], 'phone_number.released'));
    assert.ok(!matchesEventType(['phone_number.*'], 'phone_call.started'));
    assert.ok(matchesEventType(['phone_call.*'], 'phone_call:connection_requested'));
    assert.ok(matchesEventType(['phone_call:*'], 'phone_call.ended'));
    assert.ok(matchesEventType(['phone_call:ended'], 'phone_call.ended'));
    assert.ok(matchesEventType(['agent.created', 'agent.deleted'], 'agent.deleted'));
    assert.ok(!matchesEventType(['agent.created'], 'agent.updated'));
  });

  test('filters: checked when saved, evaluated over payload fields and `event`; run-time failures are FilterEvaluationError', () => {
    assert.equal(filterProblem('direction == "inbound"'), null);
    assert.match(filterProblem('nosuch(1)')!, /CEL/);
    assert.match(filterProblem('x'.repeat(4097))!, /4096/);
    const event = { id: 'evt', type: 'phone_call:connection_requested', timestamp: '2025-01-01T00:00:00Z', data: { direction: 'inbound', to: '+14155550100' } };
    assert.equal(compileFilter('direction == "inbound"')(event), true);
    assert.equal(compileFilter('event.type == "phone_call:connection_requested" && to.startsWith("+1415")')(event), true);
    assert.equal(compileFilter('direction == "outbound"')(event), false);
    assert.throws(() => compileFilter('missing_field == 1')(event), FilterEvaluationError);
    assert.throws(() => compileFilter('to')(event), FilterEvaluationError, 'a non-boolean result');
  });
});
