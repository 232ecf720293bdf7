// Weighted, sticky agents and caller rules: the share each agent gets follows its weight, the
// same caller reaches the same agent while the weights stay, removing one agent moves only its
// callers; allow/deny by prefix, by country and for anonymous callers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rankAgents, type WeightedAgent } from '../src/core/routing/sticky-agents.ts';
import { resolve } from '../src/core/routing/resolve.ts';
import type { RoutingPolicy } from '../src/core/routing/schema.ts';
import { agent, id, number, snapshot, toAgent, WEEKDAY_NOON } from './helpers/routing.ts';

const winner = (caller: string, agents: readonly WeightedAgent[]) => rankAgents(caller, agents)[0]!.agent_id;
const callerArb = fc.integer({ min: 2_000_000_000, max: 9_999_999_999 }).map((n) => `+1${n}`);
const poolArb = fc.uniqueArray(fc.record({ agent_id: fc.uuid(), weight: fc.integer({ min: 1, max: 20 }) }), { minLength: 2, maxLength: 8, selector: (a) => a.agent_id });

describe('weighted sticky agents', () => {
  test('the share of callers follows the weights', () => {
    const agents = [{ agent_id: 'a', weight: 1 }, { agent_id: 'b', weight: 2 }, { agent_id: 'c', weight: 5 }, { agent_id: 'd', weight: 0 }];
    const wins = new Map<string, number>();
    const callers = 16_000;
    for (let i = 0; i < callers; i++) {
      const w = winner(`+1415${String(1_000_000 + i)}`, agents);
      wins.set(w, (wins.get(w) ?? 0) + 1);
    }
    for (const { agent_id, weight } of agents) {
      const share = (wins.get(agent_id) ?? 0) / callers;
      assert.ok(Math.abs(share - weight / 8) < 0.02, `${agent_id}: ${share} of callers for weight ${weight}/8`);
    }
  });

  test('property: the shares are near the weights for any pool', () => {
    fc.assert(
      fc.property(poolArb, (agents) => {
        const total = agents.reduce((s, a) => s + a.weight, 0);
        const wins = new Map<string, number>();
        const callers = 3000;
        for (let i = 0; i < callers; i++) {
          const w = winner(`+4420${7_000_000 + i}`, agents);
          wins.set(w, (wins.get(w) ?? 0) + 1);
        }
        for (const a of agents) assert.ok(Math.abs((wins.get(a.agent_id) ?? 0) / callers - a.weight / total) < 0.05);
      }),
      { numRuns: 15 },
    );
  });

  test('property: the same caller always reaches the same agent, whatever the order of the list', () => {
    fc.assert(
      fc.property(poolArb, callerArb, (agents, caller) => {
        assert.equal(winner(caller, agents), winner(caller, [...agents].reverse()));
        assert.equal(winner(caller, agents), winner(caller, agents.map((a) => ({ ...a }))));
      }),
      { numRuns: 300 },
    );
  });

  test('property: removing an agent moves only its own callers', () => {
    fc.assert(
      fc.property(poolArb, fc.array(callerArb, { minLength: 20, maxLength: 60 }), fc.nat(), (agents, callers, pick) => {
        const gone = agents[pick % agents.length]!.agent_id;
        const rest = agents.filter((a) => a.agent_id !== gone);
        for (const caller of callers) {
          const before = winner(caller, agents);
          if (before !== gone) assert.equal(winner(caller, rest), before);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('property: changing one agent\'s weight moves callers only to or from it', () => {
    fc.assert(
      fc.property(poolArb, fc.array(callerArb, { minLength: 20, maxLength: 60 }), fc.nat(), fc.integer({ min: 1, max: 40 }), (agents, callers, pick, weight) => {
        const changed = agents[pick % agents.length]!.agent_id;
        const reweighted = agents.map((a) => (a.agent_id === changed ? { ...a, weight } : a));
        for (const caller of callers) {
          const before = winner(caller, agents);
          const after = winner(caller, reweighted);
          if (before !== after) assert.ok(before === changed || after === changed);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('in a decision: the chosen agent first, the others in the caller\'s order after it, then the fallback', () => {
    const pool: RoutingPolicy = {
      agents: [{ agent_id: id('agent:p1'), weight: 1 }, { agent_id: id('agent:p2'), weight: 1 }, { agent_id: id('agent:p3'), weight: 1 }],
      fallback: [{ type: 'reject', reason: 'busy' }],
    };
    const snap = snapshot({ agents: [agent('p1'), agent('p2'), agent('p3'), agent('inbound')], numbers: [number('+14155550100', { ...toAgent('inbound'), routing: pool })] });
    const decide = (from: string) => resolve({ to: '+14155550100', from, at: WEEKDAY_NOON }, snap);
    const { decision, trace } = decide('+12125550100');
    const order = rankAgents('+12125550100', pool.agents!).map((a) => a.agent_id);
    assert.deepEqual(decision.destinations.map((d) => (d.type === 'agent' ? d.agent_id : d.type)), [...order, 'reject']);
    assert.deepEqual(decision.destinations.map((d) => d.via), ['target', 'agents', 'agents', 'fallback']);
    assert.equal(decision.cause, 'agents');
    assert.match(trace.find((s) => s.step === 'agents')!.text, /^agents: \+12125550100 → agent [0-9a-f-]{36} \(weight 1 of 3\)$/);
    // The caller is read first: the same caller in another form reaches the same agent.
    assert.deepEqual(decide('sip:+12125550100@carrier.example.com').decision.destinations[0], decision.destinations[0]);
    // A down agent passes its callers to their next agent.
    const first = decision.destinations[0]!;
    const address = first.type === 'agent' ? first.address : '';
    const { decision: without } = resolve({ to: '+14155550100', from: '+12125550100', at: WEEKDAY_NOON }, snap, { isDown: (a) => a === address });
    assert.deepEqual(without.destinations.map((d) => (d.type === 'agent' ? d.agent_id : d.type)), [...order.slice(1), 'reject']);
  });
});

describe('callers', () => {
  const decide = (callers: RoutingPolicy['callers'], from: string | null) => {
    const snap = snapshot({ agents: [agent('main'), agent('denied')], numbers: [number('+14155550100', { ...toAgent('main'), routing: { callers } })] });
    return resolve({ to: '+14155550100', from, at: WEEKDAY_NOON }, snap);
  };
  const step = (r: ReturnType<typeof decide>) => r.trace.find((s) => s.step === 'callers')?.text;

  test('deny by prefix, with the rule in the trace', () => {
    const r = decide({ deny: ['+44'] }, '+442079460000');
    assert.deepEqual([r.decision.kind, r.decision.reject_reason, r.decision.cause], ['reject', 'caller_denied', 'caller_denied']);
    assert.equal(step(r), 'callers: +442079460000 denied by prefix +44');
    assert.equal(decide({ deny: ['+44'] }, '+14155559999').decision.kind, 'route');
  });

  test('deny by country, told apart within a shared calling code', () => {
    // +1 613 is Canada, +1 415 the US.
    const r = decide({ deny: ['CA'] }, '+16135550123');
    assert.equal(step(r), 'callers: +16135550123 denied by country CA');
    assert.equal(r.decision.reject_reason, 'caller_denied');
    assert.equal(decide({ deny: ['CA'] }, '+14155550123').decision.kind, 'route');
  });

  test('allow lists let only their callers in', () => {
    assert.equal(decide({ allow: ['US'] }, '+14155550123').decision.kind, 'route');
    const outsider = decide({ allow: ['US', '+44'] }, '+33142685300');
    assert.equal(outsider.decision.reject_reason, 'caller_denied');
    assert.equal(step(outsider), 'callers: +33142685300 denied: not in the allow list');
    assert.equal(step(decide({ allow: ['US', '+44'] }, '+442079460000')), 'callers: +442079460000 allowed by prefix +44');
  });

  test('deny wins over allow', () => {
    assert.equal(decide({ allow: ['+1'], deny: ['+1900'] }, '+19005550100').decision.reject_reason, 'caller_denied');
    assert.equal(decide({ allow: ['+1'], deny: ['+1900'] }, '+14155550100').decision.kind, 'route');
  });

  test('anonymous callers: matched by "anonymous", never by a prefix or country, refused by an allow list', () => {
    assert.equal(decide({ deny: ['anonymous'] }, null).decision.reject_reason, 'caller_denied');
    assert.equal(decide({ deny: ['anonymous'] }, 'Anonymous').decision.reject_reason, 'caller_denied');
    assert.equal(decide({ deny: ['+1', 'US'] }, null).decision.kind, 'route');
    assert.equal(decide({ allow: ['+1'] }, null).decision.reject_reason, 'caller_denied');
  });

  test('a denied target takes the refused callers', () => {
    const r = decide({ deny: ['+44'], denied: { type: 'agent', agent_id: id('agent:denied') } }, '+442079460000');
    const first = r.decision.destinations[0];
    assert.equal(first?.type === 'agent' && first.name, 'denied');
    assert.equal(r.decision.cause, 'caller_denied');
  });

  test('callers come before hours and capacity', () => {
    const snap = snapshot({ agents: [agent('main')], numbers: [number('+14155550100', { ...toAgent('main'), routing: { callers: { deny: ['+44'] }, hours: [{ days: ['sat'], start: '00:00', end: '01:00' }], max_concurrent_calls: 1 } })] });
    const r = resolve({ to: '+14155550100', from: '+442079460000', at: WEEKDAY_NOON }, snap, { liveCalls: () => 5 });
    assert.deepEqual(r.trace.filter((s) => ['callers', 'hours', 'capacity'].includes(s.step)).map((s) => s.step), ['callers']);
    const allowed = resolve({ to: '+14155550100', from: '+14155550199', at: WEEKDAY_NOON }, snap, { liveCalls: () => 5 });
    assert.deepEqual(allowed.trace.filter((s) => ['callers', 'hours', 'capacity'].includes(s.step)).map((s) => s.step), ['callers', 'hours']);
    assert.equal(allowed.decision.reject_reason, 'after_hours');
  });
});
