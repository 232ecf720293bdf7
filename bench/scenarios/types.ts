// What a scenario is given and what it gives back. See index.ts for how to add one.
import type { BenchDatabase, DbKind } from '../lib/database.ts';
import type { SeededNumber, Switchboard } from '../lib/switchboard.ts';

/**
 * A target a row is checked against. Ratios compare req/s with another row of the same table
 * (`of` is that row's name: "ceiling", "get-v1", "bare-pg").
 */
export type Target =
  | { kind: 'ratio'; of: string; min: number }
  | { kind: 'p99'; maxMs: number }
  /** The median of the row's wall-time samples. */
  | { kind: 'wall'; maxMs: number }
  /** The row's value (a memory ratio, say) at most this. */
  | { kind: 'value'; max: number }
  /** Absolute throughput, for scenarios with no natural baseline (e.g. webhook deliveries). */
  | { kind: 'rps'; min: number };

/** One line of the results table. Fill only what the scenario measures. */
export interface Row {
  name: string;
  rps?: number;
  p50?: number;
  p99?: number;
  /** Repeated end-to-end timings in ms (bulk, startup): shown as min / median. */
  wallMs?: number[];
  /** A single figure with its own wording (memory: "142 → 151 MB"). */
  value?: { number: number; text: string };
  /** Which other row this one is also compared with ("get-v1" for the faces, "bare-pg"). */
  baseline?: string;
  targets?: Target[];
  /** Non-2xx responses, socket errors, wrong answers: the row cannot meet its targets. */
  failures?: number;
  /** Shown under the table: what failed, or how the figure was taken. */
  note?: string;
}

export interface BenchContext {
  db: DbKind;
  database: BenchDatabase;
  /** The running Switchboard, seeded; scenarios may restart it (its url changes). */
  sb: Switchboard;
  /** The seeded numbers (10,000), by index. */
  numbers: SeededNumber[];
  /** One phone number as GET /v1/phone-numbers/{id} answers it. */
  sample: unknown;
  /** Measured seconds per load run (BENCH_DURATION). */
  duration: number;
}

export interface Scenario {
  /** kebab-case; the name given on the command line. */
  name: string;
  description: string;
  /** The databases it runs on; all when absent. */
  databases?: DbKind[];
  /** Runs once per bench run (in the first database's pass); its rows appear in every table. */
  once?: boolean;
  run(ctx: BenchContext): Promise<Row[]>;
}

/** A random element; the load scenarios use it to spread requests over all numbers. */
export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** Describes non-2xx answers for a row's note, e.g. "412 of 51,000 requests failed (404 ×412)". */
export function failureNote(result: { failures: number; requests: number; statuses: Record<string, number> }): string | undefined {
  if (result.failures === 0) return undefined;
  const bad = Object.entries(result.statuses).filter(([code]) => !code.startsWith('2')).map(([code, n]) => `${code} ×${n}`);
  return `${result.failures} of ${result.requests} requests failed${bad.length ? ` (${bad.join(', ')})` : ' (socket errors or timeouts)'}`;
}
