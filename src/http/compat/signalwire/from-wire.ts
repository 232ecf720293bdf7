// SignalWire field names → the core's, for writes, and back for error messages.
// call_X ↔ call_handler.X, message_X ↔ message_handler.X; the three odd ones are
// name ↔ friendly_name, call_handler ↔ call_handler.type, call_receive_mode ↔
// call_handler.receive_mode (message_handler ↔ message_handler.type likewise).
import { ValidationError, type FieldIssue } from '../../../core/errors.ts';
import { isUuid } from '../../../core/ids.ts';
import type { PhoneNumberPatch } from '../../../core/phone-numbers/schema.ts';
import type { WireUpdate } from './schemas.ts';

// The request spec types call_video_room_id as a UUID; call_sip_endpoint_id is any string there
// (accepted and stored; answers show it only when it is a UUID, as the response spec requires).
const UUID_FIELDS = ['call_video_room_id'] as const;

/**
 * A PUT body → a core merge patch with only the named fields (absent = unchanged).
 * An empty string clears the field (core null). Returns the UUID issues it found.
 */
export function fromWire(body: WireUpdate): { patch: PhoneNumberPatch; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  for (const field of UUID_FIELDS) {
    const value = body[field];
    if (value && !isUuid(value)) issues.push({ field, message: 'must be a UUID' });
  }
  const patch: Record<string, unknown> = {};
  const call: Record<string, unknown> = {};
  const message: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (raw === undefined) continue;
    const value = raw === '' ? null : raw;
    if (key === 'name') patch.friendly_name = value;
    else if (key === 'call_handler') call.type = value;
    else if (key === 'call_receive_mode') call.receive_mode = value;
    else if (key === 'message_handler') message.type = value;
    else if (key.startsWith('call_')) call[key.slice('call_'.length)] = value;
    else if (key.startsWith('message_')) message[key.slice('message_'.length)] = value;
  }
  if (Object.keys(call).length) patch.call_handler = call;
  if (Object.keys(message).length) patch.message_handler = message;
  return { patch: patch as PhoneNumberPatch, issues };
}

/** A core field path → the SignalWire field a client sent. */
export function wireField(field: string): string {
  if (field === 'friendly_name') return 'name';
  if (field === 'call_handler.type' || field === 'inbound_target') return 'call_handler';
  if (field === 'call_handler.receive_mode') return 'call_receive_mode';
  if (field === 'message_handler.type') return 'message_handler';
  const nested = /^(call|message)_handler\.(.+)$/.exec(field);
  if (nested) return `${nested[1]}_${nested[2]}`;
  return field;
}

/** Core messages mention core paths ("… when call_handler.type is …"): speak SignalWire. */
export function wireMessage(message: string): string {
  return message.replace(/\b(call_handler|message_handler)\.([a-z_]+)/g, (path) => wireField(path));
}

/** Issues the core found, in core field names → the same in SignalWire's names. */
export const wireIssues = (issues: FieldIssue[]): FieldIssue[] => issues.map((i) => ({ field: wireField(i.field), message: wireMessage(i.message) }));

/** Runs a core write, answering its field-level ValidationErrors in SignalWire's field names. */
export async function inWireTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(wireIssues(err.details));
    throw err;
  }
}
