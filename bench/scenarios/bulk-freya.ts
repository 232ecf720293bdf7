// bulk-freya: Freya's bulk update, PUT /api/v2/phone-numbers with 10,000 items, end to end.
// Its answer lists every updated number in Freya's shape, so it carries more than bulk-v1's.
import { timeBulk } from '../lib/bulk.ts';
import type { Scenario } from './types.ts';

export const bulkFreya: Scenario = {
  name: 'bulk-freya',
  description: 'Freya PUT /api/v2/phone-numbers with 10,000 items, wall time, 3 rounds',
  async run(ctx) {
    const count = ctx.numbers.length;
    const timing = await timeBulk(
      'PUT',
      `${ctx.sb.url}/api/v2/phone-numbers`,
      ctx.sb.auth,
      (round) => ({ workspaceId: ctx.sb.workspaceId, phoneNumbers: ctx.numbers.map((n, i) => ({ id: n.id, friendlyName: `bulk freya ${round} ${i}` })) }),
      (res) => {
        const body = res.json as { success?: boolean; data?: { result?: { updated?: unknown[]; errors?: unknown[] } } } | undefined;
        const result = body?.data?.result;
        if (res.status !== 200) return `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
        if (result?.errors?.length) return `${result.errors.length} item errors, first: ${JSON.stringify(result.errors[0]).slice(0, 200)}`;
        if (result?.updated?.length !== count) return `updated ${result?.updated?.length} of ${count}`;
        return undefined;
      },
    );
    return [{ name: 'bulk-freya', ...timing, targets: [{ kind: 'wall', maxMs: ctx.db === 'sqlite' ? 1000 : 1500 }] }];
  },
};
