// The one place that decides whether a caller may do something. Core services call authorize()
// before they read or change anything; faces call can() to leave out what a key may not see.
// Fail closed: a context without a scope set (or without the scope) may not.
import type { Context } from '../audit/record.ts';
import { ForbiddenError } from '../errors.ts';
import type { Actor } from '../ports.ts';
import { ALL_SCOPES, type Scope } from './scopes.ts';

/** May this caller act with `scope`? */
export function can(ctx: Context, scope: Scope): boolean {
  return ctx.scopes instanceof Set && ctx.scopes.has(scope);
}

/** Throws ForbiddenError (403) unless the caller has `scope`; `needed` says what it is needed for. */
export function authorize(ctx: Context, scope: Scope, needed?: string): void {
  if (!can(ctx, scope)) throw new ForbiddenError(`this API key lacks the ${scope} scope${needed ? `, needed to ${needed}` : ''}`);
}

/** The operator at the machine (the CLI), acting on one workspace: every scope. */
export function operatorContext(workspaceId: string): Context {
  return { actor: { workspaceId, userId: null, apiKeyId: null, type: 'operator' }, scopes: ALL_SCOPES, requestId: null };
}

/** The server itself (the delivery worker), acting on one workspace: every scope. */
export function systemContext(workspaceId: string): Context {
  return { actor: { workspaceId, userId: null, apiKeyId: null, type: 'system' }, scopes: ALL_SCOPES, requestId: null };
}

/** An API call: the key's effective scopes and nothing else. */
export function apiKeyContext(actor: Omit<Actor, 'type'>, scopes: ReadonlySet<Scope>, requestId: string | null): Context {
  return { actor: { ...actor, type: 'api_key' }, scopes, requestId };
}
