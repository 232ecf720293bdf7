// Load shedding with @fastify/under-pressure: when the event loop lags more than
// SWITCHBOARD_MAX_EVENT_LOOP_DELAY ms and that lag slows requests down, new requests are refused
// with 503 + Retry-After before any other work (authentication included), in the face's format.
// /healthz always answers (the process is alive); /readyz answers 503 in its own shape (app.ts),
// so a load balancer sends traffic elsewhere until the lag is gone.
//
// under-pressure measures the mean event-loop delay over each sample (SAMPLE_MS). Shedding needs
// two samples in a row over the threshold, during each of which requests were answered:
// - one sample is not enough: one long synchronous stretch (this server's start compiles every
//   route's schemas in one go) makes one sample's mean huge although nothing waits behind it;
// - a lag while no request is being served (a server starting; a test process compiling a large
//   schema between the requests it injects into an app in the same process) is not load to shed.
//   Requests answered during the lag are the evidence: how long each took is not, since a request
//   served from SQLite and the key cache runs to its end without yielding, however long it queued.
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

/** Registers the check (before every other onRequest hook); returns whether requests are being shed now. */
export async function registerLoadShedding(app: FastifyInstance, maxEventLoopDelayMs: number): Promise<() => boolean> {
  if (maxEventLoopDelayMs <= 0) return () => false;
  let overInARow = 0;
  let answeredThisSample = 0;
  const overloaded = () => overInARow >= SAMPLES_TO_SHED;

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
    overInARow = sample > maxEventLoopDelayMs && answeredThisSample > 0 ? overInARow + 1 : 0;
    answeredThisSample = 0;
  }, SAMPLE_MS / 4);
  watch.unref();
  app.addHook('onClose', async () => clearInterval(watch));
  app.addHook('onResponse', async (request) => {
    if (!isHealthRoute(request)) answeredThisSample++;
  });
  return overloaded;
}
