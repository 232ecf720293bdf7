// Versions travel as strong ETags ("3"). Conditional requests follow RFC 9110 §13.1:
// - If-Match (writes): "*" or a list of entity tags, compared strongly: W/"3" never matches, and
//   the write goes ahead when any strong tag names the current version (else 412);
// - If-None-Match (GET): compared weakly ("3" and W/"3" both match version 3), "*" matches any
//   object: the answer is 304 with the ETag and no body.
// A header that is not a list of entity tags is 400: a typo must not pass as "no condition".
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VersionCondition } from '../core/shared/versions.ts';
import { HttpError } from './errors.ts';

export const etagOf = (version: number) => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

interface EntityTag {
  weak: boolean;
  opaque: string;
}

/** entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text. */
const ENTITY_TAG = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/y;
const OWS = /[ \t]*/y;

/** "*" → '*'; a comma-separated list of entity tags (empty elements allowed, RFC 9110 §5.6.1) → the tags; anything else → undefined. */
export function parseEntityTags(raw: string): '*' | EntityTag[] | undefined {
  if (raw.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  let i = 0;
  const skip = (re: RegExp) => {
    re.lastIndex = i;
    re.exec(raw);
    i = re.lastIndex;
  };
  for (;;) {
    skip(OWS);
    if (i >= raw.length) break;
    if (raw[i] === ',') {
      i++;
      continue;
    }
    ENTITY_TAG.lastIndex = i;
    const match = ENTITY_TAG.exec(raw);
    if (!match) return undefined;
    tags.push({ weak: match[1] !== undefined, opaque: match[2]! });
    i = ENTITY_TAG.lastIndex;
    skip(OWS);
    if (i < raw.length && raw[i] !== ',') return undefined;
  }
  return tags.length ? tags : undefined;
}

const versionOf = (tag: EntityTag) => (/^\d{1,15}$/.test(tag.opaque) ? Number(tag.opaque) : undefined);

function conditionHeader(request: FastifyRequest, name: 'if-match' | 'if-none-match') {
  const raw = request.headers[name];
  if (raw === undefined) return undefined;
  const tags = parseEntityTags(Array.isArray(raw) ? raw.join(', ') : raw);
  if (!tags) throw new HttpError(400, 'invalid_request', `${name}: must be "*" or a list of ETags this API returned, such as "3" or "3", "4"`, [{ field: `headers.${name}`, message: 'must be "*" or a list of entity tags such as "3"' }]);
  return tags;
}

/** The versions If-Match accepts (strong comparison); undefined without the header or with "*" (any existing object). */
export function ifMatchVersion(request: FastifyRequest): VersionCondition | undefined {
  const tags = conditionHeader(request, 'if-match');
  if (tags === undefined || tags === '*') return undefined;
  return tags.flatMap((tag) => {
    const version = tag.weak ? undefined : versionOf(tag);
    return version === undefined ? [] : [version];
  });
}

/**
 * GET by id: sets the ETag, and answers 304 (no body) when If-None-Match names this version
 * (weak comparison) or is "*". Otherwise returns the object for the route to send.
 */
export function sendVersioned<T extends { version: number }>(request: FastifyRequest, reply: FastifyReply, object: T): T | FastifyReply {
  setEtag(reply, object.version);
  const tags = conditionHeader(request, 'if-none-match');
  const unchanged = tags === '*' || (tags !== undefined && tags.some((tag) => versionOf(tag) === object.version));
  return unchanged ? reply.code(304).send() : object;
}
