import { DateTime } from 'luxon';
import { z } from 'zod';
import { v } from '../ui/validation';

const ZONE = 'Europe/Brussels';

/** RFC 5545 weekday codes, Monday first as in the Belgian calendar. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The series form's fields; the API gets them as an RRULE and a first start (see seriesInputOf). */
export const seriesSchema = z
  .object({
    programmeId: v.choice(),
    venueId: v.choice(),
    title: v.text(200),
    firstDate: v.date(),
    time: v.time(),
    durationMinutes: v.int(5, 720),
    weekdays: z.array(z.enum(WEEKDAYS)).min(1, { error: 'choose' }),
    endKind: z.enum(['until', 'count']),
    until: z.string(),
    count: v.optionalInt(1, 800),
    capacity: v.optionalInt(1, 1000),
    skipSchoolHolidays: z.boolean(),
  })
  .superRefine((values, context) => {
    if (values.endKind === 'until') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.until)) context.addIssue({ code: 'custom', path: ['until'], message: 'date' });
      else if (values.until < values.firstDate) context.addIssue({ code: 'custom', path: ['until'], message: 'endBeforeStart' });
    } else if (values.count == null) context.addIssue({ code: 'custom', path: ['count'], message: 'required' });
  });

export type SeriesValues = z.infer<typeof seriesSchema>;

export const emptySeries = (programmeId = ''): SeriesValues => ({
  programmeId,
  venueId: '',
  title: '',
  firstDate: '',
  time: '19:00',
  durationMinutes: 90,
  weekdays: [],
  endKind: 'until',
  until: '',
  count: null,
  capacity: null,
  skipSchoolHolidays: true,
});

/** The instant of a Brussels wall-clock date and time, as the API's DateTime. */
export function brusselsInstant(date: string, time: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toISO()!;
}

/** A weekly rule on the chosen weekdays, ending after the last second of the until day in Brussels or after a number of dates. */
export function ruleOf(values: Pick<SeriesValues, 'weekdays' | 'endKind' | 'until' | 'count'>): string {
  const days = WEEKDAYS.filter((day) => values.weekdays.includes(day)).join(',');
  const end =
    values.endKind === 'until'
      ? `UNTIL=${DateTime.fromISO(`${values.until}T23:59:59`, { zone: ZONE }).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`
      : `COUNT=${values.count}`;
  return `FREQ=WEEKLY;BYDAY=${days};${end}`;
}

/** The fields of CreateSessionSeriesInput the form fills (also used for the preview). */
export function seriesInputOf(values: SeriesValues) {
  return {
    programmeId: values.programmeId,
    venueId: values.venueId,
    title: values.title.trim(),
    rrule: ruleOf(values),
    firstStartsAt: brusselsInstant(values.firstDate, values.time),
    durationMinutes: values.durationMinutes,
    capacity: values.capacity,
    skipSchoolHolidays: values.skipSchoolHolidays,
  };
}

/** The weekday code of a YYYY-MM-DD date, to preselect the first date's weekday. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[DateTime.fromISO(date, { zone: ZONE }).weekday - 1];
}

/** What a stored rule says back into the form's weekday and end fields. */
export function fieldsOfRule(rrule: string): Pick<SeriesValues, 'weekdays' | 'endKind' | 'until' | 'count'> {
  const parts = new Map(rrule.split(';').map((part) => part.split('=') as [string, string]));
  const weekdays = (parts.get('BYDAY') ?? '').split(',').filter((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day));
  const until = parts.get('UNTIL');
  const count = parts.get('COUNT');
  return {
    weekdays,
    endKind: count ? 'count' : 'until',
    until: until ? DateTime.fromFormat(until.replace(/Z$/, ''), "yyyyLLdd'T'HHmmss", { zone: 'utc' }).setZone(ZONE).toISODate()! : '',
    count: count ? Number(count) : null,
  };
}

/** Brussels date and HH:mm of an instant. */
export function brusselsParts(instant: string): { date: string; time: string } {
  const local = DateTime.fromISO(instant, { zone: ZONE });
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
}
