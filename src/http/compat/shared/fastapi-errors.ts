// Errors in FastAPI's shapes, as the FastAPI-built vendor APIs (VoiceOS, Vocode) answer them:
//   invalid request   422 {"detail": [{"loc": ["body", "webhooks", 0, "url"], "msg": "…", "type": "…"}]}
//   anything else     {"detail": "message"} with 401/403/404/409/413/415/429/5xx
// Everything goes through toProblem() first; malformed bodies (400 there) are 422 here, as in
// FastAPI. Each face says how its field names differ from the core's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldIssue } from '../../../core/errors.ts';
import { toProblem } from '../../errors.ts';

type Loc = (string | number)[];
interface Item {
  loc: Loc;
  msg: string;
  type: string;
}
interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, any>;
}

export interface FastApiFace {
  /** Core field names the vendor calls otherwise (event_types → events). */
  renames?: Record<string, string>;
  /** Objects whose keys are data, not field names: the rest of a path after them is one key. */
  maps?: string[];
  /** Pydantic ignores unknown fields unless told not to: such a face does not report them. */
  ignoreUnknownFields?: boolean;
  /** What a stale write (412 in the core) becomes, for clients that send no If-Match. */
  staleWrite?: { status: number; detail: string };
}

/** Fastify's validation context → FastAPI's first loc element. */
const ROOTS: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };
const TYPE_NAMES: Record<string, string> = { object: 'dict', array: 'list', integer: 'int', boolean: 'bool', number: 'float' };

function pydanticType(e: AjvIssue): string {
  switch (e.keyword) {
    case 'required': return 'missing';
    case 'additionalProperties': return 'extra_forbidden';
    case 'type': return `${TYPE_NAMES[e.params.type] ?? e.params.type}_type`;
    case 'enum': return 'enum';
    case 'maxLength': return 'string_too_long';
    case 'minLength': return 'string_too_short';
    case 'maxItems': case 'maxProperties': return 'too_long';
    case 'minItems': case 'minProperties': return 'too_short';
    case 'minimum': return 'greater_than_equal';
    case 'maximum': return 'less_than_equal';
    case 'pattern': return 'string_pattern_mismatch';
    case 'format': return `${e.params.format}_parsing`;
    default: return 'value_error';
  }
}

function pydanticMessage(e: AjvIssue): string {
  switch (e.keyword) {
    case 'required': return 'Field required';
    case 'additionalProperties': return 'Extra inputs are not permitted';
    case 'type': return `Input should be a valid ${e.params.type === 'object' ? 'dictionary' : e.params.type === 'array' ? 'list' : e.params.type}`;
    case 'enum': {
      const values = (e.params.allowedValues as unknown[]).map((v) => `'${v}'`);
      return `Input should be ${values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0]}`;
    }
    case 'maxLength': return `String should have at most ${e.params.limit} characters`;
    case 'minLength': return `String should have at least ${e.params.limit} character${e.params.limit === 1 ? '' : 's'}`;
    case 'maxItems': case 'maxProperties': return `Should have at most ${e.params.limit} items`;
    case 'minimum': return `Input should be greater than or equal to ${e.params.limit}`;
    case 'maximum': return `Input should be less than or equal to ${e.params.limit}`;
    case 'pattern': return 'String should not contain control characters';
    case 'format': return `Input should be a valid ${String(e.params.format).toUpperCase()}`;
    default: return `Input ${e.message ?? 'is not valid'}`;
  }
}

const pointerParts = (pointer: string): Loc =>
  pointer.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Ajv's errors as FastAPI items, skipping the noise of unions: one item per place, most specific
 * first; a union branch's "should be a string" says nothing when an error inside the value does.
 */
function fromAjv(issues: AjvIssue[], root: string, face: FastApiFace): Item[] {
  const useful = issues.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null') && !(face.ignoreUnknownFields && e.keyword === 'additionalProperties'));
  const seen = new Set<string>();
  const out: Item[] = [];
  for (const e of useful.length ? useful : issues) {
    const loc: Loc = [root, ...pointerParts(e.instancePath)];
    if (e.keyword === 'required') loc.push(e.params.missingProperty);
    if (e.keyword === 'additionalProperties') loc.push(e.params.additionalProperty);
    const key = JSON.stringify(loc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ loc, msg: pydanticMessage(e), type: pydanticType(e) });
  }
  const inside = (a: Loc, b: Loc) => b.length > a.length && a.every((p, i) => p === b[i]);
  const specific = out.filter((item) => !(/_type$|_parsing$/.test(item.type) && out.some((other) => inside(item.loc, other.loc))));
  return specific.length ? specific : out;
}

/** A core field path ("webhooks[0].headers.X-Trace", "query.cursor") → a FastAPI loc. */
function toLoc(field: string, face: FastApiFace = {}): Loc {
  const parts: Loc = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field))) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else {
      const name = m[1]!;
      parts.push(face.renames?.[name] ?? name);
      if (face.maps?.includes(name) && re.lastIndex < field.length) {
        parts.push(field.slice(re.lastIndex + 1));
        break;
      }
    }
  }
  return ['body', 'query', 'path'].includes(String(parts[0])) ? parts : ['body', ...parts];
}

const fromIssues = (details: FieldIssue[], face: FastApiFace): Item[] =>
  details.map((d) => ({ loc: toLoc(d.field, face), msg: d.message, type: /required|missing/.test(d.message) ? 'missing' : 'value_error' }));

/** An error handler writing FastAPI's shapes for one face. */
export function fastApiErrorHandler(face: FastApiFace) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    if (problem.retryAfter) reply.header('retry-after', String(problem.retryAfter));
    if (problem.status === 400 || problem.status === 422) {
      const raw = error as { validation?: AjvIssue[]; validationContext?: string; code?: string };
      let detail: Item[];
      if (raw.validation) detail = fromAjv(raw.validation, ROOTS[raw.validationContext ?? 'body'] ?? 'body', face);
      else if (problem.details.length) detail = fromIssues(problem.details, face);
      else {
        const json = raw.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || raw.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError;
        detail = [{ loc: ['body'], msg: problem.message, type: json ? 'json_invalid' : 'value_error' }];
      }
      return reply.code(422).send({ detail });
    }
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
    if (problem.status === 412 && face.staleWrite) return reply.code(face.staleWrite.status).send({ detail: face.staleWrite.detail });
    return reply.code(problem.status).send({ detail: problem.message });
  };
}
