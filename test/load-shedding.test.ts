// Load shedding (SWITCHBOARD_MAX_EVENT_LOOP_DELAY): while the event loop lags, requests get 503 +
// Retry-After in each face's format, /healthz still answers, /readyz says not ready; when the lag
// is gone, everything answers again. inject() runs in this process, so the test lags the loop itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { assertFace503, faceReads as readsOfEveryFace } from './helpers/face-503.ts';


/**
 * Keeps the event loop busy in slices of `sliceMs` (busy-waiting, yielding between slices so that
 * timers, and the requests of the test, still run) until stopped: a server doing too much work.
 */
function lagEventLoop(sliceMs = 100): { stop(): Promise<void> } {
  let running = true;
  const done = (async () => {
    while (running) {
      const until = Date.now() + sliceMs;
      while (Date.now() < until) {
        // busy
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${what}: not within ${timeoutMs} ms`);
}

/** The faces' reads, and a path no route has (answered in the v1 format). */
function faceReads(t: TestApp): Record<string, () => Promise<LightMyRequestResponse>> {
  return { ...readsOfEveryFace(t), unknownPath: () => t.request('GET', '/nope', undefined, { key: null }) };
}



test('configuration: 1000 ms by default, 0 disables, bad values are refused', () => {
  assert.equal(loadConfig({}).maxEventLoopDelayMs, 1000);
  assert.equal(loadConfig({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '250' }).maxEventLoopDelayMs, 250);
  assert.equal(loadConfig({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0' }).maxEventLoopDelayMs, 0);
  for (const bad of ['-1', '1s', 'fast', '60001']) {
    assert.throws(() => loadConfig({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: bad }), (e: Error) => e instanceof ConfigError && /SWITCHBOARD_MAX_EVENT_LOOP_DELAY/.test(e.message), bad);
  }
});

test('a lagging event loop sheds requests with 503 + Retry-After in every face, and recovers', async () => {
  const t = await createTestApp({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '30' });
  try {
    for (const [face, read] of Object.entries(faceReads(t))) assert.equal((await read()).statusCode, face === 'unknownPath' ? 404 : 200, face);
    const lag = lagEventLoop();
    try {
      await eventually('shedding starts', async () => (await t.request('GET', '/v1/phone-numbers')).statusCode === 503);
      for (const [face, read] of Object.entries(faceReads(t))) assertFace503(face, await read(), /overloaded/);
      // A write is refused before it is made.
      assertFace503('v1', await t.request('POST', '/v1/phone-numbers', { number: '+14155550123' }), /overloaded/);
      // The process is alive; it is not ready for traffic.
      const health = await t.request('GET', '/healthz', undefined, { key: null });
      assert.equal(health.statusCode, 200, health.body);
      const ready = await t.request('GET', '/readyz', undefined, { key: null });
      assert.equal(ready.statusCode, 503, ready.body);
      assert.deepEqual(ready.json(), { status: 'not_ready', database: 'ok', load: 'overloaded' });
      assert.ok(Number(ready.headers['retry-after']) >= 1);
    } finally {
      await lag.stop();
    }
    // The lag is gone: after the next samples, everything answers again.
    await eventually('shedding ends', async () => (await t.request('GET', '/readyz', undefined, { key: null })).statusCode === 200);
    for (const [face, read] of Object.entries(faceReads(t))) assert.equal((await read()).statusCode, face === 'unknownPath' ? 404 : 200, face);
    const list = await t.request('GET', '/v1/phone-numbers');
    assert.deepEqual(list.json().data, [], 'the shed write was not made');
  } finally {
    await t.close();
  }
});

test('a lag that slows no request (synchronous work between requests, a server starting) sheds nothing', async () => {
  const t = await createTestApp({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '1000' });
  try {
    // Busy for ~4.5 s in 1.5 s stretches with no request in flight: several samples in a row far
    // over 1 s, as when a test process compiles a large schema between two injected requests.
    // (A threshold well above what a loaded CI machine adds to one injected request.)
    const until = Date.now() + 4_500;
    while (Date.now() < until) {
      const stretch = Date.now() + 1_500;
      while (Date.now() < stretch) {
        // busy
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Through the next samples: those over the threshold, then ones under it.
    for (let i = 0; i < 15; i++) {
      for (const [face, read] of Object.entries(faceReads(t))) assert.equal((await read()).statusCode, face === 'unknownPath' ? 404 : 200, face);
      assert.equal((await t.request('GET', '/readyz', undefined, { key: null })).statusCode, 200);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await t.close();
  }
});

test('SWITCHBOARD_MAX_EVENT_LOOP_DELAY=0: no shedding, however long the lag', async () => {
  const t = await createTestApp({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0' });
  try {
    const lag = lagEventLoop();
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_500)); // more than two samples of a lagging loop
      for (const [face, read] of Object.entries(faceReads(t))) assert.equal((await read()).statusCode, face === 'unknownPath' ? 404 : 200, face);
      assert.equal((await t.request('GET', '/readyz', undefined, { key: null })).statusCode, 200);
    } finally {
      await lag.stop();
    }
  } finally {
    await t.close();
  }
});
