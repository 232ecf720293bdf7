// The server: migrate, bootstrap on first start (printing the first API key once), serve,
// and shut down gracefully on SIGTERM/SIGINT. Used by `npm start` (src/main.ts) and `switchboard serve`.
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.ts';
import { build } from './http/app.ts';
import { openRuntime } from './runtime.ts';
import { printFirstKey } from './cli/print.ts';
import { closeSharedWebhookAgents } from './webhooks/sender.ts';
import { startWorker } from './webhooks/start-worker.ts';

/** Starts listening; resolves once the server accepts connections. Throws ConfigError on bad configuration. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const runtime = await openRuntime(config);
  const first = await runtime.core.workspaces.bootstrapIfEmpty();
  const app = await build({ config, core: runtime.core });
  const worker = config.worker ? startWorker(runtime, config, app.log) : null;
  if (first) printFirstKey(first, `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`);

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    // Stops accepting and lets in-flight requests finish; meanwhile deliveries in flight finish
    // or are given back for another worker to retry.
    await Promise.all([app.close(), worker?.stop(8_000)]);
    await closeSharedWebhookAgents();
    await runtime.close();
  });
  await app.listen({ port: config.port, host: config.host });
}

/** Prints why the server could not start and exits: 78 (EX_CONFIG) for configuration, 1 otherwise. */
export function exitOnStartError(err: unknown): never {
  if (err instanceof ConfigError) {
    console.error(`switchboard: configuration error: ${err.message}`);
    process.exit(78); // EX_CONFIG
  }
  console.error('switchboard: failed to start:', err);
  process.exit(1);
}
