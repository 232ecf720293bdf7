// Authentication and authorization of every /v1 route: a table of (method, url, body,
// required scope), and for each row the answers to no key, bad keys, revoked keys, keys
// lacking the scope, keys of another workspace, and HTTP Basic.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { WORKSPACE_SCOPES, type Scope } from '../src/core/api-keys/model.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { COMPAT_FACES } from '../src/http/compat/index.ts';

const COMPAT_TAGS = new Set(Object.values(COMPAT_FACES).map((face) => face.tag));

type Json = Record<string, any>;
type RouteScope = Scope | 'authenticated';

interface Made {
  url: string;
  body?: unknown;
  /** What the request would change, read with the admin key: refused requests must change nothing. */
  probe?: () => Promise<unknown>;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document. */
  path: string;
  scope: RouteScope;
  /** The status of success. */
  ok: number;
  /** The route addresses one object by id: another workspace's key must get 404. */
  byId?: boolean;
  make(fx: Fixtures): Promise<Made>;
}

interface Fixtures {
  agent(): Promise<string>;
  workflow(): Promise<string>;
  number(): Promise<{ id: string; number: string }>;
  apiKey(): Promise<string>;
  webhookEndpoint(): Promise<string>;
  /** A pending delivery (made by a replay: no worker runs here) and its endpoint. */
  delivery(): Promise<{ endpointId: string; id: string }>;
  event(): Promise<string>;
  /** Status and body of a GET with the admin key. */
  read(url: string): Promise<{ status: number; body: Json }>;
  /** How many items of a list (first 200) have this name. */
  named(list: string, name: string): Promise<number>;
}

let numberSeq = 0;
const nextNumber = () => `+1415555${String(3000 + numberSeq++).padStart(4, '0')}`;

function fixturesFor(t: TestApp): Fixtures {
  const created = async (url: string, body: unknown) => {
    const res = await t.request('POST', url, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  return {
    agent: async () => (await created('/v1/agents', { name: 'fixture agent' })).id,
    workflow: async () => (await created('/v1/workflows', { name: 'fixture workflow' })).id,
    number: async () => {
      const n = await created('/v1/phone-numbers', { number: nextNumber() });
      return { id: n.id, number: n.number };
    },
    apiKey: async () => (await created('/v1/api-keys', { name: 'fixture key', scopes: ['numbers:read'] })).id,
    webhookEndpoint: async () => (await created('/v1/webhook-endpoints', { url: 'https://hooks.example.com/fixture' })).id,
    delivery: async () => {
      const endpointId = (await created('/v1/webhook-endpoints', { url: 'https://hooks.example.com/fixture' })).id;
      const replay = await t.request('POST', `/v1/webhook-endpoints/${endpointId}/replay`, { since: '2000-01-01T00:00:00Z' });
      assert.equal(replay.statusCode, 202, replay.body);
      const res = await t.request('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=1`);
      assert.equal(res.statusCode, 200, res.body);
      await new Promise((resolve) => setTimeout(resolve, 5)); // a retry's updated_at must differ from the replay's
      return { endpointId, id: res.json().data[0].id };
    },
    event: async () => {
      const res = await t.request('GET', '/v1/events?limit=1');
      assert.equal(res.statusCode, 200, res.body);
      return res.json().data[0].id;
    },
    read: async (url) => {
      const res = await t.request('GET', url);
      return res.statusCode === 200 ? { status: 200, body: res.json() } : { status: res.statusCode, body: { code: res.json().error.code } };
    },
    named: async (list, name) => {
      const res = await t.request('GET', `${list}?limit=200`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().data.filter((x: Json) => x.name === name).length;
    },
  };
}

const ROUTES: Row[] = [
  {
    method: 'POST', path: '/v1/phone-numbers', scope: 'numbers:write', ok: 201,
    make: async (fx) => {
      const number = nextNumber();
      return { url: '/v1/phone-numbers', body: { number }, probe: () => fx.read(`/v1/phone-numbers/${encodeURIComponent(number)}`) };
    },
  },
  { method: 'GET', path: '/v1/phone-numbers', scope: 'numbers:read', ok: 200, make: async () => ({ url: '/v1/phone-numbers' }) },
  {
    method: 'PATCH', path: '/v1/phone-numbers', scope: 'numbers:write', ok: 200,
    make: async (fx) => {
      const n = await fx.number();
      return { url: '/v1/phone-numbers', body: { items: [{ id: n.id, friendly_name: 'bulk' }] }, probe: () => fx.read(`/v1/phone-numbers/${n.id}`) };
    },
  },
  { method: 'GET', path: '/v1/phone-numbers/{ref}', scope: 'numbers:read', ok: 200, byId: true, make: async (fx) => ({ url: `/v1/phone-numbers/${(await fx.number()).id}` }) },
  {
    method: 'PATCH', path: '/v1/phone-numbers/{ref}', scope: 'numbers:write', ok: 200, byId: true,
    make: async (fx) => {
      const url = `/v1/phone-numbers/${(await fx.number()).id}`;
      return { url, body: { friendly_name: 'changed' }, probe: () => fx.read(url) };
    },
  },
  {
    method: 'DELETE', path: '/v1/phone-numbers/{ref}', scope: 'numbers:write', ok: 200, byId: true,
    make: async (fx) => {
      const url = `/v1/phone-numbers/${(await fx.number()).id}`;
      return { url, probe: () => fx.read(url) };
    },
  },
  ...(['agents', 'workflows'] as const).flatMap((kind): Row[] => {
    const one = async (fx: Fixtures) => `/v1/${kind}/${kind === 'agents' ? await fx.agent() : await fx.workflow()}`;
    return [
      {
        method: 'POST', path: `/v1/${kind}`, scope: `${kind}:write`, ok: 201,
        make: async (fx) => {
          const name = `new ${nextNumber()}`;
          return { url: `/v1/${kind}`, body: { name }, probe: () => fx.named(`/v1/${kind}`, name) };
        },
      },
      { method: 'GET', path: `/v1/${kind}`, scope: `${kind}:read`, ok: 200, make: async () => ({ url: `/v1/${kind}` }) },
      { method: 'GET', path: `/v1/${kind}/{id}`, scope: `${kind}:read`, ok: 200, byId: true, make: async (fx) => ({ url: await one(fx) }) },
      {
        method: 'PATCH', path: `/v1/${kind}/{id}`, scope: `${kind}:write`, ok: 200, byId: true,
        make: async (fx) => {
          const url = await one(fx);
          return { url, body: { name: 'renamed' }, probe: () => fx.read(url) };
        },
      },
      {
        method: 'DELETE', path: `/v1/${kind}/{id}`, scope: `${kind}:write`, ok: 200, byId: true,
        make: async (fx) => {
          const url = await one(fx);
          return { url, probe: () => fx.read(url) };
        },
      },
    ];
  }),
  { method: 'GET', path: '/v1/me', scope: 'authenticated', ok: 200, make: async () => ({ url: '/v1/me' }) },
  {
    method: 'POST', path: '/v1/api-keys', scope: 'keys:write', ok: 201,
    make: async (fx) => {
      const name = `granted ${nextNumber()}`;
      return { url: '/v1/api-keys', body: { name, scopes: ['keys:read'] }, probe: () => fx.named('/v1/api-keys', name) };
    },
  },
  { method: 'GET', path: '/v1/api-keys', scope: 'keys:read', ok: 200, make: async () => ({ url: '/v1/api-keys' }) },
  { method: 'GET', path: '/v1/api-keys/{id}', scope: 'keys:read', ok: 200, byId: true, make: async (fx) => ({ url: `/v1/api-keys/${await fx.apiKey()}` }) },
  {
    method: 'DELETE', path: '/v1/api-keys/{id}', scope: 'keys:write', ok: 200, byId: true,
    make: async (fx) => {
      const url = `/v1/api-keys/${await fx.apiKey()}`;
      return { url, probe: () => fx.read(url) };
    },
  },
  {
    method: 'POST', path: '/v1/webhook-endpoints', scope: 'webhooks:write', ok: 201,
    make: async (fx) => {
      const description = `hook ${nextNumber()}`;
      const probe = async () => (await fx.read('/v1/webhook-endpoints?limit=200')).body.data.filter((e: Json) => e.description === description).length;
      return { url: '/v1/webhook-endpoints', body: { url: 'https://hooks.example.com/new', description }, probe };
    },
  },
  { method: 'GET', path: '/v1/webhook-endpoints', scope: 'webhooks:read', ok: 200, make: async () => ({ url: '/v1/webhook-endpoints' }) },
  { method: 'GET', path: '/v1/webhook-endpoints/{id}', scope: 'webhooks:read', ok: 200, byId: true, make: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}` }) },
  {
    method: 'PATCH', path: '/v1/webhook-endpoints/{id}', scope: 'webhooks:write', ok: 200, byId: true,
    make: async (fx) => {
      const url = `/v1/webhook-endpoints/${await fx.webhookEndpoint()}`;
      return { url, body: { description: 'changed' }, probe: () => fx.read(url) };
    },
  },
  {
    method: 'DELETE', path: '/v1/webhook-endpoints/{id}', scope: 'webhooks:write', ok: 200, byId: true,
    make: async (fx) => {
      const url = `/v1/webhook-endpoints/${await fx.webhookEndpoint()}`;
      return { url, probe: () => fx.read(url) };
    },
  },
  {
    method: 'POST', path: '/v1/webhook-endpoints/{id}/rotate-secret', scope: 'webhooks:write', ok: 200, byId: true,
    make: async (fx) => {
      const id = await fx.webhookEndpoint();
      return { url: `/v1/webhook-endpoints/${id}/rotate-secret`, body: { overlap_seconds: 60 }, probe: () => fx.read(`/v1/webhook-endpoints/${id}`) };
    },
  },
  { method: 'GET', path: '/v1/webhook-endpoints/{id}/deliveries', scope: 'webhooks:read', ok: 200, byId: true, make: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/deliveries` }) },
  {
    method: 'GET', path: '/v1/webhook-endpoints/{id}/deliveries/{delivery_id}', scope: 'webhooks:read', ok: 200, byId: true,
    make: async (fx) => {
      const d = await fx.delivery();
      return { url: `/v1/webhook-endpoints/${d.endpointId}/deliveries/${d.id}` };
    },
  },
  {
    method: 'POST', path: '/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/retry', scope: 'webhooks:write', ok: 202, byId: true,
    make: async (fx) => {
      const d = await fx.delivery();
      const url = `/v1/webhook-endpoints/${d.endpointId}/deliveries/${d.id}`;
      return { url: `${url}/retry`, probe: () => fx.read(url) };
    },
  },
  // No probe: a test sends (here to an address that does not resolve) and records nothing.
  { method: 'POST', path: '/v1/webhook-endpoints/{id}/test', scope: 'webhooks:write', ok: 200, byId: true, make: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/test` }) },
  {
    method: 'POST', path: '/v1/webhook-endpoints/{id}/replay', scope: 'webhooks:write', ok: 202, byId: true,
    make: async (fx) => {
      const id = await fx.webhookEndpoint();
      return { url: `/v1/webhook-endpoints/${id}/replay`, body: { since: '2000-01-01T00:00:00Z' }, probe: () => fx.read(`/v1/webhook-endpoints/${id}/deliveries?limit=200`) };
    },
  },
  { method: 'GET', path: '/v1/event-types', scope: 'webhooks:read', ok: 200, make: async () => ({ url: '/v1/event-types' }) },
  { method: 'GET', path: '/v1/events', scope: 'events:read', ok: 200, make: async () => ({ url: '/v1/events' }) },
  { method: 'GET', path: '/v1/events/{id}', scope: 'events:read', ok: 200, byId: true, make: async (fx) => ({ url: `/v1/events/${await fx.event()}` }) },
  {
    method: 'POST', path: '/v1/workspaces', scope: 'operator', ok: 201,
    make: async (fx) => {
      const name = `made ${nextNumber()}`;
      return { url: '/v1/workspaces', body: { name }, probe: () => fx.named('/v1/workspaces', name) };
    },
  },
  { method: 'GET', path: '/v1/workspaces', scope: 'operator', ok: 200, make: async () => ({ url: '/v1/workspaces' }) },
];

const label = (row: Row) => `${row.method} ${row.path}`;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A refusal in the v1 envelope, whose request_id is the x-request-id header. */
function assertRefused(res: LightMyRequestResponse, status: number, code: string, what: string): Json {
  assert.equal(res.statusCode, status, `${what}: ${res.body}`);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['error'], what);
  assert.equal(body.error.code, code, what);
  assert.equal(typeof body.error.message, 'string', what);
  assert.ok(body.error.message.length > 0, what);
  assert.match(body.error.request_id, /^req_[0-9a-f]{24}$/, what);
  assert.equal(res.headers['x-request-id'], body.error.request_id, what);
  return body.error;
}

describe('authorization of every /v1 route', () => {
  let t: TestApp;
  let fx: Fixtures;
  /** For each route, the request its refusals are tried with (made once). */
  const made = new Map<Row, Made>();
  const snapshots = new Map<Row, unknown>();
  let revokedKey: string;

  const send = (row: Row, m: Made, auth: string | null, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: row.method,
      url: m.url,
      headers: { ...(auth === null ? {} : { authorization: auth }), ...extra },
      ...(m.body !== undefined ? { payload: m.body as never } : {}),
    });

  const snapshot = async (m: Made) => (m.probe ? m.probe() : undefined);

  before(async () => {
    t = await createTestApp();
    fx = fixturesFor(t);
    for (const row of ROUTES) made.set(row, await row.make(fx));
    for (const row of ROUTES) snapshots.set(row, await snapshot(made.get(row)!));
    const revoked = await createKey(t, ['admin'], 'to revoke');
    const res = await t.request('DELETE', `/v1/api-keys/${revoked.id}`);
    assert.equal(res.statusCode, 200, res.body);
    revokedKey = revoked.key;
  });
  after(() => t.close());

  test('the table lists every /v1 operation of the OpenAPI document, and each needs a key', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Json>> };
    const documented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        // Vendor faces mounted under /v1 (Vocode's /v1/numbers/*) are not the native API: their own tests cover them.
        if ((op.tags as string[] | undefined)?.some((tag) => COMPAT_TAGS.has(tag))) continue;
        documented.push(`${method.toUpperCase()} ${path}`);
        assert.notDeepEqual(op.security, [], `${method.toUpperCase()} ${path} is documented as needing no key`);
      }
    }
    const table = ROUTES.map(label);
    assert.equal(new Set(table).size, table.length, 'a route is listed twice');
    assert.deepEqual(
      documented.filter((r) => !table.includes(r)),
      [],
      'routes missing from the authorization table: add a row (method, url, body, scope) for each',
    );
    assert.deepEqual(table.filter((r) => !documented.includes(r)), [], 'rows for routes that do not exist');
  });

  test('no Authorization header: 401 unauthorized on every route', async () => {
    for (const row of ROUTES) assertRefused(await send(row, made.get(row)!, null), 401, 'unauthorized', label(row));
  });

  test('a key that is not one: 401 on every route', async () => {
    const fakes = [
      'Bearer garbage',
      `Bearer sb_${'A'.repeat(40)}`, // well-formed, unknown
      `Bearer ${t.key}x`, // a real key, altered
      `Bearer ${t.key.slice(0, 12)}`, // the displayed prefix alone
    ];
    for (const row of ROUTES) {
      for (const auth of fakes) assertRefused(await send(row, made.get(row)!, auth), 401, 'unauthorized', `${label(row)} with ${auth.slice(0, 20)}`);
    }
  });

  test('a malformed Authorization header: 401 on every route', async () => {
    const malformed = [
      `Token ${t.key}`,
      'Bearer',
      'Bearer   ',
      t.key, // no scheme at all
      'Basic',
      'Basic !!!not-base64!!!',
      `Basic ${Buffer.from(t.key).toString('base64')}`, // no "workspace:" part
      `Basic ${Buffer.from(`:${t.key}`).toString('base64')}`, // empty workspace id
      `Digest username="${t.first.workspace.id}"`,
    ];
    for (const row of ROUTES) {
      for (const auth of malformed) assertRefused(await send(row, made.get(row)!, auth), 401, 'unauthorized', `${label(row)} with ${JSON.stringify(auth.slice(0, 24))}`);
    }
  });

  test('a revoked key: 401 on every route', async () => {
    for (const row of ROUTES) {
      assertRefused(await send(row, made.get(row)!, `Bearer ${revokedKey}`), 401, 'unauthorized', label(row));
      assertRefused(await send(row, made.get(row)!, basic(t.first.workspace.id, revokedKey)), 401, 'unauthorized', `${label(row)} (Basic)`);
    }
  });

  test('a key with every scope but the one needed: 403 forbidden on every scoped route', async () => {
    const keys = new Map<string, string>();
    for (const row of ROUTES) {
      if (row.scope === 'authenticated') continue;
      const needed = row.scope;
      // Everything that does not imply the needed scope: for a read scope, its write scope too.
      const scopes: Scope[] = needed === 'operator'
        ? ['admin']
        : WORKSPACE_SCOPES.filter((s) => s !== needed && s !== needed.replace(':read', ':write'));
      const id = scopes.join(',');
      if (!keys.has(id)) keys.set(id, (await createKey(t, scopes, `all but ${needed}`)).key);
      const error = assertRefused(await send(row, made.get(row)!, `Bearer ${keys.get(id)}`), 403, 'forbidden', label(row));
      assert.ok(error.message.includes(needed), `${label(row)}: the message names the missing scope: ${error.message}`);
    }
  });

  test('write routes refuse a read-only key with 403', async () => {
    const readOnly = new Map<string, string>();
    for (const row of ROUTES) {
      if (!row.scope.endsWith(':write')) continue;
      const read = row.scope.replace(':write', ':read');
      if (!readOnly.has(read)) readOnly.set(read, (await createKey(t, [read as Scope], read)).key);
      assertRefused(await send(row, made.get(row)!, `Bearer ${readOnly.get(read)}`), 403, 'forbidden', label(row));
    }
  });

  test('refused requests changed nothing', async () => {
    for (const row of ROUTES) {
      const m = made.get(row)!;
      assert.deepEqual(await snapshot(m), snapshots.get(row), `${label(row)} changed something`);
    }
  });

  test('a key with exactly the needed scope succeeds on every route', async () => {
    const keys = new Map<string, string>();
    for (const row of ROUTES) {
      const scope: Scope = row.scope === 'authenticated' ? 'webhooks:read' : row.scope;
      if (!keys.has(scope)) keys.set(scope, (await createKey(t, [scope], `only ${scope}`)).key);
      const m = await row.make(fx);
      const before = await snapshot(m);
      const res = await send(row, m, `Bearer ${keys.get(scope)}`);
      assert.equal(res.statusCode, row.ok, `${label(row)}: ${res.body}`);
      // the probes that guard the refusals do see a change that happens
      if (m.probe) assert.notDeepEqual(await snapshot(m), before, `${label(row)}: its probe sees no change`);
    }
  });

  test('the scheme is case-insensitive: "bearer" works too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `bearer ${t.key}` } });
    assert.equal(res.statusCode, 200, res.body);
  });

  test('HTTP Basic "workspace id : key" works on every route', async () => {
    for (const row of ROUTES) {
      const m = await row.make(fx);
      const res = await send(row, m, basic(t.first.workspace.id, t.key));
      assert.equal(res.statusCode, row.ok, `${label(row)}: ${res.body}`);
    }
    const upper = await t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: basic(t.first.workspace.id.toUpperCase(), t.key) } });
    assert.equal(upper.statusCode, 200, 'the workspace id is a UUID: any case');
  });

  test('HTTP Basic with a wrong workspace id: 401 on every route', async () => {
    const other = await createOtherWorkspace(t, 'basic-other');
    const wrongIds = [other.workspaceId, '01890000-0000-7000-8000-000000000000', 'not-a-workspace'];
    for (const row of ROUTES) {
      for (const id of wrongIds) assertRefused(await send(row, made.get(row)!, basic(id, t.key)), 401, 'unauthorized', `${label(row)} as ${id}`);
      // and another workspace's key presented under this workspace's id
      assertRefused(await send(row, made.get(row)!, basic(t.first.workspace.id, other.key)), 401, 'unauthorized', `${label(row)} with the other key`);
    }
  });

  test("another workspace's key addressing this workspace's objects by id: 404, and nothing changes", async () => {
    const other = await createOtherWorkspace(t, 'tenancy-other');
    for (const row of ROUTES.filter((r) => r.byId)) {
      const m = await row.make(fx);
      const before = await snapshot(m);
      assertRefused(await send(row, m, `Bearer ${other.key}`), 404, 'not_found', label(row));
      assert.deepEqual(await snapshot(m), before, `${label(row)} changed another workspace's object`);
    }
    // by number, too
    const n = await fx.number();
    assertRefused(await t.request('GET', `/v1/phone-numbers/${encodeURIComponent(n.number)}`, undefined, { key: other.key }), 404, 'not_found', 'GET by number');
    assertRefused(await t.request('PATCH', `/v1/phone-numbers/${encodeURIComponent(n.number)}`, { friendly_name: 'x' }, { key: other.key }), 404, 'not_found', 'PATCH by number');
    // bulk: the item is not found, nothing is written
    const bulk = await t.request('PATCH', '/v1/phone-numbers', { items: [{ id: n.id, friendly_name: 'stolen' }] }, { key: other.key });
    assert.equal(bulk.statusCode, 200, bulk.body);
    assert.deepEqual(bulk.json().updated, []);
    assert.equal(bulk.json().errors[0].code, 'not_found');
    assert.equal((await t.request('GET', `/v1/phone-numbers/${n.id}`)).json().friendly_name, null);
    // and lists show none of them
    for (const path of ['/v1/phone-numbers', '/v1/agents', '/v1/workflows']) {
      const res = await t.request('GET', `${path}?limit=200`, undefined, { key: other.key });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().data, [], path);
    }
    const keys = (await t.request('GET', '/v1/api-keys?limit=200', undefined, { key: other.key })).json().data;
    assert.ok(keys.every((k: Json) => k.workspace_id === other.workspaceId));
    const events = (await t.request('GET', '/v1/events?limit=200', undefined, { key: other.key })).json().data;
    assert.ok(events.length > 0);
    assert.ok(events.every((e: Json) => e.workspace_id === other.workspaceId));
  });

  test('a read-only numbers key can read numbers but not create, change, bulk-change or release them', async () => {
    const { key } = await createKey(t, ['numbers:read'], 'numbers read-only');
    const n = await fx.number();
    const opts = { key };
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, opts)).statusCode, 200);
    assert.equal((await t.request('GET', `/v1/phone-numbers/${n.id}`, undefined, opts)).statusCode, 200);
    assertRefused(await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, opts), 403, 'forbidden', 'POST');
    assertRefused(await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: 'x' }, opts), 403, 'forbidden', 'PATCH');
    assertRefused(await t.request('PATCH', '/v1/phone-numbers', { items: [{ id: n.id, friendly_name: 'x' }] }, opts), 403, 'forbidden', 'bulk PATCH');
    assertRefused(await t.request('DELETE', `/v1/phone-numbers/${n.id}`, undefined, opts), 403, 'forbidden', 'DELETE');
    const after = (await t.request('GET', `/v1/phone-numbers/${n.id}`)).json();
    assert.equal(after.friendly_name, null);
    assert.equal(after.version, 1);
    assertRefused(await t.request('GET', '/v1/agents', undefined, opts), 403, 'forbidden', 'agents');
  });

  test('write implies read; admin implies every workspace scope but not operator', async () => {
    const { key: agentsWrite } = await createKey(t, ['agents:write'], 'agents write');
    assert.equal((await t.request('GET', '/v1/agents', undefined, { key: agentsWrite })).statusCode, 200);
    assertRefused(await t.request('GET', '/v1/workflows', undefined, { key: agentsWrite }), 403, 'forbidden', 'workflows');
    const { key: admin } = await createKey(t, ['admin'], 'admin');
    for (const url of ['/v1/phone-numbers', '/v1/agents', '/v1/workflows', '/v1/api-keys', '/v1/events']) {
      assert.equal((await t.request('GET', url, undefined, { key: admin })).statusCode, 200, url);
    }
    assertRefused(await t.request('GET', '/v1/workspaces', undefined, { key: admin }), 403, 'forbidden', 'admin lists workspaces');
    assertRefused(await t.request('POST', '/v1/workspaces', { name: 'x' }, { key: admin }), 403, 'forbidden', 'admin creates a workspace');
  });

  test('x-request-id: a fresh id per request, equal to error.request_id, never the client\'s', async () => {
    const ids = new Set<string>();
    const answers = [
      await t.request('GET', '/v1/agents', undefined, { key: null, headers: { 'x-request-id': 'client-chosen' } }),
      await t.request('GET', '/v1/agents/01890000-0000-7000-8000-000000000000', undefined, { headers: { 'x-request-id': 'client-chosen' } }),
      await t.request('POST', '/v1/agents', { colour: 'red' }),
      await t.request('GET', '/v1/no-such-route'),
    ];
    const expected: [number, string][] = [[401, 'unauthorized'], [404, 'not_found'], [400, 'invalid_request'], [404, 'not_found']];
    answers.forEach((res, i) => {
      const error = assertRefused(res, expected[i]![0], expected[i]![1], `answer ${i}`);
      assert.notEqual(error.request_id, 'client-chosen');
      ids.add(error.request_id);
    });
    assert.equal(ids.size, answers.length);
    const ok = await t.request('GET', '/v1/me');
    assert.match(String(ok.headers['x-request-id']), /^req_/);
    assert.ok(!ids.has(String(ok.headers['x-request-id'])));
  });

  test('the key never appears in the logs', async () => {
    const { key } = await createKey(t, ['agents:read'], 'logged');
    await t.request('GET', '/v1/agents', undefined, { key });
    await t.request('GET', '/v1/workflows', undefined, { key });
    await t.request('GET', '/v1/me', undefined, { headers: { authorization: basic(t.first.workspace.id, key) } });
    assert.ok(t.logs.length > 0);
    assert.ok(!t.logs.some((line) => line.includes(key) || line.includes(key.slice(3))), 'a log line holds the key');
  });
});
