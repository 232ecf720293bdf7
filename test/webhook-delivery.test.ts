// Webhook delivery end to end, in process: a real worker sends to a real local receiver that
// verifies every signature with the standardwebhooks package. Covers the outbox (committed
// changes have their event, rolled-back ones none), signing and rotation, filters at delivery
// time, retries (receiver down then up, 3xx, Retry-After, the last attempt), 410 and disabling,
// GET deliveries, and GET /v1/events showing where each event went. Real database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { WebhookReceiver, type Received } from './helpers/webhook-receiver.ts';
import { DeliveryWorker } from '../src/webhooks/worker.ts';
import { closeSharedWebhookAgents } from '../src/webhooks/sender.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

type Json = Record<string, any>;

let numberSeq = 0;
const nextNumber = () => `+1415555${String(6000 + numberSeq++).padStart(4, '0')}`;
const SCHEDULE = '0,100ms,200ms,300ms,400ms,500ms';

export async function createNumber(t: TestApp): Promise<Json> {
  const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function patchNumber(t: TestApp, id: string, body: Json): Promise<Json> {
  const res = await t.request('PATCH', `/v1/phone-numbers/${id}`, body);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** An endpoint on its own receiver path, scoped to one number, whose secret the receiver trusts. */
async function subscribe(t: TestApp, receiver: WebhookReceiver, path: string, body: Json = {}): Promise<Json> {
  const res = await t.request('POST', '/v1/webhook-endpoints', { url: receiver.url(path), ...body });
  assert.equal(res.statusCode, 201, res.body);
  receiver.trust(path, res.json().secret);
  return res.json();
}

async function deliveries(t: TestApp, endpointId: string, query = ''): Promise<Json[]> {
  const res = await t.request('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=200&order=asc${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data;
}

async function waitForDeliveries(t: TestApp, endpointId: string, done: (ds: Json[]) => boolean, timeoutMs = 15_000): Promise<Json[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ds = await deliveries(t, endpointId);
    if (done(ds)) return ds;
    if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${JSON.stringify(ds.map((d) => [d.event_type, d.status, d.attempt_count, d.last_error]))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const at = (path: string, receiver: WebhookReceiver): Received[] => receiver.received.filter((r) => r.path === path);

describe('webhook delivery', () => {
  let t: TestApp;
  let worker: DeliveryWorker;
  const receiver = new WebhookReceiver();

  before(async () => {
    await receiver.start();
    t = await createTestApp({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true', SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: SCHEDULE, SWITCHBOARD_WEBHOOK_TIMEOUT: '2s' });
    worker = new DeliveryWorker(t.runtime.core.delivery, { concurrency: 16, pollMs: 20 }).start();
  });
  after(async () => {
    await worker.stop(1000);
    await t.close();
    await receiver.close();
    await closeSharedWebhookAgents();
  });

  test('a change reaches its subscriber signed, once, with the changed fields', async () => {
    const number = await createNumber(t);
    const endpoint = await subscribe(t, receiver, '/basic', { event_types: ['phone_number.*'], phone_number_id: number.id });
    await patchNumber(t, number.id, { friendly_name: 'Front desk' });
    await receiver.waitFor(() => at('/basic', receiver).length >= 1);
    const [got] = at('/basic', receiver);
    assert.ok(got!.verified, 'the signature verifies with the endpoint secret');
    assert.equal(got!.event.type, 'phone_number.updated');
    assert.deepEqual(got!.event.data.changes, ['friendly_name']);
    assert.equal(got!.event.data.object.friendly_name, 'Front desk');
    assert.equal(got!.event.data.previous_attributes.friendly_name, null);
    // Who made the change, but not from which address: that stays in the audit log.
    assert.deepEqual(got!.event.data.actor, { type: 'api_key', api_key_id: t.first.apiKey.key.id, user_id: t.first.user.id });
    assert.match(got!.webhookId, /^msg_[0-9a-f]{32}$/);
    assert.equal(got!.headers['content-type'], 'application/json');

    const [d] = await waitForDeliveries(t, endpoint.id, (ds) => ds.length === 1 && ds[0].status === 'succeeded');
    assert.equal(d!.webhook_id, got!.webhookId);
    assert.equal(d!.event_id, got!.event.id);
    assert.equal(d!.attempt_count, 1);
    assert.equal(d!.last_status_code, 204);

    const events = (await t.request('GET', `/v1/events?object_id=${number.id}&type=phone_number.updated`)).json().data;
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].webhook_deliveries.map((x: Json) => [x.endpoint_id, x.status]), [[endpoint.id, 'succeeded']]);
  });

  test('outbox: every committed change has its event and delivery; a rolled-back one has neither', async () => {
    const number = await createNumber(t);
    const endpoint = await subscribe(t, receiver, '/outbox', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    for (let i = 0; i < 5; i++) await patchNumber(t, number.id, { friendly_name: `n${i}` });
    // An atomic bulk update with a bad item writes nothing, so it has no event.
    const bulk = await t.request('PATCH', '/v1/phone-numbers', { atomic: true, items: [{ id: number.id, friendly_name: 'never' }, { id: number.id, inbound_agent_id: '01890000-0000-7000-8000-000000000000' }] });
    assert.equal(bulk.statusCode, 422, bulk.body);
    // A transaction that writes the change and its event, then fails, leaves neither.
    const { recordChange } = await import('../src/core/audit/record.ts');
    const stored = (await t.runtime.store.phoneNumbers.get(t.first.workspace.id, number.id))!;
    await assert.rejects(
      t.runtime.store.transaction(async (tx) => {
        await tx.phoneNumbers.update({ ...stored, friendly_name: 'rolled back', version: stored.version + 1 }, stored.version);
        await recordChange(tx, { actor: { workspaceId: t.first.workspace.id, userId: null, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES }, { type: 'phone_number.updated', objectType: 'phone_number', objectId: number.id, before: { friendly_name: 'n4' }, after: { friendly_name: 'rolled back' } }, new Date().toISOString());
        throw new Error('fails after writing');
      }),
      /fails after writing/,
    );
    const ds = await waitForDeliveries(t, endpoint.id, (d) => d.length === 5 && d.every((x) => x.status === 'succeeded'));
    const events = (await t.request('GET', `/v1/events?order=asc&object_id=${number.id}&type=phone_number.updated`)).json().data;
    assert.deepEqual(events.map((e: Json) => e.after.friendly_name), ['n0', 'n1', 'n2', 'n3', 'n4']);
    assert.deepEqual(new Set(ds.map((d) => d.event_id)), new Set(events.map((e: Json) => e.id)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Exactly the committed changes arrived (deliveries run in parallel, so in any order).
    assert.deepEqual(at('/outbox', receiver).map((r) => r.event.data.object.friendly_name).sort(), ['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  test('receiver down, then up: attempts fail, are retried on the schedule, and succeed with the same webhook-id', async () => {
    const flaky = await new WebhookReceiver().start();
    try {
      const number = await createNumber(t);
      const endpoint = await subscribe(t, flaky, '/flaky', { event_types: ['phone_number.updated'], phone_number_id: number.id });
      await flaky.down();
      await patchNumber(t, number.id, { friendly_name: 'while down' });
      const [failing] = await waitForDeliveries(t, endpoint.id, (ds) => ds[0]?.attempt_count >= 2);
      assert.equal(failing!.status, 'pending');
      assert.equal(failing!.last_status_code, null);
      assert.match(failing!.last_error, /ECONNREFUSED|connect/i);
      await flaky.up();
      const [done] = await waitForDeliveries(t, endpoint.id, (ds) => ds[0]?.status === 'succeeded');
      assert.equal(flaky.received.length, 1);
      assert.ok(flaky.received[0]!.verified);
      assert.equal(flaky.received[0]!.webhookId, done!.webhook_id);
      const detail = (await t.request('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries/${done!.id}`)).json();
      assert.equal(detail.attempts.length, done!.attempt_count);
      assert.deepEqual(detail.attempts.map((a: Json) => a.status_code), [...Array(done!.attempt_count - 1).fill(null), 204]);
      // The gaps follow the schedule (an attempt every 100 ms, ±10 % jitter), never faster.
      const starts = detail.attempts.map((a: Json) => Date.parse(a.started_at));
      for (let i = 1; i < starts.length; i++) assert.ok(starts[i] - starts[i - 1] >= 85, `gap ${i}: ${starts[i] - starts[i - 1]} ms`);
    } finally {
      await flaky.close();
    }
  });

  test('3xx is a failure and is not followed; the last attempt leaves the delivery failed', async () => {
    const number = await createNumber(t);
    receiver.respond = (r) => (r.path === '/moved' ? { status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } } : { status: 204 });
    const endpoint = await subscribe(t, receiver, '/moved', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    await patchNumber(t, number.id, { friendly_name: 'redirected' });
    const [d] = await waitForDeliveries(t, endpoint.id, (ds) => ds[0]?.status === 'failed');
    receiver.respond = () => ({ status: 204 });
    assert.equal(d!.attempt_count, SCHEDULE.split(',').length);
    assert.equal(d!.last_status_code, 302);
    assert.match(d!.last_error, /redirects are not followed/);
    assert.equal(d!.next_attempt_at, null);
    assert.equal(at('/moved', receiver).length, SCHEDULE.split(',').length);
    assert.equal(new Set(at('/moved', receiver).map((r) => r.webhookId)).size, 1);
  });

  test('Retry-After on 429 and 503 is honoured over the shorter schedule', async () => {
    const number = await createNumber(t);
    receiver.respond = (r, n) => (r.path === '/busy' && n <= 2 ? { status: n === 1 ? 429 : 503, headers: { 'retry-after': '1' } } : { status: 204 });
    const endpoint = await subscribe(t, receiver, '/busy', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    await patchNumber(t, number.id, { friendly_name: 'slow down' });
    const [d] = await waitForDeliveries(t, endpoint.id, (ds) => ds[0]?.status === 'succeeded');
    receiver.respond = () => ({ status: 204 });
    const got = at('/busy', receiver);
    assert.equal(got.length, 3);
    assert.equal(d!.attempt_count, 3);
    for (let i = 1; i < got.length; i++) assert.ok(got[i]!.at - got[i - 1]!.at >= 950, `retry ${i} came after ${got[i]!.at - got[i - 1]!.at} ms, not after Retry-After: 1`);
  });

  test('410 Gone disables the endpoint, with a webhook_endpoint.disabled event saying why', async () => {
    const number = await createNumber(t);
    receiver.respond = (r) => (r.path === '/gone' ? { status: 410 } : { status: 204 });
    const watcher = await subscribe(t, receiver, '/watch-disabled', { event_types: ['webhook_endpoint.disabled'] });
    const endpoint = await subscribe(t, receiver, '/gone', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    await patchNumber(t, number.id, { friendly_name: 'go away' });
    const [d] = await waitForDeliveries(t, endpoint.id, (ds) => ds[0]?.status === 'failed');
    receiver.respond = () => ({ status: 204 });
    assert.equal(d!.attempt_count, 1, 'no retry after 410');
    assert.equal((await t.request('GET', `/v1/webhook-endpoints/${endpoint.id}`)).json().enabled, false);
    const [disabled] = (await t.request('GET', `/v1/events?object_id=${endpoint.id}&type=webhook_endpoint.disabled`)).json().data;
    assert.equal(disabled.actor.type, 'system');
    assert.match(disabled.reason, /410/);
    await receiver.waitFor(() => at('/watch-disabled', receiver).some((r) => r.event.data.object_id === endpoint.id));
    assert.ok(at('/watch-disabled', receiver).every((r) => r.verified));
    // Disabled: later changes are not delivered to it.
    await patchNumber(t, number.id, { friendly_name: 'after' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await deliveries(t, endpoint.id)).length, 1);
    assert.equal(at('/gone', receiver).length, 1);
    await t.request('DELETE', `/v1/webhook-endpoints/${watcher.id}`);
  });

  test('the filter is evaluated at delivery: false is filtered, a run-time failure is recorded on the attempt', async () => {
    const number = await createNumber(t);
    const endpoint = await subscribe(t, receiver, '/filtered', { event_types: ['phone_number.updated'], phone_number_id: number.id, filter: 'object.friendly_name == "send me"' });
    const broken = await subscribe(t, receiver, '/broken-filter', { event_types: ['phone_number.updated'], phone_number_id: number.id, filter: 'object.metadata.no_such_key == 1' });
    await patchNumber(t, number.id, { friendly_name: 'not this' });
    await patchNumber(t, number.id, { friendly_name: 'send me' });
    const ds = await waitForDeliveries(t, endpoint.id, (x) => x.length === 2 && x.every((d) => d.status !== 'pending'));
    assert.deepEqual(ds.map((d) => d.status), ['filtered', 'succeeded']);
    assert.equal(ds[0]!.attempt_count, 0);
    await receiver.waitFor(() => at('/filtered', receiver).length === 1);
    assert.equal(at('/filtered', receiver)[0]!.event.data.object.friendly_name, 'send me');

    const failed = await waitForDeliveries(t, broken.id, (x) => x.length === 2 && x.every((d) => d.status === 'failed'));
    const detail = (await t.request('GET', `/v1/webhook-endpoints/${broken.id}/deliveries/${failed[0]!.id}`)).json();
    assert.equal(detail.attempts.length, 1, 'a failing filter is not retried');
    assert.match(detail.attempts[0].error, /filter failed/);
    assert.equal(detail.attempts[0].status_code, null);
    assert.equal(at('/broken-filter', receiver).length, 0);
    assert.equal((await t.request('GET', '/healthz')).statusCode, 200);
  });

  test('during a secret rotation every delivery carries a signature by each secret', async () => {
    const number = await createNumber(t);
    const endpoint = await subscribe(t, receiver, '/rotating', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    const rotated = (await t.request('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { overlap_seconds: 3600 })).json();
    await patchNumber(t, number.id, { friendly_name: 'rotated' });
    await receiver.waitFor(() => at('/rotating', receiver).length === 1);
    const got = at('/rotating', receiver)[0]!;
    const signatures = String(got.headers['webhook-signature']).split(' ');
    assert.equal(signatures.length, 2);
    for (const secret of [endpoint.secret, rotated.secret]) {
      assert.doesNotThrow(() => new Webhook(secret).verify(got.payload, got.headers as Record<string, string>), 'verifies with each secret alone');
    }
    assert.throws(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(got.payload, got.headers as Record<string, string>));
  });

  test('GET endpoints get the signed payload in the query', async () => {
    const number = await createNumber(t);
    const endpoint = await subscribe(t, receiver, '/get-hook', { method: 'GET', headers: { 'X-Custom': 'yes' }, event_types: ['phone_number.updated'], phone_number_id: number.id });
    await patchNumber(t, number.id, { friendly_name: 'by get' });
    await receiver.waitFor(() => at('/get-hook', receiver).length === 1);
    const got = at('/get-hook', receiver)[0]!;
    assert.equal(got.method, 'GET');
    assert.ok(got.verified);
    assert.equal(got.headers['x-custom'], 'yes');
    assert.equal(got.event.data.object.friendly_name, 'by get');
    await waitForDeliveries(t, endpoint.id, (ds) => ds[0]?.status === 'succeeded');
  });
});
