// memory: does Switchboard's memory keep growing under load? A freshly restarted server gets
// 10,000 mixed requests, then 90,000 more; the figure is VmRSS after 100,000 / after 10,000.
import { runLoad } from '../lib/load.ts';
import { FACES } from './get-faces.ts';
import { failureNote, pick, type BenchContext, type Scenario } from './types.ts';

const FIRST = 10_000;
const TOTAL = 100_000;
const MB = 1024 * 1024;

/** Reads of every face, v1 writes and lists, in roughly the proportions of a busy control plane. */
function mixedRequest(ctx: BenchContext, counter: { n: number }) {
  const n = pick(ctx.numbers);
  const roll = Math.random();
  if (roll < 0.4) return { method: 'GET', path: `/v1/phone-numbers/${n.id}`, headers: ctx.sb.auth };
  if (roll < 0.8) {
    const face = pick(FACES);
    return { method: 'GET', path: face.path(n), headers: face.auth(ctx) };
  }
  if (roll < 0.9) return { method: 'GET', path: `/v1/phone-numbers?number_prefix=%2B1206200${Math.floor(Math.random() * 10)}&limit=100`, headers: ctx.sb.auth };
  return {
    method: 'PATCH',
    path: `/v1/phone-numbers/${n.id}`,
    headers: { ...ctx.sb.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ friendly_name: `memory ${counter.n++}` }),
  };
}

async function rssAfterSettling(ctx: BenchContext): Promise<number> {
  await new Promise((r) => setTimeout(r, 500)); // let the last responses and timers finish
  const memory = ctx.sb.server.memory();
  if (!memory) throw new Error('cannot read /proc/<pid>/status (Linux only)');
  return memory.rss;
}

export const memory: Scenario = {
  name: 'memory',
  description: 'VmRSS after 100,000 mixed requests / after 10,000, on a fresh process',
  async run(ctx) {
    await ctx.sb.restart();
    const counter = { n: 0 };
    const next = () => mixedRequest(ctx, counter);
    const first = await runLoad({ url: ctx.sb.url, amount: FIRST, next });
    const rssFirst = await rssAfterSettling(ctx);
    const rest = await runLoad({ url: ctx.sb.url, amount: TOTAL - FIRST, next });
    const rssTotal = await rssAfterSettling(ctx);
    const ratio = rssTotal / rssFirst;
    const failures = first.failures + rest.failures;
    return [{
      name: 'memory',
      value: { number: ratio, text: `${(rssFirst / MB).toFixed(0)} → ${(rssTotal / MB).toFixed(0)} MB, ×${ratio.toFixed(2)}` },
      failures,
      targets: [{ kind: 'value', max: 1.2 }],
      note: failureNote({ failures, requests: first.requests + rest.requests, statuses: mergeCounts(first.statuses, rest.statuses) })
        ?? `VmRSS after ${FIRST.toLocaleString('en-US')} and ${TOTAL.toLocaleString('en-US')} mixed requests (40% GET v1, 40% GET faces, 10% list, 10% PATCH)`,
    }];
  },
};

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
