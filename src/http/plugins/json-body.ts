// JSON bodies must be UTF-8 (RFC 8259): bytes that do not decode are a 400, not text with
// U+FFFD quietly stored in place of what the client sent. Parsing itself is Fastify's, with its
// prototype-poisoning protection.
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';

export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) return done(new HttpError(400, 'invalid_request', 'the body is not valid UTF-8'), undefined);
    parse(request, bytes.toString('utf8'), done);
  });
}
