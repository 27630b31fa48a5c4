import { DateTime } from 'luxon';

/** What happens to a kind of data when its time is up. */
export enum RetentionAction {
  /** The personal fields go, the row stays for the figures (the erasure). */
  ANONYMISE = 'ANONYMISE',
  DELETE = 'DELETE',
  /** Not removed by the job: kept until erased on request, or for good. */
  KEEP = 'KEEP',
}

/**
 * One line of the retention schedule. `key` is stable: the web's catalogue gives the words (what
 * the data is and why it is kept that long), the API gives the numbers.
 */
export interface RetentionRule {
  key: string;
  table: string;
  action: RetentionAction;
  keptMonths: number | null;
  keptDays: number | null;
  /** When the job next runs; null when no job removes this data. */
  nextRunAt: Date | null;
  /** How many the next run will remove. */
  dueCount: number;
  /** When the earliest record still here is (or was) due; null when there is none or nothing is removed. */
  firstDueAt: Date | null;
}

/** The worker's RETENTION_CRON (apps/worker/src/recurring-jobs.ts): nightly at 04:00 Brussels time. */
export const RETENTION_RUN_HOUR = 4;
const ZONE = 'Europe/Brussels';

/** The retention job's next run after `now`. */
export function nextRetentionRun(now: Date): Date {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).set({ hour: RETENTION_RUN_HOUR, minute: 0, second: 0, millisecond: 0 });
  return (today.toMillis() > now.getTime() ? today : today.plus({ days: 1 })).toJSDate();
}
