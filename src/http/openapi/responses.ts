// The responses of every operation in the OpenAPI document, completed from what the plugins
// around the routes answer (the routes declare what their handlers answer):
// - every status a request can get: 500 (a bug), 503 (load shedding, the database away) and 405
//   (another method on the path) anywhere; 400, 401, 403, 429 where a key is needed; 404 and 414 where
//   the path has a parameter; 413 and 415 where a body can be sent; 409 and 422 where an
//   Idempotency-Key is taken; 422 where a cursor is; 412 where If-Match is; each as the face
//   answers it (FastAPI faces say 422 for 400, SignalWire splits 400 and 422 by details);
// - every error body a named schema: each face's error shapes are titled, and hoisted into
//   components.schemas under that title (two different shapes under one title is a bug);
// - every response a description: the route's own, or what the status means here.
// test/documented-statuses.test.ts proves the result covers what the suite answered.
import { COMPAT_FACES } from '../compat/index.ts';
import { operationsOf } from './walk.ts';

type Json = Record<string, any>;
export type FaceName = 'v1' | keyof typeof COMPAT_FACES;

/** Each face's error schemas (their titles): the one for every status, and 422's where it differs. */
const FACE_ERRORS: Record<FaceName, { error: string; validation?: string }> = {
  v1: { error: 'Error' },
  freya: { error: 'FreyaError' },
  voiceos: { error: 'VoiceOSHTTPError', validation: 'VoiceOSHTTPValidationError' },
  vocode: { error: 'VocodeError', validation: 'VocodeHTTPValidationError' },
  signalwire: { error: 'SignalWireError', validation: 'SignalWireValidationError' },
};

/**
 * How a face answers a status toProblem() chose (see each face's errors.ts): FastAPI faces
 * answer every invalid request 422; Vocode answers a stale write 409 (its clients send no
 * If-Match); SignalWire answers 422 when it can name a field and 400 when it cannot, and its
 * list knows only 400.
 */
const FACE_STATUS: Record<FaceName, (status: number, op: { method: string; path: string }) => number[]> = {
  v1: (s) => [s],
  freya: (s) => [s],
  voiceos: (s) => (s === 400 ? [422] : [s]),
  vocode: (s) => (s === 400 ? [422] : s === 412 ? [409] : [s]),
  signalwire: (s, op) => {
    const list = op.method === 'get' && !op.path.includes('{');
    if (list) return s === 400 || s === 422 ? [400] : [s];
    return s === 400 ? [400, 422] : [s];
  },
};

export const DESCRIPTIONS: Record<number, string> = {
  200: 'Success.',
  201: 'Created.',
  202: 'Accepted: the work is queued and done shortly.',
  204: 'Done; no body.',
  400: 'The request is malformed or not valid: a field, a parameter, the JSON or the path.',
  401: 'No API key, or not a valid one.',
  403: 'The API key lacks the scope this operation needs.',
  404: 'Nothing by that id or number in this workspace.',
  405: 'The path does not take this method; the Allow header lists the methods it takes.',
  409: 'Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress).',
  412: 'If-Match does not match the object\'s current ETag: it changed since you read it.',
  413: 'The body is larger than this operation accepts.',
  414: 'A path parameter is longer than 256 characters.',
  415: 'The body is in a media type this operation does not take (send application/json).',
  422: 'A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request.',
  429: 'Too many requests: wait the seconds Retry-After says.',
  500: 'An internal error; it has been logged.',
  503: 'Overloaded, or the database is unavailable: retry after the seconds Retry-After says.',
};

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const TAG_FACE = new Map(Object.entries(COMPAT_FACES).map(([name, face]) => [face.tag, name as FaceName]));
export const faceOf = (op: Json): FaceName => (op.tags ?? []).map((tag: string) => TAG_FACE.get(tag)).find(Boolean) ?? 'v1';

/** The statuses the cross-cutting plugins can answer on this operation, as toProblem() says them. */
function crossCutting(method: string, op: Json): number[] {
  if (Array.isArray(op.security) && op.security.length === 0) return []; // probes: never limited, shed or authenticated
  const params: Json[] = op.parameters ?? [];
  const has = (where: string, ...names: string[]) => params.some((p) => p.in === where && names.includes(p.name.toLowerCase()));
  const out = [400, 401, 403, 405, 429, 500, 503];
  if (params.some((p) => p.in === 'path')) out.push(404, 414);
  if (BODY_METHODS.has(method)) out.push(413, 415);
  if (has('header', 'idempotency-key')) out.push(409, 422);
  if (has('query', 'cursor', 'page_token')) out.push(422);
  if (has('header', 'if-match')) out.push(412);
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export function completeResponses(doc: Json): void {
  const schemas: Json = (doc.components ??= {}).schemas ??= {};
  const hoisted = new Map<string, string>();
  const referenced = new Set<string>();
  /** An inline titled schema → a reference to it in components.schemas. */
  const named = (schema: Json | undefined): Json | undefined => {
    if (!schema || schema.$ref || typeof schema.title !== 'string') return schema;
    const text = JSON.stringify(schema);
    const seen = hoisted.get(schema.title);
    if (seen !== undefined && seen !== text) throw new Error(`OpenAPI: two different schemas are titled ${schema.title}`);
    hoisted.set(schema.title, text);
    schemas[schema.title] = schema;
    return ref(schema.title);
  };

  for (const { path, method, op } of operationsOf(doc)) {
    const face = faceOf(op);
    const responses: Json = (op.responses ??= {});
    for (const core of crossCutting(method, op)) {
      for (const status of FACE_STATUS[face](core, { method, path })) {
        if (responses[status]) continue;
        const errors = FACE_ERRORS[face];
        const name = status === 422 && errors.validation ? errors.validation : errors.error;
        referenced.add(name);
        responses[status] = { description: '', content: { 'application/json': { schema: ref(name) } } };
      }
    }
    for (const [status, response] of Object.entries<Json>(responses)) {
      if (!response.description || response.description === 'Default Response') response.description = DESCRIPTIONS[Number(status)] ?? 'See the operation\'s description.';
      if (Number(status) < 400) continue;
      for (const media of Object.values<Json>(response.content ?? {})) media.schema = named(media.schema);
    }
  }
  for (const name of referenced) if (!schemas[name]) throw new Error(`OpenAPI: no error schema titled ${name} (the face's errorResponses should use it)`);
}
