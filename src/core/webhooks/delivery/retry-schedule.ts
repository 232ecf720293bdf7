// When a failed delivery is tried again. The schedule lists when each attempt is due, counted
// from the first one: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h later —
// ten attempts over a day. Its length is the number of attempts; it starts with 0.
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [0, 5e3, 5 * 60e3, 30 * 60e3, 2 * 3600e3, 5 * 3600e3, 10 * 3600e3, 14 * 3600e3, 20 * 3600e3, 24 * 3600e3];

/** Spread of the random jitter around each delay: ±10 %, so retries of many deliveries do not arrive together. */
const JITTER = 0.1;
/** A Retry-After is honoured up to a day; a receiver cannot park a delivery for longer. */
const MAX_RETRY_AFTER_MS = 24 * 3600e3;

/**
 * The wait after a failed attempt, when `attemptsMade` of the schedule's attempts have been made:
 * the gap between this attempt's time in the schedule and the next one's; null when the schedule
 * is used up. A receiver's Retry-After (429/503) replaces the gap: it knows best when it can take
 * more.
 */
export function nextDelayMs(schedule: readonly number[], attemptsMade: number, retryAfterSeconds: number | null, random = Math.random): number | null {
  if (attemptsMade >= schedule.length) return null;
  if (retryAfterSeconds !== null) return Math.min(retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
  const gap = schedule[attemptsMade]! - (schedule[attemptsMade - 1] ?? 0);
  return Math.round(gap * (1 + JITTER * (2 * random() - 1)));
}

/** Why these times cannot be a schedule; null when they can. */
export function scheduleProblem(schedule: readonly number[]): string | null {
  if (schedule.length === 0 || schedule.length > 50) return 'must list 1 to 50 times';
  if (schedule[0] !== 0) return 'must start with 0 (the first attempt is made at once)';
  if (schedule.some((t, i) => i > 0 && t < schedule[i - 1]!)) return 'must not go back in time';
  return null;
}

const UNITS: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86_400e3 };

/** "5s", "500ms", "2h", "0"; null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return null;
  if (!m[2] && Number(m[1]) !== 0) return null; // a bare number is ambiguous, except 0
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 'ms']!);
}
