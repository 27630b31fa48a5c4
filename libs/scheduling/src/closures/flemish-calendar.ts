import { DateTime } from 'luxon';

export interface ClosurePeriod {
  label: string;
  /** Inclusive ISO date (YYYY-MM-DD). */
  from: string;
  /** Inclusive ISO date (YYYY-MM-DD). */
  to: string;
}

const MONDAY = 1;
const SATURDAY = 6;
const SUNDAY = 7;
const DAYS_PER_WEEK = 7;
const SEPTEMBER = 9;

// Offsets from Easter Sunday as fixed by the liturgical calendar.
const EASTER_MONDAY_OFFSET = 1;
const KROKUS_MONDAY_OFFSET = -48;
const ASCENSION_OFFSET = 39;
const WHIT_MONDAY_OFFSET = 50;

const LATEST_EASTER_DAY_FOR_FIRST_MONDAY_RULE = 15;

// Calendar dates are handled in UTC so that day arithmetic never crosses a DST change.
function calendarDate(year: number, month: number, day: number): DateTime {
  return DateTime.utc(year, month, day);
}

function parseIsoDate(date: string): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) {
    throw new RangeError(`Not a valid ISO date: '${date}'`);
  }
  return parsed;
}

function toIsoDate(date: DateTime): string {
  const iso = date.toISODate();
  if (iso === null) {
    throw new RangeError(`Cannot format an invalid date: ${date.invalidExplanation ?? 'unknown reason'}`);
  }
  return iso;
}

function mondayOfWeekContaining(date: DateTime): DateTime {
  return date.minus({ days: date.weekday - MONDAY });
}

function mondayAfter(date: DateTime): DateTime {
  return date.plus({ days: DAYS_PER_WEEK - date.weekday + MONDAY });
}

function firstMondayOnOrAfter(date: DateTime): DateTime {
  return date.weekday === MONDAY ? date : mondayAfter(date);
}

function isWeekend(date: DateTime): boolean {
  return date.weekday === SATURDAY || date.weekday === SUNDAY;
}

function weeksFrom(label: string, monday: DateTime, weeks: number): ClosurePeriod {
  const lastSunday = monday.plus({ days: weeks * DAYS_PER_WEEK - 1 });
  return { label, from: toIsoDate(monday), to: toIsoDate(lastSunday) };
}

function singleDay(label: string, date: DateTime): ClosurePeriod {
  const iso = toIsoDate(date);
  return { label, from: iso, to: iso };
}

function byStartDate(a: ClosurePeriod, b: ClosurePeriod): number {
  return a.from.localeCompare(b.from);
}

function easterSundayDate(year: number): DateTime {
  return parseIsoDate(easterSunday(year));
}

function daysFromEaster(year: number, offset: number): DateTime {
  return easterSundayDate(year).plus({ days: offset });
}

/** Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(calendarDate(year, month, day));
}

/** The school year is named after the calendar year in which it starts (1 September). */
export function schoolYearOf(date: string): number {
  const parsed = parseIsoDate(date);
  return parsed.month >= SEPTEMBER ? parsed.year : parsed.year - 1;
}

function autumnHoliday(schoolYear: number): ClosurePeriod {
  const allSaints = calendarDate(schoolYear, 11, 1);
  const monday = allSaints.weekday === SUNDAY ? mondayAfter(allSaints) : mondayOfWeekContaining(allSaints);
  return weeksFrom('Herfstvakantie', monday, 1);
}

function christmasHoliday(schoolYear: number): ClosurePeriod {
  const christmas = calendarDate(schoolYear, 12, 25);
  const monday = isWeekend(christmas) ? mondayAfter(christmas) : mondayOfWeekContaining(christmas);
  return weeksFrom('Kerstvakantie', monday, 2);
}

function krokusHoliday(schoolYear: number): ClosurePeriod {
  return weeksFrom('Krokusvakantie', daysFromEaster(schoolYear + 1, KROKUS_MONDAY_OFFSET), 1);
}

function easterHolidayMonday(year: number): DateTime {
  const easter = easterSundayDate(year);
  if (easter.month === 3) {
    return mondayAfter(easter);
  }
  if (easter.day > LATEST_EASTER_DAY_FOR_FIRST_MONDAY_RULE) {
    return easter.minus({ days: 2 * DAYS_PER_WEEK - 1 });
  }
  return firstMondayOnOrAfter(calendarDate(year, 4, 1));
}

function easterHoliday(schoolYear: number): ClosurePeriod {
  return weeksFrom('Paasvakantie', easterHolidayMonday(schoolYear + 1), 2);
}

function summerHoliday(schoolYear: number): ClosurePeriod {
  const year = schoolYear + 1;
  return { label: 'Zomervakantie', from: toIsoDate(calendarDate(year, 7, 1)), to: toIsoDate(calendarDate(year, 8, 31)) };
}

/** School holidays from September of `schoolYear` up to and including the summer that closes it. */
export function flemishSchoolHolidays(schoolYear: number): ClosurePeriod[] {
  return [autumnHoliday(schoolYear), christmasHoliday(schoolYear), krokusHoliday(schoolYear), easterHoliday(schoolYear), summerHoliday(schoolYear)];
}

/** Belgian legal public holidays of a calendar year, one single-day period each, in date order. */
export function belgianPublicHolidays(year: number): ClosurePeriod[] {
  return [
    singleDay('Nieuwjaar', calendarDate(year, 1, 1)),
    singleDay('Paasmaandag', daysFromEaster(year, EASTER_MONDAY_OFFSET)),
    singleDay('Dag van de Arbeid', calendarDate(year, 5, 1)),
    singleDay('O.L.H. Hemelvaart', daysFromEaster(year, ASCENSION_OFFSET)),
    singleDay('Pinkstermaandag', daysFromEaster(year, WHIT_MONDAY_OFFSET)),
    singleDay('Nationale feestdag', calendarDate(year, 7, 21)),
    singleDay('O.L.V. Hemelvaart', calendarDate(year, 8, 15)),
    singleDay('Allerheiligen', calendarDate(year, 11, 1)),
    singleDay('Wapenstilstand', calendarDate(year, 11, 11)),
    singleDay('Kerstmis', calendarDate(year, 12, 25)),
  ].sort(byStartDate); // Ascension can fall on or before 1 May when Easter is very early.
}

// The school term runs 1 September to 30 June; July and August belong to the summer holiday.
function isWithinSchoolTerm(date: string, schoolYear: number): boolean {
  const parsed = parseIsoDate(date);
  return schoolYearOf(date) === schoolYear && !(parsed.month === 7 || parsed.month === 8);
}

/** One-off free days of a school year (term-time public holidays plus the Ascension bridge day), in date order. */
export function flemishSchoolFreeDays(schoolYear: number): ClosurePeriod[] {
  const springYear = schoolYear + 1;
  const ascension = daysFromEaster(springYear, ASCENSION_OFFSET);
  return [
    singleDay('Wapenstilstand', calendarDate(schoolYear, 11, 11)),
    singleDay('Paasmaandag', daysFromEaster(springYear, EASTER_MONDAY_OFFSET)),
    singleDay('Dag van de Arbeid', calendarDate(springYear, 5, 1)),
    singleDay('O.L.H. Hemelvaart', ascension),
    singleDay('Brugdag na Hemelvaart', ascension.plus({ days: 1 })),
    singleDay('Pinkstermaandag', daysFromEaster(springYear, WHIT_MONDAY_OFFSET)),
  ]
    .filter((period) => isWithinSchoolTerm(period.from, schoolYear))
    .sort(byStartDate);
}

function datesOf(period: ClosurePeriod): string[] {
  const from = parseIsoDate(period.from);
  const to = parseIsoDate(period.to);
  if (to < from) {
    throw new RangeError(`Period '${period.label}' ends (${period.to}) before it starts (${period.from})`);
  }
  const dates: string[] = [];
  for (let day = from; day <= to; day = day.plus({ days: 1 })) {
    dates.push(toIsoDate(day));
  }
  return dates;
}

/** Every date covered by the periods, sorted; when periods overlap the earlier-listed label wins. */
export function expandPeriods(periods: ClosurePeriod[]): { date: string; label: string }[] {
  const labelByDate = new Map<string, string>();
  for (const period of periods) {
    for (const date of datesOf(period)) {
      if (!labelByDate.has(date)) {
        labelByDate.set(date, period.label);
      }
    }
  }
  return [...labelByDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, label]) => ({ date, label }));
}
