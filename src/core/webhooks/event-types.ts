// The catalogue of event types a webhook endpoint can subscribe to, and the patterns that
// select them. A name is "<resource><separator><action>"; the separator is "." in Switchboard's
// own names, while VoiceOS writes "phone_call:connection_requested". The two separators are
// equivalent everywhere (phone_call:ended = phone_call.ended), so a VoiceOS client's names work
// unchanged and one catalogue serves every face.
import type { FieldIssue } from '../errors.ts';

export interface EventTypeInfo {
  type: string;
  description: string;
}

export const EVENT_TYPES: readonly EventTypeInfo[] = [
  { type: 'phone_number.created', description: 'A number was added to the workspace.' },
  { type: 'phone_number.updated', description: 'A number changed; `changes` lists the fields.' },
  { type: 'phone_number.released', description: 'A number left the workspace.' },
  { type: 'agent.created', description: 'An AI agent was created.' },
  { type: 'agent.updated', description: 'An AI agent changed; `changes` lists the fields.' },
  { type: 'agent.deleted', description: 'An AI agent was deleted.' },
  { type: 'workflow.created', description: 'A workflow was created.' },
  { type: 'workflow.updated', description: 'A workflow changed; `changes` lists the fields.' },
  { type: 'workflow.deleted', description: 'A workflow was deleted.' },
  { type: 'webhook_endpoint.created', description: 'A webhook endpoint was created (natively or through a vendor face).' },
  { type: 'webhook_endpoint.updated', description: 'A webhook endpoint changed; a secret rotation shows as `changes: ["secret"]`, never the secret.' },
  { type: 'webhook_endpoint.deleted', description: 'A webhook endpoint was deleted (also when its number is released or replaced through VoiceOS).' },
  { type: 'webhook_endpoint.disabled', description: 'Switchboard disabled an endpoint whose deliveries kept failing (or that answered 410 Gone).' },
  { type: 'webhook_endpoint.test', description: 'Sent only by POST /v1/webhook-endpoints/{id}/test, to check that a receiver verifies signatures.' },
  { type: 'workspace.created', description: 'A workspace was created (by an operator). Its endpoints are created after it, so they get this event only by a replay.' },
  { type: 'api_key.created', description: 'An API key was created (its secret is never in the event).' },
  { type: 'api_key.revoked', description: 'An API key was revoked.' },
  { type: 'phone_call:connection_requested', description: 'A call to a number is asking where to go (VoiceOS\'s name); sent before the call is answered.' },
  { type: 'phone_call.started', description: 'A call on a number was answered.' },
  { type: 'phone_call.ended', description: 'A call on a number ended.' },
  { type: 'phone_call.did_not_connect', description: 'A call on a number could not be connected (no answer, busy, failed); Vocode\'s event_phone_call_did_not_connect. Emitted by call routing (later).' },
  { type: 'phone_call.message', description: 'A message was said in a call (caller or agent); Vocode\'s event_message. Emitted by call routing (later).' },
  { type: 'phone_call.action', description: 'An agent took an action in a call (transfer, end, DTMF …); Vocode\'s event_action. Emitted by call routing (later).' },
  { type: 'phone_call.transcript', description: 'The transcript of a call that ended; Vocode\'s event_transcript. Emitted by call routing (later).' },
  { type: 'phone_call.recording', description: 'The recording of a call is available; Vocode\'s event_recording. Emitted by call routing (later).' },
  { type: 'phone_call.human_detection', description: 'Whether a human or a machine answered an outbound call; Vocode\'s event_human_detection. Emitted by call routing (later).' },
];

/** "phone_call:ended" → "phone_call.ended": the form names are compared in. */
const canonical = (name: string) => name.replace(':', '.');

const KNOWN = new Map(EVENT_TYPES.map((e) => [canonical(e.type), e.type]));
const RESOURCES = new Set(EVENT_TYPES.map((e) => canonical(e.type).split('.')[0]!));

/** What events are about (the catalogue's resources): the object_type of every audit event. */
export const EVENT_OBJECT_TYPES: readonly string[] = [...RESOURCES];

/** The catalogue's names, as list filters take them (event_type, type). */
export const EVENT_TYPE_NAMES: readonly string[] = EVENT_TYPES.map((e) => e.type);
const NAME = /^[a-z][a-z0-9_]*[.:][a-z][a-z0-9_]*$/;
const RESOURCE_WILDCARD = /^([a-z][a-z0-9_]*)[.:]\*$/;

/** Why this entry of event_types is not a known type or a valid pattern; null if it is fine. */
export function eventTypeProblem(entry: string): string | null {
  if (entry === '*') return null;
  const wildcard = RESOURCE_WILDCARD.exec(entry);
  if (wildcard) return RESOURCES.has(wildcard[1]!) ? null : `no event type starts with ${wildcard[1]}`;
  if (entry.includes('*')) return 'a wildcard is "*" alone or a whole action, as in phone_number.*';
  if (!NAME.test(entry) || !KNOWN.has(canonical(entry))) return 'is not a known event type';
  return null;
}

export function checkEventTypes(entries: readonly string[], prefix: string): FieldIssue[] {
  return entries.flatMap((entry, i) => {
    const problem = eventTypeProblem(entry);
    return problem ? [{ field: `${prefix}event_types[${i}]`, message: `${JSON.stringify(entry)} ${problem}` }] : [];
  });
}

/** Whether a subscription's event_types select this event type. Empty selects every type. */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  if (patterns.length === 0) return true;
  const name = canonical(type);
  return patterns.some((p) => {
    if (p === '*') return true;
    const wildcard = RESOURCE_WILDCARD.exec(p);
    return wildcard ? name.startsWith(`${wildcard[1]}.`) : canonical(p) === name;
  });
}
