// One log line per request, at info, when its answer has gone: method, route (the pattern, not
// the path, which can hold a phone number), status, response time (ms), client address
// (SWITCHBOARD_TRUST_PROXY decides whose), the request id (reqId, from the request's logger) and
// the API key's id once a key was found valid. Health probes are not logged: an orchestrator
// polling them would drown every other line. Replaces Fastify's two lines (disableRequestLogging).
import type { FastifyInstance } from 'fastify';
import { isHealthRoute } from './rate-limit.ts';

export function registerRequestLog(app: FastifyInstance): void {
  // At debug only, for following a slow request while it runs (tests use it to know a server has one).
  app.addHook('onRequest', async (request) => {
    if (!isHealthRoute(request)) request.log.debug({ method: request.method, route: request.routeOptions.url ?? null, ip: request.ip }, 'request received');
  });
  app.addHook('onResponse', async (request, reply) => {
    if (isHealthRoute(request)) return;
    const keyId = request.auth?.principal.key.id;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
        ip: request.ip,
        ...(keyId ? { keyId } : {}),
      },
      'request completed',
    );
  });
}
