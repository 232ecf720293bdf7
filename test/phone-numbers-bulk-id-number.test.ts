// Bulk update (core, through PATCH /v1/phone-numbers): an item that names both an id and a
// number must name one phone number: a number is never changed by an update, so a mismatch
// is that item's error rather than being silently ignored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';

describe('bulk update: items with both id and number', () => {
  let t: TestApp;
  const numbers = ['+14155556100', '+14155556101'];
  let ids: string[] = [];

  before(async () => {
    t = await createTestApp();
    for (const number of numbers) {
      const res = await t.request('POST', '/v1/phone-numbers', { number, friendly_name: 'start' });
      assert.equal(res.statusCode, 201, res.body);
      ids.push(res.json().id);
    }
  });

  after(async () => {
    await t?.close();
  });

  test('the same number (in any format) is accepted; another or an invalid one is the item\'s error', async () => {
    const res = await t.request('PATCH', '/v1/phone-numbers', {
      items: [
        { id: ids[0], number: '+1 (415) 555-6100', friendly_name: 'matching' },
        { id: ids[1], number: numbers[0], friendly_name: 'mismatch' },
        { id: ids[1], number: '+1 415', friendly_name: 'invalid' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.updated.map((u: { index: number }) => u.index), [0]);
    assert.deepEqual(body.errors.map((e: { index: number; code: string }) => [e.index, e.code]), [[1, 'validation_failed'], [2, 'validation_failed']]);
    for (const e of body.errors) assert.deepEqual(e.details.map((d: { field: string }) => d.field), ['number']);
    assert.match(body.errors[0].details[0].message, /\+14155556101/);

    const second = await t.request('GET', `/v1/phone-numbers/${ids[1]}`);
    assert.equal(second.json().friendly_name, 'start');
    assert.equal(second.json().version, 1);
    assert.equal((await t.request('GET', `/v1/phone-numbers/${ids[0]}`)).json().friendly_name, 'matching');
  });
});
