// A request no route takes: 405 with Allow when its path exists under other methods (RFC 9110
// §15.5.6), else 404. Every face's not-found handler answers through this, in its own format.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The methods some route takes on this URL's path (HEAD wherever GET is: Fastify serves both). */
export function allowedMethods(app: FastifyInstance, url: string): string[] {
  const path = url.split('?')[0]!;
  return METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
}

/**
 * `reasons`: the message is the reason phrase ("Not Found", "Method Not Allowed"), as FastAPI
 * answers; otherwise it says what was asked. Never more than the first 200 characters of a path.
 */
export function routeMiss(request: FastifyRequest, reply: FastifyReply, reasons = false): Error {
  const path = (request.raw.url ?? '').split('?')[0]!.slice(0, 200);
  const allow = allowedMethods(request.server, request.raw.url ?? '');
  // A route of this very method that found nothing (reply.callNotFound(): a missing console asset)
  // is a 404, not a 405.
  if (allow.length > 0 && !allow.includes(request.method)) {
    reply.header('allow', allow.join(', '));
    const message = reasons ? 'Method Not Allowed' : `${request.method} is not allowed on ${path}; it takes ${allow.join(', ')}`;
    // toProblem() maps a 4xx statusCode to its code (method_not_allowed) and keeps the message.
    return Object.assign(new Error(message), { statusCode: 405 });
  }
  return new HttpError(404, 'not_found', reasons ? 'Not Found' : `no route for ${request.method} ${path}`);
}

type Sender = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

/** A not-found handler answering 404 or 405 through a face's error sender. */
export const notFoundHandler = (send: Sender, reasons = false) => (request: FastifyRequest, reply: FastifyReply) =>
  send(routeMiss(request, reply, reasons), request, reply);
