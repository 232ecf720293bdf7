// bare-pg (Postgres only): what one pg primary-key query per request costs, over the same rows;
// the baseline get-v1 is held to on Postgres.
import { freePort, spawnServer } from '../lib/children.ts';
import { cleanEnv } from '../lib/database.ts';
import { runLoad } from '../lib/load.ts';
import { failureNote, pick, type Scenario } from './types.ts';

export const barePg: Scenario = {
  name: 'bare-pg',
  description: 'Fastify + one pg primary-key query per request (Postgres only)',
  databases: ['postgres'],
  async run(ctx) {
    const env = { ...cleanEnv(), DATABASE_URL: ctx.database.databaseUrl, BENCH_SCHEMA: ctx.database.schema };
    const { server } = await spawnServer({ role: 'bare-pg', script: 'bench/servers/bare-pg.ts', env, port: await freePort() });
    try {
      const result = await runLoad({ url: server.url, next: () => ({ path: `/v1/phone-numbers/${pick(ctx.numbers).id}` }) });
      return [{ name: 'bare-pg', ...result, note: failureNote(result) }];
    } finally {
      await server.stop();
    }
  },
};
