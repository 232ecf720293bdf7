import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The audit log in the order events were written. Event ids are UUIDv7, ordered within one
// process only: two servers writing in the same millisecond can mint ids out of order. The
// database numbers the rows instead: SQLite's rowid (writes are one at a time, so it is commit
// order), a bigserial on Postgres (drawn at insert; a number's writers queue on its row lock, so
// one object's events are in order). Existing rows keep their order: Postgres numbers them in
// id order.
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.alterTable('audit_events').addColumn('seq', 'bigint').execute();
    await sql`create sequence audit_events_seq owned by audit_events.seq`.execute(db);
    await sql`update audit_events set seq = numbered.n from (select id, row_number() over (order by id) as n from audit_events) as numbered where audit_events.id = numbered.id`.execute(db);
    await sql`select setval('audit_events_seq', greatest((select max(seq) from audit_events), 1))`.execute(db);
    await sql`alter table audit_events alter column seq set default nextval('audit_events_seq'), alter column seq set not null`.execute(db);
    await db.schema.createIndex('audit_events_workspace_seq').on('audit_events').columns(['workspace_id', 'seq']).execute();
    await db.schema.createIndex('audit_events_object_seq').on('audit_events').columns(['workspace_id', 'object_id', 'seq']).execute();
  }
  // SQLite: rowid is there already, and an index on (workspace_id, …) holds rowid as its last key.
}
