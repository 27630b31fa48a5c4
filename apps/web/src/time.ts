/**
 * Calendar arithmetic in Europe/Brussels with Intl only (no date library in the bundle).
 * Every time the app shows is Brussels wall-clock time, whatever the device's time zone.
 * Days are ISO dates ("2026-09-08") of the Brussels calendar.
 */
export const TIME_ZONE = 'Europe/Brussels';

const dateParts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', timeZoneName: 'longOffset' });

function partsOf(instant: Date): { date: string; offsetMinutes: number } {
  const parts = Object.fromEntries(dateParts.formatToParts(instant).map((part) => [part.type, part.value]));
  // "GMT+02:00", or plain "GMT" at offset zero.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? '');
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, offsetMinutes };
}

/** The Brussels calendar day of an instant. */
export function brusselsDay(instant: Date): string {
  return partsOf(instant).date;
}

/** The instant a Brussels day begins (00:00 local time; DST changes happen at 02:00 or 03:00). */
export function startOfBrusselsDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, date);
  // The offset at UTC midnight is the offset at Brussels midnight: EU clocks change at 01:00 UTC, after both.
  return new Date(utcMidnight - partsOf(new Date(utcMidnight)).offsetMinutes * 60_000);
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
}

export interface ScheduleWindow {
  /** Now: what already started is no longer an opportunity. */
  from: Date;
  /** Monday 00:00 after next week. */
  to: Date;
  /** The Monday that starts next week: days before it are "this week". */
  nextWeekStarts: string;
}

/** This week (the rest of it) and next week, Monday to Sunday, in Brussels. */
export function scheduleWindow(now: Date): ScheduleWindow {
  const today = brusselsDay(now);
  const nextWeekStarts = addDays(today, 7 - weekdayIndex(today));
  return { from: now, to: startOfBrusselsDay(addDays(nextWeekStarts, 7)), nextWeekStarts };
}

/** The same instant with its seconds and milliseconds dropped. */
export function startOfMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
}
