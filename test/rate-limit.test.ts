// Rate limits (SWITCHBOARD_RATE_LIMIT per SWITCHBOARD_RATE_LIMIT_WINDOW): per API key across every
// face, per address for requests without a valid key, 429 + Retry-After in each face's format,
// health probes exempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { ConfigError, loadConfig } from '../src/config.ts';
import { issueKey } from '../src/core/api-keys/service.ts';
import { BLOCKED_LOOKUPS_PER_SECOND } from '../src/http/plugins/rate-limit.ts';
import { createKey, createTestApp, type TestApp } from './helpers/app.ts';

const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

/** One cheap authenticated read per face, each in that face's own auth. */
function faceReads(t: TestApp, key = t.key): Record<string, () => Promise<LightMyRequestResponse>> {
  return {
    v1: () => t.request('GET', '/v1/phone-numbers', undefined, { key }),
    freya: () => t.request('GET', '/api/v2/phone-numbers', undefined, { key }),
    voiceos: () => t.request('GET', '/phone_numbers', undefined, { key }),
    vocode: () => t.request('GET', '/v1/numbers/list', undefined, { key }),
    signalwire: () => t.request('GET', '/api/relay/rest/phone_numbers', undefined, { key: null, headers: { authorization: basic(t.first.workspace.id, key) } }),
  };
}

function assertRetryAfter(res: LightMyRequestResponse, max: number): number {
  const value = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(value) && value >= 1 && value <= max, `Retry-After ${res.headers['retry-after']}`);
  return value;
}

/** A 429 in the face's own error format. */
function assertLimited(face: string, res: LightMyRequestResponse, windowSeconds: number): void {
  assert.equal(res.statusCode, 429, `${face}: ${res.body}`);
  assertRetryAfter(res, windowSeconds);
  const body = res.json();
  switch (face) {
    case 'v1':
      assert.equal(body.error.code, 'rate_limited');
      assert.match(body.error.message, /too many requests/);
      assert.match(body.error.request_id, /^req_/);
      break;
    case 'freya':
      assert.equal(body.success, false);
      assert.equal(body.error.code, 'rate_limited');
      assert.match(body.error.message, /too many requests/);
      assert.deepEqual(body.error.details, []);
      break;
    case 'voiceos':
    case 'vocode':
      assert.deepEqual(Object.keys(body), ['detail']);
      assert.match(body.detail, /too many requests/);
      break;
    case 'signalwire':
      assert.deepEqual(body, { error: 'Too Many Requests' });
      break;
    default:
      assert.fail(face);
  }
}

test('configuration: generous by default, "off" or 0 disables, bad values are refused', () => {
  assert.deepEqual(loadConfig({}).rateLimit, { max: 6000, windowMs: 60_000 });
  assert.deepEqual(loadConfig({ SWITCHBOARD_RATE_LIMIT: '100', SWITCHBOARD_RATE_LIMIT_WINDOW: '10s' }).rateLimit, { max: 100, windowMs: 10_000 });
  assert.equal(loadConfig({ SWITCHBOARD_RATE_LIMIT: 'off' }).rateLimit, null);
  assert.equal(loadConfig({ SWITCHBOARD_RATE_LIMIT: 'OFF' }).rateLimit, null);
  assert.equal(loadConfig({ SWITCHBOARD_RATE_LIMIT: '0' }).rateLimit, null);
  assert.throws(() => loadConfig({ SWITCHBOARD_RATE_LIMIT: '-1' }), (e: Error) => e instanceof ConfigError && /SWITCHBOARD_RATE_LIMIT/.test(e.message));
  assert.throws(() => loadConfig({ SWITCHBOARD_RATE_LIMIT: 'lots' }), (e: Error) => e instanceof ConfigError && /SWITCHBOARD_RATE_LIMIT/.test(e.message));
  assert.throws(() => loadConfig({ SWITCHBOARD_RATE_LIMIT_WINDOW: '60' }), (e: Error) => e instanceof ConfigError && /SWITCHBOARD_RATE_LIMIT_WINDOW/.test(e.message));
  assert.throws(() => loadConfig({ SWITCHBOARD_RATE_LIMIT_WINDOW: '10ms' }), (e: Error) => e instanceof ConfigError && /SWITCHBOARD_RATE_LIMIT_WINDOW/.test(e.message));
});

test('one limit per API key, shared by every face; 429 + Retry-After in each face\'s format; probes exempt', async () => {
  const t = await createTestApp({ SWITCHBOARD_RATE_LIMIT: '6', SWITCHBOARD_RATE_LIMIT_WINDOW: '1m' });
  try {
    const other = await createKey(t, ['numbers:read']); // request 1 of the admin key
    const reads = faceReads(t);
    // Requests 2-6: one per face, all answered, with the limit's headers.
    for (const [face, read] of Object.entries(reads)) {
      const res = await read();
      assert.equal(res.statusCode, 200, `${face}: ${res.body}`);
      assert.equal(res.headers['x-ratelimit-limit'], '6');
    }
    // The admin key has used its 6: every face now answers 429, in its own format.
    for (const [face, read] of Object.entries(reads)) assertLimited(face, await read(), 60);
    // Unlike a key with no requests yet (same address).
    const fresh = await faceReads(t, other.key).v1();
    assert.equal(fresh.statusCode, 200, fresh.body);
    assert.equal(fresh.headers['x-ratelimit-remaining'], '5');
    // Probes never count and are never refused, with or without a key.
    for (let i = 0; i < 20; i++) {
      for (const url of ['/healthz', '/readyz']) {
        assert.equal((await t.request('GET', url)).statusCode, 200);
        assert.equal((await t.request('GET', url, undefined, { key: null })).statusCode, 200);
      }
    }
    // A write is refused before it is made.
    const write = await t.request('POST', '/v1/phone-numbers', { number: '+14155550199' });
    assertLimited('v1', write, 60);
    const list = await faceReads(t, other.key).v1();
    assert.deepEqual(list.json().data, []);
  } finally {
    await t.close();
  }
});

test('requests without a valid key are limited by address; past the limit they get 429, valid keys are still served', async () => {
  const t = await createTestApp({ SWITCHBOARD_RATE_LIMIT: '3', SWITCHBOARD_RATE_LIMIT_WINDOW: '1m' });
  try {
    // Unknown paths and other routes that need no key: by address.
    for (let i = 0; i < 3; i++) assert.equal((await t.request('GET', '/nope', undefined, { key: null })).statusCode, 404);
    assertLimited('v1', await t.request('GET', '/nope', undefined, { key: null }), 60);

    // Bad keys: 401 up to the limit, then 429 (counted apart from the unknown paths above).
    const bad = 'sb_' + 'x'.repeat(40);
    assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key: bad })).statusCode, 401);
    assert.equal((await t.request('GET', '/phone_numbers', undefined, { key: null })).statusCode, 401);
    assert.equal((await faceReads(t, bad).signalwire()).statusCode, 401);
    const limited = await t.request('GET', '/v1/phone-numbers', undefined, { key: bad });
    assertLimited('v1', limited, 60);
    assert.match(limited.json().error.message, /without a valid API key/);
    // Bad keys and no key keep getting 429, in every face's format ...
    for (const [face, read] of Object.entries(faceReads(t, bad))) assertLimited(face, await read(), 60);
    assertLimited('v1', await t.request('GET', '/v1/phone-numbers', undefined, { key: null }), 60);
    // ... while a valid key from the same address is served, counted against its own limit.
    const good = await t.request('GET', '/v1/phone-numbers');
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.headers['x-ratelimit-remaining'], '2');
    assert.equal((await faceReads(t).freya()).statusCode, 200);
    // Probes still answer.
    assert.equal((await t.request('GET', '/readyz', undefined, { key: null })).statusCode, 200);
    assert.equal((await t.request('GET', '/healthz', undefined, { key: bad })).statusCode, 200);
  } finally {
    await t.close();
  }
});

test('an address over its limit has only keys this server knows, and a few new ones a second, looked up: a flood of made-up keys costs no database work', async () => {
  // No key cache: every valid request reads its key, so what spares the database is the lockout's
  // memory of keys found valid, not the cache.
  const t = await createTestApp({ SWITCHBOARD_RATE_LIMIT: '4', SWITCHBOARD_RATE_LIMIT_WINDOW: '1m', SWITCHBOARD_API_KEY_CACHE_TTL: '0' });
  try {
    const repo = t.runtime.store.apiKeys;
    const findByPrefix = repo.findByPrefix.bind(repo);
    let lookups = 0;
    repo.findByPrefix = (prefix: string) => {
      lookups++;
      return findByPrefix(prefix);
    };
    const madeUp = () => `sb_${randomBytes(30).toString('base64url')}`;
    assert.equal((await t.request('GET', '/v1/phone-numbers')).statusCode, 200); // the admin key, now known here
    for (let i = 0; i < 4; i++) assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key: madeUp() })).statusCode, 401);
    assertLimited('v1', await t.request('GET', '/v1/phone-numbers', undefined, { key: madeUp() }), 60);
    // A key never seen here (a new tenant's) is looked up within the budget, and served.
    const fresh = await issueKey(t.runtime.store, { workspaceId: t.first.workspace.id, userId: null, name: 'new', scopes: ['numbers:read'] }, new Date().toISOString());
    const served = await t.request('GET', '/v1/phone-numbers', undefined, { key: fresh.secret });
    assert.equal(served.statusCode, 200, served.body);

    lookups = 0;
    const flood = await Promise.all(Array.from({ length: 200 }, () => t.request('GET', '/v1/phone-numbers', undefined, { key: madeUp() })));
    for (const res of flood) assertLimited('v1', res, 60);
    // At most the budget of the second (or two) the flood took; without the lockout, all 200.
    assert.ok(lookups <= 2 * BLOCKED_LOOKUPS_PER_SECOND, `${lookups} of 200 made-up keys were looked up`);
    // A key this server found valid before is looked up and served whatever the budget.
    lookups = 0;
    const known = await t.request('GET', '/v1/phone-numbers');
    assert.equal(known.statusCode, 200, known.body);
    assert.equal(lookups, 1);
  } finally {
    await t.close();
  }
});

test('the count starts again when the window ends', async () => {
  const t = await createTestApp({ SWITCHBOARD_RATE_LIMIT: '2', SWITCHBOARD_RATE_LIMIT_WINDOW: '1s' });
  try {
    const read = faceReads(t).vocode;
    assert.equal((await read()).statusCode, 200);
    assert.equal((await read()).statusCode, 200);
    const limited = await read();
    assertLimited('vocode', limited, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await read();
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.headers['x-ratelimit-remaining'], '1');
  } finally {
    await t.close();
  }
});

test('SWITCHBOARD_RATE_LIMIT=off: no limit, no rate-limit headers', async () => {
  const t = await createTestApp({ SWITCHBOARD_RATE_LIMIT: 'off', SWITCHBOARD_RATE_LIMIT_WINDOW: '1m' });
  try {
    for (let i = 0; i < 30; i++) {
      const res = await t.request('GET', '/v1/phone-numbers');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['x-ratelimit-limit'], undefined);
    }
    for (let i = 0; i < 30; i++) assert.equal((await t.request('GET', '/v1/phone-numbers', undefined, { key: 'sb_' + 'y'.repeat(40) })).statusCode, 401);
  } finally {
    await t.close();
  }
});
