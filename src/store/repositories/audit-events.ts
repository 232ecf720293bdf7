import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../core/audit/model.ts';
import type { AuditEventFilter, AuditRepo } from '../../core/ports.ts';
import type { Database } from '../schema.ts';

export class KyselyAuditRepo implements AuditRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: AuditEvent) {
    await this.db
      .insertInto('audit_events')
      .values({
        id: event.id,
        workspace_id: event.workspace_id,
        type: event.type,
        object_type: event.object_type,
        object_id: event.object_id,
        doc: JSON.stringify(event),
        created_at: event.created_at,
      })
      .execute();
  }

  async list(workspaceId: string, filter: AuditEventFilter, after: string | null, limit: number) {
    let q = this.db.selectFrom('audit_events').select('doc').where('workspace_id', '=', workspaceId);
    if (filter.objectId) q = q.where('object_id', '=', filter.objectId);
    if (filter.objectType) q = q.where('object_type', '=', filter.objectType);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (after) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => JSON.parse(r.doc) as AuditEvent);
  }

  async get(workspaceId: string, id: string) {
    const row = await this.db.selectFrom('audit_events').select('doc').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.doc) as AuditEvent);
  }
}
