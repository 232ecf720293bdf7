// Finds the blocks that hold a number, narrowest first (block-geometry.ts says what that means).
// Prefix blocks sit in a map probed with each leading part of the number (at most 15 probes);
// range blocks, per length, in an array sorted by start with the running maximum of ends, so a
// backward scan stops as soon as no earlier range can reach the number. Blocks are few next to
// numbers: a block change rebuilds this index, a number change never touches it.
import { extentOf, widthAt, type Extent } from './block-geometry.ts';
import type { BlockRow } from './rows.ts';

export interface IndexedBlock {
  row: BlockRow;
  extent: Extent;
}

interface RangeList {
  blocks: (IndexedBlock & { extent: Extent & { kind: 'range' } })[];
  /** maxHi[i] = the largest end among blocks[0..i]. */
  maxHi: number[];
}

export class BlockIndex {
  private constructor(
    private readonly prefixes: ReadonlyMap<string, IndexedBlock[]>,
    private readonly ranges: ReadonlyMap<number, RangeList>,
    readonly all: readonly IndexedBlock[],
  ) {}

  /** Blocks whose extent is not valid (never written so) are left out. */
  static build(rows: Iterable<BlockRow>): BlockIndex {
    const all: IndexedBlock[] = [];
    const prefixes = new Map<string, IndexedBlock[]>();
    const byLength = new Map<number, RangeList['blocks']>();
    for (const row of rows) {
      const extent = extentOf(row);
      if (!extent) continue;
      const block = { row, extent };
      all.push(block);
      if (extent.kind === 'prefix') {
        const list = prefixes.get(extent.digits) ?? [];
        list.push(block);
        prefixes.set(extent.digits, list);
      } else {
        const list = byLength.get(extent.length) ?? [];
        list.push(block as RangeList['blocks'][number]);
        byLength.set(extent.length, list);
      }
    }
    const ranges = new Map<number, RangeList>();
    for (const [length, blocks] of byLength) {
      blocks.sort((a, b) => a.extent.lo - b.extent.lo || b.extent.hi - a.extent.hi);
      const maxHi: number[] = [];
      let max = -1;
      for (const block of blocks) maxHi.push((max = Math.max(max, block.extent.hi)));
      ranges.set(length, { blocks, maxHi });
    }
    return new BlockIndex(prefixes, ranges, all);
  }

  /** The blocks holding `e164`, narrowest first. */
  containing(e164: string): IndexedBlock[] {
    const digits = e164.slice(1);
    const found: IndexedBlock[] = [];
    for (let length = 1; length <= digits.length; length++) {
      const list = this.prefixes.get(digits.slice(0, length));
      if (list) found.push(...list);
    }
    const ranges = this.ranges.get(digits.length);
    if (ranges) {
      const value = Number(digits);
      // The last range starting at or before the number, then back while one could still reach it.
      let lo = 0;
      let hi = ranges.blocks.length - 1;
      let last = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ranges.blocks[mid]!.extent.lo <= value) {
          last = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let i = last; i >= 0 && ranges.maxHi[i]! >= value; i--) {
        const block = ranges.blocks[i]!;
        if (block.extent.hi >= value) found.push(block);
      }
    }
    return found.length > 1 ? found.sort(narrowestFirst(digits.length)) : found;
  }
}

/** Fewest numbers of this length first; at a tie a range before a prefix, then by id (stable). */
function narrowestFirst(length: number) {
  return (a: IndexedBlock, b: IndexedBlock) =>
    widthAt(a.extent, length) - widthAt(b.extent, length) ||
    (a.extent.kind === b.extent.kind ? 0 : a.extent.kind === 'range' ? -1 : 1) ||
    (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}
