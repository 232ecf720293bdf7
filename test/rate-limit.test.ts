// Rate limits (SWITCHBOARD_RATE_LIMIT per SWITCHBOARD_RATE_LIMIT_WINDOW): per API key across every
// face, per address for requests without a valid key, 429 + Retry-After in each face's format,
// health probes exempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { ConfigError, loadConfig } from '../src/config.ts';
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

test('requests without a valid key are limited by address, then refused before any key is looked up', async () => {
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
    assertLimited('v1', await t.request('GET', '/v1/phone-numbers', undefined, { key: bad }), 60);
    // The address is now refused before its key is looked up, in every face's format, whatever key
    // it sends (a flood of bad keys costs no database work) ...
    for (const [face, read] of Object.entries(faceReads(t, bad))) assertLimited(face, await read(), 60);
    const good = await t.request('GET', '/v1/phone-numbers');
    assertLimited('v1', good, 60);
    assert.match(good.json().error.message, /without a valid API key/);
    // ... but probes still answer.
    assert.equal((await t.request('GET', '/readyz', undefined, { key: null })).statusCode, 200);
    assert.equal((await t.request('GET', '/healthz', undefined, { key: bad })).statusCode, 200);
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
