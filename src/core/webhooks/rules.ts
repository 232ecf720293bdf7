// What a webhook endpoint must satisfy, whichever face saves it. Field names are the native
// ones, after `prefix` (VoiceOS gives "webhooks[0]."). Whether phone_number_id is a number
// of the workspace needs the store: the service checks that.
import type { FieldIssue } from '../errors.ts';
import { checkEventTypes } from './event-types.ts';
import { filterProblem } from './filter.ts';
import { MAX_HEADERS } from './schema.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Headers a subscription cannot set: the Standard Webhooks signature headers (a receiver must be
 * able to trust them), what describes the body and the connection, and what would make every
 * delivery fail in the HTTP client.
 */
export const RESERVED_HEADERS = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-type',
  'content-length',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

export interface WebhookFields {
  url: string;
  headers?: Record<string, string>;
  event_types?: string[];
  filter?: string | null;
}

export function checkWebhookFields(input: WebhookFields, prefix = ''): FieldIssue[] {
  return [
    ...checkUrl(input.url, `${prefix}url`),
    ...checkHeaders(input.headers ?? {}, `${prefix}headers`),
    ...checkEventTypes(input.event_types ?? [], prefix),
    ...(input.filter != null ? checkFilter(input.filter, `${prefix}filter`) : []),
  ];
}

function checkUrl(raw: string, field: string): FieldIssue[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [{ field, message: 'must be an absolute http or https URL' }];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [{ field, message: 'must be an http or https URL' }];
  if (/\s/.test(raw)) return [{ field, message: 'must not contain spaces' }];
  // It would show in every answer and audit event; credentials belong in a custom header.
  if (url.username || url.password) return [{ field, message: 'must not contain a user name or password (send credentials in a custom header)' }];
  return [];
}

function checkHeaders(headers: Record<string, string>, field: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (Object.keys(headers).length > MAX_HEADERS) issues.push({ field, message: `at most ${MAX_HEADERS} headers` });
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    const at = `${field}.${name}`;
    const lower = name.toLowerCase();
    if (!TOKEN.test(name) || name.length > 255) issues.push({ field: at, message: 'header names are RFC 7230 tokens of at most 255 characters' });
    else if (RESERVED_HEADERS.has(lower)) issues.push({ field: at, message: `${name} is set by Switchboard and cannot be overridden` });
    else if (seen.has(lower)) issues.push({ field: at, message: 'is given twice (header names are case-insensitive)' });
    if (CONTROL.test(value)) issues.push({ field: at, message: 'must not contain CR, LF or other control characters' });
    seen.add(lower);
  }
  return issues;
}

function checkFilter(expression: string, field: string): FieldIssue[] {
  const problem = filterProblem(expression);
  return problem ? [{ field, message: problem }] : [];
}
