// The scenario list: the harness runs these, in this order, on each database.
//
// EXTENSION POINT. To add a scenario (a "webhook deliveries per second" one, say):
//   1. write bench/scenarios/<kebab-name>.ts exporting a Scenario (./types.ts): `name` is what
//      `npm run bench -- <name>` selects; run(ctx) gets the running, seeded Switchboard
//      (ctx.sb.url, ctx.sb.auth, ctx.sb.restart()), the 10,000 seeded numbers and BENCH_DURATION;
//   2. measure with ../lib/load.ts (autocannon, 50 connections, warm-up) or your own clock; a
//      helper process of your own (a webhook receiver) can be started with spawnServer() from
//      ../lib/children.ts so its memory is reported and it is stopped on cleanup;
//   3. return Row[]: req/s, p50/p99, wall times or a value, and targets ({kind: 'rps', min} for
//      a rate with no baseline); the table, the ratios to the ceiling and met/miss come for free;
//   4. add it to SCENARIOS below. Environment the server needs (SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE
//      for a receiver on 127.0.0.1) goes in bench/lib/database.ts freshDatabase().
import { barePg } from './bare-pg.ts';
import { bulkFreya } from './bulk-freya.ts';
import { bulkV1 } from './bulk-v1.ts';
import { ceiling } from './ceiling.ts';
import { deliveries } from './deliveries.ts';
import { getFaces } from './get-faces.ts';
import { getV1 } from './get-v1.ts';
import { list } from './list.ts';
import { memory } from './memory.ts';
import { patchV1 } from './patch-v1.ts';
import { startup } from './startup.ts';
import type { Scenario } from './types.ts';

export type { BenchContext, Row, Scenario, Target } from './types.ts';

export const SCENARIOS: Scenario[] = [
  ceiling,
  barePg,
  getV1,
  getFaces,
  list,
  patchV1,
  bulkV1,
  bulkFreya,
  deliveries,
  // These two restart the server under test: keep them last.
  memory,
  startup,
];
