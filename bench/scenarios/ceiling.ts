// ceiling: the most a Node.js + Fastify process answers on this machine with a body the size and
// shape of a phone number. Every other req/s is shown as a ratio to it.
import { freePort, spawnServer } from '../lib/children.ts';
import { cleanEnv } from '../lib/database.ts';
import { runLoad } from '../lib/load.ts';
import { failureNote, pick, type Scenario } from './types.ts';

export const ceiling: Scenario = {
  name: 'ceiling',
  description: 'Fastify hello-world child answering one real phone-number object',
  once: true,
  async run(ctx) {
    const body = JSON.stringify(ctx.sample);
    const { server } = await spawnServer({ role: 'ceiling', script: 'bench/servers/ceiling.ts', env: { ...cleanEnv(), BENCH_BODY: body }, port: await freePort() });
    try {
      // Same paths as get-v1, so the router and URL parsing cost the same.
      const result = await runLoad({ url: server.url, next: () => ({ path: `/v1/phone-numbers/${pick(ctx.numbers).id}` }) });
      return [{ name: 'ceiling', ...result, note: failureNote(result) ?? `body: one phone number from GET /v1, ${body.length} bytes of JSON` }];
    } finally {
      await server.stop();
    }
  },
};
