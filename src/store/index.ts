// The Kysely implementation of the core's Store.
import { sql, type Kysely } from 'kysely';
import type { Agent } from '../core/agents/schema.ts';
import type { Repos, SecretBox, Store } from '../core/ports.ts';
import type { Workflow } from '../core/workflows/schema.ts';
import { openDatabase, type DatabaseOptions } from './database.ts';
import { migratePostgresToLatest, migrateSqliteToLatest } from './migrations/index.ts';
import { KyselyApiKeyRepo, KyselyUserRepo, KyselyWorkspaceRepo } from './repositories/accounts.ts';
import { KyselyAuditRepo } from './repositories/audit-events.ts';
import { KyselyDeploymentStateRepo } from './repositories/deployment-state.ts';
import { KyselyDeliveryRepo } from './repositories/webhook-deliveries.ts';
import { KyselyIdempotencyRepo } from './repositories/idempotency.ts';
import { KyselyPhoneNumberRepo } from './repositories/phone-numbers.ts';
import { KyselyTargetRepo } from './repositories/targets.ts';
import { KyselyWebhookRepo } from './repositories/webhook-endpoints.ts';
import type { Database } from './schema.ts';
import { sealWebhookHeaders } from './upgrades/seal-webhook-headers.ts';

function reposFor(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Repos {
  return {
    phoneNumbers: new KyselyPhoneNumberRepo(db, dialect),
    agents: new KyselyTargetRepo<Agent>(db, 'agents'),
    workflows: new KyselyTargetRepo<Workflow>(db, 'workflows'),
    workspaces: new KyselyWorkspaceRepo(db),
    users: new KyselyUserRepo(db),
    apiKeys: new KyselyApiKeyRepo(db, dialect),
    audit: new KyselyAuditRepo(db, dialect),
    idempotency: new KyselyIdempotencyRepo(db),
    webhooks: new KyselyWebhookRepo(db),
    deliveries: new KyselyDeliveryRepo(db, dialect),
  };
}

export interface OpenedStore extends Store {
  db: Kysely<Database>;
  migrate(): Promise<string[]>;
  /** Migrations have run here: this is a Switchboard database. */
  isInitialized(): Promise<boolean>;
  deploymentState: KyselyDeploymentStateRepo;
  /** The data steps that need the secret key, after the migrations (idempotent; servers starting together do each once). */
  upgradeData(secrets: SecretBox): Promise<void>;
}

export function openStore(options: DatabaseOptions): OpenedStore {
  const { db, dialect, close } = openDatabase(options);
  return {
    ...reposFor(db, dialect),
    db,
    dialect,
    transaction: (work) => db.transaction().execute((trx) => work(reposFor(trx, dialect))),
    // Postgres: the migration tables live in this store's schema, not whichever schema has them first.
    migrate: () => (dialect === 'postgres' ? migratePostgresToLatest(db, options.schema) : migrateSqliteToLatest(db)),
    async isInitialized() {
      const found =
        dialect === 'postgres'
          ? await sql`select 1 from information_schema.tables where table_schema = coalesce(${options.schema ?? null}::text, current_schema()) and table_name = 'kysely_migration'`.execute(db)
          : await sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db);
      return found.rows.length > 0;
    },
    deploymentState: new KyselyDeploymentStateRepo(db),
    upgradeData: (secrets) => sealWebhookHeaders(db, secrets),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close,
  };
}
