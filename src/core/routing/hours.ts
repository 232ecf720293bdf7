// Opening hours and holidays, judged on the local wall-clock time (local-time.ts).
// A range belongs to the day it starts on: { days: ["fri"], start: "22:00", end: "06:00" } is
// open Friday 22:00 to Saturday 06:00. A holiday closes its whole local date, and an overnight
// range that starts on a holiday does not open either.
import { clockMinutes, previousDate, type LocalTime } from './local-time.ts';
import { DAYS, type Day, type Holiday, type HoursRange } from './schema.ts';

/** The holiday `date` falls on, described for the trace; undefined when it is a working date. */
export function holidayOn(holidays: readonly Holiday[] | undefined, date: string): string | undefined {
  for (const holiday of holidays ?? []) {
    if (typeof holiday === 'string') {
      if (holiday === date) return holiday;
    } else if (holiday.start <= date && date <= holiday.end) {
      const span = `${holiday.start}..${holiday.end}`;
      return holiday.name ? `${holiday.name} ${span}` : span;
    }
  }
  return undefined;
}

const dayBefore = (day: Day): Day => DAYS[(DAYS.indexOf(day) + 6) % 7]!;

/** The range of `hours` open at `local`, or undefined when closed. */
export function openRange(hours: readonly HoursRange[], local: LocalTime, holidays?: readonly Holiday[]): HoursRange | undefined {
  const now = local.minutes;
  let yesterdayWasHoliday: boolean | undefined;
  for (const range of hours) {
    const start = clockMinutes(range.start);
    const end = clockMinutes(range.end, true);
    if (start === undefined || end === undefined || start === end) continue;
    if (start < end) {
      if (range.days.includes(local.day) && start <= now && now < end) return range;
      continue;
    }
    // Crosses midnight: the evening part today, or the morning part of a range begun yesterday.
    if (range.days.includes(local.day) && now >= start) return range;
    if (range.days.includes(dayBefore(local.day)) && now < end) {
      yesterdayWasHoliday ??= holidayOn(holidays, previousDate(local.date)) !== undefined;
      if (!yesterdayWasHoliday) return range;
    }
  }
  return undefined;
}

/** "mon-fri 09:00-17:00" for a trace. */
export function describeRange(range: HoursRange): string {
  return `${range.days.join(',')} ${range.start}-${range.end}`;
}

/** "Sat 10:12 America/New_York". */
export function describeLocal(local: LocalTime): string {
  return `${local.day[0]!.toUpperCase()}${local.day.slice(1)} ${local.clock} ${local.zone}`;
}
