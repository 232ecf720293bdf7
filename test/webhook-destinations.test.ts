// SSRF at save time, through the API: a webhook destination that is (or resolves to) a
// loopback, private, link-local or metadata address is refused when it is saved, by the native
// API and by the VoiceOS face alike, unless the operator allows private destinations.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dns from 'node:dns/promises';
import os from 'node:os';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { isBlockedAddress } from '../src/webhooks/address-policy.ts';

const BLOCKED = [
  'http://127.0.0.1:8080/hook',
  'http://localhost/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://10.1.2.3/hook',
  'http://172.16.0.9/hook',
  'http://192.168.1.10/hook',
  'http://169.254.169.254/latest/meta-data',
  'http://[fe80::1]/hook',
  'http://[fd00::1]/hook',
  'http://224.0.0.1/hook',
  'http://2130706433/hook',
];

describe('webhook destinations are checked when saved', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.request('POST', '/v1/phone-numbers', { number: '+14155558001' });
  });
  after(() => t.close());

  test('the native API refuses every blocked class with 422 naming url, and writes nothing', async () => {
    for (const url of BLOCKED) {
      const res = await t.request('POST', '/v1/webhook-endpoints', { url });
      assert.equal(res.statusCode, 422, `${url}: ${res.body}`);
      assert.equal(res.json().error.details[0].field, 'url', url);
      // Every refusal but a metadata service's says which setting lifts it.
      const lifts = /SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE=true/.test(res.json().error.details[0].message);
      assert.equal(lifts, !url.includes('169.254.169.254'), `${url}: ${res.body}`);
    }
    assert.equal((await t.request('GET', '/v1/webhook-endpoints')).json().data.length, 0);
  });

  test('PATCH to a blocked url is refused too; a public name is accepted', async () => {
    const created = await t.request('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/calls' });
    assert.equal(created.statusCode, 201, created.body);
    const res = await t.request('PATCH', `/v1/webhook-endpoints/${created.json().id}`, { url: 'http://192.168.0.1/' });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal((await t.request('GET', `/v1/webhook-endpoints/${created.json().id}`)).json().url, 'https://hooks.example.com/calls');
  });

  test('VoiceOS webhooks[] are checked the same way, in its error format, and nothing is written', async () => {
    const res = await t.request('PATCH', '/phone_numbers/%2B14155558001', { webhooks: [{ url: 'https://hooks.example.com/ok' }, { url: 'http://10.0.0.5/internal' }] });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(res.json().detail[0].loc, ['body', 'webhooks', 1, 'url']);
    assert.deepEqual((await t.request('GET', '/phone_numbers/%2B14155558001')).json().webhooks, []);
  });

  test('a name that does not resolve (yet) is accepted: it may resolve later, and every connection is checked', async () => {
    // .invalid never resolves (RFC 6761). The send-time side is in webhook-worker.test.ts: such
    // a delivery is retried like any network failure, one whose name resolves to a private
    // address fails at once.
    const res = await t.request('POST', '/v1/webhook-endpoints', { url: 'https://hooks.not-yet.invalid/calls' });
    assert.equal(res.statusCode, 201, res.body);
  });

  test('a host name that resolves to a private address is refused', async (ctx) => {
    const name = os.hostname();
    const addresses = await dns.lookup(name, { all: true }).catch(() => []);
    if (!addresses.length || !addresses.every((a) => isBlockedAddress(a.address))) {
      ctx.skip(`${name} does not resolve to a private address here`);
      return;
    }
    const res = await t.request('POST', '/v1/webhook-endpoints', { url: `http://${name}/hook` });
    assert.equal(res.statusCode, 422, res.body);
  });
});

describe('SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE=true', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  after(() => t.close());

  test('a local receiver may be saved; cloud metadata stays refused', async () => {
    assert.equal((await t.request('POST', '/v1/webhook-endpoints', { url: 'http://127.0.0.1:9999/hook' })).statusCode, 201);
    assert.equal((await t.request('POST', '/v1/webhook-endpoints', { url: 'http://10.0.0.7/hook' })).statusCode, 201);
    assert.equal((await t.request('POST', '/v1/webhook-endpoints', { url: 'http://169.254.169.254/latest' })).statusCode, 422);
  });
});
