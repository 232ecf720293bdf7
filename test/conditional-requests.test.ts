// Conditional requests on every versioned native resource (phone numbers, agents, workflows,
// webhook endpoints), RFC 9110 §13.1: If-Match on PATCH and DELETE compares strongly and takes a
// list; If-None-Match on GET answers 304 with the ETag and no body; a header that is not a list
// of entity tags is 400 naming it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';

interface Resource {
  name: string;
  path: string;
  create: () => Record<string, unknown>;
  patch: Record<string, unknown>;
}

let seq = 0;
const RESOURCES: Resource[] = [
  { name: 'phone number', path: '/v1/phone-numbers', create: () => ({ number: `+1415555${String(3000 + seq++)}` }), patch: { friendly_name: 'changed' } },
  { name: 'agent', path: '/v1/agents', create: () => ({ name: 'Agent' }), patch: { prompt: 'changed' } },
  { name: 'workflow', path: '/v1/workflows', create: () => ({ name: 'Flow' }), patch: { description: 'changed' } },
  { name: 'webhook endpoint', path: '/v1/webhook-endpoints', create: () => ({ url: 'https://hooks.example.com/in' }), patch: { description: 'changed' } },
];

const MALFORMED = ['3', 'abc', '"3', '"3" "4"', 'W/3', '*, "1"', '"1";'];

describe('conditional requests on every versioned native resource', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });

  after(async () => {
    await t?.close();
  });

  async function create(r: Resource) {
    const res = await t.request('POST', r.path, r.create());
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers.etag, '"1"');
    return res.json();
  }

  const get = (url: string, ifNoneMatch?: string) => t.request('GET', url, undefined, ifNoneMatch === undefined ? {} : { headers: { 'if-none-match': ifNoneMatch } });

  for (const r of RESOURCES) {
    test(`${r.name}: If-None-Match on GET is 304 with the ETag and no body while unchanged`, async () => {
      const created = await create(r);
      const url = `${r.path}/${created.id}`;
      for (const held of ['"1"', 'W/"1"', '"7", "1"', '*']) {
        const res = await get(url, held);
        assert.equal(res.statusCode, 304, `${held}: ${res.body}`);
        assert.equal(res.headers.etag, '"1"');
        assert.equal(res.body, '');
      }
      for (const other of ['"2"', '"one"', 'W/"2", "3"']) {
        const res = await get(url, other);
        assert.equal(res.statusCode, 200, `${other}: ${res.body}`);
        assert.equal(res.headers.etag, '"1"');
        assert.equal(res.json().id, created.id);
      }
      assert.equal((await t.request('PATCH', url, r.patch)).statusCode, 200);
      const changed = await get(url, '"1"');
      assert.equal(changed.statusCode, 200, 'changed since: the object again');
      assert.equal(changed.headers.etag, '"2"');
      for (const bad of MALFORMED) {
        const res = await get(url, bad);
        assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
        assert.equal(res.json().error.code, 'invalid_request');
        assert.deepEqual(res.json().error.details.map((d: { field: string }) => d.field), ['headers.if-none-match']);
      }
    });

    test(`${r.name}: If-Match on PATCH compares strongly, takes a list, and is 400 when malformed`, async () => {
      const created = await create(r);
      const url = `${r.path}/${created.id}`;
      const patch = (ifMatch: string) => t.request('PATCH', url, r.patch, { headers: { 'if-match': ifMatch } });
      for (const refused of ['W/"1"', '"2"', '"2", W/"1"', '"x"']) {
        const res = await patch(refused);
        assert.equal(res.statusCode, 412, `${refused}: ${res.body}`);
        assert.equal(res.json().error.code, 'precondition_failed');
      }
      for (const bad of MALFORMED) {
        const res = await patch(bad);
        assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
        assert.equal(res.json().error.code, 'invalid_request');
        assert.deepEqual(res.json().error.details.map((d: { field: string }) => d.field), ['headers.if-match']);
      }
      assert.equal((await get(url)).json().version, 1, 'nothing refused was written');
      const listed = await patch('"5", "1"');
      assert.equal(listed.statusCode, 200, listed.body);
      assert.equal(listed.headers.etag, '"2"');
      const star = await patch('*');
      assert.equal(star.statusCode, 200, star.body);
    });

    test(`${r.name}: If-Match on DELETE: weak or stale is 412 and deletes nothing; a list naming the version deletes`, async () => {
      const created = await create(r);
      const url = `${r.path}/${created.id}`;
      const del = (ifMatch: string) => t.request('DELETE', url, undefined, { headers: { 'if-match': ifMatch } });
      assert.equal((await del('W/"1"')).statusCode, 412);
      assert.equal((await del('"2"')).statusCode, 412);
      assert.equal((await del('nonsense')).statusCode, 400);
      assert.equal((await get(url)).statusCode, 200, 'still there');
      const res = await del('"9", "1"');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().id, created.id);
      assert.equal((await get(url)).statusCode, 404);
      assert.equal((await get(url, '*')).statusCode, 404, 'If-None-Match: * matches no deleted object');
    });
  }

  test('the OpenAPI document declares If-None-Match and 304 on each GET by id, If-Match on each PATCH and DELETE', async () => {
    const doc = (await t.request('GET', '/openapi.json', undefined, { key: null })).json();
    for (const r of RESOURCES) {
      const item = Object.entries(doc.paths).find(([p]) => p.startsWith(`${r.path}/{`) && p.split('/').length === 4)![1] as any;
      assert.ok(item.get.responses['304'], `${r.path} GET 304`);
      assert.ok(item.get.parameters.some((p: any) => p.in === 'header' && p.name === 'if-none-match'), `${r.path} GET If-None-Match`);
      for (const method of ['patch', 'delete']) assert.ok(item[method].parameters.some((p: any) => p.in === 'header' && p.name === 'if-match'), `${r.path} ${method} If-Match`);
    }
  });
});
