// A key that authenticated is trusted for SWITCHBOARD_API_KEY_CACHE_TTL without being read again;
// a revocation through this process ends that at once, one made elsewhere within the TTL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createKey, createTestApp, type TestApp } from './helpers/app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Revokes a key in the database only, as another server or the CLI would. */
async function revokeElsewhere(t: TestApp, id: string): Promise<void> {
  assert.ok(await t.runtime.store.apiKeys.revoke(t.first.workspace.id, id, new Date().toISOString()));
}

describe('API key cache, with a 400 ms TTL', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ SWITCHBOARD_API_KEY_CACHE_TTL: '400ms' });
  });
  after(() => t.close());

  test('a key revoked by another process keeps working only until its entry ends', async () => {
    const { id, key } = await createKey(t, ['numbers:read']);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 200);
    await revokeElsewhere(t, id);
    // Served from the cache: the database says revoked, this process does not know yet.
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 200);
    await sleep(500);
    const res = await t.request('GET', '/v1/phone-numbers', undefined, { key });
    assert.equal(res.statusCode, 401, res.body);
    assert.match(res.json().error.message, /revoked/);
  });

  test('a key revoked through this process is refused at once', async () => {
    const { id, key } = await createKey(t, ['numbers:read']);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 200);
    assert.equal((await t.request('DELETE', `/v1/api-keys/${id}`)).statusCode, 200);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 401);
  });

  test('unknown and wrong keys are never cached as valid: a key with a known prefix but another secret is refused', async () => {
    const { key } = await createKey(t, ['numbers:read']);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 200);
    const forged = key.slice(0, 12) + 'x'.repeat(key.length - 12);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key: forged })).statusCode, 401);
  });
});

describe('API key cache off (SWITCHBOARD_API_KEY_CACHE_TTL=0)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ SWITCHBOARD_API_KEY_CACHE_TTL: '0' });
  });
  after(() => t.close());

  test('every request reads its key, so a revocation elsewhere is seen at once', async () => {
    const { id, key } = await createKey(t, ['numbers:read']);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 200);
    await revokeElsewhere(t, id);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key })).statusCode, 401);
  });
});
