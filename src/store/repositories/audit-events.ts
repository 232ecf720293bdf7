import { sql, type Kysely } from 'kysely';
import type { AuditEvent } from '../../core/audit/model.ts';
import type { AuditEventFilter, AuditRepo } from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import { decodeEvent, encodeEvent } from './audit-doc.ts';
import { chunked } from './sql-helpers.ts';

const parse = decodeEvent;
/** 7 parameters per row: 1,000 rows stay under both databases' caps. */
const INSERT_CHUNK = 1000;

export class KyselyAuditRepo implements AuditRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async insert(event: AuditEvent) {
    await this.insertMany([event]);
  }

  async insertMany(events: AuditEvent[]) {
    for (const chunk of chunked(events, INSERT_CHUNK)) {
      await this.db
        .insertInto('audit_events')
        .values(chunk.map((event) => ({ id: event.id, workspace_id: event.workspace_id, type: event.type, object_type: event.object_type, object_id: event.object_id, doc: encodeEvent(event), created_at: event.created_at })))
        .execute();
    }
  }

  /** In write order (see migration 0005), or newest first; the cursor is the last event's id. */
  async list(workspaceId: string, filter: AuditEventFilter, after: string | null, limit: number) {
    const seq = sql.ref(this.dialect === 'postgres' ? 'seq' : 'rowid');
    let q = this.db.selectFrom('audit_events').select('doc').where('workspace_id', '=', workspaceId);
    if (filter.objectId) q = q.where('object_id', '=', filter.objectId);
    if (filter.objectType) q = q.where('object_type', '=', filter.objectType);
    if (filter.type) q = q.where('type', '=', filter.type);
    const desc = filter.order === 'desc';
    if (after) q = q.where(sql<boolean>`${seq} ${sql.raw(desc ? '<' : '>')} (select ${seq} from audit_events where id = ${after} and workspace_id = ${workspaceId})`);
    const rows = await q.orderBy(seq, desc ? 'desc' : 'asc').limit(limit).execute();
    return rows.map((r) => parse(r.doc));
  }

  async getMany(ids: string[]) {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('audit_events').select('doc').where('id', 'in', ids).execute();
    return rows.map((r) => parse(r.doc));
  }

  async takeUndispatched(limit: number) {
    let q = this.db.selectFrom('audit_events').select(['id', 'workspace_id', 'type']).where('dispatched_at', 'is', null).orderBy('id').limit(limit);
    // Several servers fan out at once: each takes rows the others have not locked. (SQLite's
    // transactions are already one at a time: BEGIN IMMEDIATE.) NO KEY UPDATE, not UPDATE: only
    // dispatched_at changes, and a full UPDATE lock would also block the foreign-key checks of
    // deliveries that a replay inserts for these events, deadlocking with it.
    if (this.dialect === 'postgres') q = q.forNoKeyUpdate().skipLocked();
    return q.execute();
  }

  async markDispatched(ids: string[], at: string) {
    if (ids.length) await this.db.updateTable('audit_events').set({ dispatched_at: at }).where('id', 'in', ids).execute();
  }

  async listSince(workspaceId: string, since: string, until: string | null, after: string | null, limit: number) {
    let q = this.db.selectFrom('audit_events').select('doc').where('workspace_id', '=', workspaceId).where('created_at', '>=', since);
    if (until) q = q.where('created_at', '<=', until);
    if (after) q = q.where('id', '>', after);
    return (await q.orderBy('id').limit(limit).execute()).map((r) => parse(r.doc));
  }

  async get(workspaceId: string, id: string) {
    const row = await this.db.selectFrom('audit_events').select('doc').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && parse(row.doc);
  }
}
