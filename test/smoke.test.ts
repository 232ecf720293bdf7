import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './helpers/app.ts';

test('smoke: create and read a number', async () => {
  const t = await createTestApp();
  try {
    const created = await t.request('POST', '/v1/phone-numbers', { number: '+1 (415) 555-1234', friendly_name: 'Main' });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json();
    assert.equal(body.number, '+14155551234');
    const got = await t.request('GET', '/v1/phone-numbers/%2B14155551234');
    assert.equal(got.statusCode, 200, got.body);
    assert.deepEqual(got.json(), body);
  } finally {
    await t.close();
  }
});
