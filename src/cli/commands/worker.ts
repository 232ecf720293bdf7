// switchboard worker: only the webhook delivery worker, no HTTP. Run as many as the load needs,
// beside servers started with SWITCHBOARD_WORKER=false; SIGTERM/SIGINT stop it gracefully.
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { loadConfig } from '../../config.ts';
import { loggerSetup } from '../../logging.ts';
import { openRuntime } from '../../runtime.ts';
import { closeSharedWebhookAgents } from '../../webhooks/sender.ts';
import { startWorker } from '../../webhooks/start-worker.ts';
import { parseCommand } from '../args.ts';

export async function worker(args: string[]): Promise<void> {
  parseCommand('worker', args, { options: {} });
  const config = loadConfig();
  const { stream, ...options } = loggerSetup(config);
  const log = stream ? pino(options, stream) : pino(options);
  // A database the servers (or `switchboard migrate`) set up: a worker run in the wrong place
  // says where it looked instead of starting on a new, empty one.
  const runtime = await openRuntime(config, { create: false });
  const running = startWorker(runtime, config, log);
  log.info({ worker: running.id, database: runtime.location }, 'webhook worker started');
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'stopping after an error');
    else log.info({ signal }, 'stopping');
    await running.stop(8_000);
    await closeSharedWebhookAgents();
    await runtime.close();
  });
}
