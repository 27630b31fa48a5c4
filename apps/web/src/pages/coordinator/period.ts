import { addDays, brusselsDay } from '../../time';

/** A report period as whole months ("2026-04" to "2026-09", both included). */
export interface MonthPeriod {
  from: string;
  to: string;
}

/** How many months the reports show at first, this month included. */
const DEFAULT_MONTHS = 6;

function shiftMonth(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

/** The last six months up to this one, in Brussels. */
export function defaultPeriod(now: Date): MonthPeriod {
  const thisMonth = brusselsDay(now).slice(0, 7);
  return { from: shiftMonth(thisMonth, 1 - DEFAULT_MONTHS), to: thisMonth };
}

/** The period as the API's dates: the first day of the first month to the last day of the last. */
export function periodDates(period: MonthPeriod): { from: string; to: string } {
  return { from: `${period.from}-01`, to: addDays(`${shiftMonth(period.to, 1)}-01`, -1) };
}

/** "september 2026" in the reader's language. */
export function monthName(month: string, locales: readonly string[]): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat([...locales], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 15)));
}
