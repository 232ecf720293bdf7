// A webhook's custom headers are where receivers' credentials go, so their values are secrets:
// sealed at rest (beside the endpoint, never in its public object), sent only to the endpoint
// itself. The public object, its answers and its audit events show each header's name with the
// value "********". Sending the mask back (a client echoing what it read) keeps the stored value.
import type { FieldIssue } from '../errors.ts';
import type { SecretBox } from '../ports.ts';

export const HEADER_VALUE_MASK = '********';

export type Headers = Record<string, string>;

/** The public view: every value replaced by the mask. */
export function maskHeaders(headers: Headers): Headers {
  return Object.fromEntries(Object.keys(headers).map((name) => [name, HEADER_VALUE_MASK]));
}

/** The sealed form stored beside the endpoint; null when there are no headers. */
export function sealHeaders(box: SecretBox, headers: Headers): string | null {
  return Object.keys(headers).length ? box.encrypt(JSON.stringify(headers)) : null;
}

export function openHeaders(box: SecretBox, sealed: string | null): Headers {
  return sealed === null ? {} : (JSON.parse(box.decrypt(sealed)) as Headers);
}

/** The stored value of a header, its name in any case. */
function storedValue(stored: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [n, v] of Object.entries(stored)) if (n.toLowerCase() === lower) return v;
  return undefined;
}

const maskIssue = (field: string): FieldIssue => ({
  field,
  message: `"${HEADER_VALUE_MASK}" keeps a header's stored value, and there is none to keep: send the value`,
});

/**
 * A whole header map as given (create, a VoiceOS subscription), with each masked value taken
 * from `stored` (the same name in any case); a masked header `stored` lacks is an issue.
 */
export function unmaskHeaders(given: Headers, stored: Headers, field: string): { headers: Headers; issues: FieldIssue[] } {
  const headers: Headers = {};
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(given)) {
    const kept = value === HEADER_VALUE_MASK ? storedValue(stored, name) : value;
    if (kept === undefined) issues.push(maskIssue(`${field}.${name}`));
    else headers[name] = kept;
  }
  return { headers, issues };
}

/**
 * Merge patch on header names, which are case-insensitive ("x-a" replaces or removes "X-A"):
 * null removes a header, the mask keeps its stored value (under the name as now spelled), any
 * other value replaces it.
 */
export function mergeHeaders(stored: Headers, patch: Record<string, string | null>, field: string): { headers: Headers; issues: FieldIssue[] } {
  const next = { ...stored };
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(patch)) {
    const previous = storedValue(next, name);
    for (const existing of Object.keys(next)) if (existing.toLowerCase() === name.toLowerCase()) delete next[existing];
    if (value === null) continue;
    if (value !== HEADER_VALUE_MASK) next[name] = value;
    else if (previous !== undefined) next[name] = previous;
    else issues.push(maskIssue(`${field}.${name}`));
  }
  return { headers: next, issues };
}
