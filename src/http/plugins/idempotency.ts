// Idempotency-Key: a retry with the same key and body gets the first answer again; the same
// key with another body is 422. Keys are kept for at least 24 hours. An answer belongs to the
// API key that made it, for one method and route pattern: another key (of the same workspace,
// even an admin one) sending the same Idempotency-Key runs its own request. The stored answer
// is encrypted: it may hold a secret shown once (a new API key, a signing secret).
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Core } from '../../core/index.ts';
import type { IdempotencyScope } from '../../core/ports.ts';
import { HttpError } from '../errors.ts';

const KEEP_MS = 48 * 60 * 60 * 1000;
/** A claim older than this without an answer belongs to a request that died with its server. */
const ABANDONED_MS = 60_000;
const PURGE_EVERY_MS = 10 * 60 * 1000;
const REPLAYED_HEADERS = ['etag', 'location', 'content-type'];
const HEADER = 'idempotency-key';

/** The header as routes declare it: validation enforces exactly what the document states. */
export const IdempotencyKeyHeader = Type.String({
  minLength: 1,
  maxLength: 255,
  // 0x21-0x7e: printable ASCII without the space.
  pattern: '^[!-~]+$',
  description: 'A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.',
});

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyScope | null;
  }
}

/**
 * For an onRoute hook: a route honours Idempotency-Key (config.idempotent) exactly when its
 * schema declares the header, so the OpenAPI document says which routes take it and every key a
 * route sees has been validated.
 */
export function checkIdempotentRoute(route: RouteOptions): void {
  const headers = route.schema?.headers as { properties?: Record<string, unknown> } | undefined;
  const declared = headers?.properties?.[HEADER] !== undefined;
  if (declared !== !!route.config?.idempotent) {
    throw new Error(`${String(route.method)} ${route.url}: config.idempotent and the ${HEADER} header schema must go together`);
  }
}

export function registerIdempotency(app: FastifyInstance, core: Core): void {
  let lastPurge = 0;
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers[HEADER];
    const apiKeyId = request.auth?.ctx.actor.apiKeyId;
    if (!request.routeOptions.config.idempotent || typeof key !== 'string' || !request.auth || !apiKeyId) return;
    const scope: IdempotencyScope = { workspaceId: request.auth.ctx.actor.workspaceId, apiKeyId, method: request.method, route: request.routeOptions.url ?? request.url, key };
    const fingerprint = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const now = Date.now();
    if (now - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now;
      await core.store.idempotency.purgeBefore(new Date(now - KEEP_MS).toISOString());
    }
    const claim = { ...scope, fingerprint, status: null, body: null, headers: null, createdAt: new Date(now).toISOString() };
    let existing = await core.store.idempotency.claim(claim);
    if (existing && existing.status === null && now - Date.parse(existing.createdAt) > ABANDONED_MS) {
      await core.store.idempotency.release(scope);
      existing = await core.store.idempotency.claim(claim);
    }
    if (!existing) {
      request.idempotency = scope;
      return;
    }
    if (existing.fingerprint !== fingerprint) {
      throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different request; use a new key');
    }
    if (existing.status === null) throw new HttpError(409, 'idempotency_key_in_flight', 'a request with this Idempotency-Key is still in progress');
    const headers = JSON.parse(existing.headers ?? '{}') as Record<string, string>;
    reply.headers(headers).header('idempotent-replayed', 'true').code(existing.status);
    return reply.send(existing.body === null ? '' : core.secrets.decrypt(existing.body));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const scope = request.idempotency;
    if (!scope) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      await core.store.idempotency.release(scope); // worth retrying: don't pin the failure
    } else {
      const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => (reply.getHeader(h) !== undefined ? [[h, String(reply.getHeader(h))]] : [])));
      const body = typeof payload === 'string' ? payload : String(payload ?? '');
      await core.store.idempotency.complete(scope, reply.statusCode, core.secrets.encrypt(body), JSON.stringify(headers));
    }
    return payload;
  });
}
