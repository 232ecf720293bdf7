// How request bodies are read, on every face:
// - JSON bodies must be UTF-8 (RFC 8259): bytes that do not decode are a 400, not text with
//   U+FFFD quietly stored in place of what the client sent. Parsing itself is Fastify's, with its
//   prototype-poisoning protection.
// - An empty body is no body, whatever its Content-Type says: SDKs and generated clients send
//   `Content-Type: application/json` with nothing after it on DELETE, cancel, rotate-secret …,
//   and Vocode's client an empty application/x-www-form-urlencoded body on cancel. A route
//   without a body then runs as if none was sent; a route that needs one refuses it in validation.
// - A body in any other media type than the route takes is 415: application/json everywhere,
//   plus what the route's schema lists in `consumes` (application/merge-patch+json on merge-patch
//   routes), which is also what the OpenAPI document says it takes.
import { isUtf8 } from 'node:buffer';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';

export const MERGE_PATCH = 'application/merge-patch+json';
/** `schema.consumes` of a route whose body is a JSON merge patch (RFC 7396). */
export const MERGE_PATCH_CONSUMES = ['application/json', MERGE_PATCH] as const;

type Done = (err: Error | null, body?: unknown) => void;

const unsupported = () => new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE();

export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const json = (request: FastifyRequest, bytes: Buffer, done: Done) => {
    if (bytes.length === 0) return done(null, undefined);
    if (!isUtf8(bytes)) return done(new HttpError(400, 'invalid_request', 'the body is not valid UTF-8'), undefined);
    parse(request, bytes.toString('utf8'), done);
  };
  // Fastify's text/plain parser goes too: a body is JSON or it is refused, on every route.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => json(request, body as Buffer, done));
  app.addContentTypeParser(MERGE_PATCH, { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0 || request.is404) return done(null, undefined);
    if (!request.routeOptions.schema?.consumes?.includes(MERGE_PATCH)) return done(unsupported(), undefined);
    json(request, bytes, done);
  });
  // Every other media type (and a body sent without one): only an empty body gets through.
  // Unknown routes are left to the not-found handler (404, or 405 for another method).
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if ((body as Buffer).length === 0 || request.is404) return done(null, undefined);
    done(unsupported(), undefined);
  });
}
