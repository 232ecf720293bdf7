// The Markdown written to BENCH_OUT (docs/benchmarks.md is produced this way): the machine,
// the settings, one table per database, and how to run it again.
import os from 'node:os';
import { CONNECTIONS, WARMUP_SECONDS } from './load.ts';
import { renderMarkdownTable, type Table } from './report.ts';

export interface RunInfo {
  date: Date;
  durationSec: number;
  seeded: number;
  /** os.loadavg() when the run began: how busy the machine already was. */
  loadAtStart: number[];
  totalSec: number;
  scenarios: string[];
  /** Why Postgres has no table, when it has none. */
  postgresSkipped?: string;
  /** BENCH_NOTE: free text about the conditions of this run. */
  note?: string;
}

export function machineLine(): string {
  const cpus = os.cpus();
  return [
    `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores`,
    `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
  ].join(', ');
}

const HOW_TO_RUN = `## How to run

\`\`\`sh
npm run bench                                   # every scenario on SQLite (Postgres skipped without DATABASE_URL)
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # SQLite, then Postgres in a fresh bench_<random> schema
npm run bench -- ceiling get-v1                 # a subset, by scenario name
BENCH_DURATION=5 npm run bench                  # seconds of measured load per scenario (default 10, after a 2 s warm-up)
BENCH_OUT=docs/benchmarks.md BENCH_NOTE='…' npm run bench   # also write this page
\`\`\`

Scenarios: \`ceiling\`, \`bare-pg\` (Postgres only), \`get-v1\`, \`get-faces\`, \`list\`, \`patch-v1\`, \`bulk-v1\`,
\`bulk-freya\`, \`memory\`, \`startup\` (bench/scenarios/index.ts lists them; add new ones there).
Ratios to the ceiling, to get-v1 or to bare-pg are only shown when that scenario ran too.

Every server under test is a child process on 127.0.0.1 (a free port), so its memory is read from
\`/proc/<pid>/status\` and the load generator (autocannon, ${CONNECTIONS} connections, in the harness process)
does not share its event loop. Switchboard starts on a fresh temp data dir (SQLite) or a fresh
schema (Postgres, dropped afterwards) with \`LOG_LEVEL=warn\`, and 10,000 numbers are seeded with
\`POST /v1/phone-numbers\` before anything is measured.

- **ceiling**: a Fastify hello-world child answering one real phone number from \`GET /v1\`.
- **bare-pg**: a Fastify child doing one \`select doc from <schema>.phone_numbers where id = $1\` per
  request (pool of 10, as Switchboard), no auth: the most any Postgres-backed read can do here.
- **get-v1 / get-faces**: single-number reads of random seeded numbers: \`/v1/phone-numbers/{id}\`,
  Freya \`/api/v2/phone-numbers/{id}\`, VoiceOS \`/phone_numbers/{e164}\`, Vocode
  \`/v1/numbers?phone_number=…\`, SignalWire \`/api/relay/rest/phone_numbers/{id}\` (HTTP Basic).
- **list**: \`GET /v1/phone-numbers?number_prefix=+1206200d&limit=100\` (1,000 matches, first page).
- **patch-v1**: \`PATCH /v1/phone-numbers/{id}\` with a new \`friendly_name\`, random numbers.
- **bulk-v1 / bulk-freya**: one 10,000-item bulk update (\`PATCH /v1/phone-numbers\`, Freya
  \`PUT /api/v2/phone-numbers\`), wall time from send to the parsed answer, 3 rounds.
- **memory**: on a freshly restarted server, VmRSS after 100,000 mixed requests / after 10,000.
- **startup**: spawn to the first \`/readyz\` 200, on an empty database and restarting on the seeded one, 3 times each.
`;

export function renderDocument(tables: Table[], info: RunInfo): string {
  return [
    '# Benchmarks',
    '',
    `Produced by \`npm run bench\` (bench/run.ts) on ${info.date.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- **Machine**: ${machineLine()}; load average when the run began ${info.loadAtStart.map((l) => l.toFixed(2)).join(' / ')}.`,
    `- **Settings**: ${info.durationSec} s measured per load run after a ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections, ` +
      `${info.seeded.toLocaleString('en-US')} seeded numbers; scenarios: ${info.scenarios.join(', ')}. The whole run took ${Math.round(info.totalSec)} s.`,
    ...(info.note ? [`- **Conditions**: ${info.note}`] : []),
    '- **Misses**: what limits each target this page marks "miss", with the profiles behind it and what was changed: [performance.md](performance.md).',
    '',
    'Columns: req/s is autocannon\'s average; p50/p99 are latencies; "time" is min / median wall time of',
    'repeated runs; "× ceiling" is req/s over the ceiling\'s; "vs baseline" compares the faces with get-v1',
    'and, on Postgres, get-v1 with bare-pg. ERR means some requests failed (see the notes under the table).',
    '',
    ...tables.flatMap((t) => [renderMarkdownTable(t), '']),
    ...(info.postgresSkipped ? ['## PostgreSQL', '', info.postgresSkipped, ''] : []),
    HOW_TO_RUN,
  ].join('\n');
}
