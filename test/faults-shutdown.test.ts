// Graceful shutdown of a real server process (SIGTERM), beyond test/server.test.ts (which shows
// a small POST in flight finishing and exit 0). One SIGTERM, with at that moment:
// - a big bulk PATCH in flight (half its body sent): it completes with 200 and every item is
//   written, while the port already refuses new connections (checked before the request ends);
// - a webhook attempt in flight to a receiver answering in 2.5 s: it finishes before the process
//   exits, and the delivery is recorded `succeeded` after one attempt;
// - a webhook attempt in flight to a receiver that would take 12 s, longer than the ~8 s the
//   worker waits at shutdown: it is aborted and given back for retry (lease released, attempt
//   recorded), not left leased; after a restart it is retried at once and ends `succeeded`, the
//   receiver having seen the same webhook-id both times.
// The process exits 0. Runs on SQLite, and on PostgreSQL with DATABASE_URL.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createChildEnv, firstKey, exitWithin, freePort, killAll, startChild, type Child, type ChildEnv, waitReady, jsonClient } from './helpers/processes.ts';
import { WebhookReceiver } from './helpers/webhook-receiver.ts';

type Json = Record<string, any>;
const BULK = 300;

const SERVER_ENV = {
  LOG_LEVEL: 'debug', // "request received" says when the server has the bulk request
  SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true',
  // Longer than the worker's shutdown grace (8 s), so that the slow receiver's attempt is still
  // in flight when the grace ends; the lease must be at least the timeout + 5 s.
  SWITCHBOARD_WEBHOOK_TIMEOUT: '12s',
  SWITCHBOARD_WEBHOOK_LEASE: '17s',
  SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: '0,200ms,1s,2s',
  SWITCHBOARD_WEBHOOK_POLL_INTERVAL: '50ms',
  // Load shedding and rate limits are not what these tests are about: a loaded test machine
  // must not turn their requests into 503/429.
  SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0',
  SWITCHBOARD_RATE_LIMIT: 'off',
};

async function startServer(ctx: ChildEnv): Promise<{ child: Child; base: string; port: number }> {
  const port = await freePort();
  const child = startChild(['src/main.ts'], { ...ctx.env, ...SERVER_ENV, PORT: String(port) });
  await child.waitFor(/Server listening at/, 60_000);
  const base = `http://127.0.0.1:${port}`;
  await waitReady(child, base, 30_000);
  return { child, base, port };
}

const api = jsonClient;

/** Whether a new TCP connection to the port is accepted ('refused' once nothing listens; 'reset'
 * when it was queued as the listener closed). */
function tryConnect(port: number): Promise<'accepted' | 'refused' | 'reset'> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve('refused') : err.code === 'ECONNRESET' ? resolve('reset') : reject(err)));
  });
}

/** A request whose body is sent in two parts: the second when the test says so. */
function splitRequest(port: number, key: string, method: string, url: string, body: string) {
  let finish!: () => void;
  const response = new Promise<{ status: number; json: Json }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: url, method, agent: false, timeout: 30_000, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : {} }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.write(body.slice(0, body.length >> 1));
    finish = () => req.end(body.slice(body.length >> 1));
  });
  return { response, finish };
}

/** webhook-id `msg_<32 hex>` is the delivery id without its dashes. */
const deliveryIdOf = (webhookId: string) => webhookId.replace(/^msg_(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** A delivery's row as the stopped server left it. */
async function deliveryRow(ctx: ChildEnv, id: string): Promise<Json> {
  const q = 'select status, attempt_count, lease_owner, lease_expires_at, next_attempt_at from webhook_deliveries where id = ';
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${ctx.env.SWITCHBOARD_DB_SCHEMA}` });
    await client.connect();
    try {
      return (await client.query(`${q}$1`, [id])).rows[0];
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(ctx.env.SWITCHBOARD_DATA_DIR!, 'switchboard.db'), { readonly: true });
  try {
    return db.prepare(`${q}?`).get(id) as Json;
  } finally {
    db.close();
  }
}

describe('graceful shutdown (SIGTERM) of a server process', { timeout: 120_000 }, () => {
  let ctx: ChildEnv | undefined;
  const receiver = new WebhookReceiver();
  after(async () => {
    await killAll();
    await receiver.close();
    await ctx?.cleanup();
  });

  test('in-flight requests finish, new connections are refused, deliveries in flight finish or are released for retry', async () => {
    ctx = await createChildEnv();
    await receiver.start();
    let server = await startServer(ctx);
    const key = await firstKey(server.child);
    let call = api(server.base, key);

    // Two numbers, each with an endpoint of its own; and the numbers of the bulk update.
    const hooked: Json = {};
    for (const [name, i] of [['fast', 0], ['slow', 1]] as const) {
      const number = await call('POST', '/v1/phone-numbers', { number: `+1415555${String(9000 + i)}` });
      assert.equal(number.status, 201, JSON.stringify(number.json));
      const endpoint = await call('POST', '/v1/webhook-endpoints', { url: receiver.url(`/${name}`), event_types: ['phone_number.updated'], phone_number_id: number.json.id });
      assert.equal(endpoint.status, 201, JSON.stringify(endpoint.json));
      receiver.trust(`/${name}`, endpoint.json.secret);
      hooked[name] = { number: number.json.id, endpoint: endpoint.json.id };
    }
    const ids: string[] = new Array(BULK);
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let i = next++; i < BULK; i = next++) {
        const res = await call('POST', '/v1/phone-numbers', { number: `+1415555${String(i).padStart(4, '0')}` });
        assert.equal(res.status, 201, JSON.stringify(res.json));
        ids[i] = res.json.id;
      }
    }));
    // /fast answers in 2.5 s; /slow keeps its first attempt 12 s (past the grace), then answers at once.
    receiver.respond = (req, count) => ({ status: 204, delayMs: req.path === '/fast' ? 2_500 : count === 1 ? 12_000 : 0 });

    // 1. The bulk request, half sent: the server has it (logged) but cannot finish it yet.
    const bulkBody = JSON.stringify({ items: ids.map((id) => ({ id, friendly_name: 'bulk during shutdown' })), atomic: true });
    const bulk = splitRequest(server.port, key, 'PATCH', '/v1/phone-numbers', bulkBody);
    await server.child.waitFor(/"method":"PATCH","route":"\/v1\/phone-numbers"[^\n]*"msg":"request received"/, 10_000);
    // 2. One change to each hooked number: both deliveries go out and wait on the receiver.
    for (const name of ['fast', 'slow']) {
      const res = await call('PATCH', `/v1/phone-numbers/${hooked[name].number}`, { friendly_name: `hook ${name}` });
      assert.equal(res.status, 200, JSON.stringify(res.json));
    }
    await receiver.waitFor(() => receiver.received.length === 2, 10_000, 'both deliveries in flight');
    const webhookIds = Object.fromEntries(receiver.received.map((r) => [r.path.slice(1), r.webhookId]));
    const sigtermAt = Date.now();
    const fastArrived = receiver.received.find((r) => r.path === '/fast')!.at;
    assert.ok(sigtermAt < fastArrived + 2_000, 'the fast delivery is still waiting for its answer at SIGTERM');
    server.child.process.kill('SIGTERM');
    await server.child.waitFor(/shutting down/, 10_000);

    // 3. New connections are refused while the bulk request is still in flight.
    let refused = false;
    for (const deadline = Date.now() + 3_000; !refused && Date.now() < deadline;) {
      refused = (await tryConnect(server.port)) === 'refused';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(refused, 'the port stops accepting connections once shutdown begins');
    assert.equal(server.child.process.exitCode, null, 'still running: a request is in flight');

    // 4. The in-flight request completes, whole.
    bulk.finish();
    const bulkResult = await bulk.response;
    assert.equal(bulkResult.status, 200, JSON.stringify(bulkResult.json).slice(0, 500));
    assert.equal(bulkResult.json.written, true);
    assert.equal(bulkResult.json.updated.length, BULK);
    assert.equal((await tryConnect(server.port)), 'refused', 'still refusing after the last request');

    // 5. The process waits for the deliveries (the fast one answers, the slow one is given up
    // after the grace) and exits 0.
    assert.deepEqual(await exitWithin(server.child, 15_000), { code: 0, signal: null }, server.child.stderr());
    const shutdownMs = Date.now() - sigtermAt;
    assert.ok(shutdownMs >= 7_000, `the shutdown gave the slow delivery its grace (~8 s) before giving it up (${shutdownMs} ms)`);
    const fastAfterExit = await deliveryRow(ctx, deliveryIdOf(webhookIds.fast!));
    assert.equal(fastAfterExit.status, 'succeeded', 'the delivery that could finish finished before the exit');
    assert.equal(Number(fastAfterExit.attempt_count), 1);
    const slowAfterExit = await deliveryRow(ctx, deliveryIdOf(webhookIds.slow!));
    assert.equal(slowAfterExit.status, 'pending', 'the delivery that could not finish is pending for a retry');
    assert.equal(Number(slowAfterExit.attempt_count), 1, 'its interrupted attempt is recorded');
    assert.equal(slowAfterExit.lease_owner, null, 'and its lease was given back, not left to run out');
    assert.equal(slowAfterExit.lease_expires_at, null);

    // 6. Restarted: the released delivery is retried at once and succeeds, same webhook-id.
    server = await startServer(ctx);
    call = api(server.base, key);
    const delivery = async (name: string) => {
      const list = await call('GET', `/v1/webhook-endpoints/${hooked[name].endpoint}/deliveries`);
      assert.equal(list.status, 200, JSON.stringify(list.json));
      assert.equal(list.json.data.length, 1, 'one delivery per change');
      const one = await call('GET', `/v1/webhook-endpoints/${hooked[name].endpoint}/deliveries/${list.json.data[0].id}`);
      assert.equal(one.status, 200);
      return one.json;
    };
    const restartedAt = Date.now();
    let slow = await delivery('slow');
    while (slow.status !== 'succeeded' && Date.now() - restartedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      slow = await delivery('slow');
    }
    assert.equal(slow.status, 'succeeded', `retried after the restart: ${JSON.stringify(slow)}`);
    assert.equal(slow.webhook_id, webhookIds.slow);
    assert.deepEqual(slow.attempts.map((a: Json) => a.status_code), [null, 204]);
    assert.match(slow.attempts[0].error, /shut down/);
    const fast = await delivery('fast');
    assert.equal(fast.status, 'succeeded');
    assert.equal(fast.webhook_id, webhookIds.fast);
    assert.deepEqual(fast.attempts.map((a: Json) => a.status_code), [204]);

    // The receiver saw each event under one webhook-id, the fast one once, the slow one twice.
    assert.ok(receiver.received.every((r) => r.verified), 'every delivery is signed');
    assert.deepEqual(receiver.received.filter((r) => r.path === '/fast').map((r) => r.webhookId), [webhookIds.fast]);
    assert.deepEqual(receiver.received.filter((r) => r.path === '/slow').map((r) => r.webhookId), [webhookIds.slow, webhookIds.slow]);

    // The bulk update, acknowledged during the shutdown, is there.
    for (const id of [ids[0], ids[BULK - 1]]) {
      const n = await call('GET', `/v1/phone-numbers/${id}`);
      assert.equal(n.json.friendly_name, 'bulk during shutdown');
    }
    server.child.process.kill('SIGTERM');
    assert.deepEqual(await exitWithin(server.child, 15_000), { code: 0, signal: null });
  });
});
