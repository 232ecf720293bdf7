// Opens everything the server and the CLI share: the store (migrated), the secret box, the core.
import type { Config } from './config.ts';
import { ConfigError } from './config.ts';
import { createCore, type Core } from './core/index.ts';
import { createSecretBox, loadOrCreateKeyFile } from './security/secret-box.ts';
import { destinationPolicy } from './webhooks/destination-policy.ts';
import { webhookTransport } from './webhooks/transport.ts';
import { openStore, type OpenedStore } from './store/index.ts';

export interface Runtime {
  core: Core;
  store: OpenedStore;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: { schema?: string; migrate?: boolean } = {}): Promise<Runtime> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: options.schema ?? config.dbSchema });
  try {
    const key = config.secretKey ?? (config.databaseUrl ? undefined : loadOrCreateKeyFile(config.dataDir));
    if (!key) throw new ConfigError('SWITCHBOARD_SECRET_KEY is required with DATABASE_URL');
    const secrets = createSecretBox(key);
    if (options.migrate !== false) await store.migrate(secrets);
    const { schedule, disableAfterMs, leaseMs, endpointConcurrency, timeoutMs } = config.webhooks;
    const core = createCore(store, secrets, {
      destinations: destinationPolicy(config.webhookAllowPrivate),
      transport: webhookTransport({ allowPrivate: config.webhookAllowPrivate, timeoutMs }),
      delivery: { schedule, disableAfterMs, leaseMs, endpointConcurrency },
      apiKeyCacheTtlMs: config.apiKeyCacheTtlMs,
    });
    return { core, store, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}
