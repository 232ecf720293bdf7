// get-v1: GET /v1/phone-numbers/{id}, a random one of the seeded numbers per request.
import { runLoad } from '../lib/load.ts';
import { failureNote, pick, type Scenario } from './types.ts';

export const getV1: Scenario = {
  name: 'get-v1',
  description: 'GET /v1/phone-numbers/{id}, random ids',
  async run(ctx) {
    const result = await runLoad({ url: ctx.sb.url, headers: ctx.sb.auth, next: () => ({ path: `/v1/phone-numbers/${pick(ctx.numbers).id}` }) });
    const onPostgres = ctx.db === 'postgres';
    return [{
      name: 'get-v1',
      ...result,
      baseline: onPostgres ? 'bare-pg' : undefined,
      targets: [onPostgres ? { kind: 'ratio', of: 'bare-pg', min: 0.9 } : { kind: 'ratio', of: 'ceiling', min: 0.5 }, { kind: 'p99', maxMs: 15 }],
      note: failureNote(result),
    }];
  },
};
