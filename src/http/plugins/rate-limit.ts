// Rate limiting with @fastify/rate-limit: SWITCHBOARD_RATE_LIMIT requests per
// SWITCHBOARD_RATE_LIMIT_WINDOW, counted in this process's memory (several servers = one limit each).
//
// - A request with a valid API key counts against that key, whichever face it goes to (they share
//   the count). The check runs in the auth hook (auth.ts), right after the key is known and before
//   the scope check and any other work.
// - A request to a route that needs no key (docs, the OpenAPI document, unknown paths) counts
//   against its IP address.
// - A request whose key is missing or not valid counts against its IP address as a failed
//   authentication; past the limit that address gets 429 instead of 401 until its window ends.
//   A valid key from that address is still served (behind a proxy one address is every tenant)
//   and counted against its own limit. While the address is over its limit, a key is read from
//   the database only if this server has found it valid before (the key cache, or its memory of
//   keys valid in the last day), or within a budget of BLOCKED_LOOKUPS_PER_SECOND lookups of keys
//   it has never seen (a new key); the rest of a flood of made-up keys is refused unread.
// - The address is the client's as SWITCHBOARD_TRUST_PROXY decides (request.ip).
// - /healthz and /readyz are never limited.
// A 429 carries Retry-After (seconds) and is thrown, so each face's error handler writes it in
// that face's format.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../../config.ts';
import { HttpError } from '../errors.ts';

export interface RateLimiter {
  /**
   * Before authentication: undefined while the address is within its limit of failed
   * authentications; past it, the budget to ask before reading a key never seen here.
   */
  lookupBudget(request: FastifyRequest): (() => boolean) | undefined;
  /** After a failed authentication: counts it against the address; 429 (instead of 401) once over the limit. */
  authFailed(request: FastifyRequest): Promise<void>;
  /** After a successful authentication: counts the request against the key. */
  authenticated(request: FastifyRequest, reply: FastifyReply, keyId: string): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** null when rate limiting is off. */
    switchboardRateLimiter: RateLimiter | null;
  }
}

/** Routes that answer whatever the load: probes must not be refused. */
export const HEALTH_ROUTES = new Set(['/healthz', '/readyz']);
export const isHealthRoute = (request: FastifyRequest) => HEALTH_ROUTES.has(request.routeOptions.url ?? '');

const keyOf = new WeakMap<FastifyRequest, string>();

/** Lookups of never-seen keys an address over its failure limit gets per second (a new tenant key). */
export const BLOCKED_LOOKUPS_PER_SECOND = 20;

interface Blocked {
  /** Over its limit until then (ms). */
  until: number;
  second: number;
  lookups: number;
}

export async function registerRateLimit(app: FastifyInstance, config: RateLimitConfig | null): Promise<void> {
  if (!config) {
    app.decorate('switchboardRateLimiter', null);
    return;
  }
  // global: false: no route hooks of the plugin's own; the limiters below are called where the
  // key is known (after authentication), which a route-level hook cannot see in time.
  await app.register(rateLimit, { global: false, max: config.max, timeWindow: config.windowMs, cache: 20_000, skipOnError: true });
  const keyGenerator = (request: FastifyRequest) => keyOf.get(request) ?? `ip:${request.ip}`;
  const perKey = app.createRateLimit({ keyGenerator });
  const perAddress = app.createRateLimit({ keyGenerator });
  const authFailures = app.createRateLimit({ keyGenerator });
  /** Addresses over their limit of failed authentications. */
  const blocked = new Map<string, Blocked>();

  async function count(limiter: typeof perKey, request: FastifyRequest, reply: FastifyReply | null, key: string, message: string): Promise<void> {
    keyOf.set(request, key);
    const result = await limiter(request);
    if (result.isAllowed) return;
    const retryAfter = Math.max(1, result.ttlInSeconds);
    if (reply) {
      reply.header('x-ratelimit-limit', String(result.max));
      reply.header('x-ratelimit-remaining', String(result.remaining));
      reply.header('x-ratelimit-reset', String(retryAfter));
    }
    if (result.isExceeded) throw new HttpError(429, 'rate_limited', `${message}; retry in ${retryAfter} s`, [], retryAfter);
  }

  const limiter: RateLimiter = {
    lookupBudget(request) {
      const entry = blocked.get(request.ip);
      if (entry === undefined) return undefined;
      if (entry.until <= Date.now()) {
        blocked.delete(request.ip);
        return undefined;
      }
      return () => {
        const second = Math.floor(Date.now() / 1000);
        if (entry.second !== second) {
          entry.second = second;
          entry.lookups = 0;
        }
        return ++entry.lookups <= BLOCKED_LOOKUPS_PER_SECOND;
      };
    },
    async authFailed(request) {
      try {
        await count(authFailures, request, null, `auth:${request.ip}`, 'too many requests without a valid API key from this address');
      } catch (err) {
        const until = Date.now() + ((err as HttpError).retryAfter ?? 1) * 1000;
        const entry = blocked.get(request.ip);
        if (entry) entry.until = until;
        else {
          if (blocked.size >= 10_000) for (const [ip, e] of blocked) if (e.until <= Date.now()) blocked.delete(ip);
          blocked.set(request.ip, { until, second: 0, lookups: 0 });
        }
        throw err;
      }
    },
    async authenticated(request, reply, keyId) {
      await count(perKey, request, reply, `key:${keyId}`, 'this API key has made too many requests');
    },
  };
  app.decorate('switchboardRateLimiter', limiter);

  // Routes that need no key: by address. Routes that do are counted in the auth hook.
  app.addHook('onRequest', async (request, reply) => {
    if (isHealthRoute(request) || request.routeOptions.config?.scope) return;
    await count(perAddress, request, reply, `ip:${request.ip}`, 'too many requests from this address');
  });
}
