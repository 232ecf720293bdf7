// Errors as Vocode's hosted API (FastAPI) writes them:
//   invalid request   422 {"detail": [{"loc": ["body", "inbound_agent"], "msg": "…", "type": "…"}]}
//   anything else     {"detail": "message"} with 401/403/404/409/413/415/429/5xx
// Everything goes through toProblem() first. Malformed bodies (400 there) are 422 here, as in
// FastAPI; a stale write (412 in the core) is 409 here, since Vocode clients send no If-Match.
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

const ROOTS: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };
const TYPE_NAMES: Record<string, string> = { object: 'dict', array: 'list', integer: 'int', boolean: 'bool', number: 'float' };

function ajvType(e: AjvIssue): string {
  switch (e.keyword) {
    case 'required': return 'missing';
    case 'type': return `${TYPE_NAMES[e.params.type] ?? e.params.type}_type`;
    case 'enum': return 'enum';
    case 'format': return `${e.params.format}_parsing`;
    case 'maxLength': return 'string_too_long';
    case 'minLength': return 'string_too_short';
    case 'pattern': return 'string_pattern_mismatch';
    case 'maxItems': case 'maxProperties': return 'too_long';
    case 'minimum': return 'greater_than_equal';
    case 'maximum': return 'less_than_equal';
    default: return 'value_error';
  }
}

function ajvMessage(e: AjvIssue): string {
  switch (e.keyword) {
    case 'required': return 'Field required';
    case 'type': return `Input should be a valid ${e.params.type === 'object' ? 'dictionary' : e.params.type === 'array' ? 'list' : e.params.type}`;
    case 'enum': return `Input should be ${(e.params.allowedValues as unknown[]).map((v) => `'${v}'`).join(', ')}`;
    case 'format': return `Input should be a valid ${String(e.params.format).toUpperCase()}`;
    case 'maxLength': return `String should have at most ${e.params.limit} characters`;
    case 'minLength': return `String should have at least ${e.params.limit} character${e.params.limit === 1 ? '' : 's'}`;
    case 'pattern': return 'String should not contain control characters';
    case 'maxItems': case 'maxProperties': return `Should have at most ${e.params.limit} items`;
    case 'minimum': return `Input should be greater than or equal to ${e.params.limit}`;
    case 'maximum': return `Input should be less than or equal to ${e.params.limit}`;
    default: return `Input ${e.message ?? 'is not valid'}`;
  }
}

const pointerParts = (pointer: string): Loc =>
  pointer.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Ajv's errors, skipping the noise of unions (anyOf, and the branches a value plainly is not
 * meant for, such as pydantic's Undefined `{}`): one item per place, most specific first.
 */
function fromAjv(issues: AjvIssue[], root: string): Item[] {
  const useful = issues.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'additionalProperties');
  const seen = new Set<string>();
  const out: Item[] = [];
  for (const e of useful.length ? useful : issues) {
    const loc: Loc = [root, ...pointerParts(e.instancePath)];
    if (e.keyword === 'required') loc.push(e.params.missingProperty);
    const key = JSON.stringify(loc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ loc, msg: ajvMessage(e), type: ajvType(e) });
  }
  // A union's other branches fail at the value itself ("should be a string"): when an error
  // inside the value says what is wrong, those say nothing more.
  const inside = (a: Loc, b: Loc) => b.length > a.length && a.every((p, i) => p === b[i]);
  const specific = out.filter((item) => !(/_type$|_parsing$/.test(item.type) && out.some((other) => inside(item.loc, other.loc))));
  return specific.length ? specific : out;
}

/** A located field ("body.inbound_agent.actions[0].config", "query.phone_number") → loc. */
export function toLoc(field: string): Loc {
  const parts: Loc = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field))) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else {
      parts.push(m[1]!);
      // A map's keys are data: the rest is one key, dots and all.
      if (m[1] === 'example_context' && re.lastIndex < field.length) {
        parts.push(field.slice(re.lastIndex + 1));
        break;
      }
    }
  }
  return parts[0] === 'body' || parts[0] === 'query' ? parts : ['body', ...parts];
}

const fromIssues = (details: FieldIssue[]): Item[] =>
  details.map((d) => ({ loc: toLoc(d.field), msg: d.message, type: /required|missing/.test(d.message) ? 'missing' : 'value_error' }));

export function sendVocodeError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.retryAfter) reply.header('retry-after', String(problem.retryAfter));
  if (problem.status === 400 || problem.status === 422) {
    const raw = error as { validation?: AjvIssue[]; validationContext?: string; code?: string };
    let detail: Item[];
    if (raw.validation) detail = fromAjv(raw.validation, ROOTS[raw.validationContext ?? 'body'] ?? 'body');
    else if (problem.details.length) detail = fromIssues(problem.details);
    else {
      const json = raw.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || raw.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError;
      detail = [{ loc: ['body'], msg: problem.message, type: json ? 'json_invalid' : 'value_error' }];
    }
    return reply.code(422).send({ detail });
  }
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
  if (problem.status === 412) return reply.code(409).send({ detail: 'the phone number changed while it was being updated; send the request again' });
  return reply.code(problem.status).send({ detail: problem.message });
}
