// The set-based write behind bulk updates (PhoneNumberRepo.updateMany): one statement per chunk,
// each row written only if it is still this workspace's, held, and at the version read — the
// same guard as a single update, so a bulk request never overwrites a concurrent change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOtherWorkspace, createTestApp, type TestApp } from './helpers/app.ts';
import type { StoredPhoneNumber } from '../src/core/phone-numbers/schema.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function create(key: string | undefined, number: string): Promise<StoredPhoneNumber> {
  const res = await t.request('POST', '/v1/phone-numbers', { number }, key ? { key } : {});
  assert.equal(res.statusCode, 201, res.body);
  const ws = res.json().workspace_id;
  return (await t.runtime.store.phoneNumbers.get(ws, res.json().id))!;
}

const bump = (n: StoredPhoneNumber, name: string) => ({ number: { ...n, friendly_name: name, version: n.version + 1 }, expectedVersion: n.version });

test('writes fresh rows; skips stale, released and other-workspace rows', async () => {
  const ws = t.first.workspace.id;
  const fresh = await create(undefined, '+14155558001');
  const stale = await create(undefined, '+14155558002');
  const released = await create(undefined, '+14155558003');
  const other = await createOtherWorkspace(t, 'update-many');
  const foreign = await create(other.key, '+14155558004');
  // Changed after "the bulk request read it", and released meanwhile.
  assert.equal((await t.request('PATCH', `/v1/phone-numbers/${stale.id}`, { friendly_name: 'concurrent' })).statusCode, 200);
  assert.equal((await t.request('DELETE', `/v1/phone-numbers/${released.id}`)).statusCode, 200);

  const written = await t.runtime.store.transaction((tx) => tx.phoneNumbers.updateMany(ws, [bump(fresh, 'bulk'), bump(stale, 'bulk'), bump(released, 'bulk')]));
  assert.deepEqual([...written], [fresh.id]);
  assert.equal((await t.runtime.store.phoneNumbers.get(ws, fresh.id))!.friendly_name, 'bulk');
  assert.equal((await t.runtime.store.phoneNumbers.get(ws, stale.id))!.friendly_name, 'concurrent');
  assert.equal(await t.runtime.store.phoneNumbers.get(ws, released.id), undefined, 'a released number stays released');

  // A row of another workspace is refused before any SQL runs, and a row not one version ahead too.
  await assert.rejects(t.runtime.store.phoneNumbers.updateMany(ws, [bump(foreign, 'x')]), /of the workspace/);
  await assert.rejects(t.runtime.store.phoneNumbers.updateMany(ws, [{ number: { ...fresh, version: fresh.version + 5 }, expectedVersion: fresh.version }]), /one version ahead/);
  assert.equal((await t.runtime.store.phoneNumbers.get(other.workspaceId, foreign.id))!.friendly_name, null);
});

test('more rows than one statement takes: every chunk is written', async () => {
  const ws = t.first.workspace.id;
  const numbers: StoredPhoneNumber[] = [];
  const ctx = { actor: { workspaceId: ws, userId: null, apiKeyId: null, type: 'system' as const }, scopes: ALL_SCOPES };
  for (let i = 0; i < 2100; i++) {
    const n = await t.runtime.core.phoneNumbers.create(ctx, { number: `+1206${3000000 + i}` } as never);
    numbers.push((await t.runtime.store.phoneNumbers.get(ws, n.id))!);
  }
  const written = await t.runtime.store.transaction((tx) => tx.phoneNumbers.updateMany(ws, numbers.map((n, i) => bump(n, `chunk ${i}`))));
  assert.equal(written.size, 2100);
  const last = await t.runtime.store.phoneNumbers.get(ws, numbers[2099]!.id);
  assert.deepEqual([last!.friendly_name, last!.version], ['chunk 2099', numbers[2099]!.version + 1]);
});

test('with the rows as read, only changed columns are set, and a column one row of the chunk changes is written for that row', async () => {
  const ws = t.first.workspace.id;
  const agent = await t.request('POST', '/v1/agents', { name: 'bulk column agent' });
  assert.equal(agent.statusCode, 201, agent.body);
  const a = await create(undefined, '+14155558011');
  const b = await create(undefined, '+14155558012');
  const rows = [
    { number: { ...a, friendly_name: 'renamed', version: a.version + 1 }, expectedVersion: a.version, previous: a },
    { number: { ...b, inbound_agent_id: agent.json().id, active: false, version: b.version + 1 }, expectedVersion: b.version, previous: b },
  ];
  const written = await t.runtime.store.transaction((tx) => tx.phoneNumbers.updateMany(ws, rows));
  assert.equal(written.size, 2);
  // The indexed columns the filters read, not only the document.
  const byAgent = await t.request('GET', `/v1/phone-numbers?agent_id=${agent.json().id}`);
  assert.deepEqual(byAgent.json().data.map((n: { id: string }) => n.id), [b.id]);
  const inactive = await t.request('GET', '/v1/phone-numbers?active=false');
  assert.deepEqual(inactive.json().data.map((n: { id: string }) => n.id), [b.id]);
  assert.equal((await t.runtime.store.phoneNumbers.get(ws, a.id))!.friendly_name, 'renamed');
  const search = await t.request('GET', '/v1/phone-numbers?search=renamed');
  assert.deepEqual(search.json().data.map((n: { id: string }) => n.id), [a.id]);
});
