// Idempotency-Key: a retry with the same key and body gets the first answer again; the same
// key with another body is 422. Keys are kept for at least 24 hours. The stored answer is
// encrypted: it may hold a secret shown once (a new API key).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../core/index.ts';
import { HttpError } from '../errors.ts';

const KEEP_MS = 48 * 60 * 60 * 1000;
/** A claim older than this without an answer belongs to a request that died with its server. */
const ABANDONED_MS = 60_000;
const PURGE_EVERY_MS = 10 * 60 * 1000;
const REPLAYED_HEADERS = ['etag', 'location', 'content-type'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

export function registerIdempotency(app: FastifyInstance, core: Core): void {
  let lastPurge = 0;
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (!request.routeOptions.config.idempotent || key === undefined || !request.auth) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new HttpError(400, 'invalid_request', 'Idempotency-Key must be 1-255 visible ASCII characters', [{ field: 'Idempotency-Key', message: 'is not valid' }]);
    }
    const workspaceId = request.auth.ctx.actor.workspaceId;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const now = Date.now();
    if (now - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now;
      await core.store.idempotency.purgeBefore(new Date(now - KEEP_MS).toISOString());
    }
    const claim = { workspaceId, key, fingerprint, status: null, body: null, headers: null, createdAt: new Date(now).toISOString() };
    let existing = await core.store.idempotency.claim(claim);
    if (existing && existing.status === null && now - Date.parse(existing.createdAt) > ABANDONED_MS) {
      await core.store.idempotency.release(workspaceId, key);
      existing = await core.store.idempotency.claim(claim);
    }
    if (!existing) {
      request.idempotencyKey = key;
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
    const key = request.idempotencyKey;
    if (!key || !request.auth) return payload;
    request.idempotencyKey = null;
    const workspaceId = request.auth.ctx.actor.workspaceId;
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      await core.store.idempotency.release(workspaceId, key); // worth retrying: don't pin the failure
    } else {
      const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => (reply.getHeader(h) !== undefined ? [[h, String(reply.getHeader(h))]] : [])));
      const body = typeof payload === 'string' ? payload : String(payload ?? '');
      await core.store.idempotency.complete(workspaceId, key, reply.statusCode, core.secrets.encrypt(body), JSON.stringify(headers));
    }
    return payload;
  });
}
