// Which numbers a block covers, and how two blocks relate.
//
// A range covers the numbers of its own length from start to end. A prefix covers every number
// that starts with it, of any length. Blocks are compared length by length: at each number
// length a block is an interval of numbers, and two blocks conflict when, at some length, their
// intervals intersect without one holding the other (a partial overlap), or when they cover
// exactly the same numbers. So +1415555 and +14155551 nest; a range of 11-digit numbers and a
// prefix nest when one's 11-digit interval holds the other's. For a called number the narrowest
// block is the one with the fewest numbers of its length; at a tie (a range equal to a prefix's
// interval at that length) the range wins: it covers nothing else.
import type { FieldIssue } from '../errors.ts';
import { callingCodeOf, E164_SYNTAX } from './numbering.ts';
import type { BlockExtent } from './schema.ts';

export type Extent =
  | { kind: 'prefix'; digits: string }
  | { kind: 'range'; length: number; lo: number; hi: number };

/** How `a` stands to `b`: inside = a is the narrower (at every length they share). */
export type Relation = 'disjoint' | 'same' | 'inside' | 'contains' | 'partial';

const MAX_DIGITS = 15;

/** The extent of a valid block (see checkBlockExtent); undefined for one that is not. */
export function extentOf(block: BlockExtent): Extent | undefined {
  if (block.prefix) return E164_SYNTAX.test(block.prefix) ? { kind: 'prefix', digits: block.prefix.slice(1) } : undefined;
  const { start, end } = block;
  if (!start || !end || !E164_SYNTAX.test(start) || !E164_SYNTAX.test(end) || start.length !== end.length) return undefined;
  const lo = Number(start.slice(1));
  const hi = Number(end.slice(1));
  return lo <= hi ? { kind: 'range', length: start.length - 1, lo, hi } : undefined;
}

/** The numbers of `length` digits the extent covers, as [lo, hi]; undefined when none. */
export function coverAt(extent: Extent, length: number): [number, number] | undefined {
  if (extent.kind === 'range') return extent.length === length ? [extent.lo, extent.hi] : undefined;
  const free = length - extent.digits.length;
  if (free < 0 || length > MAX_DIGITS) return undefined;
  const lo = Number(extent.digits) * 10 ** free;
  return [lo, lo + 10 ** free - 1];
}

/** How many numbers of `length` digits the extent covers (the narrowest block has the fewest). */
export function widthAt(extent: Extent, length: number): number {
  const cover = coverAt(extent, length);
  return cover ? cover[1] - cover[0] + 1 : 0;
}

function intervals(a: [number, number], b: [number, number]): Relation {
  if (a[1] < b[0] || b[1] < a[0]) return 'disjoint';
  if (a[0] === b[0] && a[1] === b[1]) return 'same';
  if (b[0] <= a[0] && a[1] <= b[1]) return 'inside';
  if (a[0] <= b[0] && b[1] <= a[1]) return 'contains';
  return 'partial';
}

const flip: Record<Relation, Relation> = { disjoint: 'disjoint', same: 'same', inside: 'contains', contains: 'inside', partial: 'partial' };

export function relate(a: Extent, b: Extent): Relation {
  if (a.kind === 'prefix' && b.kind === 'prefix') {
    if (a.digits === b.digits) return 'same';
    if (a.digits.startsWith(b.digits)) return 'inside';
    if (b.digits.startsWith(a.digits)) return 'contains';
    return 'disjoint';
  }
  if (a.kind === 'range' && b.kind === 'range') {
    return a.length === b.length ? intervals([a.lo, a.hi], [b.lo, b.hi]) : 'disjoint';
  }
  if (a.kind === 'range') return flip[relate(b, a)];
  // a is a prefix, b a range: they meet only at b's length.
  const range = b as Extent & { kind: 'range' };
  const cover = coverAt(a, range.length);
  if (!cover) return 'disjoint';
  const relation = intervals(cover, [range.lo, range.hi]);
  // Equal at the one length they share: the range is the narrower (the prefix covers more lengths).
  return relation === 'same' ? 'contains' : relation;
}

export interface Conflict<T> {
  block: T;
  relation: 'partial' | 'same';
}

/**
 * The first existing block `candidate` may not coexist with: one it partly overlaps, or one
 * covering exactly the same numbers (409 naming it). Nesting is fine. `candidate.id` is skipped
 * in `existing`, so an update can pass every block of the workspace.
 */
export function overlapOf<T extends BlockExtent & { id: string }>(candidate: BlockExtent & { id?: string }, existing: readonly T[]): Conflict<T> | null {
  const extent = extentOf(candidate);
  if (!extent) return null;
  for (const block of existing) {
    if (block.id === candidate.id) continue;
    const other = extentOf(block);
    if (!other) continue;
    const relation = relate(extent, other);
    if (relation === 'partial' || relation === 'same') return { block, relation };
  }
  return null;
}

/** "+1415555…" or "+14155550100–+14155550199". */
export function describeExtent(block: BlockExtent): string {
  return block.prefix ? `${block.prefix}…` : `${block.start}–${block.end}`;
}

/** Write-time check of a block's extent; fields are named relative to the block (prefix, start, end). */
export function checkBlockExtent(block: BlockExtent, prefix = ''): FieldIssue[] {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const issues: FieldIssue[] = [];
  const checkNumber = (field: string, value: string) => {
    if (!E164_SYNTAX.test(value)) issues.push({ field: at(field), message: 'must be "+" and 1 to 15 digits, such as +1415555' });
    else if (!callingCodeOf(value.slice(1))) issues.push({ field: at(field), message: 'must start with a country calling code' });
  };
  const hasRange = block.start != null || block.end != null;
  if (block.prefix != null) {
    if (hasRange) return [{ field: at('prefix'), message: 'give either prefix, or start and end, not both' }];
    checkNumber('prefix', block.prefix);
    return issues;
  }
  if (!hasRange) return [{ field: at('prefix'), message: 'is required, or start and end' }];
  if (block.start == null) return [{ field: at('start'), message: 'is required with end' }];
  if (block.end == null) return [{ field: at('end'), message: 'is required with start' }];
  checkNumber('start', block.start);
  checkNumber('end', block.end);
  if (issues.length) return issues;
  if (block.start.length !== block.end.length) issues.push({ field: at('end'), message: 'must have as many digits as start' });
  else if (block.end < block.start) issues.push({ field: at('end'), message: 'must not come before start' });
  return issues;
}
