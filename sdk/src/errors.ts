// Every answer that is not 2xx becomes a SwitchboardError carrying the API's error envelope
// ({"error": {code, message, request_id, details}}), so callers branch on `code`, not on text.

/** A field the API found wrong, as in the envelope's details. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError';
  /** The HTTP status (0 when no answer came: see `cause`). */
  readonly status: number;
  /** Stable and machine-readable: invalid_request, validation_failed, not_found, forbidden, precondition_failed … */
  readonly code: string;
  /** The server's id of the request (also its x-request-id header): quote it when asking for help. */
  readonly request_id: string | null;
  readonly details: ErrorDetail[];
  /** Seconds to wait before trying again (429, 503), from Retry-After. */
  readonly retry_after: number | null;

  constructor(init: { status: number; code: string; message: string; request_id?: string | null; details?: ErrorDetail[]; retry_after?: number | null; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.request_id = init.request_id ?? null;
    this.details = init.details ?? [];
    this.retry_after = init.retry_after ?? null;
  }

  /** The message for one field (`details` by field name), for forms. */
  detailFor(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The error for a non-2xx answer: the envelope when there is one, else the status alone. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): SwitchboardError {
  const retryAfter = Number(headers.get('retry-after'));
  const retry_after = headers.has('retry-after') && Number.isFinite(retryAfter) ? retryAfter : null;
  const requestId = headers.get('x-request-id');
  const envelope = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (envelope && typeof envelope.code === 'string') {
    const details = Array.isArray(envelope.details)
      ? envelope.details.filter(isObject).map((d) => ({ field: String(d.field ?? ''), message: String(d.message ?? '') }))
      : [];
    return new SwitchboardError({
      status,
      code: envelope.code,
      message: typeof envelope.message === 'string' ? envelope.message : `HTTP ${status}`,
      request_id: typeof envelope.request_id === 'string' ? envelope.request_id : requestId,
      details,
      retry_after,
    });
  }
  return new SwitchboardError({ status, code: 'http_error', message: `HTTP ${status} without an error envelope`, request_id: requestId, retry_after });
}
