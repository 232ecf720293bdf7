// bulk-v1: one PATCH /v1/phone-numbers of 10,000 items (every seeded number), end to end.
import { timeBulk } from '../lib/bulk.ts';
import type { Scenario } from './types.ts';

export const bulkV1: Scenario = {
  name: 'bulk-v1',
  description: 'PATCH /v1/phone-numbers with 10,000 items, wall time, 3 rounds',
  async run(ctx) {
    const count = ctx.numbers.length;
    const timing = await timeBulk(
      'PATCH',
      `${ctx.sb.url}/v1/phone-numbers`,
      ctx.sb.auth,
      (round) => ({ items: ctx.numbers.map((n, i) => ({ id: n.id, friendly_name: `bulk v1 ${round} ${i}` })) }),
      (res) => {
        const body = res.json as { updated?: unknown[]; errors?: unknown[] } | undefined;
        if (res.status !== 200) return `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
        if (body?.errors?.length) return `${body.errors.length} item errors, first: ${JSON.stringify(body.errors[0]).slice(0, 200)}`;
        if (body?.updated?.length !== count) return `updated ${body?.updated?.length} of ${count}`;
        return undefined;
      },
    );
    return [{ name: 'bulk-v1', ...timing, targets: [{ kind: 'wall', maxMs: ctx.db === 'sqlite' ? 1000 : 1500 }] }];
  },
};
