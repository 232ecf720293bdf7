// Block geometry (prefix and range blocks, nesting, partial overlap) and the properties the
// engine promises about them: the narrowest block wins, an exact number beats any block.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extentOf, overlapOf, relate } from '../src/core/routing/block-geometry.ts';
import { resolve } from '../src/core/routing/resolve.ts';
import type { BlockRow } from '../src/core/routing/rows.ts';
import type { BlockExtent } from '../src/core/routing/schema.ts';
import { agent, block, number, snapshot, toAgent, WEEKDAY_NOON, WS } from './helpers/routing.ts';

const rel = (a: BlockExtent, b: BlockExtent) => relate(extentOf(a)!, extentOf(b)!);

describe('how two blocks relate', () => {
  test('prefixes nest or are apart', () => {
    assert.equal(rel({ prefix: '+1415555' }, { prefix: '+1415' }), 'inside');
    assert.equal(rel({ prefix: '+1415' }, { prefix: '+1415555' }), 'contains');
    assert.equal(rel({ prefix: '+1415' }, { prefix: '+1212' }), 'disjoint');
    assert.equal(rel({ prefix: '+1415' }, { prefix: '+1415' }), 'same');
  });

  test('ranges of one length: nested, apart or partly overlapping; of different lengths: apart', () => {
    const r = (start: string, end: string) => ({ start, end });
    assert.equal(rel(r('+14155550100', '+14155550199'), r('+14155550000', '+14155550999')), 'inside');
    assert.equal(rel(r('+14155550100', '+14155550199'), r('+14155550150', '+14155550249')), 'partial');
    assert.equal(rel(r('+14155550100', '+14155550199'), r('+14155550200', '+14155550299')), 'disjoint');
    assert.equal(rel(r('+14155550100', '+14155550199'), r('+14155550100', '+14155550199')), 'same');
    assert.equal(rel(r('+14155550100', '+14155550199'), r('+141555501000', '+141555501999')), 'disjoint');
  });

  test('a prefix and a range meet at the range\'s length', () => {
    assert.equal(rel({ start: '+14155550100', end: '+14155550199' }, { prefix: '+1415555' }), 'inside');
    // Equal at length 11: the range is the narrower (the prefix also holds longer numbers).
    assert.equal(rel({ start: '+14155550100', end: '+14155550199' }, { prefix: '+141555501' }), 'inside');
    assert.equal(rel({ prefix: '+141555501' }, { start: '+14155550100', end: '+14155550199' }), 'contains');
    assert.equal(rel({ prefix: '+1415555015' }, { start: '+14155550100', end: '+14155550199' }), 'inside');
    assert.equal(rel({ prefix: '+141555501' }, { start: '+14155550150', end: '+14155550249' }), 'partial');
    assert.equal(rel({ prefix: '+1212' }, { start: '+14155550100', end: '+14155550199' }), 'disjoint');
    // A prefix longer than the range's numbers holds none of them.
    assert.equal(rel({ prefix: '+141555501001' }, { start: '+14155550100', end: '+14155550199' }), 'disjoint');
  });

  test('overlapOf names the block a new one partly overlaps or duplicates; nesting is allowed', () => {
    const existing = [
      { id: 'a', prefix: '+1415555' },
      { id: 'b', start: '+14155550100', end: '+14155550199' },
    ];
    assert.equal(overlapOf({ prefix: '+14155550' }, existing), null);
    assert.equal(overlapOf({ prefix: '+1415' }, existing), null);
    assert.deepEqual(overlapOf({ start: '+14155550150', end: '+14155550249' }, existing), { block: existing[1], relation: 'partial' });
    assert.deepEqual(overlapOf({ prefix: '+1415555' }, existing), { block: existing[0], relation: 'same' });
    // An update of b itself does not conflict with its old self.
    assert.equal(overlapOf({ id: 'b', start: '+14155550100', end: '+14155550149' }, existing), null);
  });
});

// Blocks in a small space (+1415555 followed by up to 4 digits) so that they meet often.
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: min, maxLength: max });
const extentArb: fc.Arbitrary<BlockExtent> = fc.oneof(
  digits(0, 4).map((d) => ({ prefix: `+1415555${d}` })),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => ({
    start: `+1415555${String(Math.min(a, b)).padStart(4, '0')}`,
    end: `+1415555${String(Math.max(a, b)).padStart(4, '0')}`,
  })),
);
/** Blocks as the write-time check lets them in: each added only if it conflicts with none before. */
const acceptedBlocks = fc.array(extentArb, { maxLength: 25 }).map((extents) => {
  const rows: BlockRow[] = [];
  extents.forEach((extent, i) => {
    if (!overlapOf(extent, rows)) rows.push({ id: `b${String(i).padStart(2, '0')}`, workspace_id: WS, ...extent, config: toAgent(`b${String(i).padStart(2, '0')}`) });
  });
  return rows;
});
const calledArb = fc.oneof(digits(4, 4), digits(0, 6)).map((d) => `+1415555${d}`);

function holds(row: BlockExtent, e164: string): boolean {
  if (row.prefix) return e164.startsWith(row.prefix);
  return e164.length === row.start!.length && row.start! <= e164 && e164 <= row.end!;
}
const width = (row: BlockExtent, e164: string) => (row.prefix ? 10 ** (e164.length - row.prefix.length) : Number(row.end!.slice(1)) - Number(row.start!.slice(1)) + 1);

describe('properties', () => {
  test('conflict is symmetric', () => {
    fc.assert(
      fc.property(extentArb, extentArb, (a, b) => {
        assert.equal(overlapOf(a, [{ id: 'b', ...b }]) === null, overlapOf(b, [{ id: 'a', ...a }]) === null);
      }),
      { numRuns: 500 },
    );
  });

  test('the blocks holding a number are exactly the right ones, narrowest first, and each nests in the next', () => {
    fc.assert(
      fc.property(acceptedBlocks, calledArb, (rows, called) => {
        const found = snapshot({ blocks: rows }).blocksContaining(called);
        const expected = rows.filter((r) => holds(r, called));
        assert.deepEqual(new Set(found.map((b) => b.row.id)), new Set(expected.map((r) => r.id)));
        for (let i = 1; i < found.length; i++) {
          assert.ok(width(found[i - 1]!.row, called) <= width(found[i]!.row, called));
          assert.equal(relate(found[i - 1]!.extent, found[i]!.extent), 'inside', 'accepted blocks form a chain');
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the narrowest block routes the call; an exact number beats every block', () => {
    fc.assert(
      fc.property(acceptedBlocks, fc.uniqueArray(digits(4, 4), { maxLength: 5 }), calledArb, (rows, held, called) => {
        const agents = [...rows.map((r) => agent(r.id)), ...held.map((d) => agent(`n${d}`))];
        const numbers = held.map((d) => number(`+1415555${d}`, toAgent(`n${d}`)));
        const { decision } = resolve({ to: called, from: null, at: WEEKDAY_NOON }, snapshot({ agents, blocks: rows, numbers }));
        const first = decision.destinations[0];
        const name = first?.type === 'agent' ? first.name : null;
        const exact = held.find((d) => `+1415555${d}` === called);
        const narrowest = rows.filter((r) => holds(r, called)).sort((a, b) => width(a, called) - width(b, called) || (a.prefix ? 1 : 0) - (b.prefix ? 1 : 0))[0];
        if (exact) assert.equal(name, `n${exact}`);
        else if (narrowest) assert.equal(name, narrowest.id);
        else assert.equal(decision.reject_reason, 'unknown_number');
      }),
      { numRuns: 200 },
    );
  });
});

describe('examples', () => {
  test('nested blocks from the issue', () => {
    const snap = snapshot({
      agents: [agent('sf'), agent('desk')],
      blocks: [block('sf', { prefix: '+1415555' }, toAgent('sf')), block('desk', { start: '+14155550100', end: '+14155550199' }, toAgent('desk'))],
    });
    const name = (to: string) => {
      const d = resolve({ to, from: null, at: WEEKDAY_NOON }, snap).decision.destinations[0];
      return d?.type === 'agent' ? d.name : null;
    };
    assert.equal(name('+14155550142'), 'desk');
    assert.equal(name('+14155550200'), 'sf');
    assert.equal(name('+141555501'), 'sf');
  });
});
