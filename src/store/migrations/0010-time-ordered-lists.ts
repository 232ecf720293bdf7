import { PostgresAdapter, type Kysely } from 'kysely';

// The audit log and an endpoint's deliveries are listed newest first by default, in a time
// window (since/until on created_at). Indexes so that neither is a scan of the workspace:
// - (workspace_id, created_at) and (endpoint_id, created_at): a narrow window is a range scan
//   (then sorted, within the window) instead of a walk through everything newer or older;
// - SQLite only: (workspace_id) and (workspace_id, object_id). Their entries are in rowid order,
//   which is the audit log's order (migration 0005), so a page is read straight off the index,
//   either way; the (…, id) indexes of 0001 are in id order and made SQLite sort every event of
//   the workspace for each page. Postgres has (workspace_id, seq) and (workspace_id, object_id,
//   seq) from 0005.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_events_workspace_created').on('audit_events').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('webhook_deliveries_endpoint_created').on('webhook_deliveries').columns(['endpoint_id', 'created_at']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.createIndex('audit_events_workspace_order').on('audit_events').column('workspace_id').execute();
  await db.schema.createIndex('audit_events_object_order').on('audit_events').columns(['workspace_id', 'object_id']).execute();
}
