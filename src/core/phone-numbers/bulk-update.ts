// Bulk update: each item is validated alone; valid items of a non-atomic batch are written
// together in one transaction, an atomic batch is written only if every item is valid.
import { recordChanges, type Context } from '../audit/record.ts';
import { ConflictError, type ErrorCode, type FieldIssue } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { SecretBox, Store } from '../ports.ts';
import { checkSchema } from '../shared/check-schema.ts';
import { applyPatch } from './apply-patch.ts';
import { E164_HINT, parseE164 } from './e164.ts';
import { PhoneNumberPatchSchema, type PhoneNumber, type PhoneNumberPatch, type StoredPhoneNumber } from './schema.ts';
import { pickWritable, toPublic } from './state.ts';
import { checkReferences } from './references.ts';

export const MAX_BULK_ITEMS = 10_000;

/** What a bulk request of more than MAX_BULK_ITEMS items is told (with a 413): the limit, its size, split it. */
export function tooManyItemsMessage(count: number): string {
  return `a bulk update takes at most ${MAX_BULK_ITEMS.toLocaleString('en-US')} items; this one has ${count.toLocaleString('en-US')}: split it into several requests`;
}

const FETCH_CHUNK = 500;
const REF_FIELDS = [['inbound_agent_id', 'agent'], ['outbound_agent_id', 'agent'], ['inbound_workflow_id', 'workflow'], ['outbound_workflow_id', 'workflow']] as const;

export interface BulkItem {
  id?: string | null;
  number?: string | null;
  patch: unknown;
}

export interface BulkOptions {
  atomic: boolean;
  dryRun: boolean;
}

export interface BulkItemError {
  index: number;
  id: string | null;
  number: string | null;
  code: ErrorCode;
  message: string;
  details: FieldIssue[];
}

export interface BulkResult {
  updated: PhoneNumber[];
  /** Index in the request of each updated item, in the same order as `updated`. */
  updatedIndexes: number[];
  errors: BulkItemError[];
  written: boolean;
}

interface Deps {
  store: Store;
  secrets: SecretBox;
  now: () => string;
}

interface Planned {
  index: number;
  before: StoredPhoneNumber;
  next: StoredPhoneNumber;
  changed: string[];
}

export async function bulkUpdate(deps: Deps, ctx: Context, items: BulkItem[], options: BulkOptions): Promise<BulkResult> {
  const ws = ctx.actor.workspaceId;
  const errors: BulkItemError[] = [];
  const fail = (index: number, item: BulkItem, code: ErrorCode, message: string, details: FieldIssue[] = []) =>
    errors.push({ index, id: item.id ?? null, number: item.number ?? null, code, message, details });

  // 1. Which number each item names, and whether its fields are well-formed. A malformed item
  // is invalid_request, as the same body alone would be (400); a number that is not a phone
  // number is validation_failed naming `number`, as when a number is created with it (422).
  const keys: ({ id?: string; e164?: string } | undefined)[] = items.map((item, index) => {
    const details = checkSchema(PhoneNumberPatchSchema, item.patch);
    if (item.id && !isUuid(item.id)) details.unshift({ field: 'id', message: 'must be a UUID' });
    if (!item.id && !item.number) details.unshift({ field: 'id', message: 'each item needs an id or a number' });
    const numberIssues = item.number && !parseE164(item.number) ? [{ field: 'number', message: E164_HINT }] : [];
    if (details.length || numberIssues.length) {
      fail(index, item, details.length ? 'invalid_request' : 'validation_failed', 'the item is not valid', [...numberIssues, ...details]);
      return undefined;
    }
    return item.id ? { id: item.id.toLowerCase() } : { e164: parseE164(item.number!)!.e164 };
  });

  // 2. Load every named number, a chunk at a time.
  const byId = new Map<string, StoredPhoneNumber>();
  const idByNumber = new Map<string, string>();
  const wantedIds = [...new Set(keys.flatMap((k) => (k?.id ? [k.id] : [])))];
  const wantedNumbers = [...new Set(keys.flatMap((k) => (k?.e164 ? [k.e164] : [])))];
  for (let i = 0; i < Math.max(wantedIds.length, wantedNumbers.length); i += FETCH_CHUNK) {
    const found = await deps.store.phoneNumbers.getMany(ws, { ids: wantedIds.slice(i, i + FETCH_CHUNK), numbers: wantedNumbers.slice(i, i + FETCH_CHUNK) });
    for (const row of found) {
      byId.set(row.id, row);
      idByNumber.set(row.number, row.id);
    }
  }

  // Agents and workflows the items name, looked up once, so each item is checked as it is
  // applied: a refused item must not reach a later item for the same number.
  const named = { agent: new Set<string>(), workflow: new Set<string>() };
  keys.forEach((key, index) => {
    const patch = items[index]!.patch as Record<string, unknown>;
    if (key) for (const [field, kind] of REF_FIELDS) if (typeof patch[field] === 'string') named[kind].add(patch[field]);
  });
  const [agents, workflows] = await Promise.all([
    named.agent.size ? deps.store.agents.existing(ws, [...named.agent]) : new Set<string>(),
    named.workflow.size ? deps.store.workflows.existing(ws, [...named.workflow]) : new Set<string>(),
  ]);
  const exists = { agent: agents, workflow: workflows };

  // 3. Apply each patch to the state left by the items before it (one number may appear twice).
  const working = new Map<string, StoredPhoneNumber>();
  const original = new Map<string, StoredPhoneNumber>();
  const planned: Planned[] = [];
  items.forEach((item, index) => {
    const key = keys[index];
    if (!key) return;
    const id = key.id ?? idByNumber.get(key.e164!);
    const current = id ? working.get(id) ?? byId.get(id) : undefined;
    if (!current) return fail(index, item, 'not_found', 'the phone number was not found');
    // An item naming both must name one number: a number is never changed by an update.
    if (key.id && item.number && parseE164(item.number)?.e164 !== current.number) {
      return fail(index, item, 'validation_failed', 'the item is not valid', [{ field: 'number', message: `does not match the number of this id (${current.number}); a number cannot be changed` }]);
    }
    const applied = applyPatch(pickWritable(current), item.patch as PhoneNumberPatch, deps.secrets);
    if (applied.issues.length) return fail(index, item, 'validation_failed', 'the item is not valid', applied.issues);
    const patch = item.patch as Record<string, unknown>;
    const refIssues = REF_FIELDS.flatMap(([field, kind]) =>
      typeof patch[field] === 'string' && !exists[kind].has(patch[field]) ? [{ field, message: `is not ${kind === 'agent' ? 'an agent' : 'a workflow'} of this workspace` }] : []);
    if (refIssues.length) return fail(index, item, 'validation_failed', 'the item is not valid', refIssues);
    // As for a single PATCH, an item that changes nothing is no write. One bump per number,
    // however many items touch it, so a dry run reports the versions a real run writes.
    const next = applied.changed.length ? { ...current, ...applied.state, version: byId.get(current.id)!.version + 1, updated_at: deps.now() } : current;
    if (!original.has(current.id)) original.set(current.id, byId.get(current.id)!);
    working.set(current.id, next);
    planned.push({ index, before: current, next, changed: applied.changed });
  });

  // 4. References, checked for all items with one query per kind.
  const refIssues = await checkReferences(deps.store, ws, planned.map((p) => p.next));
  const valid = planned.filter((p, i) => {
    const issues = refIssues.get(i);
    if (issues) fail(p.index, items[p.index]!, 'validation_failed', 'the item is not valid', issues);
    return !issues;
  });
  errors.sort((a, b) => a.index - b.index);

  const result = (written: boolean, rows: Planned[]): BulkResult => ({
    updated: rows.map((p) => toPublic(p.next)),
    updatedIndexes: rows.map((p) => p.index),
    errors,
    written,
  });
  if (options.dryRun || (options.atomic && errors.length > 0) || valid.length === 0) {
    return result(false, options.atomic && errors.length > 0 ? [] : valid);
  }

  // 5. Write: the last state of each number, guarded by the version that was read.
  const lastById = new Map<string, Planned>();
  const changedIds = new Set(valid.filter((p) => p.changed.length > 0).map((p) => p.next.id));
  for (const p of valid) if (changedIds.has(p.next.id)) lastById.set(p.next.id, p);
  const raced = new Set<string>();
  await deps.store.transaction(async (tx) => {
    // One set-based write for all numbers, then one for all events: a 10,000-item batch is a
    // handful of statements, not 20,000 round trips.
    const finals = [...lastById].map(([id, last]) => ({ last, number: { ...last.next, version: original.get(id)!.version + 1 }, expectedVersion: original.get(id)!.version }));
    const written = await tx.phoneNumbers.updateMany(ws, finals.map(({ number, expectedVersion }) => ({ number, expectedVersion, previous: original.get(number.id)! })));
    for (const { last, number } of finals) {
      if (written.has(number.id)) last.next = number;
      else if (options.atomic) throw new ConflictError(`phone number ${number.id} was changed by another request during this one; nothing was written`);
      else raced.add(number.id);
    }
    await recordChanges(
      tx,
      ctx,
      valid
        .filter((p) => !raced.has(p.next.id) && p.changed.length > 0)
        .map((p) => ({ change: { type: 'phone_number.updated', objectType: 'phone_number', objectId: p.next.id, before: toPublic(p.before), after: toPublic(p.next), changes: p.changed }, at: p.next.updated_at })),
    );
  });
  for (const p of valid.filter((v) => raced.has(v.next.id))) {
    fail(p.index, items[p.index]!, 'conflict', 'the phone number was changed by another request during this one');
  }
  errors.sort((a, b) => a.index - b.index);
  // Versions as written: one bump per number, whatever the number of items that touched it.
  const written = valid.filter((p) => !raced.has(p.next.id)).map((p) => ({ ...p, next: { ...p.next, version: lastById.get(p.next.id)?.next.version ?? p.next.version } }));
  return result(true, written);
}
