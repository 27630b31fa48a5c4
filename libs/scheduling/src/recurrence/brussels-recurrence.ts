import { DateTime } from 'luxon';
import { Frequency, Options, RRule } from 'rrule';
import { AppError } from '@app/common';

export const SCHEDULE_ZONE = 'Europe/Brussels';

/** Enough for a daily table for two school years; a bigger rule is almost certainly a typo. */
export const MAX_OCCURRENCES = 800;

const ALLOWED_FREQUENCIES = new Set([Frequency.YEARLY, Frequency.MONTHLY, Frequency.WEEKLY, Frequency.DAILY]);

export interface ParsedRecurrence {
  /** Normalised RRULE text (no DTSTART), as stored on the series. */
  text: string;
  options: Partial<Options>;
  openEnded: boolean;
}

/**
 * Validates an RFC 5545 RRULE as users type it ("FREQ=WEEKLY;BYDAY=TU", with or without
 * the "RRULE:" prefix). The start comes from firstStartsAt, so DTSTART inside the rule is refused.
 */
export function parseRecurrence(input: string): ParsedRecurrence {
  const text = input.trim().replace(/^RRULE:/i, '');
  const bad = (why: string) => AppError.badInput(`rrule is not a valid recurrence rule: ${why}`, 'rrule');
  if (text.length === 0 || text.length > 500) throw bad('it must be 1 to 500 characters');
  if (/DTSTART|\n|\r/i.test(text)) throw bad('give the first session in firstStartsAt, not DTSTART');
  // The rrule parser reads numbers with parseInt, which skips whitespace and control characters
  // ("COUNT=\f3" is 3): only the characters of the RFC 5545 grammar get through, and get stored.
  if (!/^[A-Za-z0-9=;:,+-]+$/.test(text)) throw bad('it may hold only letters, digits and = ; : , + -');
  if (!/^FREQ=/i.test(text) && !/(^|;)FREQ=/i.test(text)) throw bad('FREQ is required');
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).all((_d, i) => i < 2);
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) throw bad('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  if (options.count !== undefined && options.count !== null && (options.count < 1 || options.count > MAX_OCCURRENCES)) {
    throw bad(`COUNT must be from 1 to ${MAX_OCCURRENCES}`);
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 52)) throw bad('INTERVAL must be from 1 to 52');
  if (options.byhour !== undefined || options.byminute !== undefined || options.bysecond !== undefined) {
    throw bad('the time of day comes from firstStartsAt; BYHOUR, BYMINUTE and BYSECOND are not supported');
  }
  if (options.tzid) throw bad('TZID is not supported: every rule is read in Europe/Brussels');
  return { text: text.toUpperCase(), options, openEnded: options.count == null && options.until == null };
}

/** A wall-clock Brussels time encoded in a Date's UTC fields: rrule then computes without DST. */
function toFloating(instant: Date): Date {
  const local = DateTime.fromJSDate(instant, { zone: SCHEDULE_ZONE });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function fromFloating(floating: Date): Date {
  const local = DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      second: floating.getUTCSeconds(),
    },
    { zone: SCHEDULE_ZONE },
  );
  return local.toJSDate();
}

/**
 * Start instants of the occurrences from `firstStartsAt` up to (excluding) `until`, keeping the
 * wall-clock time in Brussels: a Tuesday 19:00 table is 17:00Z in October and 18:00Z in November.
 * UNTIL in the rule is an instant (RFC 5545 UTC form) and is compared as one.
 */
export function occurrencesUntil(recurrence: ParsedRecurrence, firstStartsAt: Date, until: Date): Date[] {
  const { until: ruleUntil, ...rest } = recurrence.options;
  const limit = ruleUntil && ruleUntil.getTime() < until.getTime() ? new Date(ruleUntil.getTime() + 1) : until;
  const rule = new RRule({ ...rest, dtstart: toFloating(firstStartsAt) });
  const starts: Date[] = [];
  rule.all((floating, index) => {
    if (index >= MAX_OCCURRENCES) return false;
    const start = fromFloating(floating);
    if (start.getTime() >= limit.getTime()) return false;
    starts.push(start);
    return true;
  });
  return starts;
}

/** The calendar day in Brussels of an instant, 'YYYY-MM-DD'. */
export function brusselsDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: SCHEDULE_ZONE }).toISODate()!;
}

/** Midnight in Brussels at the start of 1 September of the school year after the one `instant` is in. */
export function endOfSchoolYear(instant: Date): Date {
  const local = DateTime.fromJSDate(instant, { zone: SCHEDULE_ZONE });
  const nextSeptemberYear = local.month >= 9 ? local.year + 1 : local.year;
  return DateTime.fromObject({ year: nextSeptemberYear, month: 9, day: 1 }, { zone: SCHEDULE_ZONE }).toJSDate();
}
