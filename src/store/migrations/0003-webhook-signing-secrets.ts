import type { Kysely } from 'kysely';

// Signing secrets (sealed with the deployment's secret key; the public `doc` never holds them)
// and `enabled` as a column, for the delivery worker to select endpoints by. Endpoints saved
// before this migration have no secret until one is rotated in; their `enabled` is 1, as every
// endpoint saved then was (no face could disable one).
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite takes one ADD COLUMN per statement.
  await db.schema.alterTable('webhook_endpoints').addColumn('secret_sealed', 'text').execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('previous_secret_sealed', 'text').execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('previous_secret_expires_at', 'text').execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createIndex('webhook_endpoints_enabled').on('webhook_endpoints').columns(['workspace_id', 'enabled']).execute();
}
