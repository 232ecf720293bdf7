// The load generator: autocannon, 50 connections, run from the harness process.
import autocannon from 'autocannon';

export const CONNECTIONS = 50;
export const WARMUP_SECONDS = 2;
const SETTLE_MS = 1_000;

/** BENCH_DURATION seconds of measured load per scenario (default 10). */
export function benchDuration(): number {
  const raw = process.env.BENCH_DURATION;
  if (raw === undefined || raw === '') return 10;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH_DURATION must be a positive number of seconds, got "${raw}"`);
  return value;
}

export interface LoadSpec {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** A fixed path; or vary each request with next(). */
  path?: string;
  /** Called for every request: its path, and method, headers or body when they differ. */
  next?: () => { path: string; method?: string; headers?: Record<string, string>; body?: string };
  /** Measured seconds (default BENCH_DURATION); ignored when `amount` is given. */
  duration?: number;
  /** Stop after this many requests (no warm-up). */
  amount?: number;
  /** Run ~2 s unmeasured first (default: yes for duration runs). */
  warmup?: boolean;
}

export interface LoadResult {
  /** Average requests per second over the measured run (autocannon's Req/Sec average). */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses other than 2xx, plus socket errors and timeouts. */
  failures: number;
  /** Count per status code, e.g. {"200": 51234}. */
  statuses: Record<string, number>;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const headers = { ...(spec.headers ?? {}) };
  const next = spec.next;
  const request: autocannon.Request = {
    method: spec.method ?? 'GET',
    path: spec.path ?? '/',
    headers,
    // autocannon hands setupRequest a fresh copy of this request each time.
    ...(next ? { setupRequest: (req: autocannon.Request) => ({ ...req, ...next() }) } : {}),
  };
  const measured = spec.amount === undefined;
  const result = await autocannon({
    url: spec.url,
    connections: CONNECTIONS,
    timeout: 30,
    requests: [request],
    ...(measured ? { duration: spec.duration ?? benchDuration() } : { amount: spec.amount }),
    ...(measured && spec.warmup !== false ? { warmup: { connections: CONNECTIONS, duration: WARMUP_SECONDS } } : {}),
  });
  // autocannon stops sending at the deadline, but the server still finishes what it has received:
  // let that drain so it does not overlap the next scenario (a late PATCH would otherwise race the
  // next bulk update and show up there as a version conflict).
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: Object.values(statuses).reduce((a, b) => a + b, 0),
    failures: result.non2xx + result.errors + result.timeouts,
    statuses,
  };
}
