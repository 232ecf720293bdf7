// Load shedding with @fastify/under-pressure: when the event loop lags more than
// SWITCHBOARD_MAX_EVENT_LOOP_DELAY ms and that lag slows requests down, new requests are refused
// with 503 + Retry-After before any other work (authentication included), in the face's format.
// /healthz always answers (the process is alive); /readyz answers 503 in its own shape (app.ts),
// so a load balancer sends traffic elsewhere until the lag is gone.
//
// under-pressure measures the mean event-loop delay over each sample (SAMPLE_MS). Shedding needs
// more than one sample over the threshold:
// - two samples in a row over it: one long synchronous stretch (this server's start compiles every
//   route's schemas in one go) makes one sample's mean huge although nothing waits behind it;
// - and a request that took longer than the threshold within the last SLOW_MEMORY_MS: a lag that
//   delays no request (synchronous work between requests, as a test process does when it compiles
//   a large schema, in the same process as the app it injects into) is not load to shed.
// Shedding stops at the first sample under the threshold.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import { isHealthRoute } from './rate-limit.ts';

/** Seconds a shed request is told to wait. */
export const SHED_RETRY_AFTER = 5;
/** How often under-pressure samples the event-loop delay, in ms (its default). */
const SAMPLE_MS = 1_000;
/** Samples over the threshold in a row before shedding starts. */
const SAMPLES_TO_SHED = 2;
/** How long a slow request counts as evidence that the lag delays requests. */
const SLOW_MEMORY_MS = 10_000;

/** Registers the check (before every other onRequest hook); returns whether requests are being shed now. */
export async function registerLoadShedding(app: FastifyInstance, maxEventLoopDelayMs: number): Promise<() => boolean> {
  if (maxEventLoopDelayMs <= 0) return () => false;
  let overInARow = 0;
  let lastSlowAt = Number.NEGATIVE_INFINITY;
  const overloaded = () => overInARow >= SAMPLES_TO_SHED && Date.now() - lastSlowAt < SLOW_MEMORY_MS;

  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    sampleInterval: SAMPLE_MS,
    // Thrown, not sent: the route's face writes it in its own error format.
    pressureHandler: (request: FastifyRequest) => {
      if (isHealthRoute(request) || !overloaded()) return undefined;
      return Promise.reject(new HttpError(503, 'unavailable', 'the server is overloaded; retry shortly', [], SHED_RETRY_AFTER));
    },
  });

  // Follows under-pressure's samples (each a new mean; several polls per sample so none is missed).
  let lastSample = Number.NaN;
  const watch = setInterval(() => {
    const sample = app.memoryUsage().eventLoopDelay;
    if (Object.is(sample, lastSample)) return;
    lastSample = sample;
    overInARow = sample > maxEventLoopDelayMs ? overInARow + 1 : 0;
  }, SAMPLE_MS / 4);
  watch.unref();
  app.addHook('onClose', async () => clearInterval(watch));
  app.addHook('onResponse', async (_request, reply) => {
    if (reply.elapsedTime > maxEventLoopDelayMs) lastSlowAt = Date.now();
  });
  return overloaded;
}
