// The Kysely implementation of the core's Store.
import { sql, type Kysely } from 'kysely';
import type { Agent } from '../core/agents/schema.ts';
import type { Repos, SecretBox, Store } from '../core/ports.ts';
import type { Workflow } from '../core/workflows/schema.ts';
import { openDatabase, type DatabaseOptions } from './database.ts';
import { migratePostgresToLatest, migrateSqliteToLatest } from './migrations/index.ts';
import { KyselyApiKeyRepo, KyselyUserRepo, KyselyWorkspaceRepo } from './repositories/accounts.ts';
import { KyselyAuditRepo } from './repositories/audit-events.ts';
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
  /** Applies the pending migrations (returns their names), then the data steps that need the secret key. */
  migrate(secrets: SecretBox): Promise<string[]>;
}

export function openStore(options: DatabaseOptions): OpenedStore {
  const { db, dialect, close } = openDatabase(options);
  return {
    ...reposFor(db, dialect),
    db,
    dialect,
    transaction: (work) => db.transaction().execute((trx) => work(reposFor(trx, dialect))),
    // Postgres: the migration tables live in this store's schema, not whichever schema has them first.
    async migrate(secrets) {
      const applied = dialect === 'postgres' ? await migratePostgresToLatest(db, options.schema) : await migrateSqliteToLatest(db);
      await sealWebhookHeaders(db, secrets);
      return applied;
    },
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
