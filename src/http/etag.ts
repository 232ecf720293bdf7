// Versions travel as strong ETags ("3"); If-Match takes the same form (W/ tolerated).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

export const etagOf = (version: number) => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/** The version If-Match asks for; undefined without the header or with "*". */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(raw);
  if (!match) throw new HttpError(412, 'precondition_failed', 'If-Match must be an ETag this API returned, such as "3"');
  return Number(match[1]);
}
