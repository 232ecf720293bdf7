// The policy steps, in a fixed order, each recorded in the trace:
//   1. callers   — deny wins over allow; refused: callers.denied, else reject (caller_denied)
//   2. holidays  — a holiday date in time_zone: after_hours, else reject (after_hours)
//   3. hours     — closed: after_hours, else reject (after_hours)
//   4. capacity  — live calls ≥ max_concurrent_calls: overflow, else reject (at_capacity)
//   5. agents    — weighted, sticky per caller: the first agent, the others as alternates
//   6. target    — otherwise the inbound target (agent, workflow or handler)
// The first step that decides ends the walk.
import type { Caller } from './callers.ts';
import { judgeCaller } from './callers.ts';
import type { CapacityScope, Cause, EffectiveConfig, RejectReason } from './decision.ts';
import { describeLocal, describeRange, holidayOn, openRange } from './hours.ts';
import { isTimeZone, localTime } from './local-time.ts';
import type { Target } from './schema.ts';
import { rankAgents } from './sticky-agents.ts';
import { traceStep, type TraceStep } from './trace.ts';

export interface PolicyInput {
  effective: EffectiveConfig;
  caller: Caller;
  at: Date;
  /** The counter of whoever set max_concurrent_calls ("number" or a block id). */
  scopeOf: (source: string) => CapacityScope;
  liveCalls?: (scope: CapacityScope) => number;
}

export interface Choice {
  /** null: refused by the engine itself (see refusal). */
  target: Target | null;
  cause: Cause;
  refusal?: RejectReason;
  /** Tried after the target, before the fallback list (the other weighted agents). */
  alternates: Target[];
  steps: TraceStep[];
}

export function choose(input: PolicyInput): Choice {
  const { effective, caller } = input;
  const policy = effective.routing;
  const steps: TraceStep[] = [];
  const divert = (target: Target | undefined, cause: Cause, refusal: RejectReason, label: string): Choice => {
    steps.push(target ? traceStep('target', cause, `${label} → ${target.type}`, { target }) : traceStep('target', 'reject', `no ${label} target: reject (${refusal})`));
    return target ? { target, cause, alternates: [], steps } : { target: null, cause, refusal, alternates: [], steps };
  };

  if (policy.callers) {
    const verdict = judgeCaller(policy.callers, caller);
    steps.push(traceStep('callers', verdict.allowed ? 'allowed' : 'denied', verdict.detail, { caller: caller.e164, rule: verdict.rule }));
    if (!verdict.allowed) return divert(policy.callers.denied, 'caller_denied', 'caller_denied', 'callers.denied');
  }

  if (policy.hours || policy.holidays) {
    const zone = policy.time_zone && isTimeZone(policy.time_zone) ? policy.time_zone : 'UTC';
    const local = localTime(input.at, zone);
    const when = `${describeLocal(local)}${policy.time_zone ? '' : ', no time_zone set'}`;
    const holiday = holidayOn(policy.holidays, local.date);
    if (holiday) {
      steps.push(traceStep('holidays', 'closed', `closed (${holiday}; ${local.date} ${when})`, { date: local.date, zone }));
      return divert(policy.after_hours, 'holiday', 'after_hours', 'after_hours');
    }
    if (policy.holidays) steps.push(traceStep('holidays', 'none', `no holiday on ${local.date}`));
    if (policy.hours) {
      const range = openRange(policy.hours, local, policy.holidays);
      steps.push(traceStep('hours', range ? 'open' : 'closed', range ? `open (${when}; ${describeRange(range)})` : `closed (${when})`, { local: local.clock, day: local.day, zone }));
      if (!range) return divert(policy.after_hours, 'after_hours', 'after_hours', 'after_hours');
    }
  }

  if (policy.max_concurrent_calls !== undefined) {
    const scope = input.scopeOf(effective.sources['routing.max_concurrent_calls']!);
    const live = input.liveCalls?.(scope) ?? 0;
    const max = policy.max_concurrent_calls;
    const full = live >= max;
    steps.push(traceStep('capacity', full ? 'full' : 'ok', `${live}/${max}${full ? ', overflow' : ''}`, { live, max, scope }));
    if (full) return divert(policy.overflow, 'overflow', 'at_capacity', 'overflow');
  }

  if (policy.agents) {
    const key = caller.e164 ?? (caller.raw || 'anonymous');
    const ranked = rankAgents(key, policy.agents);
    const total = policy.agents.reduce((sum, a) => sum + a.weight, 0);
    const first = ranked[0]!;
    steps.push(traceStep('agents', 'chosen', `${key} → agent ${first.agent_id} (weight ${first.weight} of ${total})`, { order: ranked.map((a) => a.agent_id) }));
    return {
      target: { type: 'agent', agent_id: first.agent_id },
      cause: 'agents',
      alternates: ranked.slice(1).map((a) => ({ type: 'agent', agent_id: a.agent_id })),
      steps,
    };
  }

  const target = inboundTarget(effective);
  const from = effective.sources.inbound_target;
  const where = from && from !== 'number' ? `, from block ${from}` : '';
  if (!target) {
    steps.push(traceStep('target', 'none', 'no inbound target is set: reject (unavailable)'));
    return { target: null, cause: 'no_target', refusal: 'unavailable', alternates: [], steps };
  }
  steps.push(traceStep('target', 'inbound_target', `inbound_target ${effective.inbound_target}${where}`, { target }));
  return { target, cause: 'inbound_target', alternates: [], steps };
}

function inboundTarget(effective: EffectiveConfig): Target | undefined {
  switch (effective.inbound_target) {
    case 'agent':
      return effective.inbound_agent_id ? { type: 'agent', agent_id: effective.inbound_agent_id } : undefined;
    case 'workflow':
      return effective.inbound_workflow_id ? { type: 'workflow', workflow_id: effective.inbound_workflow_id } : undefined;
    case 'handler':
      return { type: 'handler' };
    default:
      return undefined;
  }
}
