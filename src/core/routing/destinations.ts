// From targets to destinations: what each target reaches in this workspace's snapshot (an
// agent's endpoint, the call handler's URLs, a SIP URI with its headers …), skipping what cannot
// be reached (not in the workspace, no endpoint, known down), in order, up to the first target
// that ends the list (reject, say).
import type { Decision, Destination, EffectiveConfig, RejectReason, Via } from './decision.ts';
import type { DestinationRow } from './rows.ts';
import type { SipHeader, Target } from './schema.ts';
import type { RoutingSnapshot } from './snapshot.ts';
import { traceStep, type TraceStep } from './trace.ts';

export interface PlanContext {
  snapshot: RoutingSnapshot;
  effective: EffectiveConfig | null;
  isDown?: (address: string) => boolean;
  /** Added by a hook. */
  headers: readonly SipHeader[];
  parameters: Readonly<Record<string, string>>;
}

type Attempt = { ok: true; destination: Destination; note?: string } | { ok: false; why: string };

/** Headers by name, case-insensitively; a later list replaces an earlier one's value. */
export function mergeHeaders(...lists: readonly (readonly SipHeader[] | undefined)[]): SipHeader[] {
  const merged = new Map<string, SipHeader>();
  for (const list of lists) for (const header of list ?? []) merged.set(header.name.toLowerCase(), { name: header.name, value: header.value });
  return [...merged.values()];
}

function endpointOf(kind: 'agent' | 'workflow', id: string, row: DestinationRow | undefined, via: Via, ctx: PlanContext): Attempt {
  if (!row) return { ok: false, why: `${kind} ${id} is not in this workspace` };
  if (!row.endpoint) return { ok: false, why: `${kind} ${row.name ?? id} has no endpoint` };
  const address = row.endpoint.url;
  if (ctx.isDown?.(address)) return { ok: false, why: `${kind} ${row.name ?? id} at ${address} is down` };
  const endpoint =
    row.endpoint.type === 'sip'
      ? { transport: 'sip' as const, address, headers: mergeHeaders(ctx.effective?.sip_headers, ctx.headers) }
      : { transport: 'websocket' as const, address, parameters: { ...ctx.parameters } };
  const name = row.name ?? null;
  return {
    ok: true,
    destination: kind === 'agent' ? { type: 'agent', via, agent_id: id, name, ...endpoint } : { type: 'workflow', via, workflow_id: id, name, ...endpoint },
  };
}

export function toDestination(target: Target, via: Via, ctx: PlanContext): Attempt {
  switch (target.type) {
    case 'agent':
      return endpointOf('agent', target.agent_id, ctx.snapshot.agent(target.agent_id), via, ctx);
    case 'workflow':
      return endpointOf('workflow', target.workflow_id, ctx.snapshot.workflow(target.workflow_id), via, ctx);
    case 'sip':
      if (ctx.isDown?.(target.uri)) return { ok: false, why: `${target.uri} is down` };
      return { ok: true, destination: { type: 'sip', via, transport: 'sip', address: target.uri, headers: mergeHeaders(ctx.effective?.sip_headers, target.headers, ctx.headers) } };
    case 'phone_number':
      if (ctx.isDown?.(target.number)) return { ok: false, why: `${target.number} is down` };
      return { ok: true, destination: { type: 'phone_number', via, address: target.number, telephony: ctx.effective?.telephony ?? null } };
    case 'handler': {
      const handler = ctx.effective?.call_handler;
      if (!handler?.type) return { ok: false, why: 'no call handler is set' };
      return { ok: true, destination: { type: 'handler', via, address: handler.request_url, handler } };
    }
    case 'reject':
      return { ok: true, destination: { type: 'reject', via, reason: target.reason ?? 'rejected' } };
    case 'say': {
      if (!target.then) return { ok: true, destination: { type: 'say', via, text: target.text, then: null } };
      const then = toDestination(target.then, via, ctx);
      return then.ok
        ? { ok: true, destination: { type: 'say', via, text: target.text, then: then.destination } }
        : { ok: true, destination: { type: 'say', via, text: target.text, then: null }, note: `then: ${then.why}; the call ends after the text` };
    }
  }
}

export function describeDestination(d: Destination): string {
  switch (d.type) {
    case 'agent':
    case 'workflow':
      return `${d.type} ${d.name ?? (d.type === 'agent' ? d.agent_id : d.workflow_id)} ${d.address}`;
    case 'sip':
    case 'phone_number':
      return `${d.type} ${d.address}`;
    case 'handler':
      return `handler ${d.handler.type}${d.address ? ` ${d.address}` : ''}`;
    case 'reject':
      return `reject (${d.reason})`;
    case 'say':
      return `say "${d.text.length > 40 ? `${d.text.slice(0, 40)}…` : d.text}"${d.then ? ` then ${describeDestination(d.then)}` : ''}`;
  }
}

const ends = (d: Destination) => d.type === 'reject' || d.type === 'say';
const keyOf = (d: Destination) => ('address' in d && d.address ? `${d.type} ${d.address}` : undefined);

/** The destinations of `targets` in order, with a trace step for each target. */
export function planDestinations(targets: readonly { target: Target; via: Via }[], ctx: PlanContext): { destinations: Destination[]; steps: TraceStep[] } {
  const destinations: Destination[] = [];
  const steps: TraceStep[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < targets.length; i++) {
    const { target, via } = targets[i]!;
    const attempt = toDestination(target, via, ctx);
    if (!attempt.ok) {
      steps.push(traceStep('destination', 'skipped', `${via} ${target.type} skipped: ${attempt.why}`, { via, target }));
      continue;
    }
    const key = keyOf(attempt.destination);
    if (key && seen.has(key)) {
      steps.push(traceStep('destination', 'duplicate', `${via} ${describeDestination(attempt.destination)} is already in the list`));
      continue;
    }
    if (key) seen.add(key);
    destinations.push(attempt.destination);
    const note = attempt.note ? ` (${attempt.note})` : '';
    steps.push(traceStep('destination', 'added', `${destinations.length}. ${describeDestination(attempt.destination)} (${via})${note}`, { via, position: destinations.length }));
    if (ends(attempt.destination)) {
      const unused = targets.length - i - 1;
      if (unused > 0) steps.push(traceStep('destination', 'unused', `${unused} later target(s) unused: the list ends at ${attempt.destination.type}`));
      break;
    }
  }
  return { destinations, steps };
}

/** kind and reject_reason from the destinations: a first reject refuses the call; none at all is "unavailable". */
export function conclude(destinations: Destination[], refusal?: RejectReason): Pick<Decision, 'kind' | 'reject_reason' | 'destinations'> {
  if (refusal) return { kind: 'reject', reject_reason: refusal, destinations: [] };
  const first = destinations[0];
  if (!first) return { kind: 'reject', reject_reason: 'unavailable', destinations: [] };
  if (first.type === 'reject') return { kind: 'reject', reject_reason: first.reason, destinations: [] };
  return { kind: 'route', reject_reason: null, destinations };
}
