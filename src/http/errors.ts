// Turns anything thrown in a request into (status, code, message, details), once, for every
// face. Each face then writes that in its own wire format (v1: the error envelope).
import type { FastifyError } from 'fastify';
import { DomainError, type ErrorCode, type FieldIssue } from '../core/errors.ts';
import { toFieldIssues } from '../core/shared/check-schema.ts';

export interface HttpProblem {
  status: number;
  code: ErrorCode | 'unsupported_media_type' | 'method_not_allowed' | 'uri_too_long';
  message: string;
  details: FieldIssue[];
  /** Seconds, for 429 and 503. */
  retryAfter?: number;
}

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  in_use: 409,
  idempotency_key_in_flight: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  validation_failed: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
};

/** The router's limit on one path parameter (app.ts routerOptions.maxParamLength): past it, 414. */
export const MAX_PARAM_LENGTH = 256;

export class HttpError extends DomainError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
    details: FieldIssue[] = [],
    /** Seconds a client should wait before retrying (429, 503): sent as Retry-After by every face. */
    readonly retryAfter?: number,
  ) {
    super(code, message, details);
  }
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const validationDetails = (issues: AjvIssue[], context: string | undefined): FieldIssue[] =>
  toFieldIssues(issues, context === 'body' || !context ? '' : context);

const UNAVAILABLE_CODES = new Set([
  // the network between us and PostgreSQL
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN',
  // PostgreSQL: shutting down, starting up, too many connections
  '57P01', '57P02', '57P03', '53300',
  'SQLITE_FULL', 'SQLITE_PROTOCOL',
]);
/** SQLite's primary codes whose extended variants (SQLITE_READONLY_DBMOVED, SQLITE_BUSY_TIMEOUT …) all mean "not now". */
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|READONLY|CANTOPEN|IOERR)(_|$)/;
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|Client was closed and is not queryable|Connection ended unexpectedly|Query read timeout|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Database errors that mean "not available right now" rather than "bug": connection refused or
 * lost, the server going down, SQLite locked by another process or unable to write. Looks into
 * AggregateError (a connect that tried several addresses) and `cause`.
 */
function isUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 4) return false;
  const { code, message, errors, cause } = err as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLITE.test(code) || /^08[0-9A-Z]{3}$/.test(code))) return true; // 08xxx: connection exception
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isUnavailable(e, depth + 1))) return true;
  return cause !== undefined && cause !== err && isUnavailable(cause, depth + 1);
}

export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message, details: error.details, ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) };
  if (error instanceof DomainError) return { status: STATUS[error.code], code: error.code, message: error.message, details: error.details };
  const err = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (err.validation) {
    const details = validationDetails(err.validation, err.validationContext);
    const first = details[0];
    return { status: 400, code: 'invalid_request', message: first ? `${first.field}: ${first.message}` : 'the request is not valid', details };
  }
  switch (err.code) {
    // The router's own refusals: their messages quote the whole path, which is the client's
    // input (maybe kilobytes of it) and not worth echoing back.
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'uri_too_long', message: `a path segment is longer than ${MAX_PARAM_LENGTH} characters`, details: [] };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'invalid_request', message: 'the path does not decode (bad percent-encoding)', details: [] };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', message: 'the request body is larger than this route accepts', details: [] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'send the body as application/json', details: [] };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_request', message: 'the body is empty but the content type says JSON', details: [] };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'invalid_request', message: 'the body is not valid JSON', details: [] };
  }
  if (err instanceof SyntaxError || err.statusCode === 400) return { status: 400, code: 'invalid_request', message: 'the request is malformed', details: [] };
  if (err.statusCode === 429) return { status: 429, code: 'rate_limited', message: 'too many requests; retry later', details: [], retryAfter: 1 };
  if (err.statusCode === 503 || isUnavailable(err)) return { status: 503, code: 'unavailable', message: 'the service is temporarily unavailable; retry shortly', details: [], retryAfter: 2 };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, code: err.statusCode === 404 ? 'not_found' : err.statusCode === 405 ? 'method_not_allowed' : 'invalid_request', message: err.message, details: [] };
  }
  return { status: 500, code: 'internal_error', message: 'an internal error occurred; it has been logged', details: [] };
}
