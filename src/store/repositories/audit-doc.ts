// How an audit event is stored. An update's event carries the object before and after; most of
// the two are the same, and a 10,000-number bulk update wrote both in full (two thirds of what it
// wrote). The stored document keeps `after` and, of `before`, only what differs
// (`before_changed`) and which of after's keys it lacked (`before_absent`); reading puts `before`
// back together, in after's key order. Documents stored whole (older rows) read as they are.
import type { AuditEvent } from '../../core/audit/model.ts';
import { sameJson } from '../../core/shared/same-json.ts';

type Obj = Record<string, unknown>;

interface StoredEvent extends Omit<AuditEvent, 'before'> {
  before?: Obj | null;
  before_changed?: Obj;
  before_absent?: string[];
}

export function encodeEvent(event: AuditEvent): string {
  const { before, after } = event;
  if (!before || !after) return JSON.stringify(event);
  // Own keys only, and objects built with fromEntries: a key such as __proto__ stays a key.
  const changed = Object.fromEntries(Object.entries(before).filter(([key, value]) => !Object.hasOwn(after, key) || !sameJson(value, after[key])));
  const absent = Object.keys(after).filter((key) => !Object.hasOwn(before, key));
  const { before: _whole, ...rest } = event;
  const stored: StoredEvent = { ...rest, before_changed: changed, ...(absent.length ? { before_absent: absent } : {}) };
  return JSON.stringify(stored);
}

export function decodeEvent(doc: string): AuditEvent {
  const stored = JSON.parse(doc) as StoredEvent;
  const { before_changed: changed, before_absent: absent, ...event } = stored;
  if (!changed || !event.after) return stored as AuditEvent;
  const skip = new Set(absent ?? []);
  const before = Object.fromEntries([
    ...Object.entries(event.after).filter(([key]) => !skip.has(key)).map(([key, value]) => [key, Object.hasOwn(changed, key) ? changed[key] : value]),
    ...Object.entries(changed).filter(([key]) => !Object.hasOwn(event.after!, key)),
  ]);
  return { ...event, before } as AuditEvent;
}
