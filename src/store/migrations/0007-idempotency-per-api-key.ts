import type { Kysely } from 'kysely';

// Stored Idempotency-Key answers belong to the API key that made them, for one method and route
// pattern: before, they were kept per workspace, so another key of the workspace sending the same
// Idempotency-Key got the first key's answer (with any secret it held: a new API key, a signing
// secret). The old records cannot say which key made them, and they live 48 hours: they are
// dropped. A retry in flight across the upgrade runs again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('body', 'text')
    .addColumn('headers', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'api_key_id', 'method', 'route', 'key'])
    .execute();
  // The index of the same name went with the old table.
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
}
