// Authentication (API key as Bearer, or HTTP Basic "workspace id : key"), and the route's scope
// checked before it runs. Registered inside each face, so a face's error handler answers in that
// face's format. The scope comes from the table of access (src/core/authorization/operations.ts,
// through ./route-access.ts); the core checks again, and checks the parts of another kind.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticateOptions, Principal } from '../../core/api-keys/service.ts';
import type { Context } from '../../core/audit/record.ts';
import { apiKeyContext, authorize } from '../../core/authorization/authorize.ts';
import type { Scope } from '../../core/authorization/scopes.ts';
import { UnauthorizedError } from '../../core/errors.ts';
import type { Core } from '../../core/index.ts';

export interface AuthInfo {
  principal: Principal;
  ctx: Context;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthInfo | null;
  }
  interface FastifyContextConfig {
    /**
     * The scope a route needs ("authenticated": any valid key); routes without one need no key.
     * Set from the route's row in OPERATIONS when it is registered (./route-access.ts), never by hand.
     */
    scope?: Scope | 'authenticated';
    /** Idempotency-Key is honoured on this route. */
    idempotent?: boolean;
  }
}

export async function authenticate(core: Core, header: string | undefined, options: AuthenticateOptions = {}): Promise<Principal> {
  if (!header) throw new UnauthorizedError('an API key is required: send "Authorization: Bearer <key>"');
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (space > 0 && scheme === 'bearer' && value) return core.apiKeys.authenticate(value, options);
  if (space > 0 && scheme === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) throw new UnauthorizedError('Basic credentials must be "<workspace id>:<API key>"');
    const principal = await core.apiKeys.authenticate(decoded.slice(colon + 1), options);
    if (principal.key.workspace_id !== decoded.slice(0, colon).toLowerCase()) throw new UnauthorizedError('the project id does not match the API key');
    return principal;
  }
  throw new UnauthorizedError('the Authorization header must be "Bearer <key>" or HTTP Basic');
}

export function contextOf(request: FastifyRequest): Context {
  if (!request.auth) throw new UnauthorizedError();
  return request.auth.ctx;
}

export function registerAuth(app: FastifyInstance, core: Core): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (!scope) return;
    // Rate limits (plugins/rate-limit.ts): an address flooding bad keys has only the keys this
    // server knows looked up; a valid key is counted before the scope check and any other work.
    const limiter = request.server.switchboardRateLimiter ?? null;
    const mayLookUp = limiter?.lookupBudget(request);
    let principal: Principal;
    try {
      principal = await authenticate(core, request.headers.authorization, mayLookUp ? { mayLookUp } : {});
    } catch (err) {
      if (limiter && err instanceof UnauthorizedError) await limiter.authFailed(request);
      throw err;
    }
    await limiter?.authenticated(request, reply, principal.key.id);
    const ctx = apiKeyContext({ workspaceId: principal.key.workspace_id, userId: principal.key.user_id, apiKeyId: principal.key.id, ip: request.ip }, principal.scopes, request.id);
    if (scope !== 'authenticated') authorize(ctx, scope);
    request.auth = { principal, ctx };
  });
}
