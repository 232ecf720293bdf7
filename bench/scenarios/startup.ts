// startup: spawn → first 200 from /readyz. "empty": a new data dir / schema each time (migrations
// and the first-start bootstrap included); "restart": the seeded database, as after a deploy.
import { BULK_REPEATS } from '../lib/bulk.ts';
import { freshDatabase } from '../lib/database.ts';
import { Switchboard } from '../lib/switchboard.ts';
import type { Scenario } from './types.ts';

export const startup: Scenario = {
  name: 'startup',
  description: 'spawn to /readyz 200: empty database, and restart on the seeded one',
  async run(ctx) {
    const empty: number[] = [];
    for (let i = 0; i < BULK_REPEATS; i++) {
      const db = await freshDatabase(ctx.db, ctx.database.databaseUrl);
      try {
        const { sb, readyMs } = await Switchboard.start(db);
        empty.push(readyMs);
        await sb.stop();
      } finally {
        await db.dispose();
      }
    }
    const restart: number[] = [];
    for (let i = 0; i < BULK_REPEATS; i++) restart.push(await ctx.sb.restart());
    const targets = [{ kind: 'wall' as const, maxMs: 1500 }];
    return [
      { name: 'startup-empty', wallMs: empty, targets, note: `${BULK_REPEATS} starts, each on a new ${ctx.db === 'sqlite' ? 'data dir' : 'schema'}` },
      { name: 'startup-restart', wallMs: restart, targets, note: `${BULK_REPEATS} restarts on the seeded database (${ctx.numbers.length.toLocaleString('en-US')} numbers)` },
    ];
  },
};
