// Time windows of the lists and of webhook replays: [since, until), since inclusive, until
// exclusive, so consecutive windows neither overlap nor leave a gap. Times are compared as the
// store keeps them: ISO 8601 in UTC with milliseconds.
import { InvalidRequestError, ValidationError } from '../errors.ts';

export interface TimeRange {
  since?: string;
  until?: string;
}

/** A date-time as stored ("2026-11-22T10:00:00.000Z"); 400 naming `field` when it is no instant (a leap second, year 275760 …). */
export function storedTime(text: string, field: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new InvalidRequestError([{ field, message: 'must be an ISO 8601 date-time' }]);
  return date.toISOString();
}

/** Both ends as stored; until before since is 422 naming until. */
export function timeRange(since: string | undefined, until: string | undefined): TimeRange {
  const range: TimeRange = {};
  if (since !== undefined) range.since = storedTime(since, 'since');
  if (until !== undefined) range.until = storedTime(until, 'until');
  if (range.since !== undefined && range.until !== undefined && range.until < range.since) {
    throw new ValidationError([{ field: 'until', message: 'must not be before since' }]);
  }
  return range;
}
