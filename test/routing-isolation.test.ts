// A decision never names another workspace's object: two workspaces' snapshots, the second's
// configuration pointing at the first's agents and workflows (as a corrupted row or a crafted
// hook answer would); whatever is called, the decision reaches only the second's own objects.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyHookAnswer } from '../src/core/routing/hook-merge.ts';
import { resolve } from '../src/core/routing/resolve.ts';
import type { Decision, Destination } from '../src/core/routing/decision.ts';
import type { AgentRow, BlockRow, NumberRow, RoutingConfig } from '../src/core/routing/rows.ts';
import type { Target } from '../src/core/routing/schema.ts';
import { RoutingSnapshot } from '../src/core/routing/snapshot.ts';
import { OTHER_WS, WEEKDAY_NOON, WS } from './helpers/routing.ts';

const uuid = (ws: string, kind: string, i: number) => `${ws.slice(-1)}${kind}000000-0000-4000-8000-${String(i).padStart(12, '0')}`.slice(-36);

function rows(ws: string) {
  const agents: AgentRow[] = Array.from({ length: 3 }, (_, i) => ({ id: uuid(ws, 'a', i), workspace_id: ws, name: `${ws}-agent-${i}`, endpoint: { type: i % 2 ? 'sip' : 'websocket', url: i % 2 ? `sip:a${i}@${ws.slice(-1)}.example.com` : `wss://${ws.slice(-1)}.example.com/a${i}` } }));
  const workflows: AgentRow[] = Array.from({ length: 2 }, (_, i) => ({ id: uuid(ws, 'f', i), workspace_id: ws, name: `${ws}-flow-${i}`, endpoint: { type: 'websocket', url: `wss://${ws.slice(-1)}.example.com/f${i}` } }));
  return { agents, workflows };
}
const A = rows(WS);
const B = rows(OTHER_WS);
const anyAgent = fc.constantFrom(...A.agents, ...B.agents).map((a) => a.id);
const anyFlow = fc.constantFrom(...A.workflows, ...B.workflows).map((w) => w.id);
const target: fc.Arbitrary<Target> = fc.oneof(
  anyAgent.map((agent_id) => ({ type: 'agent' as const, agent_id })),
  anyFlow.map((workflow_id) => ({ type: 'workflow' as const, workflow_id })),
  fc.constant({ type: 'reject' as const, reason: 'busy' as const }),
);
const config: fc.Arbitrary<RoutingConfig> = fc.record({
  inbound_target: fc.constantFrom('agent' as const, 'workflow' as const, null),
  inbound_agent_id: fc.option(anyAgent, { nil: null }),
  inbound_workflow_id: fc.option(anyFlow, { nil: null }),
  routing: fc.record(
    { agents: fc.uniqueArray(anyAgent.map((agent_id) => ({ agent_id, weight: 1 })), { minLength: 1, maxLength: 4, selector: (a) => a.agent_id }), fallback: fc.array(target, { maxLength: 3 }), overflow: target, max_concurrent_calls: fc.integer({ min: 1, max: 3 }) },
    { requiredKeys: [] },
  ),
});
const suffix = fc.integer({ min: 0, max: 30 }).map((i) => `+1415555${String(i).padStart(4, '0')}`);

function idsIn(decision: Decision): string[] {
  const out: string[] = [];
  const visit = (d: Destination) => {
    if (d.type === 'agent') out.push(d.agent_id);
    if (d.type === 'workflow') out.push(d.workflow_id);
    if (d.type === 'say' && d.then) visit(d.then);
  };
  decision.destinations.forEach(visit);
  if (decision.number) out.push(decision.number.id);
  out.push(...decision.blocks.map((b) => b.id), ...decision.counted_under.map((s) => s.id));
  if (decision.hook) out.push(decision.hook.owner.id);
  return out;
}

describe('workspace isolation', () => {
  test('property: a decision names only objects of its own workspace', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(suffix, config), { maxLength: 8, selector: ([n]) => n }),
        fc.array(config, { maxLength: 3 }),
        fc.array(suffix, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (numberSpecs, blockConfigs, calls, live) => {
          const numbers: NumberRow[] = numberSpecs.map(([n, c], i) => ({ id: uuid(OTHER_WS, 'n', i), workspace_id: OTHER_WS, number: n, config: c }));
          const blocks: BlockRow[] = blockConfigs.map((c, i) => ({ id: uuid(OTHER_WS, 'b', i), workspace_id: OTHER_WS, prefix: `+1415555${'0'.repeat(i)}`, config: c }));
          const own = RoutingSnapshot.build({ workspace: { workspace_id: OTHER_WS, unknown_number: { type: 'agent', agent_id: A.agents[0]!.id } }, numbers, blocks, ...B });
          const allowed = new Set([...B.agents, ...B.workflows, ...numbers, ...blocks].map((r) => r.id));
          for (const to of calls) {
            const r = resolve({ to, from: '+12125550100', at: WEEKDAY_NOON }, own, { liveCalls: () => live });
            for (const found of idsIn(r.decision)) assert.ok(allowed.has(found), `${found} is not an object of the workspace`);
            assert.equal(r.decision.workspace_id, OTHER_WS);
            if (r.decision.hook) {
              const hooked = applyHookAnswer(r, { status: 'answered', body: { target: { type: 'agent', agent_id: A.agents[1]!.id } } }, own);
              assert.equal(hooked.decision.hook?.outcome, 'invalid');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('another workspace\'s agent named as a target is not reached', () => {
    const own = RoutingSnapshot.build({
      workspace: { workspace_id: OTHER_WS },
      numbers: [{ id: uuid(OTHER_WS, 'n', 1), workspace_id: OTHER_WS, number: '+14155550100', config: { inbound_target: 'agent', inbound_agent_id: A.agents[0]!.id, routing: { fallback: [{ type: 'agent', agent_id: B.agents[0]!.id }] } } }],
      ...B,
    });
    const { decision, trace } = resolve({ to: '+14155550100', at: WEEKDAY_NOON }, own);
    assert.deepEqual(decision.destinations.map((d) => d.type === 'agent' && d.agent_id), [B.agents[0]!.id]);
    assert.ok(trace.some((s) => s.text === `destination: target agent skipped: agent ${A.agents[0]!.id} is not in this workspace`));
  });
});
