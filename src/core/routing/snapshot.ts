// One workspace's routing data in memory: what resolve() reads instead of the database.
// Immutable: apply() returns a new snapshot sharing what did not change, so a resolution (or a
// hook awaited meanwhile) keeps reading the snapshot it started with while the sync step swaps
// in the next one. Built from plain rows (rows.ts); a row of another workspace is refused.
import { BlockIndex, type IndexedBlock } from './block-index.ts';
import { BucketMap } from './bucket-map.ts';
import { callingCodeOf, mainRegionOf } from './numbering.ts';
import type { AgentRow, BlockRow, DestinationRow, NumberRow, WorkflowRow, WorkspaceRoutingRow } from './rows.ts';

export interface SnapshotInput {
  workspace: WorkspaceRoutingRow;
  numbers?: Iterable<NumberRow>;
  blocks?: Iterable<BlockRow>;
  agents?: Iterable<AgentRow>;
  workflows?: Iterable<WorkflowRow>;
  /** Where the data was read up to (e.g. the outbox's high-water mark), for the sync step. */
  revision?: number;
}

/** One changed or removed row, as the sync step learns of it. */
export type SnapshotChange =
  | { op: 'put'; kind: 'number'; row: NumberRow }
  | { op: 'put'; kind: 'block'; row: BlockRow }
  | { op: 'put'; kind: 'agent' | 'workflow'; row: DestinationRow }
  | { op: 'put'; kind: 'workspace'; row: WorkspaceRoutingRow }
  | { op: 'remove'; kind: 'number' | 'block' | 'agent' | 'workflow'; id: string };

interface State {
  workspace: WorkspaceRoutingRow;
  /** By E.164. */
  numbers: BucketMap<NumberRow>;
  /** Number id → E.164, to remove or renumber by id. */
  numberIds: BucketMap<string>;
  blockRows: ReadonlyMap<string, BlockRow>;
  blocks: BlockIndex;
  agents: ReadonlyMap<string, DestinationRow>;
  workflows: ReadonlyMap<string, DestinationRow>;
  /** How many held numbers are in each region: which national formats to try first. */
  regionCounts: ReadonlyMap<string, number>;
  revision: number;
}

export class RoutingSnapshot {
  private regionOrder?: string[];

  private constructor(private readonly state: State) {}

  static build(input: SnapshotInput): RoutingSnapshot {
    const ws = input.workspace.workspace_id;
    // By E.164, the last row wins (as with apply): the store holds one row per number anyway.
    const byNumber = new Map<string, NumberRow>();
    for (const row of input.numbers ?? []) byNumber.set(own(ws, row, 'number').number, row);
    const regionCounts = new Map<string, number>();
    for (const row of byNumber.values()) if (row.country_code) regionCounts.set(row.country_code, (regionCounts.get(row.country_code) ?? 0) + 1);
    const numbers = byNumber.entries();
    const ids = [...byNumber.values()].map((row) => [row.id, row.number] as const);
    const blockRows = new Map<string, BlockRow>();
    for (const row of input.blocks ?? []) blockRows.set(own(ws, row, 'block').id, row);
    return new RoutingSnapshot({
      workspace: input.workspace,
      numbers: BucketMap.from(numbers),
      numberIds: BucketMap.from(ids),
      blockRows,
      blocks: BlockIndex.build(blockRows.values()),
      agents: byId(ws, input.agents, 'agent'),
      workflows: byId(ws, input.workflows, 'workflow'),
      regionCounts,
      revision: input.revision ?? 0,
    });
  }

  get workspaceId(): string {
    return this.state.workspace.workspace_id;
  }
  get workspace(): WorkspaceRoutingRow {
    return this.state.workspace;
  }
  get revision(): number {
    return this.state.revision;
  }
  get size(): { numbers: number; blocks: number; agents: number; workflows: number } {
    const s = this.state;
    return { numbers: s.numbers.size, blocks: s.blockRows.size, agents: s.agents.size, workflows: s.workflows.size };
  }

  number(e164: string): NumberRow | undefined {
    return this.state.numbers.get(e164);
  }
  /** The blocks holding `e164`, narrowest first. */
  blocksContaining(e164: string): IndexedBlock[] {
    return this.state.blocks.containing(e164);
  }
  /** Every block, for the write-time overlap check (overlapOf). */
  blocks(): BlockRow[] {
    return [...this.state.blockRows.values()];
  }
  agent(id: string): DestinationRow | undefined {
    return this.state.agents.get(id);
  }
  workflow(id: string): DestinationRow | undefined {
    return this.state.workflows.get(id);
  }

  /** Regions of held numbers and blocks, most numbers first: where a national format is most likely from. */
  regions(): string[] {
    if (!this.regionOrder) {
      const counts = new Map(this.state.regionCounts);
      for (const { row } of this.state.blocks.all) {
        const code = callingCodeOf((row.prefix ?? row.start ?? '').slice(1));
        const region = code ? mainRegionOf(code) : null;
        if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
      }
      this.regionOrder = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([region]) => region);
    }
    return this.regionOrder;
  }

  /** This snapshot with one change applied. `revision`, when given, is where the data now stands. */
  apply(change: SnapshotChange, revision = this.state.revision): RoutingSnapshot {
    const s = this.state;
    const ws = s.workspace.workspace_id;
    const next: State = { ...s, revision };
    if (change.op === 'put') {
      own(ws, change.row, change.kind);
      switch (change.kind) {
        case 'number': {
          const row = change.row;
          const displaced = s.numbers.get(row.number);
          if (displaced && displaced.id !== row.id) Object.assign(next, withoutNumber(next, displaced.id));
          const old = next.numberIds.get(row.id);
          const previous = old === undefined ? undefined : next.numbers.get(old);
          // Renumbered: the old E.164 goes. The usual change keeps it, and costs one bucket copy.
          if (old !== undefined && old !== row.number) next.numbers = next.numbers.without(old);
          next.numbers = next.numbers.with(row.number, row);
          if (old !== row.number) next.numberIds = next.numberIds.with(row.id, row.number);
          if (previous?.country_code !== row.country_code) next.regionCounts = countRegion(countRegion(next.regionCounts, previous?.country_code, -1), row.country_code, +1);
          break;
        }
        case 'block':
          next.blockRows = new Map(s.blockRows).set(change.row.id, change.row);
          next.blocks = BlockIndex.build(next.blockRows.values());
          break;
        case 'agent':
          next.agents = new Map(s.agents).set(change.row.id, change.row);
          break;
        case 'workflow':
          next.workflows = new Map(s.workflows).set(change.row.id, change.row);
          break;
        case 'workspace':
          next.workspace = change.row;
          break;
      }
    } else {
      switch (change.kind) {
        case 'number':
          Object.assign(next, withoutNumber(s, change.id));
          break;
        case 'block':
          if (!s.blockRows.has(change.id)) break;
          next.blockRows = new Map(s.blockRows);
          (next.blockRows as Map<string, BlockRow>).delete(change.id);
          next.blocks = BlockIndex.build(next.blockRows.values());
          break;
        case 'agent':
        case 'workflow': {
          const key = change.kind === 'agent' ? 'agents' : 'workflows';
          if (!s[key].has(change.id)) break;
          const map = new Map(s[key]);
          map.delete(change.id);
          next[key] = map;
          break;
        }
      }
    }
    return new RoutingSnapshot(next);
  }
}

function withoutNumber(s: State, id: string): Pick<State, 'numbers' | 'numberIds' | 'regionCounts'> {
  const e164 = s.numberIds.get(id);
  if (e164 === undefined) return { numbers: s.numbers, numberIds: s.numberIds, regionCounts: s.regionCounts };
  const old = s.numbers.get(e164);
  return {
    numbers: old?.id === id ? s.numbers.without(e164) : s.numbers,
    numberIds: s.numberIds.without(id),
    regionCounts: countRegion(s.regionCounts, old?.country_code, -1),
  };
}

function countRegion(counts: ReadonlyMap<string, number>, region: string | null | undefined, delta: number): ReadonlyMap<string, number> {
  if (!region) return counts;
  const next = new Map(counts);
  const n = (next.get(region) ?? 0) + delta;
  if (n > 0) next.set(region, n);
  else next.delete(region);
  return next;
}

function own<T extends { workspace_id: string }>(workspaceId: string, row: T, kind: string): T {
  // A programming error in whoever feeds the snapshot: never route with another workspace's data.
  if (row.workspace_id !== workspaceId) throw new Error(`a ${kind} of workspace ${row.workspace_id} cannot enter the snapshot of workspace ${workspaceId}`);
  return row;
}

function byId(workspaceId: string, rows: Iterable<DestinationRow> | undefined, kind: string): Map<string, DestinationRow> {
  const map = new Map<string, DestinationRow>();
  for (const row of rows ?? []) map.set(own(workspaceId, row, kind).id, row);
  return map;
}
