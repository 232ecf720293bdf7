// Every DELETE of the native API answers the same way: 200 with the object as it was when it was
// deleted (a phone number as released, an API key as revoked), like Stripe. Vendor faces keep
// their vendor's answer (SignalWire 204, Freya's envelope); they are not checked here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';

describe('DELETE on every native resource', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });

  after(async () => {
    await t?.close();
  });

  /** Each native DELETE route: how to make one object for it, and what its answer must show. */
  const CASES: Record<string, { create: () => Promise<{ id: string; [k: string]: unknown }>; check?: (deleted: any, created: any) => void }> = {
    '/v1/phone-numbers/{ref}': {
      create: async () => (await t.request('POST', '/v1/phone-numbers', { number: '+14155554001', friendly_name: 'Gone' })).json(),
      check: (deleted, created) => {
        assert.equal(deleted.friendly_name, created.friendly_name);
        assert.equal(deleted.version, created.version + 1, 'the release is a change');
      },
    },
    '/v1/agents/{id}': {
      create: async () => (await t.request('POST', '/v1/agents', { name: 'Gone' })).json(),
      check: (deleted, created) => assert.deepEqual(deleted, created),
    },
    '/v1/workflows/{id}': {
      create: async () => (await t.request('POST', '/v1/workflows', { name: 'Gone' })).json(),
      check: (deleted, created) => assert.deepEqual(deleted, created),
    },
    '/v1/webhook-endpoints/{id}': {
      create: async () => (await t.request('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/gone' })).json(),
      check: (deleted, created) => {
        const { secret: _s, ...shown } = created;
        assert.deepEqual(deleted, shown);
        assert.equal(deleted.secret, undefined, 'never the secret');
      },
    },
    '/v1/api-keys/{id}': {
      create: async () => (await t.request('POST', '/v1/api-keys', { name: 'Gone', scopes: ['numbers:read'] })).json(),
      check: (deleted, created) => {
        assert.equal(deleted.name, created.name);
        assert.ok(deleted.revoked_at, 'as revoked');
        assert.equal(deleted.secret, undefined);
      },
    },
  };

  test('the OpenAPI document declares 200 with a body, and no 204, for each native DELETE; each is covered here', async () => {
    const doc = (await t.request('GET', '/openapi.json', undefined, { key: null })).json();
    const deletes = Object.entries(doc.paths as Record<string, any>).filter(([p, item]) => p.startsWith('/v1/') && item.delete).map(([p]) => p);
    assert.deepEqual(deletes.sort(), Object.keys(CASES).sort());
    for (const p of deletes) {
      const responses = doc.paths[p].delete.responses;
      assert.ok(responses['200']?.content?.['application/json']?.schema, `${p}: 200 with a body`);
      assert.equal(responses['204'], undefined, `${p}: no 204`);
      assert.match(doc.paths[p].delete.description ?? '', /200 with the object as it was/, `${p}: says so`);
    }
  });

  for (const [path, c] of Object.entries(CASES)) {
    test(`DELETE ${path}: 200 with the object as it was; then it is gone`, async () => {
      const created = await c.create();
      assert.ok(created.id, JSON.stringify(created));
      const url = path.replace(/\{[a-z]+\}/, created.id);
      const res = await t.request('DELETE', url);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /application\/json/);
      const deleted = res.json();
      assert.equal(deleted.id, created.id);
      c.check?.(deleted, created);
      const again = await t.request('GET', url);
      if (path === '/v1/api-keys/{id}') assert.ok(again.json().revoked_at, 'a revoked key stays listed, revoked');
      else assert.equal(again.statusCode, 404, again.body);
    });
  }
});
