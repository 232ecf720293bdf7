// Authentication and authorization of every route of the vendor faces (Freya, VoiceOS, Vocode,
// SignalWire), as test/authorization.test.ts does for /v1: a table of (method, url, body, scope),
// and for each row the answers to no key, malformed headers, unknown and revoked keys, keys
// lacking the scope, another workspace's key, and HTTP Basic with a wrong project id — each in
// the face's own error format, and each leaving the database as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { WORKSPACE_SCOPES, type Scope } from '../src/core/api-keys/model.ts';
import { createKey, createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import { assertFaceError, basic, fingerprint, label, operations, SUITE_ENV, type FaceName, type Method } from './helpers/routes.ts';

type Json = Record<string, any>;

interface Made {
  url: string;
  body?: unknown;
  /** What the request would change, read with the admin key: a refused request must change nothing. */
  probe?: () => Promise<unknown>;
}

interface Row {
  face: Exclude<FaceName, 'v1'>;
  method: Method;
  /** As in the OpenAPI document. */
  path: string;
  scope: Scope;
  /** The status of success. */
  ok: number;
  /** Names one of the workspace's objects (or the workspace itself): another workspace's key gets 404. */
  owned?: boolean;
  make(fx: Fixtures): Promise<Made>;
}

interface Fixtures {
  number(): Promise<{ id: string; number: string }>;
  /** Status, version and name of a number, read natively. */
  read(ref: string): Promise<Json>;
  workspaceId: string;
  userId: string;
}

let seq = 0;
const nextNumber = () => `+1415557${String(1000 + seq++).padStart(4, '0')}`;
const q = (number: string) => `phone_number=${encodeURIComponent(number)}`;
const FREYA = '/api/v2/phone-numbers';
const SW = '/api/relay/rest/phone_numbers';

const ROWS: Row[] = [
  {
    face: 'freya', method: 'POST', path: FREYA, scope: 'numbers:write', ok: 201, owned: true,
    make: async (fx) => {
      const number = nextNumber();
      return { url: FREYA, body: { number, workspaceId: fx.workspaceId, userId: fx.userId }, probe: () => fx.read(encodeURIComponent(number)) };
    },
  },
  { face: 'freya', method: 'GET', path: FREYA, scope: 'numbers:read', ok: 200, owned: true, make: async (fx) => ({ url: `${FREYA}?workspaceId=${fx.workspaceId}` }) },
  {
    face: 'freya', method: 'PUT', path: FREYA, scope: 'numbers:write', ok: 200, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: FREYA, body: { workspaceId: fx.workspaceId, phoneNumbers: [{ id: n.id, friendlyName: 'bulk' }] }, probe: () => fx.read(n.id) };
    },
  },
  { face: 'freya', method: 'GET', path: `${FREYA}/{id}`, scope: 'numbers:read', ok: 200, owned: true, make: async (fx) => ({ url: `${FREYA}/${(await fx.number()).id}` }) },
  {
    face: 'freya', method: 'DELETE', path: `${FREYA}/{id}`, scope: 'numbers:write', ok: 200, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: `${FREYA}/${n.id}`, probe: () => fx.read(n.id) };
    },
  },
  { face: 'voiceos', method: 'GET', path: '/phone_numbers', scope: 'numbers:read', ok: 200, make: async () => ({ url: '/phone_numbers' }) },
  { face: 'voiceos', method: 'GET', path: '/phone_numbers/{phone_number}', scope: 'numbers:read', ok: 200, owned: true, make: async (fx) => ({ url: `/phone_numbers/${encodeURIComponent((await fx.number()).number)}` }) },
  {
    face: 'voiceos', method: 'PATCH', path: '/phone_numbers/{phone_number}', scope: 'numbers:write', ok: 200, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: `/phone_numbers/${encodeURIComponent(n.number)}`, body: { telephony: { provider: 'twilio' } }, probe: () => fx.read(n.id) };
    },
  },
  { face: 'vocode', method: 'GET', path: '/v1/numbers/list', scope: 'numbers:read', ok: 200, make: async () => ({ url: '/v1/numbers/list' }) },
  { face: 'vocode', method: 'GET', path: '/v1/numbers', scope: 'numbers:read', ok: 200, owned: true, make: async (fx) => ({ url: `/v1/numbers?${q((await fx.number()).number)}` }) },
  {
    face: 'vocode', method: 'POST', path: '/v1/numbers/update', scope: 'numbers:write', ok: 200, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: `/v1/numbers/update?${q(n.number)}`, body: { label: 'changed' }, probe: () => fx.read(n.id) };
    },
  },
  {
    face: 'vocode', method: 'POST', path: '/v1/numbers/cancel', scope: 'numbers:write', ok: 200, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: `/v1/numbers/cancel?${q(n.number)}`, probe: () => fx.read(n.id) };
    },
  },
  {
    face: 'vocode', method: 'POST', path: '/v1/numbers/link', scope: 'numbers:write', ok: 200,
    make: async (fx) => {
      const number = nextNumber();
      return { url: '/v1/numbers/link', body: { phone_number: number, telephony_account_connection: '6f1c2e0a-8d1b-4c55-9a0e-2b8f5d7c1e01' }, probe: () => fx.read(encodeURIComponent(number)) };
    },
  },
  // Switchboard does not buy numbers: success is the 400 that says so.
  { face: 'vocode', method: 'POST', path: '/v1/numbers/buy', scope: 'numbers:write', ok: 400, make: async () => ({ url: '/v1/numbers/buy', body: {} }) },
  { face: 'signalwire', method: 'GET', path: SW, scope: 'numbers:read', ok: 200, make: async () => ({ url: SW }) },
  { face: 'signalwire', method: 'GET', path: `${SW}/{id}`, scope: 'numbers:read', ok: 200, owned: true, make: async (fx) => ({ url: `${SW}/${(await fx.number()).id}` }) },
  {
    face: 'signalwire', method: 'PUT', path: `${SW}/{id}`, scope: 'numbers:write', ok: 200, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: `${SW}/${n.id}`, body: { name: 'renamed' }, probe: () => fx.read(n.id) };
    },
  },
  {
    face: 'signalwire', method: 'DELETE', path: `${SW}/{id}`, scope: 'numbers:write', ok: 204, owned: true,
    make: async (fx) => {
      const n = await fx.number();
      return { url: `${SW}/${n.id}`, probe: () => fx.read(n.id) };
    },
  },
];

/** What each face calls the statuses of a refusal: Freya's codes, SignalWire's reason phrases. */
const FREYA_CODE: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };
const REASON: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

describe('authorization of every vendor-face route', () => {
  let t: TestApp;
  let fx: Fixtures;
  const made = new Map<Row, Made>();
  const snapshots = new Map<Row, unknown>();
  let revoked: string;
  let other: { workspaceId: string; key: string };
  /** Per needed scope: a key with every other workspace scope (none implying it). */
  const allBut = new Map<Scope, string>();
  /** Per write scope: a key with only its read scope. */
  const readOnly = new Map<Scope, string>();
  let baseline: string;

  const send = (row: Row, m: Made, auth: string | null) =>
    t.app.inject({
      method: row.method,
      url: m.url,
      headers: auth === null ? {} : { authorization: auth },
      ...(m.body !== undefined ? { payload: m.body as never } : {}),
    });

  /** A refusal in the face's format with this status, and the database as it was. */
  async function refused(row: Row, res: LightMyRequestResponse, status: number, what: string): Promise<Json> {
    const where = `${label(row)} ${what}`;
    const body = assertFaceError(row.face, res, where, status);
    if (row.face === 'freya') assert.equal(body.error.code, FREYA_CODE[status], where);
    if (row.face === 'signalwire') assert.deepEqual(body, { error: REASON[status] }, where);
    if (status === 401 && (row.face === 'voiceos' || row.face === 'vocode')) assert.equal(res.headers['www-authenticate'], 'Bearer', where);
    if (status === 401 && row.face === 'signalwire') assert.equal(res.headers['www-authenticate'], 'Basic realm="SignalWire"', where);
    assert.equal(await fingerprint(t), baseline, `${where}: a refused request changed the database`);
    return body;
  }

  before(async () => {
    t = await createTestApp(SUITE_ENV);
    fx = {
      workspaceId: t.first.workspace.id,
      userId: t.first.user.id,
      number: async () => {
        const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), friendly_name: 'fixture' });
        assert.equal(res.statusCode, 201, res.body);
        return { id: res.json().id, number: res.json().number };
      },
      read: async (ref) => {
        const res = await t.request('GET', `/v1/phone-numbers/${ref}`);
        return res.statusCode === 200 ? { status: 200, version: res.json().version, name: res.json().friendly_name, telephony: res.json().telephony } : { status: res.statusCode };
      },
    };
    for (const row of ROWS) made.set(row, await row.make(fx));
    for (const row of ROWS) snapshots.set(row, await made.get(row)!.probe?.());
    const toRevoke = await createKey(t, ['admin'], 'to revoke');
    assert.equal((await t.request('DELETE', `/v1/api-keys/${toRevoke.id}`)).statusCode, 200);
    revoked = toRevoke.key;
    other = await createOtherWorkspace(t, 'faces-other');
    for (const row of ROWS) {
      if (!allBut.has(row.scope)) {
        const scopes = WORKSPACE_SCOPES.filter((s) => s !== row.scope && s !== row.scope.replace(':read', ':write'));
        allBut.set(row.scope, (await createKey(t, scopes, `all but ${row.scope}`)).key);
      }
      if (row.scope.endsWith(':write') && !readOnly.has(row.scope)) readOnly.set(row.scope, (await createKey(t, [row.scope.replace(':write', ':read') as Scope], 'read only')).key);
    }
    baseline = await fingerprint(t);
  });
  after(() => t.close());

  test('the table lists every route of every vendor face (hidden ones too)', () => {
    const routes = operations(t.app).filter((op) => op.face !== 'v1').map((op) => `${op.face} ${label(op)}`).sort();
    const table = ROWS.map((row) => `${row.face} ${label(row)}`).sort();
    assert.equal(new Set(table).size, table.length, 'a route is listed twice');
    assert.deepEqual(table, routes, 'add a row (method, url, body, scope) for each vendor route');
    for (const face of ['freya', 'voiceos', 'vocode', 'signalwire']) assert.ok(ROWS.some((r) => r.face === face), face);
  });

  test('no Authorization header: 401 on every route', async () => {
    for (const row of ROWS) await refused(row, await send(row, made.get(row)!, null), 401, 'without a key');
  });

  test('a malformed Authorization header: 401 on every route', async () => {
    const malformed = [
      'garbage',
      'Bearer',
      'Bearer   ',
      t.key, // no scheme
      `Token ${t.key}`,
      `Bearer ${t.key} extra`,
      'Basic',
      'Basic !!!',
      'Basic !!!not-base64!!!',
      `Basic ${Buffer.from(t.key).toString('base64')}`, // no "project:" part
      `Basic ${Buffer.from(`:${t.key}`).toString('base64')}`, // an empty project id
      `Basic ${Buffer.from(`${t.first.workspace.id}:`).toString('base64')}`, // an empty token
      `Digest username="${t.first.workspace.id}"`,
      `Bearer ${'x'.repeat(5000)}`,
    ];
    for (const row of ROWS) {
      for (const auth of malformed) await refused(row, await send(row, made.get(row)!, auth), 401, `with ${JSON.stringify(auth.slice(0, 24))}`);
    }
  });

  test('a key that is not one: 401 on every route', async () => {
    const fakes = [`Bearer sb_${'A'.repeat(40)}`, `Bearer ${t.key}x`, `Bearer ${t.key.slice(0, 12)}`, basic(t.first.workspace.id, `sb_${'B'.repeat(40)}`)];
    for (const row of ROWS) {
      for (const auth of fakes) await refused(row, await send(row, made.get(row)!, auth), 401, `with ${auth.slice(0, 20)}`);
    }
  });

  test('a revoked key: 401 on every route, as Bearer and as Basic', async () => {
    for (const row of ROWS) {
      await refused(row, await send(row, made.get(row)!, `Bearer ${revoked}`), 401, 'revoked (Bearer)');
      await refused(row, await send(row, made.get(row)!, basic(t.first.workspace.id, revoked)), 401, 'revoked (Basic)');
    }
  });

  test('HTTP Basic with a wrong project id: 401 on every route (Basic is accepted by every face)', async () => {
    const wrong = [other.workspaceId, '01890000-0000-7000-8000-000000000000', 'not-a-project', `${t.first.workspace.id}x`, ' '];
    for (const row of ROWS) {
      for (const id of wrong) await refused(row, await send(row, made.get(row)!, basic(id, t.key)), 401, `as project ${id}`);
      // and the other workspace's token under this project id
      await refused(row, await send(row, made.get(row)!, basic(t.first.workspace.id, other.key)), 401, 'with the other workspace\'s token');
    }
  });

  test('a key with every scope but the one needed: 403 on every route, naming the scope where the format can', async () => {
    for (const row of ROWS) {
      const body = await refused(row, await send(row, made.get(row)!, `Bearer ${allBut.get(row.scope)}`), 403, `without ${row.scope}`);
      const message = row.face === 'freya' ? body.error.message : row.face === 'signalwire' ? null : body.detail;
      if (message !== null) assert.match(message, new RegExp(row.scope), `${label(row)}: the message names ${row.scope}`);
    }
  });

  test('a read-only key on a write route: 403', async () => {
    for (const row of ROWS.filter((r) => r.scope.endsWith(':write'))) {
      await refused(row, await send(row, made.get(row)!, `Bearer ${readOnly.get(row.scope)}`), 403, 'read-only');
    }
  });

  test('Vocode: writing the inbound agent\'s fields also needs agents:write', async () => {
    const row = ROWS.find((r) => r.face === 'vocode' && r.path === '/v1/numbers/update')!;
    const { key } = await createKey(t, ['numbers:write'], 'numbers only');
    baseline = await fingerprint(t);
    const m = made.get(row)!;
    const body = await refused(row, await send(row, { ...m, body: { inbound_agent: { name: 'new agent' } } }, `Bearer ${key}`), 403, 'inline agent');
    assert.match(body.detail, /agents:write/);
  });

  test('another workspace\'s key naming this workspace\'s objects: 404 in the face\'s format, and nothing changes', async () => {
    for (const row of ROWS.filter((r) => r.owned)) {
      await refused(row, await send(row, made.get(row)!, `Bearer ${other.key}`), 404, 'with the other workspace\'s key');
      await refused(row, await send(row, made.get(row)!, basic(other.workspaceId, other.key)), 404, 'with the other workspace\'s Basic credentials');
    }
  });

  test('another workspace\'s lists show none of this workspace\'s numbers; linking a number held here is 409', async () => {
    const lists: [string, (body: Json) => unknown[]][] = [
      [FREYA, (b) => b.data.result.phoneNumbers],
      ['/phone_numbers?limit=200', (b) => b.data],
      ['/v1/numbers/list?size=100', (b) => b.items],
      [`${SW}?page_size=1000`, (b) => b.data],
    ];
    for (const [url, items] of lists) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${other.key}` } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(items(res.json()), [], url);
    }
    const mine = made.get(ROWS.find((r) => r.face === 'signalwire' && r.method === 'GET' && r.path.endsWith('{id}'))!)!.url.split('/').pop()!;
    const number = (await t.request('GET', `/v1/phone-numbers/${mine}`)).json().number;
    const link = await t.app.inject({
      method: 'POST', url: '/v1/numbers/link', headers: { authorization: `Bearer ${other.key}` },
      payload: { phone_number: number, telephony_account_connection: '6f1c2e0a-8d1b-4c55-9a0e-2b8f5d7c1e01' },
    });
    assertFaceError('vocode', link, 'link a number held by another workspace', 409);
    assert.equal(await fingerprint(t), baseline, 'the refused link changed the database');
  });

  test('refused requests changed nothing that the routes would have changed', async () => {
    for (const row of ROWS) assert.deepEqual(await made.get(row)!.probe?.(), snapshots.get(row), `${label(row)} changed something`);
  });

  test('a key with exactly the needed scope succeeds on every route (and the probes see it)', async () => {
    const keys = new Map<Scope, string>();
    for (const row of ROWS) {
      if (!keys.has(row.scope)) keys.set(row.scope, (await createKey(t, [row.scope], `only ${row.scope}`)).key);
      const m = await row.make(fx);
      const before = await m.probe?.();
      const res = await send(row, m, `Bearer ${keys.get(row.scope)}`);
      assert.equal(res.statusCode, row.ok, `${label(row)}: ${res.body}`);
      if (m.probe) assert.notDeepEqual(await m.probe(), before, `${label(row)}: its probe sees no change`);
    }
  });

  test('HTTP Basic "project id : key" works on every route, the project id in any case', async () => {
    for (const row of ROWS) {
      for (const id of [t.first.workspace.id, t.first.workspace.id.toUpperCase()]) {
        const res = await send(row, await row.make(fx), basic(id, t.key));
        assert.equal(res.statusCode, row.ok, `${label(row)} as ${id}: ${res.body}`);
      }
    }
  });
});
