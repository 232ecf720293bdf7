// "Try it out" with the documented examples succeeds: every operation of the OpenAPI document,
// sent with its own examples (path, query, headers, body), answers 2xx. The examples name
// placeholder ids (EXAMPLE_IDS); the test puts real objects in their place, fresh for each
// operation, as a user would with their own ids.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './helpers/app.ts';
import { requestOf, sampleOf, withRealIds } from './helpers/examples.ts';
import { Fixtures, SUITE_ENV } from './helpers/routes.ts';
import { operationsOf } from '../src/http/openapi/walk.ts';

const t = await createTestApp(SUITE_ENV);
const doc = t.app.swagger() as Record<string, any>;
const fx = new Fixtures(t);

describe('every operation, sent with its documented examples, succeeds', () => {
  after(() => t.close());

  for (const { path, method, op } of operationsOf(doc)) {
    test(`${method.toUpperCase()} ${path} (${op.operationId})`, async () => {
      fx.invalidate(); // fresh objects: an example may release or delete what it names
      const request = requestOf(method, path, await withRealIds(t, fx, sampleOf(op)));
      const res = await t.app.inject({
        ...request,
        headers: { authorization: `Bearer ${t.key}`, ...(request.payload !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
      });
      assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${request.method} ${request.url} ${request.payload ?? ''} → ${res.statusCode} ${res.body.slice(0, 500)}`);
      assert.ok(op.responses[res.statusCode], `${res.statusCode} is documented`);
    });
  }
});
