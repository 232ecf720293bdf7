// `npm run bench [-- scenario …]`: the benchmark harness. For each database (SQLite; Postgres
// too when DATABASE_URL is set) it starts Switchboard on a fresh database, seeds 10,000 numbers,
// runs the scenarios (bench/scenarios/index.ts), and prints one table. BENCH_OUT=path also writes
// the tables as Markdown; see lib/document.ts. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { peakRss, resetPeaks, ROOT } from './lib/children.ts';
import { cleanupAll, installSignalHandlers, isInterrupted } from './lib/cleanup.ts';
import { freshDatabase, type DbKind } from './lib/database.ts';
import { machineLine, renderDocument } from './lib/document.ts';
import { requestJson } from './lib/http.ts';
import { benchDuration } from './lib/load.ts';
import { renderText, type Table } from './lib/report.ts';
import { Switchboard } from './lib/switchboard.ts';
import { SCENARIOS, type BenchContext, type Row, type Scenario } from './scenarios/index.ts';

const SEED_COUNT = 10_000;

function selectScenarios(args: string[]): Scenario[] {
  const names = args.filter((a) => a !== '--');
  if (names.includes('--help') || names.includes('-h')) {
    console.log(`usage: npm run bench [-- scenario …]\n\n${SCENARIOS.map((s) => `  ${s.name.padEnd(12)} ${s.description}`).join('\n')}`);
    process.exit(0);
  }
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`bench: unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return names.length ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
}

function summary(row: Row): string {
  const parts: string[] = [];
  if (row.rps !== undefined) parts.push(`${Math.round(row.rps)} req/s`, `p50 ${row.p50} ms`, `p99 ${row.p99} ms`);
  if (row.wallMs) parts.push(`${row.wallMs.map((m) => `${Math.round(m)} ms`).join(', ')}`);
  if (row.value) parts.push(row.value.text);
  if (row.failures) parts.push(`FAILED: ${row.note ?? `${row.failures} failures`}`);
  return `    ${row.name}: ${parts.join(', ')}`;
}

/** What `once` scenarios (the ceiling) produced in an earlier pass: shown in every table. */
interface Shared {
  rows: Row[];
  done: Set<string>;
}

/** One database: fresh Switchboard, seed, scenarios, stop, drop. */
async function runPass(kind: DbKind, scenarios: Scenario[], duration: number, shared: Shared): Promise<Table> {
  resetPeaks();
  console.log(`\n== ${kind} ==`);
  const database = await freshDatabase(kind, process.env.DATABASE_URL);
  const rows: Row[] = [...shared.rows];
  const { sb, readyMs } = await Switchboard.start(database);
  console.log(`  switchboard pid ${sb.pid} ready in ${Math.round(readyMs)} ms; seeding ${SEED_COUNT.toLocaleString('en-US')} numbers…`);
  const seedStart = performance.now();
  const numbers = await sb.seed(SEED_COUNT);
  console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (not measured)`);
  const sampleRes = await requestJson('GET', `${sb.url}/v1/phone-numbers/${numbers[0]!.id}`, { headers: sb.auth });
  if (sampleRes.status !== 200) throw new Error(`GET of a seeded number answered ${sampleRes.status}: ${sampleRes.text}`);
  const ctx: BenchContext = { db: kind, database, sb, numbers, sample: sampleRes.json, duration };

  for (const scenario of scenarios) {
    console.log(`  ${scenario.name}: ${scenario.description}`);
    try {
      const out = await scenario.run(ctx);
      if (scenario.once) {
        shared.done.add(scenario.name);
        shared.rows.push(...out.map((r) => ({ ...r, note: `measured once, in the ${kind} pass; ${r.note ?? ''}`.replace(/; $/, '') })));
      }
      rows.push(...out);
      out.forEach((r) => console.log(summary(r)));
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      console.error(`    ${scenario.name} failed: ${err instanceof Error ? err.stack : message}`);
      rows.push({ name: scenario.name, failures: 1, note: `the scenario failed: ${message}` });
    }
  }
  await sb.stop();
  await database.dispose();
  // Switchboard first, then the helper servers.
  const peaks = [...peakRss().entries()].sort(([a], [b]) => Number(!a.startsWith('switchboard')) - Number(!b.startsWith('switchboard')));
  return { db: kind, rows, peaks };
}

async function main(): Promise<void> {
  installSignalHandlers();
  const scenarios = selectScenarios(process.argv.slice(2));
  const duration = benchDuration();
  const started = performance.now();
  const loadAtStart = os.loadavg();
  console.log(`bench: ${machineLine()}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`bench: scenarios ${scenarios.map((s) => s.name).join(', ')}; ${duration} s per load run (+2 s warm-up)`);

  // The server runs as `npm start` runs it: the bundle of src/ (scripts/build.mjs), built now.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

  const kinds: DbKind[] = ['sqlite'];
  const postgresSkipped = process.env.DATABASE_URL ? undefined : 'Postgres: skipped (DATABASE_URL is not set; set it to also benchmark on PostgreSQL).';
  if (postgresSkipped) console.log(`bench: ${postgresSkipped}`);
  else kinds.push('postgres');

  const tables: Table[] = [];
  const shared: Shared = { rows: [], done: new Set() };
  const sharedPeaks: [string, number][] = [];
  try {
    for (const kind of kinds) {
      const todo = scenarios.filter((s) => (!s.databases || s.databases.includes(kind)) && !shared.done.has(s.name));
      if (!todo.length) {
        console.log(`\n== ${kind} ==\n  no selected scenario runs on ${kind}: skipped`);
        continue;
      }
      const table = await runPass(kind, todo, duration, shared);
      // A once-only server ran in the first pass (its role is its scenario name, e.g. "ceiling"):
      // show its peak in every table.
      for (const [role, bytes] of sharedPeaks) if (!table.peaks.some(([r]) => r === role)) table.peaks.push([`${role} (${tables[0]?.db} pass)`, bytes]);
      if (!tables.length) sharedPeaks.push(...table.peaks.filter(([role]) => scenarios.some((s) => s.once && s.name === role)));
      tables.push(table);
    }
  } finally {
    await cleanupAll();
  }

  const totalSec = (performance.now() - started) / 1000;
  console.log('');
  for (const table of tables) console.log(`${renderText(table)}\n`);
  if (postgresSkipped) console.log(postgresSkipped);
  console.log(`bench: done in ${Math.round(totalSec)} s`);

  const out = process.env.BENCH_OUT;
  if (out) {
    const doc = renderDocument(tables, {
      date: new Date(),
      durationSec: duration,
      seeded: SEED_COUNT,
      loadAtStart,
      totalSec,
      scenarios: scenarios.map((s) => s.name),
      postgresSkipped,
      note: process.env.BENCH_NOTE,
    });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, doc);
    console.log(`bench: wrote ${out}`);
  }
}

main().then(
  () => process.exit(0), // keep-alive sockets of fetch() must not hold the process open
  async (err) => {
    if (!isInterrupted()) console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
    await cleanupAll();
    process.exit(isInterrupted() ? 130 : 1);
  },
);
