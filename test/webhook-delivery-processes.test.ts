// Delivery proofs with real server processes: a server SIGKILLed while deliveries are in flight
// loses no event once restarted (a repeat carries the same webhook-id), and two servers on one
// database deliver 1,000 events between them, each once, never the same one at the same moment.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createChildEnv, firstKey, freePort, killAll, startChild, type Child, type ChildEnv, waitReady, jsonClient } from './helpers/processes.ts';
import { WebhookReceiver } from './helpers/webhook-receiver.ts';

const DELIVERY_ENV = {
  SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true',
  SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: '0,200ms,500ms,1s,2s,3s,4s,5s',
  SWITCHBOARD_WEBHOOK_TIMEOUT: '1s',
  // A killed server's leases run out after this; short, so the test need not wait a minute.
  SWITCHBOARD_WEBHOOK_LEASE: '6s',
  SWITCHBOARD_WEBHOOK_ENDPOINT_CONCURRENCY: '4',
  SWITCHBOARD_WEBHOOK_POLL_INTERVAL: '50ms',
  LOG_LEVEL: 'warn',
};

interface Server {
  child: Child;
  base: string;
}

async function startServer(ctx: ChildEnv, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  // LOG_LEVEL=warn hides "listening": wait for /readyz instead.
  const child = startChild(['src/main.ts'], { ...ctx.env, ...DELIVERY_ENV, ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(child, base);
  return { child, base };
}

const api = jsonClient;


/** Every phone_number.updated event id in the database, read through the API. */
async function updateEventIds(call: ReturnType<typeof api>): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await call('GET', `/v1/events?type=phone_number.updated&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200);
    for (const e of res.json.data) ids.add(e.id);
    cursor = res.json.next_cursor;
  } while (cursor);
  return ids;
}

/** Numbers to change, created through `call`. */
async function createNumbers(call: ReturnType<typeof api>, count: number, base: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await call('POST', '/v1/phone-numbers', { number: `+1415555${String(base + i).padStart(4, '0')}` });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    ids.push(res.json.id);
  }
  return ids;
}

async function subscribe(call: ReturnType<typeof api>, receiver: WebhookReceiver, path: string): Promise<void> {
  const res = await call('POST', '/v1/webhook-endpoints', { url: receiver.url(path), event_types: ['phone_number.updated'] });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  receiver.trust(path, res.json.secret);
}

describe('webhook delivery across processes', () => {
  const envs: ChildEnv[] = [];
  const receivers: WebhookReceiver[] = [];
  after(async () => {
    await killAll();
    await Promise.all(receivers.map((r) => r.close()));
    await Promise.all(envs.map((e) => e.cleanup()));
  });

  test('SIGKILL with deliveries in flight, then a restart: all 500 events arrive, repeats with the same webhook-id', async () => {
    const ctx = await createChildEnv();
    envs.push(ctx);
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    receiver.respond = () => ({ status: 204, delayMs: 40 });

    let server = await startServer(ctx);
    const key = await firstKey(server.child);
    let call = api(server.base, key);
    await subscribe(call, receiver, '/kill');
    const numbers = await createNumbers(call, 10, 100);
    // 500 acknowledged changes, 10 at a time.
    for (let round = 0; round < 50; round++) {
      const results = await Promise.all(numbers.map((id) => call('PATCH', `/v1/phone-numbers/${id}`, { friendly_name: `r${round}` })));
      for (const r of results) assert.equal(r.status, 200);
    }
    const delivered = () => receiver.distinctEventIds().size;
    await receiver.waitFor(() => delivered() >= 60, 30_000, 'the first deliveries');
    assert.ok(delivered() < 500, 'the kill comes while deliveries are still to do');
    server.child.process.kill('SIGKILL');
    await server.child.exited;
    const beforeRestart = delivered();

    server = await startServer(ctx);
    call = api(server.base, key);
    const events = await updateEventIds(call);
    assert.equal(events.size, 500, 'every acknowledged change has its event');
    await receiver.waitFor(() => delivered() === 500, 90_000, 'every event after the restart');
    assert.deepEqual(receiver.distinctEventIds(), events);
    assert.ok(receiver.received.every((r) => r.verified), 'every delivery is signed');
    // One webhook-id per event, however often it arrived.
    const idsPerEvent = new Map<string, Set<string>>();
    for (const r of receiver.received) idsPerEvent.set(r.event.id, (idsPerEvent.get(r.event.id) ?? new Set()).add(r.webhookId));
    assert.ok([...idsPerEvent.values()].every((ids) => ids.size === 1));
    const repeats = receiver.received.length - 500;
    console.log(`# kill test: ${beforeRestart} events delivered before the kill, ${repeats} delivered twice (same webhook-id)`);
  });

  test('two servers on one database deliver 1,000 events: each once, never two sends of one at the same moment', async () => {
    const ctx = await createChildEnv();
    envs.push(ctx);
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    receiver.respond = () => ({ status: 204, delayMs: 2 });

    // Nothing is killed here, so nothing waits for a lease: a generous timeout keeps a loaded
    // machine from timing out attempts the receiver did get (a retry would then be a legitimate
    // at-least-once repeat, not the double send this test is about).
    const patient = { SWITCHBOARD_WEBHOOK_TIMEOUT: '10s', SWITCHBOARD_WEBHOOK_LEASE: '30s' };
    const a = await startServer(ctx, patient);
    const key = await firstKey(a.child);
    const b = await startServer(ctx, patient);
    const [callA, callB] = [api(a.base, key), api(b.base, key)];
    await subscribe(callA, receiver, '/two');
    const numbers = await createNumbers(callA, 50, 200);
    // 20 bulk updates of 50 numbers, alternating servers: 1,000 events.
    for (let round = 0; round < 20; round++) {
      const res = await (round % 2 ? callB : callA)('PATCH', '/v1/phone-numbers', { items: numbers.map((id) => ({ id, friendly_name: `b${round}` })) });
      assert.equal(res.status, 200, JSON.stringify(res.json).slice(0, 500));
    }
    await receiver.waitFor(() => receiver.received.length >= 1000, 90_000, '1,000 deliveries');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(receiver.received.length, 1000, 'no delivery was sent twice');
    assert.equal(new Set(receiver.received.map((r) => r.webhookId)).size, 1000);
    assert.ok(receiver.received.every((r) => r.verified));
    assert.equal(receiver.overlaps, 0, 'never the same webhook-id twice at once');
    const events = await updateEventIds(callB);
    assert.equal(events.size, 1000);
    assert.deepEqual(receiver.distinctEventIds(), events);

    // Both servers' workers took part.
    const runtime = await ctx.openRuntime();
    try {
      const workers = await runtime.store.db.selectFrom('webhook_delivery_attempts').select('worker').distinct().execute();
      const pids = new Set(workers.map((w) => w.worker.split(':')[1]));
      assert.deepEqual(pids, new Set([String(a.child.process.pid), String(b.child.process.pid)]));
    } finally {
      await runtime.close();
    }
  });
});
