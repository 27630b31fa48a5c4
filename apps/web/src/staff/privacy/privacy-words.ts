import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../time';
import { useStaffI18n } from '../staff-strings';

/** An instant as the staff read it: date and time in Brussels, in the staff language. */
export function useDateTime(): (iso: string) => string {
  const { language } = useStaffI18n();
  return (iso) => DateTime.fromISO(iso, { zone: TIME_ZONE }).setLocale(language).toLocaleString(DateTime.DATETIME_MED);
}

/** A date alone, for "on <date>". */
export function useDate(): (iso: string) => string {
  const { language } = useStaffI18n();
  return (iso) => DateTime.fromISO(iso, { zone: TIME_ZONE }).setLocale(language).toLocaleString(DateTime.DATE_MED);
}

/** An instant's day in Brussels as YYYY-MM-DD, for file names. */
export const brusselsDate = (iso: string) => DateTime.fromISO(iso, { zone: TIME_ZONE }).toISODate() ?? '';
