// Rules shared by agents and workflows: the things a number's call can be routed to.
import { recordChange, type Context } from '../audit/record.ts';
import { authorize } from '../authorization/authorize.ts';
import { ConflictError, NotFoundError, type FieldIssue } from '../errors.ts';
import type { Repos, Store } from '../ports.ts';
import type { StoredPhoneNumber } from '../phone-numbers/schema.ts';
import { toPublic } from '../phone-numbers/state.ts';
import { assertVersion, type VersionCondition } from './versions.ts';

export type TargetKind = 'agent' | 'workflow';

export function checkEndpoint(endpoint: { type: string; url: string }, field: string): FieldIssue[] {
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return [{ field: `${field}.url`, message: 'must be an absolute URI' }];
  }
  const ok = endpoint.type === 'websocket' ? ['ws:', 'wss:'].includes(url.protocol) : ['sip:', 'sips:'].includes(url.protocol);
  return ok ? [] : [{ field: `${field}.url`, message: endpoint.type === 'websocket' ? 'must be a ws:// or wss:// URL' : 'must be a sip: or sips: URI' }];
}

const REF_FIELDS = {
  agent: ['inbound_agent_id', 'outbound_agent_id'],
  workflow: ['inbound_workflow_id', 'outbound_workflow_id'],
} as const;

/**
 * Deletes an agent or workflow and returns it as it was. While numbers route to it the answer is
 * 409 (in_use), unless `detach`: then those references are cleared, each with its audit event,
 * in the same transaction. Detaching writes phone numbers: it needs numbers:write (asked for
 * whenever detach is, so that the answer does not depend on which numbers route to it).
 */
export async function deleteTarget<T extends { version: number }>(
  store: Store,
  ctx: Context,
  kind: TargetKind,
  id: string,
  options: { detach: boolean; ifVersion?: VersionCondition },
  now: () => string,
  /** What else goes with it, in the same transaction (an agent's webhook endpoint). */
  alsoDelete?: (tx: Repos, at: string) => Promise<void>,
): Promise<T> {
  if (options.detach) authorize(ctx, 'numbers:write', `detach the ${kind} from the phone numbers that route to it`);
  return store.transaction(async (tx) => {
    const repo = kind === 'agent' ? tx.agents : tx.workflows;
    const ws = ctx.actor.workspaceId;
    const current = (await repo.get(ws, id)) as T | undefined;
    if (!current) throw new NotFoundError(kind, id);
    assertVersion(options.ifVersion, current.version);
    const users = await tx.phoneNumbers.listUsing(ws, kind, id);
    if (users.length && !options.detach) {
      throw new ConflictError(
        `the ${kind} is used by ${users.length} phone number(s); detach it first or pass detach=true`,
        users.slice(0, 20).map((n) => ({ field: 'phone_numbers', message: n.number })),
        'in_use',
      );
    }
    const at = now();
    for (const number of users) await detach1(tx, ctx, number, kind, id, at);
    if (alsoDelete) await alsoDelete(tx, at);
    await repo.delete(ws, id);
    await recordChange(tx, ctx, { type: `${kind}.deleted`, objectType: kind, objectId: id, before: current as unknown as Record<string, unknown>, after: null }, at);
    return current;
  });
}

async function detach1(tx: Repos, ctx: Context, current: StoredPhoneNumber, kind: TargetKind, targetId: string, now: string): Promise<void> {
  const next: StoredPhoneNumber = { ...current, version: current.version + 1, updated_at: now };
  const changed: string[] = [];
  for (const field of REF_FIELDS[kind]) {
    if (next[field] === targetId) {
      next[field] = null;
      changed.push(field);
    }
  }
  if (next.inbound_target === kind && !next[REF_FIELDS[kind][0]]) {
    next.inbound_target = null;
    changed.push('inbound_target');
  }
  if (!(await tx.phoneNumbers.update(next, current.version, current))) throw new ConflictError(`phone number ${current.number} changed meanwhile; try again`);
  await recordChange(tx, ctx, { type: 'phone_number.updated', objectType: 'phone_number', objectId: next.id, before: toPublic(current), after: toPublic(next), changes: changed }, now);
}
