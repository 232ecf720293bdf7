import { sql, type Kysely } from 'kysely';

// Webhook delivery. The audit log is the outbox: an event is written in the same transaction as
// its change, with dispatched_at null; a worker fans it out into one delivery per matching
// endpoint and stamps dispatched_at in one transaction. Events that existed before this
// migration are history, not news: they are stamped as dispatched so none is sent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('dispatched_at', 'text').execute();
  await db.updateTable('audit_events').set({ dispatched_at: sql`created_at` }).execute();
  await db.schema.createIndex('audit_events_undispatched').on('audit_events').column('id').where(sql.ref('dispatched_at'), 'is', null).execute();

  // When the endpoint's deliveries started failing without a success since (null = healthy).
  await db.schema.alterTable('webhook_endpoints').addColumn('failing_since', 'text').execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('audit_events.id'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    // pending | succeeded | failed | filtered | skipped
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Position in the retry schedule; a manual retry or a replay starts it again.
    .addColumn('schedule_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_token', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_event_endpoint', ['event_id', 'endpoint_id'])
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_endpoint').on('webhook_deliveries').columns(['endpoint_id', 'id']).execute();
  await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').column('event_id').execute();
  // Leases in force, counted per endpoint by every claim (the per-endpoint concurrency limit).
  await db.schema.createIndex('webhook_deliveries_leased').on('webhook_deliveries').columns(['lease_expires_at', 'endpoint_id']).execute();

  await db.schema
    .createTable('webhook_delivery_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('response_truncated', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_delivery_attempts_delivery').on('webhook_delivery_attempts').columns(['delivery_id', 'id']).execute();
}
