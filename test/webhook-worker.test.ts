// The delivery worker's guarantees, in process against the real database: a crashed worker's
// lease runs out and another takes the delivery over; the per-endpoint limit keeps a slow
// receiver from starving the others; stop() finishes or gives back what is in flight; an
// endpoint failing for longer than SWITCHBOARD_WEBHOOK_DISABLE_AFTER is disabled; several
// workers on one database never send one delivery twice at once.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { WebhookReceiver } from './helpers/webhook-receiver.ts';
import { DeliveryEngine } from '../src/core/webhooks/delivery/engine.ts';
import { DeliveryWorker } from '../src/webhooks/worker.ts';
import { closeSharedWebhookAgents } from '../src/webhooks/sender.ts';
import { webhookTransport } from '../src/webhooks/transport.ts';
import { createWebhookAgent } from '../src/webhooks/agent.ts';

type Json = Record<string, any>;

let numberSeq = 0;
const nextNumber = () => `+1415555${String(7000 + numberSeq++).padStart(4, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delivery worker', () => {
  let t: TestApp;
  const receiver = new WebhookReceiver();
  const workers: DeliveryWorker[] = [];
  const startWorker = (options: Partial<ConstructorParameters<typeof DeliveryWorker>[1]> = {}, engine = t.runtime.core.delivery) => {
    const worker = new DeliveryWorker(engine, { concurrency: 4, pollMs: 20, ...options }).start();
    workers.push(worker);
    return worker;
  };

  before(async () => {
    await receiver.start();
    t = await createTestApp({
      SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true',
      SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: '0,100ms,300ms,600ms,1s,1500ms,2s',
      SWITCHBOARD_WEBHOOK_ENDPOINT_CONCURRENCY: '2',
      SWITCHBOARD_WEBHOOK_DISABLE_AFTER: '1s',
      SWITCHBOARD_WEBHOOK_TIMEOUT: '5s',
    });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop(200)));
    receiver.respond = () => ({ status: 204 });
  });
  after(async () => {
    await t.close();
    await receiver.close();
    await closeSharedWebhookAgents();
  });

  async function numberWithEndpoint(path: string, body: Json = {}): Promise<{ number: Json; endpoint: Json }> {
    const number = (await t.request('POST', '/v1/phone-numbers', { number: nextNumber() })).json();
    const res = await t.request('POST', '/v1/webhook-endpoints', { url: receiver.url(path), event_types: ['phone_number.updated'], phone_number_id: number.id, ...body });
    assert.equal(res.statusCode, 201, res.body);
    receiver.trust(path, res.json().secret);
    return { number, endpoint: res.json() };
  }

  async function change(numberId: string, times: number, label = 'n'): Promise<void> {
    for (let i = 0; i < times; i++) assert.equal((await t.request('PATCH', `/v1/phone-numbers/${numberId}`, { friendly_name: `${label}${i}` })).statusCode, 200);
  }

  async function deliveriesOf(endpointId: string): Promise<Json[]> {
    return (await t.request('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=200&order=asc`)).json().data;
  }

  test('a crashed worker\'s lease runs out and another worker takes the delivery over', async () => {
    const { number, endpoint } = await numberWithEndpoint('/lease');
    await change(number.id, 1);
    // A worker that claims and then "crashes": it never sends, never gives the lease back.
    const transport = webhookTransport({ allowPrivate: true, timeoutMs: 1000 });
    const crashed = new DeliveryEngine(t.runtime.store, t.runtime.core.secrets, () => new Date().toISOString(), transport, { ...t.runtime.core.delivery.options, leaseMs: 700 });
    await crashed.dispatch();
    const claims = await crashed.claim('crashed-worker', 10);
    assert.equal(claims.length, 1);
    const claimedAt = Date.now();
    startWorker();
    await receiver.waitFor(() => receiver.received.some((r) => r.path === '/lease'));
    assert.ok(Date.now() - claimedAt >= 650, 'not sent while the lease was held');
    let d: Json;
    while ((d = (await deliveriesOf(endpoint.id))[0]).status !== 'succeeded') await sleep(20);
    // The crashed worker's late report is refused: its lease is gone.
    assert.equal(await t.runtime.store.deliveries.finish(d.id, claims[0]!.leaseToken, { status: 'failed', attempt_count: 9, schedule_step: 9, next_attempt_at: null, last_attempt_at: null, last_status_code: null, last_error: 'late', updated_at: new Date().toISOString() }), false);
    assert.equal((await deliveriesOf(endpoint.id))[0].status, 'succeeded');
  });

  test('an endpoint gets events from its creation on, however late the fan-out runs', async () => {
    const number = (await t.request('POST', '/v1/phone-numbers', { number: nextNumber() })).json();
    await change(number.id, 1, 'before');
    // No worker has run: the event is still in the outbox when the endpoint is created.
    const res = await t.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/late'), event_types: ['phone_number.updated'], phone_number_id: number.id });
    receiver.trust('/late', res.json().secret);
    await change(number.id, 1, 'after');
    startWorker();
    await receiver.waitFor(() => receiver.received.some((r) => r.path === '/late'));
    await sleep(200);
    assert.deepEqual(receiver.received.filter((r) => r.path === '/late').map((r) => r.event.data.object.friendly_name), ['after0']);
  });

  test('one slow receiver holds at most its per-endpoint limit; the others are not starved', async () => {
    const slow = await numberWithEndpoint('/slow');
    const fast = await numberWithEndpoint('/fast');
    receiver.respond = (r) => (r.path === '/slow' ? { status: 204, delayMs: 600 } : { status: 204 });
    await change(slow.number.id, 8, 's');
    await change(fast.number.id, 8, 'f');
    startWorker({ concurrency: 4 });
    await receiver.waitFor(() => receiver.received.filter((r) => r.path === '/fast').length === 8, 10_000, 'the fast receiver');
    const slowSoFar = receiver.received.filter((r) => r.path === '/slow').length;
    assert.ok(slowSoFar < 8, `the fast endpoint finished first (slow had ${slowSoFar} of 8)`);
    await receiver.waitFor(() => receiver.received.filter((r) => r.path === '/slow').length === 8, 15_000, 'the slow receiver');
    assert.ok(receiver.maxInFlightByPath.get('/slow')! <= 2, `slow endpoint had ${receiver.maxInFlightByPath.get('/slow')} in flight`);
    assert.equal(receiver.maxInFlightByPath.get('/slow'), 2, 'and it did use its limit');
  });

  test('stop() aborts what outlives the grace period and records it for a retry', async () => {
    const { number, endpoint } = await numberWithEndpoint('/stop');
    receiver.respond = (r, n) => (r.path === '/stop' && n === 1 ? { status: 204, delayMs: 3000 } : { status: 204 });
    await change(number.id, 1);
    const worker = startWorker();
    await receiver.waitFor(() => receiver.received.some((r) => r.path === '/stop'));
    const stopping = Date.now();
    await worker.stop(200);
    assert.ok(Date.now() - stopping < 2000, 'stop did not wait for the slow answer');
    const [d] = await deliveriesOf(endpoint.id);
    assert.equal(d.status, 'pending');
    assert.match(d.last_error, /aborted/);
    startWorker();
    await receiver.waitFor(() => receiver.received.filter((r) => r.path === '/stop').length === 2);
    await sleep(100);
    const [done] = await deliveriesOf(endpoint.id);
    assert.equal(done.status, 'succeeded');
    assert.equal(new Set(receiver.received.filter((r) => r.path === '/stop').map((r) => r.webhookId)).size, 1);
  });

  test('an endpoint whose deliveries keep failing past the disable-after time is disabled', async () => {
    const { number, endpoint } = await numberWithEndpoint('/failing');
    receiver.respond = (r) => (r.path === '/failing' ? { status: 500, body: 'x'.repeat(10_000) } : { status: 204 });
    await change(number.id, 1);
    startWorker();
    const deadline = Date.now() + 10_000;
    while ((await t.request('GET', `/v1/webhook-endpoints/${endpoint.id}`)).json().enabled) {
      assert.ok(Date.now() < deadline, 'the endpoint was never disabled');
      await sleep(50);
    }
    const [event] = (await t.request('GET', `/v1/events?object_id=${endpoint.id}&type=webhook_endpoint.disabled`)).json().data;
    assert.match(event.reason, /failed since/);
    const [d] = await deliveriesOf(endpoint.id);
    const detail = (await t.request('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries/${d.id}`)).json();
    assert.ok(detail.attempts.every((a: Json) => a.status_code === 500 && a.response_truncated && Buffer.byteLength(a.response_body) <= 4096));
    // Enabled again, it starts with a clean record.
    receiver.respond = () => ({ status: 204 });
    assert.equal((await t.request('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { enabled: true })).statusCode, 200);
    await change(number.id, 1, 'again');
    await receiver.waitFor(() => receiver.received.some((r) => r.path === '/failing' && r.event.data.object.friendly_name === 'again0'));
  });

  test('three workers on one database: every delivery once, none twice at the same moment', async () => {
    const endpoints = await Promise.all(['/multi-a', '/multi-b', '/multi-c'].map((p) => numberWithEndpoint(p)));
    receiver.respond = () => ({ status: 204, delayMs: 5 });
    receiver.overlaps = 0; // an earlier test aborted a request on purpose
    for (const { number } of endpoints) await change(number.id, 30, 'm');
    const trio = [startWorker({ concurrency: 3 }), startWorker({ concurrency: 3 }), startWorker({ concurrency: 3 })];
    await receiver.waitFor(() => receiver.received.filter((r) => r.path.startsWith('/multi-')).length >= 90, 20_000);
    await sleep(300);
    const got = receiver.received.filter((r) => r.path.startsWith('/multi-'));
    assert.equal(got.length, 90, 'no delivery was sent twice');
    assert.equal(new Set(got.map((r) => r.webhookId)).size, 90);
    assert.ok(got.every((r) => r.verified));
    assert.equal(receiver.overlaps, 0);
    const attempts = await Promise.all(endpoints.map(async ({ endpoint }) => (await deliveriesOf(endpoint.id)).map((d) => d.attempt_count)));
    assert.deepEqual(attempts.flat(), Array(90).fill(1));
    // The work was shared: attempts were made by more than one of the workers.
    const by = await t.runtime.store.db.selectFrom('webhook_delivery_attempts').select('worker').distinct().where('worker', 'in', trio.map((w) => w.id)).execute();
    assert.ok(by.length >= 2, `attempts by ${by.length} worker(s)`);
  });

  test('at send time a name that resolves to a private address is refused (no DNS rebinding): the delivery fails at once with the reason, never connected', async () => {
    // The app allows private destinations when saving (its tests' receiver is local); this
    // worker's transport does not, and its resolver answers 127.0.0.1 for a public-looking name.
    const path = '/rebind';
    const port = new URL(receiver.url()).port;
    const number = (await t.request('POST', '/v1/phone-numbers', { number: nextNumber() })).json();
    const created = await t.request('POST', '/v1/webhook-endpoints', { url: `http://hooks.rebind.example:${port}${path}`, event_types: ['phone_number.updated'], phone_number_id: number.id });
    assert.equal(created.statusCode, 201, created.body);
    const agent = createWebhookAgent({ allowPrivate: false, resolve: async () => ['127.0.0.1'] });
    try {
      const strict = new DeliveryEngine(t.runtime.store, t.runtime.core.secrets, () => new Date().toISOString(), webhookTransport({ allowPrivate: false, timeoutMs: 1000, agent }), t.runtime.core.delivery.options);
      await change(number.id, 1);
      startWorker({}, strict);
      let d: Json | undefined;
      while (!(d = (await deliveriesOf(created.json().id))[0]) || d.status === 'pending') await sleep(20);
      assert.equal(d.status, 'failed');
      assert.equal(d.attempt_count, 1);
      assert.equal(d.next_attempt_at, null);
      assert.match(d.last_error, /destination refused: hooks\.rebind\.example resolves to 127\.0\.0\.1 is loopback/);
      assert.equal(d.last_status_code, null);
      const one = await t.request('GET', `/v1/webhook-endpoints/${created.json().id}/deliveries/${d.id}`);
      assert.deepEqual(one.json().attempts.map((a: Json) => [a.status_code, /destination refused/.test(a.error)]), [[null, true]], 'the reason is on its attempt');
      // Past when the schedule would have tried again, nothing more was attempted.
      await sleep(600);
      assert.equal((await deliveriesOf(created.json().id))[0].attempt_count, 1, 'no retry');
      assert.equal(receiver.received.filter((r) => r.path === path).length, 0, 'no connection reached the receiver');
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop(200)));
      await agent.close();
    }
  });

  test('at send time a name that does not resolve is a network failure like any other: retried, not refused', async () => {
    const path = '/unresolved';
    const port = new URL(receiver.url()).port;
    const number = (await t.request('POST', '/v1/phone-numbers', { number: nextNumber() })).json();
    const created = await t.request('POST', '/v1/webhook-endpoints', { url: `http://hooks.later.example:${port}${path}`, event_types: ['phone_number.updated'], phone_number_id: number.id });
    assert.equal(created.statusCode, 201, created.body);
    const agent = createWebhookAgent({ allowPrivate: false, resolve: async (name) => { throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' }); } });
    try {
      const strict = new DeliveryEngine(t.runtime.store, t.runtime.core.secrets, () => new Date().toISOString(), webhookTransport({ allowPrivate: false, timeoutMs: 1000, agent }), t.runtime.core.delivery.options);
      await change(number.id, 1);
      startWorker({}, strict);
      let d: Json | undefined;
      while (!(d = (await deliveriesOf(created.json().id))[0]) || d.attempt_count < 2) await sleep(20);
      assert.equal(d.status, 'pending', 'retried on the schedule');
      assert.match(d.last_error, /ENOTFOUND/);
      assert.doesNotMatch(d.last_error, /destination refused/);
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop(200)));
      await agent.close();
    }
  });
});
