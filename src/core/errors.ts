// Typed domain errors. Faces map them to their own wire format in one error handler each.

export interface FieldIssue {
  /** Dotted path in the core's (= native API's) field names, e.g. "sip_outbound.port". */
  field: string;
  message: string;
}

export type ErrorCode =
  | 'invalid_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'in_use'
  | 'precondition_failed'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_flight'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal_error';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is well-formed but breaks a rule of the domain (422). */
export class ValidationError extends DomainError {
  constructor(details: FieldIssue[], message = summarize(details)) {
    super('validation_failed', message, details);
  }
}

/** The request is malformed in a way only the core can tell, such as a cursor it never made (400). */
export class InvalidRequestError extends DomainError {
  constructor(details: FieldIssue[], message = summarize(details)) {
    super('invalid_request', message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('not_found', id ? `${what} ${id} was not found` : `${what} was not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: FieldIssue[] = [], code: 'conflict' | 'in_use' = 'conflict') {
    super(code, message, details);
  }
}

/**
 * The number is held (not released) somewhere in the deployment: the store's unique index says
 * so, without saying where. The service tells the caller whether it is in their own workspace.
 */
export class NumberHeldError extends ConflictError {
  constructor(readonly number: string) {
    super(`${number} is already held by a workspace`, [{ field: 'number', message: 'is already held by a workspace' }]);
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(readonly currentVersion: number) {
    super('precondition_failed', `the object has changed: its current version is ${currentVersion}`);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'a valid API key is required') {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

function summarize(details: FieldIssue[]): string {
  if (details.length === 0) return 'the request is not valid';
  const first = details[0]!;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return `${first.field}: ${first.message}${more}`;
}
