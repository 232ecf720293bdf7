// Idempotency-Key, on every route of every face that takes it (found in the OpenAPI document, so
// a new route is covered, or fails here for want of a recipe): a stored answer is replayed to the
// API key that made it only. Another key of the same workspace (even an admin one, even one
// missing the route's scope) sending the same Idempotency-Key runs its own request and never sees
// the first answer or its secrets. And the header's limits (1-255 visible ASCII characters) are
// the ones documented, enforced at both ends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { SCOPES } from '../src/core/api-keys/model.ts';
import { checkIdempotentRoute, IdempotencyKeyHeader } from '../src/http/plugins/idempotency.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { assertFaceError, DEAD_URL, Fixtures, fixtureNumber, label, operations, SUITE_ENV, type Operation } from './helpers/routes.ts';

type Json = Record<string, any>;

interface Call {
  /** The path with real parameters. */
  url: string;
  body: unknown;
  /** Another body for the same route (and the same path). */
  other: unknown;
}

/** A valid request for each route that takes the header, by "face: METHOD /path". */
const RECIPES: Record<string, (fx: Fixtures) => Promise<Call>> = {
  'v1: POST /v1/phone-numbers': async () => ({ url: '/v1/phone-numbers', body: { number: fixtureNumber() }, other: { number: fixtureNumber() } }),
  'v1: PATCH /v1/phone-numbers': async (fx) => {
    const { id } = await fx.number();
    return { url: '/v1/phone-numbers', body: { items: [{ id, friendly_name: 'bulk one' }] }, other: { items: [{ id, friendly_name: 'bulk two' }] } };
  },
  'v1: POST /v1/agents': async () => ({ url: '/v1/agents', body: { name: 'idem agent' }, other: { name: 'idem agent 2' } }),
  'v1: POST /v1/workflows': async () => ({ url: '/v1/workflows', body: { name: 'idem workflow' }, other: { name: 'idem workflow 2' } }),
  // What the issue shows: an admin creating an admin key.
  'v1: POST /v1/api-keys': async () => ({ url: '/v1/api-keys', body: { name: 'idem admin', scopes: ['admin'] }, other: { name: 'idem reader', scopes: ['numbers:read'] } }),
  'v1: POST /v1/workspaces': async () => ({ url: '/v1/workspaces', body: { name: 'idem workspace' }, other: { name: 'idem workspace 2' } }),
  'v1: POST /v1/webhook-endpoints': async () => ({
    url: '/v1/webhook-endpoints',
    body: { url: DEAD_URL, headers: { Authorization: 'Bearer idem-receiver-credential' } },
    other: { url: DEAD_URL, description: 'another' },
  }),
  'v1: POST /v1/webhook-endpoints/{id}/rotate-secret': async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/rotate-secret`, body: {}, other: { overlap_seconds: 0 } }),
  'v1: POST /v1/webhook-endpoints/{id}/replay': async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/replay`, body: { since: '2000-01-01T00:00:00Z' }, other: { since: '2001-01-01T00:00:00Z' } }),
};

/** Every string under a key of this name, anywhere in an answer. */
function valuesOf(name: string, value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => valuesOf(name, v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === name && typeof v === 'string') out.push(v);
      else valuesOf(name, v, out);
    }
  }
  return out;
}

/** The operations that document an Idempotency-Key header, with that header's schema. */
function idempotentOperations(t: TestApp): { op: Operation; schema: Json }[] {
  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Json>> };
  return operations(t.app).flatMap((op) => {
    const params: Json[] = doc.paths[op.path]?.[op.method.toLowerCase()]?.parameters ?? [];
    const header = params.find((p) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key');
    return header ? [{ op, schema: header.schema as Json }] : [];
  });
}

const name = (op: Operation) => `${op.face}: ${label(op)}`;

describe('Idempotency-Key answers belong to the API key that made them', () => {
  let t: TestApp;
  let fx: Fixtures;
  let ops: { op: Operation; schema: Json }[];
  /** Another key with every scope the bootstrapped one has (admin and operator). */
  let twin: string;
  /** One key per scope, and an admin of another workspace. */
  const others: { what: string; key: string }[] = [];
  let seq = 0;

  before(async () => {
    t = await createTestApp(SUITE_ENV);
    fx = new Fixtures(t);
    ops = idempotentOperations(t);
    twin = (await createKey(t, ['admin', 'operator'], 'twin')).key;
    for (const scope of SCOPES) others.push({ what: `a ${scope} key of the same workspace`, key: (await createKey(t, [scope], scope)).key });
    others.push({ what: 'an admin key of another workspace', key: (await createOtherWorkspace(t, 'idem-elsewhere')).key });
  });
  after(() => t.close());

  const send = (op: Operation, key: string, url: string, body: unknown, idempotencyKey: string) =>
    t.request(op.method, url, body, { key, headers: { 'idempotency-key': idempotencyKey } });

  test('the routes that take the header: each has a recipe here; only the native API takes it', () => {
    assert.ok(ops.length > 0, 'some route takes Idempotency-Key');
    assert.deepEqual(ops.map(({ op }) => name(op)).filter((n) => !RECIPES[n]), [], 'routes taking Idempotency-Key without a recipe in this file: add one');
    assert.deepEqual(Object.keys(RECIPES).filter((n) => !ops.some(({ op }) => name(op) === n)), [], 'recipes for routes that no longer take Idempotency-Key');
    // None of the vendors' specs has an Idempotency-Key: their faces do not take one.
    assert.deepEqual([...new Set(ops.map(({ op }) => op.face))], ['v1']);
  });

  test('the header documents its limits: 1-255 characters of visible ASCII (0x21-0x7e)', () => {
    for (const { op, schema } of ops) {
      assert.equal(schema.type, 'string', name(op));
      assert.equal(schema.minLength, 1, name(op));
      assert.equal(schema.maxLength, 255, name(op));
      assert.equal(schema.pattern, '^[!-~]+$', name(op));
      const pattern = new RegExp(schema.pattern, 'u');
      for (let c = 0; c < 0x100; c++) assert.equal(pattern.test(String.fromCharCode(c)), c >= 0x21 && c <= 0x7e, `${name(op)}: character 0x${c.toString(16)}`);
    }
  });

  test('per route: the key that made an answer gets it again; any other key runs its own request and sees none of it', async () => {
    for (const { op } of ops) {
      const where = name(op);
      const call = await RECIPES[where]!(fx);
      const idem = `shared-${seq++}`;
      const first = await send(op, t.key, call.url, call.body, idem);
      assert.ok(first.statusCode >= 200 && first.statusCode < 300, `${where}: ${first.statusCode} ${first.body}`);
      assert.equal(first.headers['idempotent-replayed'], undefined, where);
      const secrets = valuesOf('secret', first.json());
      const created = first.statusCode === 201 ? valuesOf('id', first.json()) : [];
      assert.ok(first.statusCode !== 201 || created.length > 0, where);
      const again = await send(op, t.key, call.url, call.body, idem);
      assert.equal(again.headers['idempotent-replayed'], 'true', `${where}: the same key replays`);
      assert.equal(again.statusCode, first.statusCode, where);
      assert.equal(again.body, first.body, where);

      const notReplayed = (res: LightMyRequestResponse, who: string) => {
        assert.equal(res.headers['idempotent-replayed'], undefined, `${where}, ${who}: got a replayed answer (${res.statusCode} ${res.body.slice(0, 200)})`);
        if (res.statusCode === 201) for (const id of valuesOf('id', res.json())) assert.ok(!created.includes(id), `${where}, ${who}: got the first answer's object`);
        for (const secret of secrets) assert.ok(!res.body.includes(secret), `${where}, ${who}: the answer holds the first answer's secret`);
      };

      // Every other key, whatever its scopes, sending the same request with the same key.
      for (const other of others) {
        const res = await send(op, other.key, call.url, call.body, idem);
        notReplayed(res, other.what);
        if (res.statusCode >= 400) assertFaceError(op.face, res, `${where}, ${other.what}`);
      }

      // The twin (same scopes) with another body: its own request, run and then replayed to it.
      const theirs = await send(op, twin, call.url, call.other, idem);
      notReplayed(theirs, 'an admin twin');
      assert.ok(theirs.statusCode >= 200 && theirs.statusCode < 300, `${where}, the twin runs its own request: ${theirs.statusCode} ${theirs.body}`);
      const theirsAgain = await send(op, twin, call.url, call.other, idem);
      assert.equal(theirsAgain.headers['idempotent-replayed'], 'true', `${where}: the twin's own answer is replayed to it`);
      assert.equal(theirsAgain.body, theirs.body, where);
      const twinReused = await send(op, twin, call.url, call.body, idem);
      assert.equal(assertFaceError(op.face, twinReused, where, 422).error.code, 'idempotency_key_reused', where);

      // The first key: still its own answer; another body is 422.
      const still = await send(op, t.key, call.url, call.body, idem);
      assert.equal(still.headers['idempotent-replayed'], 'true', where);
      assert.equal(still.body, first.body, `${where}: the first key's answer is unchanged`);
      const reused = await send(op, t.key, call.url, call.other, idem);
      assert.equal(assertFaceError(op.face, reused, where, 422).error.code, 'idempotency_key_reused', where);
    }
  });

  test('what the issue showed: a keys:write key replaying an admin\'s key creation gets no admin key', async () => {
    const keysWriter = (await createKey(t, ['keys:write'], 'keys writer')).key;
    const headers = { 'idempotency-key': 'issue-11-admin-key' };
    const made = await t.request('POST', '/v1/api-keys', { name: 'new admin', scopes: ['admin'] }, { headers });
    assert.equal(made.statusCode, 201, made.body);
    const replayed = await t.request('POST', '/v1/api-keys', { name: 'new admin', scopes: ['admin'] }, { key: keysWriter, headers });
    // Its own request: a keys:write key cannot grant admin.
    assert.equal(assertFaceError('v1', replayed, 'keys:write replay', 403).error.code, 'forbidden');
    assert.ok(!replayed.body.includes(made.json().secret));
    const admins = await t.runtime.store.db.selectFrom('api_keys').select('id').where('name', '=', 'new admin').execute();
    assert.equal(admins.length, 1, 'no second admin key either');
  });

  test('a key is per method and route pattern too: the same key elsewhere runs that request', async () => {
    const headers = { 'idempotency-key': 'per-route' };
    const endpoint = await t.request('POST', '/v1/webhook-endpoints', { url: DEAD_URL }, { headers });
    assert.equal(endpoint.statusCode, 201, endpoint.body);
    const rotated = await t.request('POST', `/v1/webhook-endpoints/${endpoint.json().id}/rotate-secret`, {}, { headers });
    assert.equal(rotated.statusCode, 200, rotated.body);
    assert.equal(rotated.headers['idempotent-replayed'], undefined);
    assert.notEqual(rotated.json().secret, endpoint.json().secret);
    // The same route pattern with another path parameter is the same route: a different request.
    const other = (await t.request('POST', '/v1/webhook-endpoints', { url: DEAD_URL })).json().id;
    const elsewhere = await t.request('POST', `/v1/webhook-endpoints/${other}/rotate-secret`, {}, { headers });
    assert.equal(assertFaceError('v1', elsewhere, 'rotate another endpoint with the same key', 422).error.code, 'idempotency_key_reused');
  });

  test('the server enforces exactly the documented limits, at both ends, on every route', async () => {
    for (const { op } of ops) {
      const where = name(op);
      for (const [what, bad] of [['empty', ''], ['256 characters', 'k'.repeat(256)], ['a space', 'has space'], ['a tab', 'tab\tkey'], ['non-ASCII', 'clé'], ['DEL', 'del\u007f']] as const) {
        const call = await RECIPES[where]!(fx);
        const res = await send(op, t.key, call.url, call.body, bad);
        const error = assertFaceError(op.face, res, `${where}: Idempotency-Key with ${what}`, 400).error;
        assert.equal(error.code, 'invalid_request', `${where}: ${what}`);
        assert.match(JSON.stringify(error.details ?? error.message), /idempotency-key/i, `${where}: ${what} names the header`);
      }
      for (const good of [`${seq++ % 10}`, `${seq++}`.padEnd(255, '~'), `!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~${seq++}`]) {
        const call = await RECIPES[where]!(fx);
        const res = await send(op, t.key, call.url, call.body, good);
        assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${where}: Idempotency-Key of ${good.length} characters: ${res.statusCode} ${res.body}`);
        const again = await send(op, t.key, call.url, call.body, good);
        assert.equal(again.headers['idempotent-replayed'], 'true', `${where}: ${good.length} characters`);
      }
    }
  });
});

test('a route cannot honour Idempotency-Key without declaring the header, nor declare it without honouring it', async () => {
  const app = Fastify();
  app.addHook('onRoute', checkIdempotentRoute);
  const header = { type: 'object', properties: { 'idempotency-key': IdempotencyKeyHeader } };
  app.post('/declared', { config: { idempotent: true }, schema: { headers: header } }, async () => ({}));
  app.post('/neither', async () => ({}));
  assert.throws(() => app.post('/undeclared', { config: { idempotent: true } }, async () => ({})), /idempotent/);
  assert.throws(() => app.post('/not-honoured', { schema: { headers: header } }, async () => ({})), /idempotent/);
  await app.close();
});
