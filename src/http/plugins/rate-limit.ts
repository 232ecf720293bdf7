// Rate limiting with @fastify/rate-limit: SWITCHBOARD_RATE_LIMIT requests per
// SWITCHBOARD_RATE_LIMIT_WINDOW, counted in this process's memory (several servers = one limit each).
//
// - A request with a valid API key counts against that key, whichever face it goes to (they share
//   the count). The check runs in the auth hook (auth.ts), right after the key is known and before
//   the scope check and any other work.
// - A request to a route that needs no key (docs, the OpenAPI document, unknown paths) counts
//   against its IP address.
// - A request whose key is missing or not valid counts against its IP address as a failed
//   authentication; past the limit that address gets 429 instead of 401, and then 429 *before*
//   any key is looked up until its window ends, so a flood of bad keys costs no database work.
// - /healthz and /readyz are never limited.
// A 429 carries Retry-After (seconds) and is thrown, so each face's error handler writes it in
// that face's format.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../../config.ts';
import { HttpError } from '../errors.ts';

export interface RateLimiter {
  /** Before authentication: 429 when this address is over its limit of failed authentications. */
  beforeAuth(request: FastifyRequest): void;
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
  /** Addresses over their limit of failed authentications, until when (ms). */
  const blocked = new Map<string, number>();

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
    beforeAuth(request) {
      const until = blocked.get(request.ip);
      if (until === undefined) return;
      const left = until - Date.now();
      if (left <= 0) {
        blocked.delete(request.ip);
        return;
      }
      const retryAfter = Math.max(1, Math.ceil(left / 1000));
      throw new HttpError(429, 'rate_limited', `too many requests without a valid API key from this address; retry in ${retryAfter} s`, [], retryAfter);
    },
    async authFailed(request) {
      try {
        await count(authFailures, request, null, `auth:${request.ip}`, 'too many requests without a valid API key from this address');
      } catch (err) {
        const retryAfter = (err as HttpError).retryAfter ?? 1;
        if (blocked.size >= 10_000) for (const [ip, until] of blocked) if (until <= Date.now()) blocked.delete(ip);
        blocked.set(request.ip, Date.now() + retryAfter * 1000);
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
