// Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP date.

/** Seconds to wait, or null when the header is absent or unreadable. A date in the past is 0. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  // Only something that looks like a date: Date.parse also accepts bare numbers and odd forms.
  if (!/^[A-Za-z]{3,9},? /.test(raw)) return null;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
