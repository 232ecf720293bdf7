// Paths the app has, asked the wrong way, on every face (read from the OpenAPI document):
// - another method than the path takes: 405 with Allow listing the methods it does take, in the
//   face's error format ({"detail": "Method Not Allowed"} on the FastAPI faces, {"error":
//   "Method Not Allowed"} on SignalWire's), documented on every operation of the path;
// - a path parameter longer than the router takes (256 characters): 414, documented, in the
//   face's format, without the path (the client's input) echoed back.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './helpers/app.ts';
import { assertFaceError, Fixtures, label, type Method, type Operation, operations, SUITE_ENV } from './helpers/routes.ts';

const t = await createTestApp(SUITE_ENV);
const ops = operations(t.app);
const doc = t.app.swagger() as Record<string, any>;
const fx = new Fixtures(t);
const auth = { authorization: `Bearer ${t.key}` };
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const byPath = new Map<string, Operation[]>();
for (const op of ops) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);

const documented = (op: Operation, status: number) => !!doc.paths[op.path]?.[op.method.toLowerCase()]?.responses?.[status];

describe('the wrong method, or a path parameter past its limit', () => {
  after(() => t.close());

  for (const [path, served] of byPath) {
    const allowed = served.map((op) => op.method);
    const others = METHODS.filter((m) => !allowed.includes(m));
    test(`${served[0]!.face}: ${path}: ${others.join(', ')} → 405, Allow: ${allowed.join(', ')}`, async () => {
      const url = await fx.path(served[0]!);
      for (const method of others) {
        const res = await t.app.inject({ method, url, headers: { ...auth, 'content-type': 'application/json' }, payload: method === 'GET' ? undefined : '{}' });
        const body = assertFaceError(served[0]!.face, res, `${method} ${url}`, 405);
        const allow = String(res.headers.allow ?? '').split(/,\s*/).sort();
        const expected = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].sort();
        assert.deepEqual(allow, expected, `${method} ${url}: Allow`);
        if (served[0]!.face === 'vocode' || served[0]!.face === 'voiceos') assert.deepEqual(body, { detail: 'Method Not Allowed' });
        if (served[0]!.face === 'signalwire') assert.deepEqual(body, { error: 'Method Not Allowed' });
      }
      for (const op of served) if (!op.operationId.startsWith('vocodeBuy')) assert.ok(documented(op, 405), `${label(op)} documents 405`);
    });
  }

  test('405 needs no key: it is about the path, not the caller', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/v1/agents' });
    assertFaceError('v1', res, 'PUT /v1/agents without a key', 405);
  });

  const long = 'q'.repeat(300);
  for (const op of ops.filter((o) => o.params.length > 0)) {
    test(`${op.face}: ${label(op)}: a ${long.length}-character path parameter → 414, documented, not echoed`, async () => {
      for (const param of op.params) {
        const url = await fx.path(op, { [param.name]: long });
        const res = await t.app.inject({ method: op.method, url, headers: auth });
        assertFaceError(op.face, res, `${op.method} ${url.slice(0, 60)}…`, 414);
        assert.ok(!res.body.includes('q'.repeat(50)), `the path is echoed: ${res.body.slice(0, 200)}`);
      }
      assert.ok(documented(op, 414), `${label(op)} documents 414`);
    });
  }
});
