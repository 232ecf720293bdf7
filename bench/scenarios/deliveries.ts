// deliveries: webhook deliveries per second to a local receiver. One endpoint subscribes to
// phone_number.updated; a bulk update of every seeded number writes 10,000 events at once; the
// clock runs from the bulk answer to the receiver counting 10,000 distinct webhook-ids (fan-out,
// signing, sending and recording each attempt included). The endpoint is deleted afterwards so
// later scenarios send nothing.
import { freePort, spawnServer } from '../lib/children.ts';
import { requestJson } from '../lib/http.ts';
import type { Scenario } from './types.ts';

const TIMEOUT_MS = 300_000;

export const deliveries: Scenario = {
  name: 'deliveries',
  description: 'webhook deliveries/s: 10,000 events from one bulk update to a local receiver',
  async run(ctx) {
    const { server: receiver } = await spawnServer({ role: 'receiver', script: 'bench/servers/webhook-receiver.ts', env: process.env, port: await freePort() });
    const count = async () => (await requestJson('GET', `${receiver.url}/count`)).json as { deliveries: number; distinct: number };
    try {
      const created = await requestJson('POST', `${ctx.sb.url}/v1/webhook-endpoints`, { headers: ctx.sb.auth, body: { url: `${receiver.url}/hook`, event_types: ['phone_number.updated'] } });
      if (created.status !== 201) return [{ name: 'deliveries', failures: 1, note: `could not create the endpoint: HTTP ${created.status} ${created.text.slice(0, 200)}` }];
      const endpointId = (created.json as { id: string }).id;
      const total = ctx.numbers.length;
      const bulk = await requestJson('PATCH', `${ctx.sb.url}/v1/phone-numbers`, { headers: ctx.sb.auth, body: { items: ctx.numbers.map((n, i) => ({ id: n.id, friendly_name: `delivered ${i}` })) } });
      if (bulk.status !== 200) return [{ name: 'deliveries', failures: 1, note: `bulk update failed: HTTP ${bulk.status}` }];
      const started = performance.now();
      let seen = await count();
      while (seen.distinct < total && performance.now() - started < TIMEOUT_MS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen = await count();
      }
      const seconds = (performance.now() - started) / 1000;
      await requestJson('DELETE', `${ctx.sb.url}/v1/webhook-endpoints/${endpointId}`, { headers: ctx.sb.auth });
      return [{
        name: 'deliveries',
        rps: seen.distinct / seconds,
        failures: seen.distinct < total ? 1 : 0,
        note: `${seen.distinct} of ${total} events delivered in ${seconds.toFixed(1)} s (${seen.deliveries - seen.distinct} repeats), default worker settings (32 in flight, 8 per endpoint)`,
      }];
    } finally {
      await receiver.stop();
    }
  },
};
