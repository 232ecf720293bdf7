// resolve(call, snapshot, env) → { decision, trace }: pure and synchronous, no I/O. The outside
// supplies what changes by the second (live-call counts, destinations known down) through env.
//   1. read `to` as E.164: as given, or national in the likely regions (env.defaultCountry, the
//      workspace's default_country, the regions of its numbers and blocks), or without its +;
//      the first reading a number or block holds wins
//   2. candidates: the exact number, then the blocks holding it, narrowest first; the number
//      takes what it leaves unset from them (inherit.ts). None: the workspace's unknown_number
//      target, else reject (unknown_number)
//   3. an inactive number is refused (unavailable)
//   4. the policy steps (policy.ts), then the fallback list, resolved to destinations
//   5. a pre-answer hook, when set, is left pending for the caller (applyHookAnswer)
import { readCaller } from './callers.ts';
import type { CapacityScope, Decision, PendingHook, Resolution } from './decision.ts';
import { conclude, describeDestination, planDestinations, type PlanContext } from './destinations.ts';
import { describeExtent } from './block-geometry.ts';
import type { IndexedBlock } from './block-index.ts';
import { inherit, type ConfigSource } from './inherit.ts';
import { callingCodeOf, isRegion, mainRegionOf } from './numbering.ts';
import { readings, type Reading } from './phone-input.ts';
import { choose, type Choice } from './policy.ts';
import type { NumberRow } from './rows.ts';
import { LIMITS, type Target } from './schema.ts';
import type { RoutingSnapshot } from './snapshot.ts';
import { traceStep, type Trace } from './trace.ts';

export interface Call {
  /** The called number as it arrived: E.164, national, tel: or sip: URI. */
  to: string;
  from?: string | null;
  /** When the call arrives (hours, holidays). */
  at: Date;
  /** Recorded in the trace; the engine does not depend on how the call arrived. */
  carrier?: string | null;
  direction?: 'inbound' | 'outbound';
}

export interface ResolveEnv {
  /** Live calls across all servers counting toward a scope (0 when absent). */
  liveCalls?: (scope: CapacityScope) => number;
  /** Destinations known down (trunk health), by address: wss:// URL, sip: URI or E.164. */
  isDown?: (address: string) => boolean;
  /** A region to read national formats in first, e.g. the trunk's country. */
  defaultCountry?: string | null;
}

const MAX_REGIONS = 8;

export function resolve(call: Call, snapshot: RoutingSnapshot, env: ResolveEnv = {}): Resolution {
  // A face parses `at`; an invalid Date here is a programming error, not a caller's.
  if (Number.isNaN(call.at.getTime())) throw new RangeError('call.at must be a valid instant');
  const trace: Trace = [];
  const carrier = call.carrier ? ` via ${call.carrier}` : '';
  trace.push(
    traceStep('call', 'received', `to ${call.to} from ${call.from || 'anonymous'} at ${call.at.toISOString()}${carrier}`, {
      to: call.to,
      from: call.from ?? null,
      at: call.at.toISOString(),
      carrier: call.carrier ?? null,
      direction: call.direction ?? 'inbound',
    }),
  );

  const regions = likelyRegions(snapshot, env);
  const options = readings(call.to, regions);
  const match = firstHeld(options, snapshot);
  const reading = match?.reading ?? options[0];
  if (!reading) trace.push(traceStep('number', 'unreadable', `${call.to} holds no phone number`));
  else {
    const tried = options.length > 1 ? { tried: options.map((o) => o.e164) } : undefined;
    trace.push(traceStep('number', 'read', `${call.to} read as ${reading.e164} (${reading.how})`, tried));
  }
  const to = reading?.e164 ?? null;
  // A national caller number is most likely from the called number's country (its calling code's main region).
  const code = to ? callingCodeOf(to.slice(1)) : undefined;
  const callerRegions = [code ? mainRegionOf(code) : null, ...regions].filter((r): r is string => !!r);
  const caller = readCaller(call.from, [...new Set(callerRegions)]);

  const base = {
    workspace_id: snapshot.workspaceId,
    to,
    from: caller.e164,
    headers: [],
    parameters: {},
    hook: null,
  } satisfies Partial<Decision>;
  const planContext = (effective: PlanContext['effective']): PlanContext => ({ snapshot, effective, isDown: env.isDown, headers: [], parameters: {} });

  if (!match) {
    trace.push(traceStep('candidate', 'miss', to ? `no number or block holds ${to}` : 'no candidate'));
    const fallback = snapshot.workspace.unknown_number ?? undefined;
    const choice: Choice = fallback
      ? { target: fallback, cause: 'unknown_number', alternates: [], steps: [traceStep('target', 'unknown_number', `unknown number → ${fallback.type}`, { target: fallback })] }
      : { target: null, cause: 'unknown_number', refusal: 'unknown_number', alternates: [], steps: [traceStep('target', 'reject', 'unknown number: reject (unknown_number)')] };
    trace.push(...choice.steps);
    return finish({ ...base, number: null, blocks: [], counted_under: [], effective: null }, choice, [], planContext(null), trace);
  }

  const { number, blocks } = match;
  if (number) trace.push(traceStep('candidate', 'match', `number ${number.number} (${number.id})`, { kind: 'number', id: number.id }));
  else trace.push(traceStep('candidate', 'miss', `number ${reading!.e164}: not held`));
  for (const block of blocks) {
    trace.push(traceStep('candidate', 'match', `block ${describeExtent(block.row)} (${block.row.id})${block.row.name ? ` ${block.row.name}` : ''}`, { kind: 'block', id: block.row.id }));
  }

  const chain: ConfigSource[] = [...(number ? [{ source: 'number', config: number.config }] : []), ...blocks.map((b) => ({ source: b.row.id, config: b.row.config }))];
  const effective = inherit(chain);
  traceInheritance(effective.sources, number, new Map(blocks.map((b) => [b.row.id, describeExtent(b.row)])), trace);

  const scopeOf = (source: string): CapacityScope =>
    source === 'number' && number ? { kind: 'number', number: number.number, id: number.id } : { kind: 'block', id: source };
  const counted_under: CapacityScope[] = [...(number ? [scopeOf('number')] : []), ...blocks.map((b) => scopeOf(b.row.id))];
  const matched = {
    ...base,
    number: number ? { id: number.id, number: number.number } : null,
    blocks: blocks.map((b) => ({ id: b.row.id, extent: describeExtent(b.row) })),
    counted_under,
    effective,
  };

  if (number && number.active === false) {
    trace.push(traceStep('active', 'inactive', `number ${number.number} is not active: reject (unavailable)`));
    return finish(matched, { target: null, cause: 'inactive', refusal: 'unavailable', alternates: [] }, [], planContext(effective), trace);
  }

  const choice = choose({ effective, caller, at: call.at, scopeOf, liveCalls: env.liveCalls });
  trace.push(...choice.steps);
  const hook = effective.routing.hook;
  const pending: PendingHook | null = hook
    ? { url: hook.url, timeout_ms: hook.timeout_ms ?? LIMITS.hookTimeoutDefault, owner: ownerOf(effective.sources['routing.hook']!, number), outcome: 'pending' }
    : null;
  const resolution = finish({ ...matched, hook: pending }, choice, effective.routing.fallback ?? [], planContext(effective), trace);
  if (pending) trace.push(traceStep('hook', 'pending', `ask ${pending.url} (timeout ${pending.timeout_ms} ms) before answering`, { owner: pending.owner }));
  return resolution;
}

type DecisionBase = Omit<Decision, 'kind' | 'reject_reason' | 'destinations' | 'plan' | 'cause'>;

/** Targets → destinations → kind; the last trace step sums the decision up. */
export function finish(base: DecisionBase, choice: Pick<Choice, 'target' | 'cause' | 'refusal' | 'alternates'>, fallback: readonly Target[], ctx: PlanContext, trace: Trace): Resolution {
  const useFallback = choice.target && choice.target.type !== 'reject' ? [...fallback] : [];
  const plan = { target: choice.target, alternates: choice.alternates, fallback: useFallback };
  let destinations: Decision['destinations'] = [];
  if (choice.target) {
    const planned = planDestinations(
      [{ target: choice.target, via: choice.cause === 'hook' ? 'hook' : 'target' }, ...choice.alternates.map((target) => ({ target, via: 'agents' as const })), ...useFallback.map((target) => ({ target, via: 'fallback' as const }))],
      ctx,
    );
    destinations = planned.destinations;
    trace.push(...planned.steps);
  }
  const outcome = conclude(destinations, choice.refusal);
  const decision: Decision = { ...base, ...outcome, cause: choice.cause, plan };
  trace.push(
    outcome.kind === 'reject'
      ? traceStep('decision', 'reject', `reject (${outcome.reject_reason})${choice.target && !destinations.length && choice.target.type !== 'reject' ? ': no destination is reachable' : ''}`, { reject_reason: outcome.reject_reason, cause: choice.cause })
      : traceStep('decision', 'route', `route to ${describeDestination(outcome.destinations[0]!)}${outcome.destinations.length > 1 ? ` (+${outcome.destinations.length - 1} more)` : ''}`, { cause: choice.cause }),
  );
  return { decision, trace };
}

function likelyRegions(snapshot: RoutingSnapshot, env: ResolveEnv): string[] {
  const all = [env.defaultCountry, snapshot.workspace.default_country, ...snapshot.regions()];
  return [...new Set(all.filter((r): r is string => !!r && isRegion(r)))].slice(0, MAX_REGIONS);
}

function firstHeld(options: readonly Reading[], snapshot: RoutingSnapshot): { reading: Reading; number: NumberRow | undefined; blocks: IndexedBlock[] } | undefined {
  for (const reading of options) {
    const number = snapshot.number(reading.e164);
    const blocks = snapshot.blocksContaining(reading.e164);
    if (number || blocks.length) return { reading, number, blocks };
  }
  return undefined;
}

function ownerOf(source: string, number: NumberRow | undefined): PendingHook['owner'] {
  return source === 'number' && number ? { kind: 'number', id: number.id } : { kind: 'block', id: source };
}

function traceInheritance(sources: Record<string, string>, number: NumberRow | undefined, extents: Map<string, string>, trace: Trace): void {
  const byBlock = new Map<string, string[]>();
  for (const [field, source] of Object.entries(sources)) {
    if (source === 'number' && number) continue;
    byBlock.set(source, [...(byBlock.get(source) ?? []), field]);
  }
  for (const [block, fields] of byBlock) trace.push(traceStep('inherit', 'inherited', `from block ${extents.get(block)} (${block}): ${fields.join(', ')}`, { block, fields }));
}
