// How the native API lets a number be named: in the path by id, E.164 (raw or %2B) or its digits
// alone; in number_prefix with or without its "+" (a "+" sent unencoded in a query arrives as a
// space); search finds a name or the number's digits, however they are punctuated. And every
// enum-like filter refuses what it does not know with 400, never a quiet [].
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOtherWorkspace, createTestApp, listAll, type TestApp } from './helpers/app.ts';

type Json = Record<string, any>;

describe('naming numbers leniently', () => {
  let t: TestApp;
  let main: Json;
  let side: Json;
  let other: { key: string };

  before(async () => {
    t = await createTestApp();
    main = (await t.request('POST', '/v1/phone-numbers', { number: '+14155551234', friendly_name: 'Main line 2' })).json();
    side = (await t.request('POST', '/v1/phone-numbers', { number: '+12125550100', friendly_name: 'Side 5551234 desk' })).json();
    other = await createOtherWorkspace(t, 'lookup-other');
    assert.equal((await t.request('POST', '/v1/phone-numbers', { number: '+14155559999' }, { key: other.key })).statusCode, 201);
  });

  after(async () => {
    await t?.close();
  });

  const ids = async (query: string) => (await listAll(t, `/v1/phone-numbers?${query}`, 50)).items.map((n: Json) => n.id).sort();

  test('GET, PATCH and DELETE by the digits alone find +14155551234, as by E.164', async () => {
    for (const ref of ['14155551234', '%2B14155551234', '+14155551234', main.id]) {
      const res = await t.request('GET', `/v1/phone-numbers/${ref}`);
      assert.equal(res.statusCode, 200, `${ref}: ${res.body}`);
      assert.equal(res.json().id, main.id);
    }
    const patched = await t.request('PATCH', '/v1/phone-numbers/14155551234', { labels: { found: 'by-digits' } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().id, main.id);
    // Digits that are no number of this workspace: 404, here and for another workspace's number.
    for (const ref of ['14155559999', '123', '0014155551234x']) assert.equal((await t.request('GET', `/v1/phone-numbers/${ref}`)).statusCode, 404, ref);
    const scratch = (await t.request('POST', '/v1/phone-numbers', { number: '+13125550111' })).json();
    const released = await t.request('DELETE', '/v1/phone-numbers/13125550111');
    assert.equal(released.statusCode, 200, released.body);
    assert.equal(released.json().id, scratch.id);
  });

  test('number_prefix: +1415 encoded, sent raw (a space once decoded) or as digits: the same numbers', async () => {
    const expected = [main.id];
    for (const query of ['number_prefix=%2B1415', 'number_prefix=+1415', 'number_prefix=1415', 'number_prefix=%201415']) {
      assert.deepEqual(await ids(query), expected, query);
    }
    assert.deepEqual(await ids('number_prefix=1'), [main.id, side.id].sort());
    assert.deepEqual(await ids('number_prefix=1419'), []);
    assert.deepEqual(await ids('number_prefix=1999999'), []);
    for (const bad of ['++1415', '1415x', '%2B', '+1 415', '1234567890123456']) {
      const res = await t.request('GET', `/v1/phone-numbers?number_prefix=${bad}`);
      assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
      assert.deepEqual(res.json().error.details.map((d: Json) => d.field), ['querystring.number_prefix']);
    }
  });

  test('search finds the name, or the number by its digits however punctuated; text with letters searches names only', async () => {
    assert.deepEqual(await ids('search=5551234'), [main.id, side.id].sort(), 'the number of one, the name of the other');
    assert.deepEqual(await ids('search=555-1234'), [main.id]);
    assert.deepEqual(await ids(`search=${encodeURIComponent('(415) 555')}`), [main.id]);
    assert.deepEqual(await ids(`search=${encodeURIComponent('+1 212')}`), [side.id]);
    assert.deepEqual(await ids('search=main'), [main.id]);
    assert.deepEqual(await ids(`search=${encodeURIComponent('line 2')}`), [main.id], 'a name, not the digit 2 of every number');
    assert.deepEqual(await ids('search=9999'), [], 'never another workspace\'s number');
  });

  test('enum-like filters refuse unknown values with 400 naming the parameter', async () => {
    for (const [query, field] of [['capability=phone', 'capability'], ['active=maybe', 'active'], ['country=ZZ', 'country'], ['country=usa', 'country']]) {
      const res = await t.request('GET', `/v1/phone-numbers?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().error.code, 'invalid_request');
      assert.deepEqual(res.json().error.details.map((d: Json) => d.field), [`querystring.${field}`], query);
    }
    assert.deepEqual(await ids('country=us'), [main.id, side.id].sort());
  });
});
