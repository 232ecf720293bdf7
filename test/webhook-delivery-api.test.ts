// The API around webhook deliveries, against a real worker and a real local receiver that
// verifies every signature: GET …/deliveries (status and event_type filters, cursor paging,
// 400/404), GET …/deliveries/{id} (attempts oldest first, a 10 KB answer kept truncated to
// 4 KiB, 404 across endpoints and workspaces), POST …/retry (same webhook-id, 409 on a disabled
// endpoint, 403 for a read-only key), POST …/test (signed webhook_endpoint.test, nothing
// recorded, a failing receiver, a disabled endpoint), POST …/replay (since/until, same webhook-id,
// new deliveries for a later endpoint, 400/409/422, Idempotency-Key), webhook_deliveries on
// GET /v1/events and tenancy, GET /v1/event-types, no whsec_ secret in answers, payloads or logs,
// and a replay racing the fan-out (once a Postgres deadlock). Retries,
// filters, 410, rotation and concurrency are webhook-delivery.test.ts's. Real database.
// Every assert.ok has a message: without one, a failing assert.ok re-reads the source (mapped
// wrongly under tsx) to describe itself, and was seen to hang the run instead of failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createKey, createOtherWorkspace, createTestApp, listAll, type TestApp } from './helpers/app.ts';
import { WebhookReceiver, type Answer, type Received } from './helpers/webhook-receiver.ts';
import { DeliveryWorker } from '../src/webhooks/worker.ts';
import { closeSharedWebhookAgents } from '../src/webhooks/sender.ts';
import { EVENT_TYPES } from '../src/core/webhooks/event-types.ts';

type Json = Record<string, any>;

const EP = '/v1/webhook-endpoints';
const MISSING_ID = '01890000-0000-7000-8000-000000000000';
const SCHEDULE = '0,100ms,200ms'; // three attempts, a failure is final within ~300 ms
let numberSeq = 0;
const nextNumber = () => `+1415555${String(7000 + numberSeq++).padStart(4, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function assertError(res: LightMyRequestResponse, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code, res.body);
  assert.equal(body.error.request_id, res.headers['x-request-id']);
  return body.error;
}

describe('webhook delivery API', () => {
  let t: TestApp;
  let worker: DeliveryWorker;
  let other: { workspaceId: string; key: string };
  let fileStart: string;
  const receiver = new WebhookReceiver();
  /** Per receiver path, how it answers (default 204). */
  const answers = new Map<string, (r: Received, n: number) => Answer>();
  /** Every body the delivery API and /v1/events answered: none may hold a secret. */
  const bodies: string[] = [];
  const secrets: string[] = [];

  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, options?: { key?: string; headers?: Record<string, string> }) => {
    const res = await t.request(method, url, body, options);
    bodies.push(res.body);
    return res;
  };
  const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, status = method === 'POST' ? 201 : 200): Promise<Json> => {
    const res = await t.request(method, url, body);
    assert.equal(res.statusCode, status, res.body);
    return res.json();
  };
  const at = (path: string) => receiver.received.filter((r) => r.path === path);
  /** An endpoint on its own receiver path whose secret the receiver trusts. */
  const subscribe = async (path: string, body: Json): Promise<Json> => {
    const endpoint = await ok('POST', EP, { url: receiver.url(path), ...body });
    receiver.trust(path, endpoint.secret);
    secrets.push(endpoint.secret);
    return endpoint;
  };
  const list = async (endpointId: string, query = ''): Promise<Json[]> => {
    const res = await api('GET', `${EP}/${endpointId}/deliveries?limit=200&order=asc${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().data;
  };
  /** Waits until the endpoint has `count` deliveries and none is pending. */
  const settled = async (endpointId: string, count: number): Promise<Json[]> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ds = await list(endpointId);
      if (ds.length === count && ds.every((d) => d.status !== 'pending')) return ds;
      if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${JSON.stringify(ds.map((d) => [d.event_type, d.status]))}`);
      await sleep(30);
    }
  };
  const patchNumber = (id: string, friendly_name: string) => ok('PATCH', `/v1/phone-numbers/${id}`, { friendly_name });

  before(async () => {
    fileStart = new Date().toISOString();
    await receiver.start();
    receiver.respond = (r, n) => answers.get(r.path)?.(r, n) ?? { status: 204 };
    t = await createTestApp({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true', SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: SCHEDULE, SWITCHBOARD_WEBHOOK_TIMEOUT: '2s' });
    worker = new DeliveryWorker(t.runtime.core.delivery, { concurrency: 16, pollMs: 20 }).start();
    other = await createOtherWorkspace(t, 'delivery-api-other');
  });
  after(async () => {
    await worker?.stop(1000);
    await t?.close();
    await receiver.close();
    await closeSharedWebhookAgents();
  });

  // Shared by the list and get tests: workflow.* deliveries to /list, one failed, one flaky.
  let listed: Json;
  const byName = new Map<string, Json>();

  test('GET …/deliveries: status and event_type filters, cursor paging, 400 and 404', async () => {
    answers.set('/list', (r, n) => {
      const name = r.event.data.object?.name;
      if (name === 'doomed') return { status: 500, body: 'nope' };
      if (name === 'flaky' && n === 1) return { status: 500, body: 'x'.repeat(10_240) };
      return { status: 200, body: 'ok' };
    });
    listed = await subscribe('/list', { event_types: ['workflow.*'] });
    const ids = new Map<string, string>();
    for (const name of ['doomed', 'flaky', 'plain']) ids.set(name, (await ok('POST', '/v1/workflows', { name })).id);
    await ok('PATCH', `/v1/workflows/${ids.get('plain')}`, { description: 'two' });
    await ok('PATCH', `/v1/workflows/${ids.get('plain')}`, { description: 'three' });
    const all = await settled(listed.id, 5);
    for (const d of all.filter((d) => d.event_type === 'workflow.created')) {
      byName.set((await ok('GET', `/v1/events/${d.event_id}`)).after.name, d);
    }
    assert.deepEqual(all.map((d) => d.id), [...all.map((d) => d.id)].sort(), 'oldest first');
    assert.ok(all.every((d) => d.endpoint_id === listed.id && d.webhook_id === `msg_${d.id.replace(/-/g, '')}`), 'each delivery belongs to the endpoint; webhook_id is msg_ + its id');

    const failed = (await api('GET', `${EP}/${listed.id}/deliveries?status=failed`)).json().data;
    assert.deepEqual(failed.map((d: Json) => d.id), [byName.get('doomed')!.id]);
    assert.equal((await list(listed.id, '&status=succeeded')).length, 4);
    assert.deepEqual(await list(listed.id, '&status=skipped'), []);
    assert.deepEqual((await list(listed.id, '&event_type=workflow.updated')).map((d) => d.event_type), ['workflow.updated', 'workflow.updated']);
    assert.equal((await list(listed.id, '&event_type=workflow.created&status=succeeded')).length, 2);
    assert.deepEqual(await list(listed.id, '&event_type=agent.created'), []);

    const paged = await listAll(t, `${EP}/${listed.id}/deliveries?order=asc`, 2);
    assert.equal(paged.pages, 3);
    assert.deepEqual(paged.items, all);
    const pagedSucceeded = await listAll(t, `${EP}/${listed.id}/deliveries?order=asc&status=succeeded`, 1);
    assert.deepEqual(pagedSucceeded.items.map((d) => d.id), all.filter((d) => d.status === 'succeeded').map((d) => d.id));

    assertError(await api('GET', `${EP}/${listed.id}/deliveries?status=bogus`), 400, 'invalid_request');
    assertError(await api('GET', `${EP}/${listed.id}/deliveries?limit=201`), 400, 'invalid_request');
    assertError(await api('GET', `${EP}/${MISSING_ID}/deliveries`), 404, 'not_found');
    assertError(await api('GET', `${EP}/${listed.id}/deliveries`, undefined, { key: other.key }), 404, 'not_found');
    const theirs = (await t.request('POST', EP, { url: receiver.url('/theirs'), event_types: ['agent.*'] }, { key: other.key })).json();
    secrets.push(theirs.secret);
    assertError(await api('GET', `${EP}/${theirs.id}/deliveries`), 404, 'not_found');
  });

  test('GET …/deliveries/{id}: attempts oldest first, a 10 KB answer truncated to 4 KiB, 404 elsewhere', async () => {
    const flaky = (await api('GET', `${EP}/${listed.id}/deliveries/${byName.get('flaky')!.id}`)).json();
    assert.equal(flaky.status, 'succeeded');
    assert.equal(flaky.attempt_count, 2);
    assert.deepEqual(flaky.attempts.map((a: Json) => a.status_code), [500, 200], 'oldest first');
    const [first, second] = flaky.attempts;
    assert.ok(first.started_at <= second.started_at, 'attempts oldest first');
    assert.equal(first.response_truncated, true);
    assert.ok(Buffer.byteLength(first.response_body) <= 4096 && first.response_body.length >= 1024, `${first.response_body.length} chars kept`);
    assert.match(first.response_body, /^x+$/);
    assert.equal(typeof first.error, 'string');
    assert.deepEqual([second.response_body, second.response_truncated, second.error], ['ok', false, null]);
    for (const a of flaky.attempts) {
      assert.ok(Number.isInteger(a.latency_ms) && a.latency_ms >= 0, 'latency_ms');
      assert.ok(!Number.isNaN(Date.parse(a.started_at)), 'started_at');
    }

    const doomed = (await api('GET', `${EP}/${listed.id}/deliveries/${byName.get('doomed')!.id}`)).json();
    assert.equal(doomed.status, 'failed');
    assert.equal(doomed.attempts.length, 3);
    assert.ok(doomed.attempts.every((a: Json) => a.status_code === 500 && a.response_body === 'nope' && !a.response_truncated && a.error), 'three failed attempts');
    assert.equal(doomed.last_status_code, 500);
    assert.equal(doomed.next_attempt_at, null);

    const sibling = await subscribe('/sibling', { event_types: ['agent.*'] });
    const id = doomed.id;
    assertError(await api('GET', `${EP}/${sibling.id}/deliveries/${id}`), 404, 'not_found');
    assertError(await api('GET', `${EP}/${listed.id}/deliveries/${MISSING_ID}`), 404, 'not_found');
    assertError(await api('GET', `${EP}/${listed.id}/deliveries/${id}`, undefined, { key: other.key }), 404, 'not_found');
    assertError(await api('GET', `${EP}/${listed.id}/deliveries/not-a-uuid`), 400, 'invalid_request');
  });

  test('POST …/retry: a failed delivery goes again with the same webhook-id; 403 read-only; 409 disabled', async () => {
    let down = true;
    answers.set('/retry', () => ({ status: down ? 500 : 200 }));
    const number = await ok('POST', '/v1/phone-numbers', { number: nextNumber() });
    const endpoint = await subscribe('/retry', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    await patchNumber(number.id, 'retry me');
    const [failed] = await settled(endpoint.id, 1);
    assert.equal(failed!.status, 'failed');
    assert.equal(receiver.perWebhookId.get(failed!.webhook_id), 3);
    const url = `${EP}/${endpoint.id}/deliveries/${failed!.id}/retry`;

    const { key: readOnly } = await createKey(t, ['webhooks:read'], 'hooks read-only');
    assertError(await api('POST', url, undefined, { key: readOnly }), 403, 'forbidden');
    assertError(await api('POST', url, undefined, { key: other.key }), 404, 'not_found');
    assert.equal((await list(endpoint.id))[0].status, 'failed', 'refused retries change nothing');

    const res = await api('POST', url);
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().id, failed!.id);
    assert.equal(res.json().status, 'pending');
    assert.equal(res.json().webhook_id, failed!.webhook_id);
    down = false;
    const [done] = await settled(endpoint.id, 1);
    assert.equal(done!.status, 'succeeded');
    const got = at('/retry');
    assert.ok(got.length >= 4, `${got.length} requests`);
    assert.ok(got.every((r) => r.verified && r.webhookId === failed!.webhook_id), 'every attempt, retried or not, has the same webhook-id');
    assert.equal(new Set(got.map((r) => r.event.id)).size, 1);

    await ok('PATCH', `${EP}/${endpoint.id}`, { enabled: false });
    const error = assertError(await api('POST', url), 409, 'conflict');
    assert.match(error.message, /disabled/);
    assert.equal((await list(endpoint.id))[0].status, 'succeeded');
  });

  test('POST …/test: a signed webhook_endpoint.test, reported and never recorded', async () => {
    const good = await subscribe('/test-ok', { event_types: ['webhook_endpoint.test'] });
    const res = await api('POST', `${EP}/${good.id}/test`);
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.equal(result.succeeded, true);
    assert.equal(result.status_code, 204);
    assert.equal(result.error, null);
    assert.match(result.webhook_id, /^msg_test_[0-9a-f]{32}$/);
    assert.ok(Number.isInteger(result.latency_ms) && result.latency_ms >= 0, 'latency_ms');
    const got = at('/test-ok');
    assert.equal(got.length, 1);
    assert.ok(got[0]!.verified, 'signed with the endpoint secret');
    assert.equal(got[0]!.webhookId, result.webhook_id);
    assert.equal(got[0]!.event.type, 'webhook_endpoint.test');
    assert.equal(got[0]!.event.data.endpoint_id, good.id);

    answers.set('/test-fail', () => ({ status: 500, body: 'broken' }));
    const bad = await subscribe('/test-fail', { event_types: ['webhook_endpoint.test'] });
    const failed = (await api('POST', `${EP}/${bad.id}/test`)).json();
    assert.deepEqual([failed.succeeded, failed.status_code, failed.response_body], [false, 500, 'broken']);
    assert.equal(typeof failed.error, 'string');
    assert.notEqual(failed.webhook_id, result.webhook_id);

    // Found: the test ignores `enabled`: a disabled endpoint is sent to too (useful before re-enabling it).
    await ok('PATCH', `${EP}/${good.id}`, { enabled: false });
    const disabled = (await api('POST', `${EP}/${good.id}/test`)).json();
    assert.equal(disabled.succeeded, true);
    assert.equal(at('/test-ok').length, 2);

    assertError(await api('POST', `${EP}/${good.id}/test`, undefined, { key: other.key }), 404, 'not_found');
    assertError(await api('POST', `${EP}/${MISSING_ID}/test`), 404, 'not_found');
    await sleep(300); // the worker polls every 20 ms: time enough to fan out anything the tests left
    assert.deepEqual(await list(good.id), [], 'endpoints subscribed to webhook_endpoint.test got no delivery');
    assert.deepEqual(await list(bad.id), []);
    assert.deepEqual((await ok('GET', '/v1/events?type=webhook_endpoint.test')).data, [], 'no event was recorded');
    assert.equal(at('/test-fail').length, 1, 'the failed test was not retried');
  });

  test('POST …/replay: since/until, same webhook-id, new deliveries for a later endpoint, errors, Idempotency-Key', async () => {
    const number = await ok('POST', '/v1/phone-numbers', { number: nextNumber() });
    const endpoint = await subscribe('/replay', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    const start = new Date().toISOString();
    await sleep(5);
    await patchNumber(number.id, 'a');
    await sleep(5);
    const mid = new Date().toISOString();
    await sleep(5);
    await patchNumber(number.id, 'b');
    await patchNumber(number.id, 'c');
    const first = await settled(endpoint.id, 3);
    const eventIds = first.map((d) => d.event_id).sort(); // A, B, C
    const idOf = new Map(first.map((d) => [d.event_id, d.webhook_id]));
    const sent = (eventId: string) => at('/replay').filter((r) => r.event.id === eventId);
    assert.ok(eventIds.every((id) => sent(id).length === 1), 'each event sent once so far');
    const url = `${EP}/${endpoint.id}/replay`;

    const res = await api('POST', url, { since: mid });
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(res.json(), { queued: 2, events: 2, next_since: null });
    await receiver.waitFor(() => sent(eventIds[1]!).length === 2 && sent(eventIds[2]!).length === 2);
    await settled(endpoint.id, 3);
    assert.equal(sent(eventIds[0]!).length, 1, 'the event before since is not sent again');
    for (const id of eventIds.slice(1)) assert.ok(sent(id).every((r) => r.verified && r.webhookId === idOf.get(id)), 'the same webhook-id again');

    const until = (await api('POST', url, { since: start, until: mid })).json();
    assert.deepEqual(until, { queued: 1, events: 1, next_since: null });
    await receiver.waitFor(() => sent(eventIds[0]!).length === 2);
    await settled(endpoint.id, 3);
    assert.equal(sent(eventIds[2]!).length, 2, 'events after until are not sent again');

    // An endpoint created after the events gets them by replay, as new deliveries.
    const late = await subscribe('/late', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    const lateRes = (await api('POST', `${EP}/${late.id}/replay`, { since: start })).json();
    assert.equal(lateRes.queued, 3);
    assert.ok(lateRes.events >= 3, 'events looked at');
    const lateDeliveries = await settled(late.id, 3);
    assert.deepEqual(lateDeliveries.map((d) => d.event_id).sort(), [...eventIds].sort());
    assert.ok(lateDeliveries.every((d) => d.status === 'succeeded' && ![...idOf.values()].includes(d.webhook_id)), 'new deliveries with their own webhook-ids');
    assert.deepEqual(at('/late').map((r) => r.event.id).sort(), [...eventIds].sort());
    assert.ok(at('/late').every((r) => r.verified), 'signed with the late endpoint secret');

    const bad = assertError(await api('POST', url, { since: mid, until: start }), 422, 'validation_failed');
    assert.deepEqual(bad.details.map((d: Json) => d.field), ['until']);
    assertError(await api('POST', url, {}), 400, 'invalid_request');
    assertError(await api('POST', url, { since: 'yesterday' }), 400, 'invalid_request');
    assertError(await api('POST', url, { since: start }, { key: other.key }), 404, 'not_found');

    const headers = { 'idempotency-key': `replay-${endpoint.id}` };
    const once = await api('POST', url, { since: mid }, { headers });
    const twice = await api('POST', url, { since: mid }, { headers });
    assert.equal(once.statusCode, 202, once.body);
    assert.equal(twice.statusCode, 202, twice.body);
    assert.deepEqual(twice.json(), once.json());
    assert.equal(twice.headers['idempotent-replayed'], 'true');
    assertError(await api('POST', url, { since: start }, { headers }), 422, 'idempotency_key_reused');
    await receiver.waitFor(() => sent(eventIds[2]!).length >= 3);
    await settled(endpoint.id, 3);

    await ok('PATCH', `${EP}/${late.id}`, { enabled: false });
    assertError(await api('POST', `${EP}/${late.id}/replay`, { since: start }), 409, 'conflict');
  });

  test('GET /v1/events and /v1/events/{id}: webhook_deliveries per subscribed endpoint, per workspace', async () => {
    const number = await ok('POST', '/v1/phone-numbers', { number: nextNumber() });
    const one = await subscribe('/ev-1', { event_types: ['phone_number.updated'], phone_number_id: number.id });
    const two = await subscribe('/ev-2', { event_types: ['phone_number:updated', 'agent.*'], phone_number_id: number.id });
    // The other workspace subscribes to every number change of its own.
    const theirs = (await t.request('POST', EP, { url: receiver.url('/ev-other'), event_types: ['phone_number.*'] }, { key: other.key })).json();
    receiver.trust('/ev-other', theirs.secret);
    secrets.push(theirs.secret);
    const theirNumber = (await t.request('POST', '/v1/phone-numbers', { number: nextNumber() }, { key: other.key })).json();

    const { id: keyId } = await createKey(t, ['numbers:read'], 'an event nobody subscribes to');
    await patchNumber(number.id, 'watched');
    const [d1] = await settled(one.id, 1);
    const [d2] = await settled(two.id, 1);
    await receiver.waitFor(() => at('/ev-other').length === 1);

    const expected = [d1!, d2!]
      .map((d) => ({ endpoint_id: d.endpoint_id, status: 'succeeded', webhook_id: d.webhook_id }))
      .sort((a, b) => a.endpoint_id.localeCompare(b.endpoint_id));
    const summary = (e: Json) => e.webhook_deliveries.map((d: Json) => ({ endpoint_id: d.endpoint_id, status: d.status, webhook_id: d.webhook_id })).sort((a: Json, b: Json) => a.endpoint_id.localeCompare(b.endpoint_id));
    const listedEvents = (await api('GET', `/v1/events?object_id=${number.id}&type=phone_number.updated`)).json().data;
    assert.equal(listedEvents.length, 1);
    assert.deepEqual(summary(listedEvents[0]), expected);
    const event = (await api('GET', `/v1/events/${d1!.event_id}`)).json();
    assert.deepEqual(summary(event), expected);
    assert.deepEqual(event.webhook_deliveries.map((d: Json) => d.event_id), [event.id, event.id]);
    assert.deepEqual([at('/ev-1')[0]!.webhookId, at('/ev-2')[0]!.webhookId].sort(), [d1!.webhook_id, d2!.webhook_id].sort());

    const keyEvent = (await api('GET', `/v1/events?object_id=${keyId}&type=api_key.created`)).json().data[0];
    assert.deepEqual(keyEvent.webhook_deliveries, [], 'an event nobody subscribes to');

    // The other workspace: our event is not found, its own events show only its own deliveries.
    assertError(await api('GET', `/v1/events/${event.id}`, undefined, { key: other.key }), 404, 'not_found');
    const theirEvents = (await api('GET', '/v1/events?limit=200', undefined, { key: other.key })).json().data;
    const theirDeliveries = theirEvents.flatMap((e: Json) => e.webhook_deliveries);
    assert.ok(theirDeliveries.length >= 1, 'the other workspace sees its own deliveries');
    assert.ok(theirDeliveries.every((d: Json) => d.endpoint_id === theirs.id), '…and only its own');
    assert.ok(theirEvents.some((e: Json) => e.object_id === theirNumber.id && e.webhook_deliveries.length === 1), 'its number event went to its endpoint');
    assert.ok(at('/ev-other').every((r) => r.verified && r.event.data.object.id === theirNumber.id), 'our changes never reach their endpoint');
    assert.ok(!JSON.stringify(theirEvents).includes(number.id), 'our number never appears to them');
  });

  test('GET /v1/event-types lists the catalogue', async () => {
    const { key } = await createKey(t, ['webhooks:read'], 'event types reader');
    const res = await api('GET', '/v1/event-types', undefined, { key });
    assert.equal(res.statusCode, 200, res.body);
    const types = res.json().data as Json[];
    assert.deepEqual(types.map((e) => e.type), EVENT_TYPES.map((e) => e.type));
    for (const type of ['phone_number.updated', 'phone_call:connection_requested', 'webhook_endpoint.test']) assert.ok(types.some((e) => e.type === type), type);
    assert.ok(types.every((e) => typeof e.description === 'string' && e.description.length > 0), 'descriptions');
  });

  test('no whsec_ secret in any answer above, in webhook_endpoint payloads, or in the logs', async () => {
    // Endpoint events (creations, a rotation) replayed to an endpoint that subscribes to them.
    const audit = await subscribe('/audit', { event_types: ['webhook_endpoint.*'] });
    const rotated = await ok('POST', `${EP}/${audit.id}/rotate-secret`, {}, 200);
    receiver.trust('/audit', rotated.secret);
    secrets.push(rotated.secret);
    await settled(audit.id, 2); // its creation and rotation fanned out first: see the deadlock test below
    const replay = await api('POST', `${EP}/${audit.id}/replay`, { since: fileStart });
    assert.equal(replay.statusCode, 202, replay.body);
    const queued = replay.json().queued;
    assert.ok(queued >= 5, `${queued} endpoint events`);
    await settled(audit.id, queued);
    const payloads = at('/audit');
    assert.ok(payloads.some((r) => r.event.type === 'webhook_endpoint.updated' && r.event.data.changes.includes('secret')), 'the rotation was replayed');

    assert.ok(bodies.length >= 10 && secrets.length >= 3, 'enough was checked');
    const leaks = (text: string) => text.includes('whsec_') || secrets.some((s) => text.includes(s.slice('whsec_'.length)));
    assert.deepEqual(bodies.filter(leaks), [], 'an API answer holds a secret');
    assert.deepEqual(payloads.map((r) => r.payload).filter(leaks), [], 'a webhook payload holds a secret');
    assert.ok(t.logs.length > 0, 'the app logged');
    assert.deepEqual(t.logs.filter(leaks), [], 'a log line holds a secret');
  });

  // Postgres: the worker's fan-out locks undispatched audit rows FOR UPDATE, then inserts their
  // deliveries; a replay inserting the same (event, endpoint) waits on its foreign-key check
  // (FOR KEY SHARE) of that row, the fan-out waits on the replay's row: "deadlock detected", 500.
  test('a replay racing the fan-out of the same event succeeds', async () => {
    await worker.stop(1000); // this test fans out by hand, paused at the worst moment
    const since = new Date().toISOString();
    const endpoint = await subscribe('/race', { event_types: ['agent.*'] });
    await ok('POST', '/v1/agents', { name: 'race' });
    let replay: Promise<LightMyRequestResponse> | undefined;
    await t.runtime.store.transaction(async (tx) => {
      const events = (await tx.audit.takeUndispatched(100)).filter((e) => e.type === 'agent.created');
      assert.equal(events.length, 1);
      replay = api('POST', `${EP}/${endpoint.id}/replay`, { since });
      await sleep(300);
      const now = new Date().toISOString();
      await tx.deliveries.insertMany(events.map((e) => ({ id: crypto.randomUUID(), workspace_id: e.workspace_id, endpoint_id: endpoint.id, event_id: e.id, event_type: e.type, created_at: now })), now);
      await tx.audit.markDispatched(events.map((e) => e.id), now);
    });
    const res = await replay!;
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().queued, 1);
    assert.equal((await list(endpoint.id)).length, 1);
  });
});
