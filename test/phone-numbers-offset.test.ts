// Core: phone numbers by offset in a chosen order (PhoneNumberService.listByOffset), for faces
// whose vendor pages by page number and size.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Context } from '../src/core/audit/record.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';
import { systemContext } from '../src/core/authorization/authorize.ts';

describe('core: listByOffset', () => {
  let t: TestApp;
  let ctx: Context;
  const made: { id: string; number: string; name: string | null }[] = [];

  before(async () => {
    t = await createTestApp();
    ctx = { actor: { workspaceId: t.first.workspace.id, userId: t.first.user.id, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES };
    // Created in this order; numbers and names in other orders; one without a name.
    const specs: [string, string | null][] = [['+14155550303', 'b'], ['+14155550301', null], ['+14155550304', 'a'], ['+14155550302', 'c']];
    for (const [number, name] of specs) {
      const n = await t.runtime.core.phoneNumbers.create(ctx, { number, friendly_name: name });
      made.push({ id: n.id, number: n.number, name });
    }
    await t.runtime.core.phoneNumbers.release(ctx, (await t.runtime.core.phoneNumbers.create(ctx, { number: '+14155550305' })).id);
  });
  after(async () => {
    await t?.close();
  });

  const page = async (offset: number, limit: number, sort?: 'created' | 'number' | 'friendly_name' | 'updated_at', desc?: boolean) =>
    (await t.runtime.core.phoneNumbers.listByOffset(ctx, {}, { offset, limit, sort, desc })).map((n) => n.number);

  test('creation order by default, paged by offset; released numbers are not listed', async () => {
    assert.deepEqual(await page(0, 10), made.map((m) => m.number));
    assert.deepEqual(await page(1, 2), made.slice(1, 3).map((m) => m.number));
    assert.deepEqual(await page(4, 2), []);
    assert.deepEqual(await page(0, 10, 'created', true), made.map((m) => m.number).reverse());
    assert.equal(await t.runtime.core.phoneNumbers.count(ctx), 4);
  });

  test('by number, by name (no name first), by last change; either direction', async () => {
    assert.deepEqual(await page(0, 10, 'number'), ['+14155550301', '+14155550302', '+14155550303', '+14155550304']);
    assert.deepEqual(await page(0, 2, 'number', true), ['+14155550304', '+14155550303']);
    assert.deepEqual(await page(0, 10, 'friendly_name'), ['+14155550301', '+14155550304', '+14155550303', '+14155550302']);
    await t.runtime.core.phoneNumbers.update(ctx, made[0]!.id, { friendly_name: 'changed' });
    assert.equal((await page(0, 1, 'updated_at', true))[0], made[0]!.number);
  });

  test('tenancy: another workspace sees none of them', async () => {
    const other = await t.runtime.core.workspaces.create(null, { name: 'other' });
    const otherCtx: Context = { actor: { workspaceId: other.workspace.id, userId: null, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES };
    assert.deepEqual(await t.runtime.core.phoneNumbers.listByOffset(otherCtx, {}, { offset: 0, limit: 10 }), []);
  });
});

describe('core: a workspace\'s first user', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test('is the user the workspace was created with; null for an unknown workspace', async () => {
    assert.equal(await t.runtime.core.workspaces.firstUserId(systemContext(t.first.workspace.id)), t.first.user.id);
    const other = await t.runtime.core.workspaces.create(null, { name: 'second' });
    assert.equal(await t.runtime.core.workspaces.firstUserId(systemContext(other.workspace.id)), other.user.id);
    assert.equal(await t.runtime.core.workspaces.firstUserId(systemContext('01900000-0000-7000-8000-000000000000')), null);
  });
});
