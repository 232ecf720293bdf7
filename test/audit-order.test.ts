// GET /v1/events?order=desc: the audit log newest first (the console shows it so), paged with
// the same cursors, on both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, listAll, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ SWITCHBOARD_WORKER: 'false' });
  const n = (await t.request('POST', '/v1/phone-numbers', { number: '+14155550170' })).json();
  for (let i = 0; i < 6; i++) assert.equal((await t.request('PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: `v${i}` })).statusCode, 200);
});
after(() => t.close());

test('order=desc lists the newest first, page after page; order=asc (the default) oldest first', async () => {
  const asc = (await listAll(t, '/v1/events?object_type=phone_number', 2)).items.map((e) => e.id);
  const desc = await listAll(t, '/v1/events?object_type=phone_number&order=desc', 2);
  assert.equal(asc.length, 7);
  assert.deepEqual(desc.items.map((e) => e.id), [...asc].reverse());
  assert.equal(desc.pages, 4);
  assert.deepEqual((await listAll(t, '/v1/events?object_type=phone_number&order=asc', 3)).items.map((e) => e.id), asc);
  const newest = (await t.request('GET', '/v1/events?order=desc&limit=1')).json().data[0];
  assert.equal(newest.after.friendly_name, 'v5');
});

test('order takes asc or desc only', async () => {
  const res = await t.request('GET', '/v1/events?order=newest');
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.details[0].field, /order/);
});
