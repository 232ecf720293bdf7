// The authorization matrix: every route of every face × every scope (each workspace scope alone,
// admin, operator), asserted against the one table of access (src/core/authorization/operations.ts).
// A key with exactly that scope sends a valid request: allowed routes succeed and show the parts of
// another kind only when the key has their scopes too; refused routes answer 403 in the face's
// format and change nothing. Requests that write such a part need its scopes as well.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import type { Context } from '../src/core/audit/record.ts';
import { can, operatorContext, systemContext } from '../src/core/authorization/authorize.ts';
import { accessOf, OPERATIONS, type OperationAccess } from '../src/core/authorization/operations.ts';
import { effectiveScopes, SCOPES, type Scope } from '../src/core/authorization/scopes.ts';
import { defaultConsoleDir } from '../src/http/console/paths.ts';
import { ForbiddenError } from '../src/core/errors.ts';
import { registerRouteAccess } from '../src/http/plugins/route-access.ts';
import { createKey, createTestApp, type TestApp } from './helpers/app.ts';
import { MatrixFixtures, PART_SHOWN, PART_WRITES, REQUESTS, type MatrixRequest } from './helpers/authorization-requests.ts';
import { assertFaceError, fingerprint, label, operations, SUITE_ENV, type Operation } from './helpers/routes.ts';

type Json = Record<string, any>;

// The console's asset route answers 200 only for a file of the build: any will do here.
const consoleAsset = () => /"(\/assets\/[^"]+)"/.exec(fs.readFileSync(path.join(defaultConsoleDir(), 'index.html'), 'utf8'))![1]!;
const PUBLIC_ROUTES: [string, string | (() => string)][] = [
  ['healthz', '/healthz'],
  ['readyz', '/readyz'],
  ['openapiDocument', '/openapi.json'],
  ['consoleIndex', '/'],
  ['consolePage', '/numbers'],
  ['consoleAsset', consoleAsset],
];

describe('authorization matrix: every route × every scope, as the table of access says', () => {
  let t: TestApp;
  let fx: MatrixFixtures;
  let ops: Operation[];
  const keys = new Map<string, string>();

  /** A key with exactly these scopes (made once per set). */
  async function keyFor(scopes: Scope[]): Promise<string> {
    const id = [...new Set(scopes)].sort().join(' ');
    if (!keys.has(id)) keys.set(id, (await createKey(t, id.split(' '), `matrix: ${id}`)).key);
    return keys.get(id)!;
  }

  const send = async (op: Operation, req: MatrixRequest, scopes: Scope[]) =>
    t.app.inject({ method: op.method, url: req.url, headers: { authorization: `Bearer ${await keyFor(scopes)}` }, ...(req.body !== undefined ? { payload: req.body as never } : {}) });

  const allows = (scopes: Scope[], needs: OperationAccess['needs']) => needs === 'authenticated' || (needs !== 'public' && effectiveScopes(scopes).has(needs));

  /** 403 in the face's format, naming the missing scope where the format has a message. */
  function assertRefused(op: Operation, res: LightMyRequestResponse, missing: string, what: string) {
    const body = assertFaceError(op.face, res, what, 403);
    const message = op.face === 'v1' ? body.error.message : op.face === 'freya' ? body.error.message : op.face === 'signalwire' ? null : body.detail;
    if (op.face === 'freya') assert.equal(body.error.code, 'forbidden', what);
    if (op.face === 'signalwire') assert.deepEqual(body, { error: 'Forbidden' }, what);
    if (message !== null) assert.ok(String(message).includes(missing), `${what}: the refusal names ${missing}: ${message}`);
  }

  /** Each part the table says the answer may hold is there exactly when the key has the part's scopes. */
  async function assertParts(op: Operation, scopes: Scope[], res: LightMyRequestResponse, what: string) {
    const effective = effectiveScopes(scopes);
    for (const part of accessOf(op.operationId)!.shows ?? []) {
      const expected = part.needs.every((s) => effective.has(s)) ? 'shown' : 'hidden';
      const seen = await PART_SHOWN[`${op.operationId} ${part.part}`]!(res.json(), fx);
      assert.equal(seen, expected, `${what}: ${part.what} should be ${expected}`);
    }
  }

  before(async () => {
    t = await createTestApp(SUITE_ENV);
    fx = new MatrixFixtures(t);
    await fx.routed(); // first, so that it is on the first page of every list
    ops = operations(t.app);
    for (const scope of SCOPES) await keyFor([scope]);
  });
  after(() => t.close());

  test('the table has a row for every route and only for routes that exist; this suite a request for each', async () => {
    const served = ops.map((op) => op.operationId);
    assert.deepEqual(Object.keys(OPERATIONS).sort(), [...served, ...PUBLIC_ROUTES.map(([id]) => id)].sort(), 'OPERATIONS and the routes the app serves differ');
    assert.deepEqual(Object.keys(REQUESTS).sort(), [...served].sort(), 'add a request for each route to test/helpers/authorization-requests.ts');
    const shows = ops.flatMap((op) => (accessOf(op.operationId)!.shows ?? []).map((p) => `${op.operationId} ${p.part}`));
    const writes = ops.flatMap((op) => (accessOf(op.operationId)!.writes ?? []).map((p) => `${op.operationId} ${p.part}`));
    assert.deepEqual(Object.keys(PART_SHOWN).sort(), shows.sort(), 'each part an answer may show has a check here (PART_SHOWN), and only those');
    assert.deepEqual(Object.keys(PART_WRITES).sort(), writes.sort(), 'each part a request may write has a request here (PART_WRITES), and only those');
    for (const op of ops) assert.notEqual(accessOf(op.operationId)!.needs, 'public', `${label(op)}: every face's route needs a key`);
    for (const [id, url] of PUBLIC_ROUTES) {
      assert.equal(accessOf(id)!.needs, 'public', id);
      const path = typeof url === 'string' ? url : url();
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 200, `${path} answers without a key`);
    }
  });

  test('every route with a key of each scope: allowed or refused as the table says; parts shown only with their scopes', async () => {
    for (const op of ops) {
      const { needs } = accessOf(op.operationId)!;
      for (const scope of SCOPES) {
        const what = `${op.operationId} (${label(op)}) with ${scope}`;
        const req = await REQUESTS[op.operationId]!(fx);
        const baseline = await fingerprint(t);
        const res = await send(op, req, [scope]);
        if (allows([scope], needs)) {
          assert.equal(res.statusCode, req.ok, `${what}: ${res.body.slice(0, 500)}`);
          await assertParts(op, [scope], res, what);
        } else {
          assertRefused(op, res, needs, what);
          assert.equal(await fingerprint(t), baseline, `${what}: a refused request changed the database`);
        }
      }
    }
  });

  test('a request that writes a part of another kind needs that part\'s scopes too: 403 without any one of them, nothing written', async () => {
    for (const op of ops) {
      const access = accessOf(op.operationId)!;
      for (const part of access.writes ?? []) {
        const route = access.needs as Scope;
        const make = PART_WRITES[`${op.operationId} ${part.part}`]!;
        for (const missing of part.needs) {
          const scopes = [route, ...part.needs.filter((s) => s !== missing)];
          const what = `${op.operationId}: ${part.what}, with ${scopes.join(' + ')}`;
          const req = await make(fx);
          const baseline = await fingerprint(t);
          assertRefused(op, await send(op, req, scopes), missing, what);
          assert.equal(await fingerprint(t), baseline, `${what}: a refused request changed the database`);
        }
        const scopes = [route, ...part.needs];
        const req = await make(fx);
        const baseline = await fingerprint(t);
        const res = await send(op, req, scopes);
        assert.equal(res.statusCode, req.ok, `${op.operationId}: ${part.what}, with ${scopes.join(' + ')}: ${res.body.slice(0, 500)}`);
        assert.notEqual(await fingerprint(t), baseline, `${op.operationId}: ${part.what}, with ${scopes.join(' + ')}: the write happened`);
      }
    }
  });

  test('Vocode GET /v1/numbers with numbers:read: the agent\'s id, not its name, prompt, voice or actions', async () => {
    const n = await fx.routed();
    const { agentId } = await fx.routedTargets();
    const url = `/v1/numbers?phone_number=${encodeURIComponent(n.number)}`;
    const get = async (scopes: Scope[]) => (await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await keyFor(scopes)}` } })).json().inbound_agent;
    const hidden = await get(['numbers:read']);
    assert.equal(hidden.id, agentId);
    assert.equal(hidden.name, '');
    assert.equal(hidden.prompt.content, '');
    assert.deepEqual(hidden.actions, []);
    assert.equal(hidden.voice.id, '00000000-0000-0000-0000-000000000000');
    assert.equal(hidden.webhook, undefined);
    assert.ok(!JSON.stringify(hidden).includes('matrix'), JSON.stringify(hidden));
    const shown = await get(['numbers:read', 'agents:read']);
    assert.equal(shown.prompt.content, 'the matrix agent\'s prompt');
    assert.equal(shown.webhook, undefined, 'the agent\'s webhook needs webhooks:read too');
    assert.ok((await get(['numbers:read', 'agents:read', 'webhooks:read'])).webhook);
  });

  test('VoiceOS GET /phone_numbers/{n} with numbers:read shows no subscriptions; a numbers:write key cannot create or delete them', async () => {
    const n = await fx.freshRouted();
    const url = `/phone_numbers/${encodeURIComponent(n.number)}`;
    const subscriptions = async () => (await t.request('GET', `/v1/webhook-endpoints?phone_number_id=${n.id}`)).json().data;
    const before = await subscriptions();
    assert.equal(before.length, 1);
    const read = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await keyFor(['numbers:read'])}` } });
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual(read.json().webhooks, []);
    assert.ok(!read.body.includes('127.0.0.1:9'), 'no subscription URL in the answer');
    const writer = { authorization: `Bearer ${await keyFor(['numbers:write'])}` };
    for (const webhooks of [[{ url: 'https://hooks.example.com/new' }], [], null]) {
      const res = await t.app.inject({ method: 'PATCH', url, headers: writer, payload: { webhooks } });
      assert.equal(res.statusCode, 403, res.body);
      assert.match(res.json().detail, /webhooks:write/);
    }
    assert.deepEqual(await subscriptions(), before, 'nothing was created or deleted');
  });

  test('the README\'s scope table has a row for every scope, each with a column per face', () => {
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Scopes'), readme.indexOf('\n### ', readme.indexOf('### Scopes') + 1));
    const rows = section.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split(' | '));
    for (const scope of SCOPES) assert.ok(rows.some((cells) => cells[0]!.includes(`\`${scope}\``)), `README: no row for ${scope}`);
    for (const cells of rows) assert.equal(cells.length, 6, `README: ${cells[0]} has a column for /v1 and each vendor face`);
  });

  test('the core fails closed: a context without scopes may do nothing; the operator and the system may do everything', async () => {
    const ws = t.first.workspace.id;
    const bare = { actor: { workspaceId: ws, userId: null, apiKeyId: null, type: 'api_key' } } as unknown as Context;
    await assert.rejects(t.runtime.core.phoneNumbers.list(bare, {}, null, 10), ForbiddenError);
    await assert.rejects(t.runtime.core.agents.get(bare, (await fx.routedTargets()).agentId), ForbiddenError);
    const readOnly: Context = { ...bare, scopes: effectiveScopes(['numbers:read']) };
    assert.equal((await t.runtime.core.phoneNumbers.getWithWebhooks(readOnly, (await fx.routed()).number)).webhooks, null);
    await assert.rejects(t.runtime.core.webhooks.listForNumbers(readOnly, [(await fx.routed()).id]), ForbiddenError);
    for (const ctx of [operatorContext(ws), systemContext(ws)]) {
      for (const scope of SCOPES) assert.ok(can(ctx, scope), `${ctx.actor.type} has ${scope}`);
    }
  });
});

describe('routes take their scope from the table of access', () => {
  const build = async (route: RouteOptions) => {
    const app = Fastify();
    registerRouteAccess(app);
    app.route(route);
    try {
      await app.ready();
    } finally {
      await app.close();
    }
  };
  const handler = async () => ({});

  test('a route without a row, or without an operationId, stops the app from starting', async () => {
    await assert.rejects(build({ method: 'GET', url: '/new', schema: { operationId: 'somethingNew' }, handler }), /no row in OPERATIONS/);
    await assert.rejects(build({ method: 'GET', url: '/anonymous', handler }), /no operationId/);
  });

  test('a route that sets its own scope stops the app from starting', async () => {
    await assert.rejects(build({ method: 'GET', url: '/v1/phone-numbers', schema: { operationId: 'listPhoneNumbers' }, config: { scope: 'numbers:read' }, handler }), /sets config\.scope/);
  });

  test('a route with a row gets its scope (a GET\'s HEAD too)', async () => {
    const app = Fastify();
    registerRouteAccess(app);
    const seen: Json = {};
    app.addHook('onRequest', async (request) => {
      seen[request.method] = request.routeOptions.config.scope;
    });
    app.get('/v1/agents', { schema: { operationId: 'listAgents' } }, handler);
    await app.inject({ method: 'GET', url: '/v1/agents' });
    await app.inject({ method: 'HEAD', url: '/v1/agents' });
    await app.close();
    assert.deepEqual(seen, { GET: 'agents:read', HEAD: 'agents:read' });
  });
});
