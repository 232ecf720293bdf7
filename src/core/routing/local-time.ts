// Wall-clock time of an instant in an IANA time zone, from the platform's tz database (Intl):
// no offset arithmetic here, so DST gaps and repeats come out right by construction — a local
// time that does not exist is never produced, and one that happens twice is produced twice.
import type { Day } from './schema.ts';

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  day: Day;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
  /** HH:MM, for traces. */
  clock: string;
  /** The zone as given. */
  zone: string;
}

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = IANA_NAME.test(zone)
        ? new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            weekday: 'short',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          })
        : null;
    } catch {
      format = null; // RangeError: not a zone the tz database knows
    }
    if (formats.size > 1000) formats.clear();
    formats.set(zone, format);
  }
  return format;
}

/** A name the tz database knows (America/New_York, Europe/London, UTC; links such as US/Eastern too). */
export function isTimeZone(zone: string): boolean {
  return formatFor(zone) !== null;
}

/** The local wall-clock time of `at` in `zone`; throws on an unknown zone (validated at write). */
export function localTime(at: Date, zone: string): LocalTime {
  const format = formatFor(zone);
  if (!format) throw new RangeError(`unknown time zone ${zone}`);
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: parts.weekday!.toLowerCase().slice(0, 3) as Day,
    minutes: hour * 60 + minute,
    clock: `${parts.hour}:${parts.minute}`,
    zone,
  };
}

/** The calendar date before `date` (YYYY-MM-DD), by calendar arithmetic in UTC (no zone involved). */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A real calendar date (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Whole days from `start` to `end` (calendar dates). */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/** "09:30" → 570; "24:00" → 1440; undefined when not a clock time. */
export function clockMinutes(clock: string, allow24 = false): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (allow24 && hours === 24 && minutes === 0) return 1440;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}
