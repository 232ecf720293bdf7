// The request log: one line per request at info (method, route pattern, status, response time,
// client address, request id, key id), none for the health probes, JSON by default and
// pino-pretty's lines with LOG_FORMAT=pretty; secrets redacted either way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createTestApp } from './helpers/app.ts';

type Line = Record<string, any>;
const parsed = (logs: string[]): Line[] => logs.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l));
const completed = (logs: string[]) => parsed(logs).filter((l) => l.msg === 'request completed');

/** pino-pretty writes through a stream: its lines can arrive a tick later. */
async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('request log', () => {
  test('one line per request at info, with route, status, time, address, request id and key id; none for probes', async () => {
    const t = await createTestApp();
    try {
      const seen = t.logs.length;
      const list = await t.request('GET', '/v1/phone-numbers?limit=5');
      const created = await t.request('POST', '/v1/phone-numbers', { number: '+14155550142' });
      assert.equal(created.statusCode, 201, created.body);
      const missing = await t.request('GET', '/v1/phone-numbers/0190a5c4-7b1e-7c3a-9f00-2b6c1d4e5f60');
      const unauthorized = await t.request('GET', '/v1/phone-numbers', undefined, { key: null });
      const noRoute = await t.request('GET', '/no/such/path', undefined, { key: null });
      for (let i = 0; i < 5; i++) {
        assert.equal((await t.request('GET', '/healthz', undefined, { key: null })).statusCode, 200);
        assert.equal((await t.request('GET', '/readyz')).statusCode, 200);
      }
      const fresh = t.logs.slice(seen);
      const lines = completed(fresh);
      assert.equal(lines.length, 5, JSON.stringify(lines));
      const [a, b, c, d, e] = lines as [Line, Line, Line, Line, Line];
      const keyId = t.first.apiKey.key.id;
      assert.deepEqual(
        lines.map((l) => [l.method, l.route && l.route.replace(/:\w+$/, ':param'), l.statusCode, l.keyId]),
        [
          ['GET', '/v1/phone-numbers', 200, keyId],
          ['POST', '/v1/phone-numbers', 201, keyId],
          ['GET', '/v1/phone-numbers/:param', 404, keyId],
          ['GET', '/v1/phone-numbers', 401, undefined],
          ['GET', null, 404, undefined],
        ],
      );
      for (const [line, res] of [[a, list], [b, created], [c, missing], [d, unauthorized], [e, noRoute]] as const) {
        assert.equal(line.level, 30, 'info');
        assert.equal(line.reqId, res.headers['x-request-id']);
        assert.equal(typeof line.responseTime, 'number');
        assert.ok(line.responseTime >= 0);
        assert.equal(line.ip, '127.0.0.1');
        assert.ok(!('url' in line) && !('req' in line) && !('res' in line), 'no path (it can hold a number) and no request dump');
      }
      // Fastify's own two lines per request are gone, and no probe wrote anything.
      const all = parsed(fresh);
      assert.ok(!all.some((l) => l.msg === 'incoming request'), 'no "incoming request" line');
      assert.ok(!all.some((l) => JSON.stringify(l).includes('healthz') || JSON.stringify(l).includes('readyz')), 'a probe was logged');
      assert.ok(!fresh.join('').includes(t.key), 'the key is never logged');
    } finally {
      await t.close();
    }
  });

  test('LOG_LEVEL=debug adds a "request received" line as a request starts', async () => {
    const t = await createTestApp({ LOG_LEVEL: 'debug' });
    try {
      const seen = t.logs.length;
      const res = await t.request('GET', '/v1/phone-numbers');
      const lines = parsed(t.logs.slice(seen)).filter((l) => l.reqId === res.headers['x-request-id']);
      assert.deepEqual(lines.map((l) => [l.level, l.msg]), [[20, 'request received'], [30, 'request completed']]);
    } finally {
      await t.close();
    }
  });

  test('LOG_FORMAT=pretty writes readable lines, still redacted', async () => {
    const t = await createTestApp({ LOG_FORMAT: 'pretty' });
    try {
      const seen = t.logs.length;
      await t.request('GET', '/v1/phone-numbers');
      t.app.log.info({ req: { headers: { authorization: `Bearer ${t.key}` } }, password: 'hunter2' }, 'with secrets');
      await until(() => t.logs.slice(seen).join('').includes('with secrets'));
      const text = t.logs.slice(seen).join('');
      const line = text.split('\n').find((l) => l.includes('request completed'));
      assert.ok(line, text);
      assert.match(line, /INFO/);
      assert.throws(() => JSON.parse(line), 'not JSON');
      assert.match(text, /statusCode: 200/);
      assert.match(text, /route: "\/v1\/phone-numbers"/);
      assert.match(text, /\[redacted\]/);
      assert.ok(!text.includes(t.key) && !text.includes('hunter2'), 'a secret reached the pretty log');
    } finally {
      await t.close();
    }
  });

  test('LOG_FORMAT is json by default, json or pretty in any case, anything else refused naming it', () => {
    assert.equal(loadConfig({}).logFormat, 'json');
    assert.equal(loadConfig({ LOG_FORMAT: '' }).logFormat, 'json');
    assert.equal(loadConfig({ LOG_FORMAT: 'JSON' }).logFormat, 'json');
    assert.equal(loadConfig({ LOG_FORMAT: ' Pretty ' }).logFormat, 'pretty');
    assert.throws(() => loadConfig({ LOG_FORMAT: 'text' }), (e: Error) => e instanceof ConfigError && /LOG_FORMAT/.test(e.message) && /"text"/.test(e.message));
  });
});
