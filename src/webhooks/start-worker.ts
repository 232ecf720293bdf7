// A delivery worker configured from the environment, for the server and `switchboard worker`.
import type { Config } from '../config.ts';
import type { Runtime } from '../runtime.ts';
import { DeliveryWorker, type WorkerLogger } from './worker.ts';

export function startWorker(runtime: Runtime, config: Config, log?: WorkerLogger): DeliveryWorker {
  return new DeliveryWorker(runtime.core.delivery, { concurrency: config.webhooks.concurrency, pollMs: config.webhooks.pollMs, ...(log ? { log } : {}) }).start();
}
