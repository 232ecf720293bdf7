// The audit log (/v1/events) and an endpoint's deliveries read newest first by default;
// order=asc gives the old order. since (inclusive) and until (exclusive) select a time window;
// cursors are stable in either order while new items arrive, and refused (400) in the other order.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, listAll, type TestApp } from './helpers/app.ts';

type Json = Record<string, any>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('newest first, order=asc, since/until and cursors', () => {
  let t: TestApp;
  let numberId: string;
  /** The events of the number, oldest first, each written a few milliseconds after the one before. */
  let written: Json[];

  const get = async (url: string) => {
    const res = await t.request('GET', url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const ids = (items: Json[]) => items.map((i) => i.id);

  before(async () => {
    t = await createTestApp();
    const created = await t.request('POST', '/v1/phone-numbers', { number: '+14155557001' });
    numberId = created.json().id;
    for (let i = 0; i < 6; i++) {
      await sleep(4);
      assert.equal((await t.request('PATCH', `/v1/phone-numbers/${numberId}`, { friendly_name: `v${i}` })).statusCode, 200);
    }
    written = (await get(`/v1/events?order=asc&object_id=${numberId}&limit=200`)).data;
    assert.equal(written.length, 7);
    assert.equal(new Set(written.map((e) => e.created_at)).size, 7, 'each event has its own time');
  });

  after(async () => {
    await t?.close();
  });

  test('/v1/events: newest first by default, oldest first with order=asc, in write order', async () => {
    const newest = (await get(`/v1/events?object_id=${numberId}`)).data;
    assert.deepEqual(ids(newest), ids(written).reverse());
    assert.deepEqual(newest.map((e: Json) => e.after.friendly_name).slice(0, 2), ['v5', 'v4']);
    assert.deepEqual(ids((await get(`/v1/events?order=desc&object_id=${numberId}`)).data), ids(newest));
    // The whole log, both ways, page by page, each event once.
    const desc = await listAll(t, '/v1/events', 2);
    const asc = await listAll(t, '/v1/events?order=asc', 2);
    assert.deepEqual(ids(desc.items), ids(asc.items).reverse());
    assert.equal(new Set(ids(desc.items)).size, desc.items.length);
  });

  test('/v1/events: since is inclusive, until exclusive; together a window; until before since is 422', async () => {
    const at = (i: number) => encodeURIComponent(written[i]!.created_at);
    const q = (query: string) => get(`/v1/events?order=asc&object_id=${numberId}&${query}`).then((b) => ids(b.data));
    assert.deepEqual(await q(`since=${at(4)}`), ids(written.slice(4)));
    assert.deepEqual(await q(`until=${at(2)}`), ids(written.slice(0, 2)));
    assert.deepEqual(await q(`since=${at(1)}&until=${at(3)}`), ids(written.slice(1, 3)));
    assert.deepEqual(ids((await get(`/v1/events?object_id=${numberId}&since=${at(1)}&until=${at(3)}`)).data), ids(written.slice(1, 3)).reverse(), 'newest first in the window too');
    assert.deepEqual(await q(`since=${at(3)}&until=${at(3)}`), [], 'an empty window');
    // Any ISO 8601 offset names the same instant.
    const local = new Date(new Date(written[4]!.created_at).getTime()).toISOString().replace('Z', '+00:00');
    assert.deepEqual(await q(`since=${encodeURIComponent(local)}`), ids(written.slice(4)));
    const bad = await t.request('GET', `/v1/events?since=${at(3)}&until=${at(1)}`);
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json().error.code, 'validation_failed');
    assert.deepEqual(bad.json().error.details.map((d: Json) => d.field), ['until']);
    for (const query of ['since=yesterday', 'until=2026-13-01T00:00:00Z', 'since=2016-12-31T23:59:60Z']) {
      const res = await t.request('GET', `/v1/events?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().error.code, 'invalid_request');
    }
  });

  test('/v1/events: a cursor keeps its place while events are written, and works only in its own order', async () => {
    const first = await get(`/v1/events?object_id=${numberId}&limit=3`);
    assert.deepEqual(ids(first.data), ids(written.slice(4)).reverse());
    // Newer events arrive meanwhile: the next page still goes on from where the first ended.
    await t.request('PATCH', `/v1/phone-numbers/${numberId}`, { friendly_name: 'later' });
    const second = await get(`/v1/events?object_id=${numberId}&limit=3&cursor=${encodeURIComponent(first.next_cursor)}`);
    assert.deepEqual(ids(second.data), ids(written.slice(1, 4)).reverse());
    const ascFirst = await get(`/v1/events?order=asc&object_id=${numberId}&limit=3`);
    const ascSecond = await get(`/v1/events?order=asc&object_id=${numberId}&limit=3&cursor=${encodeURIComponent(ascFirst.next_cursor)}`);
    assert.deepEqual(ids(ascSecond.data), ids(written.slice(3, 6)));

    for (const [cursor, order] of [[first.next_cursor, 'asc'], [ascFirst.next_cursor, 'desc']]) {
      const res = await t.request('GET', `/v1/events?order=${order}&cursor=${encodeURIComponent(cursor)}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'invalid_request');
      assert.deepEqual(res.json().error.details.map((d: Json) => d.field), ['cursor']);
      assert.match(res.json().error.message, new RegExp(`order=${order === 'asc' ? 'desc' : 'asc'}`));
    }
    assert.equal((await t.request('GET', `/v1/events?cursor=${encodeURIComponent(ascFirst.next_cursor)}`)).statusCode, 400, 'default order is desc');
  });

  test('/v1/events: unknown order, object_type or type is 400 naming the parameter, never an empty list', async () => {
    for (const [query, field] of [['object_type=phone_numbers', 'object_type'], ['type=phone_number.changed', 'type'], ['type=phone_number', 'type'], ['order=newest', 'order'], ['object_type=', 'object_type']]) {
      const res = await t.request('GET', `/v1/events?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().error.code, 'invalid_request');
      assert.deepEqual(res.json().error.details.map((d: Json) => d.field), [`querystring.${field}`], query);
    }
    // Every value the catalogue knows is taken.
    for (const objectType of ['phone_number', 'agent', 'workflow', 'webhook_endpoint', 'workspace', 'api_key', 'phone_call']) {
      assert.equal((await t.request('GET', `/v1/events?object_type=${objectType}`)).statusCode, 200, objectType);
    }
    for (const { type } of (await get('/v1/event-types')).data) {
      assert.equal((await t.request('GET', `/v1/events?type=${encodeURIComponent(type)}`)).statusCode, 200, type);
    }
  });

  test('deliveries: newest first by default, order=asc, since/until, cursors in their own order, enum filters', async () => {
    const endpoint = (await t.request('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/order', event_types: ['phone_number.updated'], phone_number_id: numberId })).json();
    // No worker runs here: a replay of one event at a time makes one pending delivery each, a few ms apart.
    for (let i = 1; i < written.length - 1; i++) {
      await sleep(4);
      const replay = await t.request('POST', `/v1/webhook-endpoints/${endpoint.id}/replay`, { since: written[i]!.created_at, until: written[i + 1]!.created_at });
      assert.equal(replay.json().queued, 1, replay.body);
    }
    const path = `/v1/webhook-endpoints/${endpoint.id}/deliveries`;
    const asc = (await get(`${path}?order=asc`)).data;
    assert.deepEqual(asc.map((d: Json) => d.event_id), ids(written.slice(1, -1)), 'one per event, in the order made');
    const desc = (await get(path)).data;
    assert.deepEqual(ids(desc), ids(asc).reverse());
    assert.deepEqual(ids((await listAll(t, path, 2)).items), ids(desc));
    assert.deepEqual(ids((await listAll(t, `${path}?order=asc`, 2)).items), ids(asc));

    const at = (i: number) => encodeURIComponent(asc[i].created_at);
    assert.deepEqual(ids((await get(`${path}?order=asc&since=${at(1)}&until=${at(4)}`)).data), ids(asc.slice(1, 4)));
    assert.deepEqual(ids((await get(`${path}?since=${at(3)}`)).data), ids(asc.slice(3)).reverse());
    assert.equal((await t.request('GET', `${path}?since=${at(3)}&until=${at(1)}`)).statusCode, 422);

    const page = await get(`${path}?limit=2`);
    const wrong = await t.request('GET', `${path}?order=asc&cursor=${encodeURIComponent(page.next_cursor)}`);
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.deepEqual(wrong.json().error.details.map((d: Json) => d.field), ['cursor']);
    for (const [query, field] of [['event_type=phone_number.changed', 'event_type'], ['status=done', 'status'], ['order=up', 'order']]) {
      const res = await t.request('GET', `${path}?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.deepEqual(res.json().error.details.map((d: Json) => d.field), [`querystring.${field}`], query);
    }
    assert.equal((await get(`${path}?event_type=phone_number.updated&status=pending`)).data.length, asc.length);
  });
});
