// SWITCHBOARD_TRUST_PROXY: whose X-Forwarded-For is believed for the client's address, as the
// request log, the rate limiter (failed authentications per address) and the audit log see it.
// Off by default (the header is ignored); true; a hop count; a list of proxy addresses/ranges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

const BAD_KEY = 'sb_' + 'z'.repeat(40);
/** Failed authentications an address may have (and requests a key may make: this file's key makes 3). */
const LIMIT = 4;

/** A request from `remoteAddress` (the proxy, or the client itself) with this X-Forwarded-For. */
function via(t: TestApp, forwardedFor: string | null, options: { key?: string | null; method?: InjectOptions['method']; url?: string; body?: unknown; remoteAddress?: string } = {}) {
  const key = options.key === undefined ? t.key : options.key;
  return t.app.inject({
    method: options.method ?? 'GET',
    url: options.url ?? '/v1/phone-numbers',
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    ...(options.body !== undefined ? { payload: options.body as never } : {}),
  });
}

function loggedIp(t: TestApp, requestId: string): string | undefined {
  const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.reqId === requestId && l.msg === 'request completed');
  return line?.ip;
}

let numberSeq = 0;

/** What each face of the server takes for the client's address: log, audit log, rate limiter. */
async function observe(t: TestApp, forwardedFor: string, expected: string, other: { forwardedFor: string; expected: string }) {
  const read = await via(t, forwardedFor);
  assert.equal(read.statusCode, 200, read.body);
  assert.equal(loggedIp(t, read.headers['x-request-id'] as string), expected, 'the request log');

  const write = await via(t, forwardedFor, { method: 'POST', body: { number: `+1415555${String(7000 + numberSeq++)}` } });
  assert.equal(write.statusCode, 201, write.body);
  const events = await t.request('GET', `/v1/events?object_type=phone_number&limit=200`);
  const event = events.json().data.find((e: { object_id: string }) => e.object_id === write.json().id);
  assert.equal(event.actor.ip, expected, 'the audit log');
  assert.equal(event.actor.type, 'api_key');

  // SWITCHBOARD_RATE_LIMIT=LIMIT: the bad key after LIMIT of them from that address is 429 ...
  for (let i = 0; i < LIMIT; i++) assert.equal((await via(t, forwardedFor, { key: BAD_KEY })).statusCode, 401);
  assert.equal((await via(t, forwardedFor, { key: BAD_KEY })).statusCode, 429, 'the rate limiter');
  // ... and a client the server tells apart is not.
  const apart = await via(t, other.forwardedFor, { key: BAD_KEY });
  assert.equal(apart.statusCode, other.expected === expected ? 429 : 401, `the rate limiter tells ${other.expected} from ${expected}`);
}

async function withApp(trust: string | undefined, work: (t: TestApp) => Promise<void>) {
  const t = await createTestApp({ SWITCHBOARD_RATE_LIMIT: String(LIMIT), SWITCHBOARD_RATE_LIMIT_WINDOW: '1m', ...(trust === undefined ? {} : { SWITCHBOARD_TRUST_PROXY: trust }), SWITCHBOARD_API_KEY_CACHE_TTL: '1m' });
  try {
    await work(t);
  } finally {
    await t.close();
  }
}

describe('SWITCHBOARD_TRUST_PROXY', () => {
  test('unset: X-Forwarded-For is ignored, the connection\'s address is the client\'s', async () => {
    await withApp(undefined, (t) => observe(t, '203.0.113.7', '127.0.0.1', { forwardedFor: '198.51.100.9', expected: '127.0.0.1' }));
  });

  test('true: every proxy is trusted, the left-most forwarded address is the client\'s', async () => {
    await withApp('true', (t) => observe(t, '203.0.113.7, 10.0.0.2', '203.0.113.7', { forwardedFor: '198.51.100.9, 10.0.0.2', expected: '198.51.100.9' }));
  });

  test('a hop count: the address that many hops back is the client\'s, whatever it claims before', async () => {
    await withApp('1', async (t) => {
      await observe(t, '203.0.113.7, 198.51.100.9', '198.51.100.9', { forwardedFor: '203.0.113.8, 198.51.100.10', expected: '198.51.100.10' });
      // A client cannot escape its count by adding entries before the one the proxy wrote.
      const spoofed = await via(t, '192.0.2.1, 198.51.100.9', { key: BAD_KEY });
      assert.equal(spoofed.statusCode, 429, 'still counted as 198.51.100.9');
    });
  });

  test('a list of proxy addresses and ranges: the first address from the right that is not one of them', async () => {
    await withApp('127.0.0.1, 10.0.0.0/8', async (t) => {
      await observe(t, '203.0.113.7, 198.51.100.9, 10.1.2.3', '198.51.100.9', { forwardedFor: '198.51.100.11, 10.9.9.9', expected: '198.51.100.11' });
      // From an address that is not a trusted proxy, X-Forwarded-For is not believed.
      const direct = await via(t, '198.51.100.50', { remoteAddress: '192.0.2.44' });
      assert.equal(loggedIp(t, direct.headers['x-request-id'] as string), '192.0.2.44');
    });
  });

  test('configuration: false by default; true, false, hop counts, address lists and range names; anything else refused naming it', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ SWITCHBOARD_TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({ SWITCHBOARD_TRUST_PROXY: '0' }).trustProxy, false);
    assert.equal(loadConfig({ SWITCHBOARD_TRUST_PROXY: 'TRUE' }).trustProxy, true);
    assert.equal(loadConfig({ SWITCHBOARD_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ SWITCHBOARD_TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,::1,fd00::/8,loopback' }).trustProxy, ['10.0.0.0/8', '192.168.1.1', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0/8', 'proxy.example.com', '::1/129', '1.2.3.4/8/8', ',', '101']) {
      assert.throws(() => loadConfig({ SWITCHBOARD_TRUST_PROXY: bad }), (e: Error) => e instanceof ConfigError && /SWITCHBOARD_TRUST_PROXY/.test(e.message), bad);
    }
  });
});
