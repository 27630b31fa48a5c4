import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../time';

/** A date (YYYY-MM-DD) and a wall-clock time (HH:mm) in Brussels, as the instant the API takes. */
export function brusselsInstant(date: string, time: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: TIME_ZONE }).toUTC().toISO()!;
}

/** The Brussels date and wall-clock time of an instant, as the date and time fields keep them. */
export function brusselsParts(instant: string): { date: string; time: string } {
  const local = DateTime.fromISO(instant, { zone: TIME_ZONE });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** "di 8 sep. 2026, 19:00–20:30" in the reader's language, in Brussels time. */
export function sessionWhen(startsAt: string, endsAt: string, language: string): string {
  const start = DateTime.fromISO(startsAt, { zone: TIME_ZONE }).setLocale(language);
  const end = DateTime.fromISO(endsAt, { zone: TIME_ZONE }).setLocale(language);
  return `${start.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
}

/** "15:00": the Brussels wall-clock time of an instant (an offered seat is kept until then, on the session's day or before). */
export function brusselsTime(instant: string): string {
  return DateTime.fromISO(instant, { zone: TIME_ZONE }).toFormat('HH:mm');
}
