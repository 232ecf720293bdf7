// The core's phone-number list: newest-first order ('desc') with cursors, and the
// numberContains filter (both added for the SignalWire face, usable by any face).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Context } from '../src/core/audit/record.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { ALL_SCOPES } from '../src/core/authorization/scopes.ts';

describe('core phone-number list: order and numberContains', () => {
  let t: TestApp;
  let ctx: Context;
  const ids: string[] = [];

  before(async () => {
    t = await createTestApp();
    ctx = { actor: { workspaceId: t.first.workspace.id, userId: t.first.user.id, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES };
    for (let i = 0; i < 5; i++) ids.push((await t.runtime.core.phoneNumbers.create(ctx, { number: `+1646555${3000 + i}` })).id);
  });

  after(async () => {
    await t?.close();
  });

  test('asc (the default) is oldest first and desc newest first, each with working cursors', async () => {
    const core = t.runtime.core.phoneNumbers;
    const walk = async (order?: 'asc' | 'desc') => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await core.list(ctx, {}, after, 2, order);
        seen.push(...page.items.map((n) => n.id));
        if (!page.nextCursor) return seen;
        after = page.items[page.items.length - 1]!.id;
      }
      throw new Error('paging does not end');
    };
    assert.deepEqual(await walk(), ids);
    assert.deepEqual(await walk('asc'), ids);
    assert.deepEqual(await walk('desc'), [...ids].reverse());
    // desc after an id = the ones created before it.
    assert.deepEqual((await core.list(ctx, {}, ids[2]!, 10, 'desc')).items.map((n) => n.id), [ids[1], ids[0]]);
  });

  test('numberContains matches anywhere in the E.164, literally', async () => {
    const core = t.runtime.core.phoneNumbers;
    assert.deepEqual((await core.list(ctx, { numberContains: '5553002' }, null, 10)).items.map((n) => n.id), [ids[2]]);
    assert.equal((await core.list(ctx, { numberContains: '+1646' }, null, 10)).items.length, 5);
    assert.equal((await core.list(ctx, { numberContains: '555_' }, null, 10)).items.length, 0, '_ is not a wildcard');
    assert.equal(await core.count(ctx, { numberContains: '300' }), 5);
  });
});
