import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../time';
import type { StaffLanguage } from '../staff-strings';

const LOCALES: Record<StaffLanguage, string> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE' };

/** "vr 22 mei 2026" for a festival day (YYYY-MM-DD), in the reader's language. */
export function dayLabel(day: string, language: StaffLanguage): string {
  return DateTime.fromISO(day, { zone: TIME_ZONE })
    .setLocale(LOCALES[language])
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** The Brussels wall-clock time of an instant, "17:00"; midnight at the end of a day reads "24:00". */
export function clockOf(instant: string, day?: string): string {
  const local = DateTime.fromISO(instant, { zone: TIME_ZONE });
  if (day && local.toFormat('yyyy-MM-dd') > day && local.toFormat('HH:mm') === '00:00') return '24:00';
  return local.toFormat('HH:mm');
}

export function timeRange(slot: { startsAt: string; endsAt: string }, day?: string): string {
  return `${clockOf(slot.startsAt, day)}–${clockOf(slot.endsAt, day)}`;
}

/** An application deadline chosen as a day: organisers may apply until 23:59 Brussels time that day. */
export function deadlineInstant(day: string): string {
  return DateTime.fromISO(`${day}T23:59`, { zone: TIME_ZONE }).toUTC().toISO()!;
}

export function deadlineDay(instant: string | null): string {
  return instant ? DateTime.fromISO(instant, { zone: TIME_ZONE }).toFormat('yyyy-MM-dd') : '';
}

/** Every day of an edition, first to last. */
export function festivalDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let day = DateTime.fromISO(startsOn); day.toISODate()! <= endsOn; day = day.plus({ days: 1 })) days.push(day.toISODate()!);
  return days;
}

export function thisYear(): number {
  return DateTime.now().setZone(TIME_ZONE).year;
}
