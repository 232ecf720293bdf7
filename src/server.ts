// The server: migrate, listen, bootstrap on first start (printing the first API key once), serve,
// and shut down gracefully on SIGTERM/SIGINT. Used by `npm start` (src/main.ts) and `switchboard serve`.
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { build } from './http/app.ts';
import { openRuntime } from './runtime.ts';
import { printFirstKey } from './cli/print.ts';
import { closeSharedWebhookAgents } from './webhooks/sender.ts';
import { startWorker } from './webhooks/start-worker.ts';
import type { DeliveryWorker } from './webhooks/worker.ts';

/** The server cannot start for a reason one line says (a busy port): no stack trace, exit 1. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

/** Starts listening; resolves once the server accepts connections. Throws ConfigError on bad configuration. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const runtime = await openRuntime(config);
  let app: FastifyInstance | undefined;
  try {
    app = await build({ config, core: runtime.core });
    app.log.info({ database: runtime.location, migrated: runtime.migrated }, 'database opened');
    // Listen before bootstrapping: the first start's key is printed once, so a port that turns
    // out to be busy must stop the start before the key exists, not after.
    await listen(app, config);
  } catch (err) {
    await app?.close();
    await runtime.close();
    throw err;
  }
  // Before anything is printed: whoever reads the first key may stop the server right away.
  const server = app;
  let worker: DeliveryWorker | null = null;
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) server.log.error({ err }, 'shutting down after an error');
    else server.log.info({ signal }, 'shutting down');
    // Stops accepting and lets in-flight requests finish; meanwhile deliveries in flight finish
    // or are given back for another worker to retry.
    await Promise.all([server.close(), worker?.stop(8_000)]);
    await closeSharedWebhookAgents();
    await runtime.close();
  });
  const first = await runtime.core.workspaces.bootstrapIfEmpty();
  if (first) printFirstKey(first, `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`);
  if (config.worker) worker = startWorker(runtime, config, app.log);
}

/** app.listen, with the usual reasons it fails said in one line naming the variable to change. */
async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartError(`port ${config.port} is in use; set PORT`);
    if (code === 'EACCES') throw new StartError(`port ${config.port} needs privileges this process lacks; set PORT`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new StartError(`HOST ${config.host} is not an address of this machine; set HOST`);
    throw err;
  }
}

/** Prints why the server could not start and exits: 78 (EX_CONFIG) for configuration, 1 otherwise. */
export function exitOnStartError(err: unknown): never {
  if (err instanceof ConfigError) {
    console.error(`switchboard: configuration error: ${err.message}`);
    process.exit(78); // EX_CONFIG
  }
  if (err instanceof StartError) {
    console.error(`switchboard: ${err.message}`);
    process.exit(1);
  }
  console.error('switchboard: failed to start:', err);
  process.exit(1);
}
