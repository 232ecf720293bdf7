// Turns rows into tables: ratios to the ceiling and to each row's baseline, targets met or missed,
// as aligned text for the terminal and as Markdown for BENCH_OUT.
import type { Row, Target } from '../scenarios/types.ts';
import type { DbKind } from './database.ts';

export interface Table {
  db: DbKind;
  rows: Row[];
  /** Peak RSS (VmHWM) per server role, bytes. */
  peaks: [role: string, bytes: number][];
}

export const COLUMNS = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'time (min / median) or value', '× ceiling', 'vs baseline', 'target', 'met?'];
const NUMERIC = new Set([1, 2, 3, 5]);
const DASH = '—';

export function min(values: number[]): number {
  return Math.min(...values);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 && !Number.isInteger(n) ? n.toFixed(1) : int(n));
const seconds = (msValue: number) => (msValue / 1000).toFixed(msValue < 10_000 ? 2 : 1);
const ratio = (n: number) => n.toFixed(n < 0.1 ? 3 : 2);

function targetText(t: Target): string {
  switch (t.kind) {
    case 'ratio': return `≥ ${t.min}× ${t.of}`;
    case 'p99': return `p99 ≤ ${t.maxMs} ms`;
    case 'wall': return `median ≤ ${t.maxMs / 1000} s`;
    case 'value': return `≤ ${t.max}`;
    case 'rps': return `≥ ${int(t.min)} req/s`;
  }
}

/** true = met, false = missed, undefined = cannot tell (the figure or its baseline is missing). */
function check(t: Target, row: Row, rows: Row[]): boolean | undefined {
  switch (t.kind) {
    case 'ratio': {
      const base = rows.find((r) => r.name === t.of);
      if (row.rps === undefined || !base?.rps || base.failures) return undefined;
      return row.rps / base.rps >= t.min;
    }
    case 'p99': return row.p99 === undefined ? undefined : row.p99 <= t.maxMs;
    case 'wall': return row.wallMs?.length ? median(row.wallMs) <= t.maxMs : undefined;
    case 'value': return row.value === undefined ? undefined : row.value.number <= t.max;
    case 'rps': return row.rps === undefined ? undefined : row.rps >= t.min;
  }
}

function verdict(row: Row, rows: Row[]): string {
  if (row.failures) return 'ERR';
  const targets = row.targets ?? [];
  if (!targets.length) return DASH;
  const results = targets.map((t) => check(t, row, rows));
  if (results.includes(false)) return 'miss';
  if (results.includes(undefined)) return 'n/a';
  return 'met';
}

function cells(row: Row, rows: Row[]): string[] {
  const ceiling = rows.find((r) => r.name === 'ceiling');
  const base = row.baseline ? rows.find((r) => r.name === row.baseline) : undefined;
  const timeOrValue = row.wallMs?.length ? `${seconds(min(row.wallMs))} / ${seconds(median(row.wallMs))} s` : row.value?.text;
  return [
    row.name,
    row.rps === undefined ? DASH : int(row.rps),
    row.p50 === undefined ? DASH : ms(row.p50),
    row.p99 === undefined ? DASH : ms(row.p99),
    timeOrValue ?? DASH,
    row.rps !== undefined && ceiling?.rps && row !== ceiling ? ratio(row.rps / ceiling.rps) : DASH,
    row.rps !== undefined && base?.rps ? `${ratio(row.rps / base.rps)}× ${base.name}` : DASH,
    row.targets?.length ? row.targets.map(targetText).join(', ') : DASH,
    verdict(row, rows),
  ];
}

const title = (db: DbKind) => (db === 'sqlite' ? 'SQLite' : 'PostgreSQL');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function peakLine(table: Table): string {
  return table.peaks.length ? `Peak RSS (VmHWM): ${table.peaks.map(([role, bytes]) => `${role} ${mb(bytes)}`).join(', ')}` : 'Peak RSS: not available (needs /proc)';
}

function notes(table: Table): string[] {
  return table.rows.filter((r) => r.note).map((r) => `${r.name}: ${r.note}`);
}

export function renderText(table: Table): string {
  const body = table.rows.map((r) => cells(r, table.rows));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...body.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (NUMERIC.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [
    `${title(table.db)}`,
    line(COLUMNS),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    peakLine(table),
    ...notes(table).map((n) => `  ${n}`),
  ].join('\n');
}

export function renderMarkdownTable(table: Table): string {
  const row = (cellsOfRow: string[]) => `| ${cellsOfRow.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    `## ${title(table.db)}`,
    '',
    row(COLUMNS),
    `|${COLUMNS.map((_, i) => (NUMERIC.has(i) ? '---:' : '---')).join('|')}|`,
    ...table.rows.map((r) => row(cells(r, table.rows))),
    '',
    `${peakLine(table)}.`,
    '',
    ...notes(table).map((n) => `- ${n}`),
  ].join('\n');
}
