// Forward-only migrations, applied in name order. Never edit one that has shipped: add the next.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-webhook-endpoints.ts';
import * as m0003 from './0003-webhook-signing-secrets.ts';
import * as m0004 from './0004-webhook-deliveries.ts';
import * as m0005 from './0005-audit-event-order.ts';
import * as m0006 from './0006-postgres-write-costs.ts';
import * as m0007 from './0007-idempotency-per-api-key.ts';
import * as m0008 from './0008-webhook-header-values-sealed.ts';
import * as m0010 from './0010-time-ordered-lists.ts';

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-webhook-endpoints': m0002,
  '0003-webhook-signing-secrets': m0003,
  '0004-webhook-deliveries': m0004,
  '0005-audit-event-order': m0005,
  '0006-postgres-write-costs': m0006,
  '0007-idempotency-per-api-key': m0007,
  '0008-webhook-header-values-sealed': m0008,
  '0010-time-ordered-lists': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** `schema` (Postgres): without it Kysely takes a migration table of any schema for this one's. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: false, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Postgres: Kysely's migrator looks for its table through the introspector, which checks the
 * privileges of every table of the database by name; a schema dropped meanwhile by anyone else
 * (another deployment sharing the database, a test file cleaning up) fails that query with
 * "schema … does not exist" (3F000) or "relation … does not exist" (42P01, one of its tables).
 * Nothing was migrated then: trying again is safe.
 */
const VANISHED = new Set(['3F000', '42P01']);

export async function migratePostgresToLatest(db: Kysely<any>, schema: string | undefined, attempts = 10): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateToLatest(db, schema);
    } catch (err) {
      if (attempt >= attempts || !VANISHED.has((err as { code?: string }).code ?? '')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

/**
 * SQLite: Kysely's migration lock holds within one connection only, so two processes starting
 * on one file (a server and the CLI, or two servers) can race. Each migration runs in a
 * transaction, so the loser's attempt rolls back whole: trying again finds the work done.
 */
export async function migrateSqliteToLatest(db: Kysely<any>, attempts = 6): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateToLatest(db);
    } catch (err) {
      if (attempt >= attempts || !String((err as { code?: string }).code ?? '').startsWith('SQLITE_')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
