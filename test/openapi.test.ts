// The OpenAPI document (named responses, native tags first, an example for every body and
// parameter), the docs page and / pointing at it, health and readiness, and unknown routes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { COMPAT_FACES } from '../src/http/compat/index.ts';
import { createAjv } from '../src/core/shared/check-schema.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

// Vendor faces mounted under /v1 (Vocode's /v1/numbers/*) answer in their vendor's format, not the native one.
const COMPAT_TAGS = new Set(Object.values(COMPAT_FACES).map((face) => face.tag));
const isNative = (o: { path: string; op: Operation }) => o.path.startsWith('/v1/') && !o.op.tags?.some((tag) => COMPAT_TAGS.has(tag));

function operations(doc: { paths: Record<string, Record<string, unknown>> }) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Operation })),
  );
}

/** A schema, or what its local $ref ("#/components/schemas/X") names. */
function resolve(doc: any, schema: any): any {
  if (!schema?.$ref) return schema;
  return schema.$ref.slice(2).split('/').reduce((node: any, part: string) => node?.[part], doc);
}

function assertEnvelope(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code?: string) {
  assert.equal(res.statusCode, status);
  const body = res.json();
  assert.equal(typeof body.error?.code, 'string');
  assert.equal(typeof body.error?.message, 'string');
  assert.equal(typeof body.error?.request_id, 'string');
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  if (code) assert.equal(body.error.code, code);
}

describe('OpenAPI, docs and health', () => {
  let t: TestApp;
  let doc: any;

  before(async () => {
    t = await createTestApp();
    const res = await t.request('GET', '/openapi.json', undefined, { key: null });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    doc = res.json();
  });

  after(async () => {
    await t?.close();
  });

  test('GET /openapi.json needs no key and is a valid OpenAPI 3.1 document', async () => {
    assert.equal(typeof doc.openapi, 'string');
    assert.ok(doc.openapi.startsWith('3.1'), doc.openapi);
    await SwaggerParser.validate(structuredClone(doc));
    assert.ok(doc.components?.securitySchemes?.bearer, 'bearer scheme');
    assert.ok(doc.components?.securitySchemes?.basic, 'basic scheme');
  });

  test('every operation has a unique operationId and a 2xx response with a schema', () => {
    const ops = operations(doc);
    assert.ok(ops.length >= 20, `only ${ops.length} operations`);
    const ids = new Map<string, string>();
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.equal(typeof op.operationId, 'string', `${where} has no operationId`);
      assert.ok(op.operationId!.length > 0, `${where} has an empty operationId`);
      assert.ok(!ids.has(op.operationId!), `${where} reuses the operationId ${op.operationId} of ${ids.get(op.operationId!)}`);
      ids.set(op.operationId!, where);
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      assert.ok(success.length > 0, `${where} declares no 2xx response`);
      for (const [status, response] of success) {
        // 204 has no body; every other success answer says what its body is.
        if (status === '204') {
          assert.equal(response.content, undefined, `${where} 204 declares a body`);
          continue;
        }
        assert.ok(response.content?.['application/json']?.schema, `${where} ${status} has no JSON schema`);
      }
    }
    assert.ok(ids.has('createPhoneNumber') && ids.has('bulkUpdatePhoneNumbers') && ids.has('healthz'));
  });

  test('every /v1 operation needs a key and declares its 400 and 401 error answers', () => {
    const v1 = operations(doc).filter(isNative);
    assert.ok(v1.length >= 15);
    for (const { path, method, op } of v1) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const status of ['400', '401']) {
        const response = op.responses?.[status];
        assert.ok(response, `${where} does not declare ${status}`);
        const schema = resolve(doc, response.content?.['application/json']?.schema) as { properties?: Record<string, unknown> } | undefined;
        assert.ok(schema?.properties?.error, `${where} ${status} is not the error envelope`);
      }
      assert.ok(op.security === undefined || op.security.length > 0, `${where} says it needs no key`);
    }
    for (const path of ['/healthz', '/readyz']) assert.deepEqual(doc.paths[path].get.security, [], `${path} needs no key`);
  });

  test('every documented /v1 operation exists and answers 401 without a key', async () => {
    for (const { path, method } of operations(doc).filter(isNative)) {
      const url = path.replace('{ref}', encodeURIComponent('+14155550100')).replace('{id}', '01900000-0000-7000-8000-000000000000');
      const body = ['post', 'put', 'patch'].includes(method) ? {} : undefined;
      const res = await t.request(method.toUpperCase() as 'GET', url, body, { key: null });
      assertEnvelope(res, 401, 'unauthorized');
    }
  });

  test('GET /docs answers with the HTML docs page', async () => {
    let res = await t.request('GET', '/docs', undefined, { key: null });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      const location = String(res.headers.location);
      assert.ok(location, 'a redirect names where to');
      res = await t.request('GET', new URL(location, 'http://localhost/docs').pathname, undefined, { key: null });
    }
    assert.equal(res.statusCode, 200, res.body.slice(0, 200));
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html/i);
  });

  test('GET /healthz and /readyz need no key', async () => {
    const health = await t.request('GET', '/healthz', undefined, { key: null });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await t.request('GET', '/readyz', undefined, { key: null });
    assert.equal(ready.statusCode, 200, ready.body);
    assert.equal(ready.json().status, 'ready');
  });

  test('GET / is the console, which links the docs', async () => {
    const res = await t.request('GET', '/', undefined, { key: null });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /text\/html/);
  });

  test('the native API\'s tags come first, each with a description, then the vendor faces\'', () => {
    const names: string[] = doc.tags.map((tag: { name: string }) => tag.name);
    const vendor = Object.values(COMPAT_FACES).map((face) => face.tag);
    const used = new Set(operations(doc).flatMap(({ op }) => op.tags ?? []));
    assert.deepEqual([...used].filter((tag) => !names.includes(tag)), [], 'every tag an operation uses is declared');
    const native = [...new Set(operations(doc).filter(({ op }) => !op.tags?.some((tag) => COMPAT_TAGS.has(tag))).flatMap(({ op }) => op.tags ?? []))];
    assert.deepEqual(names.slice(0, names.length - vendor.length).sort(), native.sort(), 'the native tags, and only they, come before the vendors\'');
    assert.deepEqual(names.slice(-vendor.length), vendor);
    assert.equal(names[0], 'Phone numbers');
    for (const tag of doc.tags) assert.ok(typeof tag.description === 'string' && tag.description.length > 10, `tag ${tag.name} has a description`);
  });

  test('every response has a description, and every error response a named schema of its face', () => {
    const namesByFace = new Map<string, Set<string>>();
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const face = op.tags?.find((tag) => COMPAT_TAGS.has(tag)) ?? 'native';
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        assert.ok(response.description && response.description !== 'Default Response', `${where} ${status} has no description`);
        if (Number(status) < 400) continue;
        const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined;
        assert.match(String(schema?.$ref), /^#\/components\/schemas\/\w+$/, `${where} ${status} refers to a named schema`);
        assert.ok(resolve(doc, schema), `${where} ${status}: ${schema!.$ref} exists`);
        const names = namesByFace.get(face) ?? new Set<string>();
        namesByFace.set(face, names.add(schema!.$ref!));
      }
    }
    // Each face names its own error shapes: none is shared with another face.
    const all = [...namesByFace.values()].flatMap((names) => [...names]);
    assert.equal(new Set(all).size, all.length, JSON.stringify([...namesByFace].map(([face, names]) => [face, [...names]])));
    assert.equal(namesByFace.size, 1 + COMPAT_TAGS.size);
  });

  test('every request body and every parameter has an example that its schema takes', () => {
    const ajv = createAjv('array');
    for (const { path, method, op } of operations(doc) as { path: string; method: string; op: any }[]) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const param of op.parameters ?? []) {
        assert.ok('example' in param || 'examples' in param, `${where}: parameter ${param.name} has no example`);
        const value = typeof param.example === 'string' ? param.example : JSON.stringify(param.example);
        const validate = ajv.compile({ type: 'object', properties: { [param.name]: param.schema } });
        // Parameters travel as text: the example must be what the schema takes once coerced.
        assert.ok(validate({ [param.name]: param.schema.type === 'string' ? value : param.example }), `${where}: ${param.name} example ${value}: ${ajv.errorsText(validate.errors)}`);
      }
      for (const [type, media] of Object.entries<any>(op.requestBody?.content ?? {})) {
        assert.ok('example' in media || 'examples' in media, `${where}: the ${type} body has no example`);
        const validate = ajv.compile(resolve(doc, media.schema));
        assert.ok(validate(structuredClone(media.example)), `${where}: the body example: ${ajv.errorsText(validate.errors)}`);
      }
    }
  });

  test('another method on a known path is 405 with Allow, in the v1 error envelope', async () => {
    for (const [method, url, allow] of [['PUT', '/v1/phone-numbers', 'GET, HEAD, POST, PATCH'], ['DELETE', '/v1/phone-numbers', 'GET, HEAD, POST, PATCH'], ['POST', '/v1/me', 'GET, HEAD']] as const) {
      const res = await t.request(method, url);
      assertEnvelope(res, 405, 'method_not_allowed');
      assert.equal(res.headers.allow, allow, `${method} ${url}`);
    }
  });

  test('unknown routes are 404 in the v1 error envelope', async () => {
    for (const [method, url, key] of [
      ['GET', '/nope', null],
      ['GET', '/v1/nope', null],
      ['GET', '/v1/nope', undefined],
      ['POST', '/v2/phone-numbers', undefined],
      ['GET', '/v1/phone-numbers/%2B14155550100/extra', undefined],
    ] as const) {
      const res = await t.request(method, url, undefined, { key });
      assertEnvelope(res, 404, 'not_found');
      assert.match(res.json().error.message, /no route/);
    }
  });
});

test('GET /readyz is 503 not_ready once the database is gone, /healthz stays 200', async () => {
  const t = await createTestApp();
  try {
    assert.equal((await t.request('GET', '/readyz', undefined, { key: null })).statusCode, 200);
    await t.runtime.store.close();
    const ready = await t.request('GET', '/readyz', undefined, { key: null });
    assert.equal(ready.statusCode, 503, ready.body);
    assert.equal(ready.json().status, 'not_ready');
    const health = await t.request('GET', '/healthz', undefined, { key: null });
    assert.equal(health.statusCode, 200);
  } finally {
    await t.close();
  }
});
