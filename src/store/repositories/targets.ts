// Agents and workflows share one table shape: filterable columns plus the object as `doc`.
import type { Kysely } from 'kysely';
import type { TargetRepo } from '../../core/ports.ts';
import type { Database } from '../schema.ts';

interface Target {
  id: string;
  workspace_id: string;
  name: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export class KyselyTargetRepo<T extends Target> implements TargetRepo<T> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: 'agents' | 'workflows',
  ) {}

  private scoped(workspaceId: string) {
    return this.db.selectFrom(this.table).select('doc').where('workspace_id', '=', workspaceId);
  }

  async get(workspaceId: string, id: string): Promise<T | undefined> {
    const row = await this.scoped(workspaceId).where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.doc) as T);
  }

  async existing(workspaceId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.selectFrom(this.table).select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async names(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom(this.table).select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async insert(item: T): Promise<void> {
    await this.db.insertInto(this.table).values(this.row(item)).execute();
  }

  async update(item: T, expectedVersion: number): Promise<boolean> {
    const { id, workspace_id, created_at, ...changes } = this.row(item);
    const result = await this.db
      .updateTable(this.table)
      .set(changes)
      .where('id', '=', id)
      .where('workspace_id', '=', workspace_id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    // Released numbers keep their routing as history, but must not pin (FK) a deleted target.
    const [inbound, outbound] = this.table === 'agents' ? (['inbound_agent_id', 'outbound_agent_id'] as const) : (['inbound_workflow_id', 'outbound_workflow_id'] as const);
    for (const column of [inbound, outbound]) {
      await this.db.updateTable('phone_numbers').set({ [column]: null }).where('workspace_id', '=', workspaceId).where(column, '=', id).where('released_at', 'is not', null).execute();
    }
    const result = await this.db.deleteFrom(this.table).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async list(workspaceId: string, after: string | null, limit: number): Promise<T[]> {
    let q = this.scoped(workspaceId);
    if (after) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  private row(item: T) {
    return {
      id: item.id,
      workspace_id: item.workspace_id,
      name: item.name,
      doc: JSON.stringify(item),
      version: item.version,
      created_at: item.created_at,
      updated_at: item.updated_at,
    };
  }
}
