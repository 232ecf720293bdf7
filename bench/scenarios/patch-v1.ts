// patch-v1: PATCH /v1/phone-numbers/{id} of random numbers (a new friendly_name each time).
import { runLoad } from '../lib/load.ts';
import { failureNote, pick, type Scenario } from './types.ts';

export const patchV1: Scenario = {
  name: 'patch-v1',
  description: 'PATCH /v1/phone-numbers/{id} friendly_name, random ids',
  async run(ctx) {
    let counter = 0;
    const result = await runLoad({
      url: ctx.sb.url,
      method: 'PATCH',
      headers: { ...ctx.sb.auth, 'content-type': 'application/json' },
      next: () => ({ path: `/v1/phone-numbers/${pick(ctx.numbers).id}`, body: JSON.stringify({ friendly_name: `patched ${counter++}` }) }),
    });
    return [{
      name: 'patch-v1',
      ...result,
      targets: ctx.db === 'sqlite' ? [{ kind: 'p99', maxMs: 30 }] : [],
      note: failureNote(result),
    }];
  },
};
