// What resolve() decides. Faces map it without further rules: `kind` and `reject_reason` to a
// refusal (SIP 404/403/486/480/603, TwiML <Reject>), `destinations` in order to an answer
// (<Connect><Stream>, <Dial><Sip>, <Dial><Number>, <Redirect>, <Say>) or to the SIP edge's
// serial failover list.
import type { CallHandler, Telephony } from './rows.ts';
import type { RoutingPolicy, SipHeader, Target, TargetRejectReason } from './schema.ts';

export type RejectReason =
  /** Nobody holds the number (SIP 404). */
  | 'unknown_number'
  /** The caller is refused by the policy (403). */
  | 'caller_denied'
  /** max_concurrent_calls reached, no overflow target (486). */
  | 'at_capacity'
  /** Closed (hours or holiday), no after_hours target (480). */
  | 'after_hours'
  /** From a reject target: busy (486), rejected (603), unavailable (480). Also: no target set, number inactive, nothing reachable. */
  | TargetRejectReason;

/** Which step put the target in force. */
export type Cause =
  | 'inbound_target'
  | 'agents'
  | 'unknown_number'
  | 'caller_denied'
  | 'holiday'
  | 'after_hours'
  | 'overflow'
  | 'inactive'
  | 'no_target'
  | 'hook';

/** A live-call counter a call belongs to; the counter lives outside the engine. */
export type CapacityScope = { kind: 'number'; number: string; id: string } | { kind: 'block'; id: string };

/** Why a destination is in the list. */
export type Via = 'target' | 'agents' | 'fallback' | 'hook';

interface Endpoint {
  transport: 'websocket' | 'sip';
  /** wss:// stream URL or sip: URI. */
  address: string;
  /** SIP only: the number's custom headers, the target's, the hook's (later wins). */
  headers?: SipHeader[];
  /** Stream only: parameters from the hook. */
  parameters?: Record<string, string>;
}

export type Destination =
  | ({ type: 'agent'; via: Via; agent_id: string; name: string | null } & Endpoint)
  | ({ type: 'workflow'; via: Via; workflow_id: string; name: string | null } & Endpoint)
  | { type: 'sip'; via: Via; transport: 'sip'; address: string; headers: SipHeader[] }
  | { type: 'phone_number'; via: Via; address: string; telephony: Telephony | null }
  | { type: 'handler'; via: Via; address: string | null; handler: CallHandler }
  | { type: 'reject'; via: Via; reason: TargetRejectReason }
  | { type: 'say'; via: Via; text: string; then: Destination | null };

/** The configuration in force for the call: the number's, completed from its blocks. */
export interface EffectiveConfig {
  inbound_target: 'agent' | 'workflow' | 'handler' | null;
  inbound_agent_id: string | null;
  inbound_workflow_id: string | null;
  call_handler: CallHandler | null;
  telephony: Telephony | null;
  sip_headers: SipHeader[];
  routing: RoutingPolicy;
  /** Which candidate set each field: "number" or a block id (routing.* per policy field). */
  sources: Record<string, string>;
}

export interface PendingHook {
  url: string;
  timeout_ms: number;
  /** Whose hook (its signing secret): the number or block that set routing.hook. */
  owner: { kind: 'number' | 'block'; id: string };
  /** pending until applyHookAnswer; then what became of the answer. */
  outcome: 'pending' | 'kept' | 'changed' | 'failed' | 'invalid';
}

export interface Decision {
  workspace_id: string;
  /** The called number in E.164 (as matched, else the likeliest reading); null when `to` holds no number. */
  to: string | null;
  /** The caller in E.164; null when anonymous or not a number. */
  from: string | null;
  /** The exact number matched, if any. */
  number: { id: string; number: string } | null;
  /** The blocks holding the number, narrowest first. */
  blocks: { id: string; extent: string }[];
  kind: 'route' | 'reject';
  /** Set when kind is reject. */
  reject_reason: RejectReason | null;
  cause: Cause;
  /** The target in force and what follows it; kept so a hook answer can re-plan. */
  plan: { target: Target | null; alternates: Target[]; fallback: Target[] };
  /** Tried in order; the list ends at the first reject or say. */
  destinations: Destination[];
  /** To be asked before answering; then applyHookAnswer(). */
  hook: PendingHook | null;
  /** From the hook: added to SIP destinations / stream destinations. */
  headers: SipHeader[];
  parameters: Record<string, string>;
  /** The live-call counters this call counts toward while it lasts. */
  counted_under: CapacityScope[];
  /** The configuration the decision was made with (null for an unknown number). */
  effective: EffectiveConfig | null;
}

export interface Resolution {
  decision: Decision;
  trace: import('./trace.ts').Trace;
}
