// One log line per request, at info, when its answer has gone: method, route (the pattern, not
// the path, which can hold a phone number), status, response time (ms), client address
// (SWITCHBOARD_TRUST_PROXY decides whose), the request id (reqId, from the request's logger) and
// the API key's id once a key was found valid. Health probes are not logged: an orchestrator
// polling them would drown every other line. Fastify's own lines (an "incoming request" with the
// URL and headers, then "request completed") are replaced through its LogController; its error
// lines stay as they are.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { isHealthRoute } from './rate-limit.ts';

export class RequestLog extends LogController {
  override isLogDisabled(request: FastifyRequest): boolean {
    // The raw request (before routing) has no routeOptions: those are never probes to skip.
    return request.routeOptions !== undefined && isHealthRoute(request);
  }

  /** At debug only, for following a slow request while it runs (tests use it to know a server has one). */
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ method: request.method, route: request.routeOptions.url ?? null, ip: request.ip }, 'request received');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const keyId = request.auth?.principal.key.id;
    const fields = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
      ...(keyId ? { keyId } : {}),
    };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
