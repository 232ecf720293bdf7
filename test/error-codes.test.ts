// One error code per problem, whichever path meets it: the same problem answers the same code
// (and field) alone and inside a bulk answer, through the native API and the Freya face (whose
// envelope carries the code too).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';

type Json = Record<string, any>;
const INVALID = '+1 415';
const HINT = 'must be a valid phone number in international format, such as +14155551234';

describe('one error code per problem', () => {
  let t: TestApp;
  let number: Json;

  before(async () => {
    t = await createTestApp();
    number = (await t.request('POST', '/v1/phone-numbers', { number: '+14155557101' })).json();
  });

  after(async () => {
    await t?.close();
  });

  test('an invalid number: validation_failed naming number, alone, in a bulk item (by number, or beside an id), atomic or not, and through Freya', async () => {
    const alone = await t.request('POST', '/v1/phone-numbers', { number: INVALID });
    assert.equal(alone.statusCode, 422, alone.body);
    assert.equal(alone.json().error.code, 'validation_failed');
    assert.deepEqual(alone.json().error.details, [{ field: 'number', message: HINT }]);

    const bulk = await t.request('PATCH', '/v1/phone-numbers', { items: [{ number: INVALID, friendly_name: 'x' }, { id: number.id, number: INVALID, friendly_name: 'x' }] });
    assert.equal(bulk.statusCode, 200, bulk.body);
    for (const item of bulk.json().errors) {
      assert.equal(item.code, 'validation_failed', JSON.stringify(item));
      assert.deepEqual(item.details, [{ field: 'number', message: HINT }]);
    }
    assert.equal(bulk.json().errors.length, 2);

    const atomic = await t.request('PATCH', '/v1/phone-numbers', { atomic: true, items: [{ number: INVALID, friendly_name: 'x' }] });
    assert.equal(atomic.statusCode, 422, atomic.body);
    assert.equal(atomic.json().error.code, 'validation_failed');
    assert.equal(atomic.json().errors[0].code, 'validation_failed');
    assert.deepEqual(atomic.json().error.details, [{ field: 'items[0].number', message: HINT }]);

    const freya = await t.request('POST', '/api/v2/phone-numbers', { number: INVALID, workspaceId: t.first.workspace.id, userId: t.first.user.id });
    assert.equal(freya.statusCode, 422, freya.body);
    assert.equal(freya.json().error.code, 'validation_failed');
    assert.equal((await t.request('GET', `/v1/phone-numbers/${number.id}`)).json().version, 1, 'nothing written');
  });

  test('a malformed bulk item is invalid_request, as the same body alone is (400); an invalid number beside it is listed too', async () => {
    const alone = await t.request('PATCH', `/v1/phone-numbers/${number.id}`, { sip_outbound: { port: 0 } });
    assert.equal(alone.statusCode, 400, alone.body);
    assert.equal(alone.json().error.code, 'invalid_request');
    const bulk = (await t.request('PATCH', '/v1/phone-numbers', { items: [{ id: number.id, sip_outbound: { port: 0 } }, { number: INVALID, sip_outbound: { port: 0 } }] })).json();
    assert.deepEqual(bulk.errors.map((e: Json) => e.code), ['invalid_request', 'invalid_request']);
    assert.deepEqual(bulk.errors[1].details.map((d: Json) => d.field), ['number', 'sip_outbound.port']);
  });

  test('an unknown agent: validation_failed with the same detail on create, PATCH and in a bulk item', async () => {
    const agent = '01890000-0000-7000-8000-0000000000aa';
    const expected = [{ field: 'inbound_agent_id', message: 'is not an agent of this workspace' }];
    const create = await t.request('POST', '/v1/phone-numbers', { number: '+14155557102', inbound_agent_id: agent });
    const patch = await t.request('PATCH', `/v1/phone-numbers/${number.id}`, { inbound_agent_id: agent });
    for (const res of [create, patch]) {
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'validation_failed');
      assert.deepEqual(res.json().error.details, expected);
    }
    const bulk = (await t.request('PATCH', '/v1/phone-numbers', { items: [{ id: number.id, inbound_agent_id: agent }] })).json();
    assert.equal(bulk.errors[0].code, 'validation_failed');
    assert.deepEqual(bulk.errors[0].details, expected);
  });

  test('a cursor this API did not make: 400 invalid_request on every list, as one too long to be a cursor', async () => {
    const endpoint = (await t.request('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/codes' })).json();
    const lists = ['/v1/phone-numbers', '/v1/agents', '/v1/workflows', '/v1/api-keys', '/v1/events', '/v1/webhook-endpoints', `/v1/webhook-endpoints/${endpoint.id}/deliveries`, '/v1/workspaces', '/api/v2/phone-numbers'];
    for (const list of lists) {
      for (const cursor of ['garbage', Buffer.from('not-a-uuid').toString('base64url'), 'x'.repeat(129)]) {
        const res = await t.request('GET', `${list}?cursor=${cursor}`);
        assert.equal(res.statusCode, 400, `${list} ${cursor.slice(0, 10)}: ${res.body}`);
        assert.equal(res.json().error.code, 'invalid_request', `${list}: ${res.body}`);
      }
    }
  });

  test('a malformed If-Match or If-None-Match: 400 invalid_request on every route that takes it', async () => {
    const agent = (await t.request('POST', '/v1/agents', { name: 'codes' })).json();
    const routes: [string, string, unknown?][] = [
      ['PATCH', `/v1/phone-numbers/${number.id}`, { friendly_name: 'x' }],
      ['DELETE', `/v1/phone-numbers/${number.id}`],
      ['PATCH', `/v1/agents/${agent.id}`, { prompt: 'x' }],
      ['DELETE', `/v1/agents/${agent.id}`],
    ];
    for (const [method, url, body] of routes) {
      const res = await t.request(method as 'PATCH', url, body, { headers: { 'if-match': 'v1' } });
      assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
      assert.equal(res.json().error.code, 'invalid_request');
    }
    const get = await t.request('GET', `/v1/agents/${agent.id}`, undefined, { headers: { 'if-none-match': 'v1' } });
    assert.equal(get.statusCode, 400, get.body);
    assert.equal(get.json().error.code, 'invalid_request');
  });
});
