// list: GET /v1/phone-numbers with a filter, first page of 100. The prefix names one of ten
// blocks of 1,000 seeded numbers (+1206200d…), so each page is full.
import { runLoad } from '../lib/load.ts';
import { failureNote, type Scenario } from './types.ts';

export const list: Scenario = {
  name: 'list',
  description: 'GET /v1/phone-numbers?number_prefix=…&limit=100',
  async run(ctx) {
    const result = await runLoad({
      url: ctx.sb.url,
      headers: ctx.sb.auth,
      next: () => ({ path: `/v1/phone-numbers?number_prefix=${encodeURIComponent(`+1206200${Math.floor(Math.random() * 10)}`)}&limit=100` }),
    });
    return [{ name: 'list', ...result, note: failureNote(result) }];
  },
};
