// Every change writes one audit event, in the same transaction as the change.
import { newId } from '../ids.ts';
import { sameJson } from '../shared/same-json.ts';
import type { Actor, Repos } from '../ports.ts';
import type { Scope } from '../authorization/scopes.ts';
import type { AuditEvent } from './model.ts';

/** Who acts, and what they may do (src/core/authorization/authorize.ts decides with it). */
export interface Context {
  actor: Actor;
  /** An API key's effective scopes; every scope for the operator (CLI, bootstrap) and the system (worker). */
  scopes: ReadonlySet<Scope>;
  requestId?: string | null;
}

export interface ChangeRecord {
  type: string;
  objectType: string;
  objectId: string;
  /** Public views only: secrets never reach the audit log. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes?: string[];
  /** Fields that changed though their public views are equal (a webhook header's value): listed in `changes` too. */
  hiddenChanges?: string[];
  /** Why the system made this change (an endpoint disabled after failures). */
  reason?: string;
}

export async function recordChange(repos: Repos, ctx: Context, change: ChangeRecord, now: string): Promise<void> {
  await repos.audit.insert(toEvent(ctx, change, now));
}

/** Many changes in one statement per chunk (bulk updates): the same events recordChange writes. */
export async function recordChanges(repos: Repos, ctx: Context, changes: { change: ChangeRecord; at: string }[]): Promise<void> {
  if (changes.length) await repos.audit.insertMany(changes.map(({ change, at }) => toEvent(ctx, change, at)));
}

function toEvent(ctx: Context, change: ChangeRecord, now: string): AuditEvent {
  return {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    type: change.type,
    object_type: change.objectType,
    object_id: change.objectId,
    actor: { type: ctx.actor.type, api_key_id: ctx.actor.apiKeyId, user_id: ctx.actor.userId, ...(ctx.actor.ip ? { ip: ctx.actor.ip } : {}) },
    changes: change.changes ?? changesOf(change),
    before: change.before,
    after: change.after,
    request_id: ctx.requestId ?? null,
    ...(change.reason ? { reason: change.reason } : {}),
    created_at: now,
  };
}

const VOLATILE = new Set(['version', 'updated_at']);

function changesOf(change: ChangeRecord): string[] {
  const seen = change.before && change.after ? topLevelChanges(change.before, change.after) : [];
  return [...seen, ...(change.hiddenChanges ?? []).filter((k) => !seen.includes(k))];
}

function topLevelChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !VOLATILE.has(k) && !sameJson(before?.[k], after?.[k]));
}
