import type { Kysely } from 'kysely';

// Webhook custom header values are receivers' credentials: they move out of the public `doc`
// into this column, sealed with the deployment's secret key (core/webhooks/headers.ts); `doc`
// keeps each header's name with the value "********". SQL cannot encrypt, so the rows saved
// before (clear values in `doc`, and in the audit events about them) are sealed and scrubbed
// by a step that runs after the migrations with the secret key: store/upgrades/.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhook_endpoints').addColumn('headers_sealed', 'text').execute();
}
