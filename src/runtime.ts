// Opens everything the server and the CLI share: the store (migrated), the secret box (its key
// checked against the deployment's), the core.
import type { Config } from './config.ts';
import { ConfigError } from './config.ts';
import { createCore, type Core } from './core/index.ts';
import { KEY_CHECK_NAME, verifySecretKey } from './security/key-check.ts';
import { createSecretBox, keyFile, loadOrCreateKeyFile, readKeyFile } from './security/secret-box.ts';
import { destinationPolicy } from './webhooks/destination-policy.ts';
import { webhookTransport } from './webhooks/transport.ts';
import { databaseLocation, NoDatabaseError } from './store/database.ts';
import { openStore, type OpenedStore } from './store/index.ts';

export interface Runtime {
  core: Core;
  store: OpenedStore;
  /** The migrations this start applied, in order. */
  migrated: string[];
  /** Which database is open, for people (the SQLite file, or the Postgres URL without password). */
  location: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Postgres: this schema instead of SWITCHBOARD_DB_SCHEMA (tests). */
  schema?: string;
  /** false: open only a Switchboard database that exists, creating nothing (NoDatabaseError otherwise). */
  create?: boolean;
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const where = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: options.schema ?? config.dbSchema };
  const location = databaseLocation(where);
  const store = openStore({ ...where, create: options.create !== false });
  try {
    if (options.create === false && !(await store.isInitialized())) {
      throw new NoDatabaseError(`no Switchboard database in ${location} (\`switchboard migrate\` creates one there; set DATABASE_URL or SWITCHBOARD_DATA_DIR if it is elsewhere)`);
    }
    const migrated = await store.migrate();
    const { key, source } = await secretKey(config, store);
    const secrets = createSecretBox(key);
    await verifySecretKey(store.deploymentState, secrets, source);
    // Data steps that need the secret key (sealing values older code kept in clear), once the key is known good.
    await store.upgradeData(secrets);
    const { schedule, disableAfterMs, leaseMs, endpointConcurrency, timeoutMs } = config.webhooks;
    const core = createCore(store, secrets, {
      destinations: destinationPolicy(config.webhookAllowPrivate),
      transport: webhookTransport({ allowPrivate: config.webhookAllowPrivate, timeoutMs }),
      delivery: { schedule, disableAfterMs, leaseMs, endpointConcurrency },
      apiKeyCacheTtlMs: config.apiKeyCacheTtlMs,
    });
    return { core, store, migrated, location, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** SWITCHBOARD_SECRET_KEY, or (SQLite) the key file of the data dir, generated on first start. */
async function secretKey(config: Config, store: OpenedStore): Promise<{ key: Buffer; source: string }> {
  if (config.secretKey) return { key: config.secretKey, source: 'SWITCHBOARD_SECRET_KEY' };
  if (config.databaseUrl) throw new ConfigError('SWITCHBOARD_SECRET_KEY is required with DATABASE_URL');
  const file = keyFile(config.dataDir);
  const source = `the key in ${file}`;
  const existing = readKeyFile(config.dataDir);
  if (existing) return { key: existing, source };
  // A new key would not read the secrets already stored, and would be taken for the right one.
  if ((await store.deploymentState.get(KEY_CHECK_NAME)) !== undefined) {
    throw new ConfigError(`${file} is missing, and this database's secrets were written with the key it held: restore the file from a backup, or set SWITCHBOARD_SECRET_KEY to that key`);
  }
  return { key: loadOrCreateKeyFile(config.dataDir), source };
}
