import { DateTime } from 'luxon';
import { Daypart } from '../entities';

export const VOLUNTEER_ZONE = 'Europe/Brussels';

/** Morning before 12:00, afternoon before 17:00, evening after (Brussels start time). */
export function daypartOf(startsAt: Date): Daypart {
  const hour = DateTime.fromJSDate(startsAt, { zone: VOLUNTEER_ZONE }).hour;
  return hour < 12 ? Daypart.MORNING : hour < 17 ? Daypart.AFTERNOON : Daypart.EVENING;
}

export function weekdayOf(startsAt: Date): number {
  return DateTime.fromJSDate(startsAt, { zone: VOLUNTEER_ZONE }).weekday;
}

export function brusselsDay(startsAt: Date): string {
  return DateTime.fromJSDate(startsAt, { zone: VOLUNTEER_ZONE }).toISODate()!;
}
