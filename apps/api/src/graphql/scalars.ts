import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTime } from 'luxon';

// The offset and the hour are checked here: luxon accepts any offset digits (+25:00, +02:99) and
// ISO's end-of-day 24:00 (as the next day's 00:00), and would shift the instant either way.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTPUT_ZONE = 'Europe/Brussels';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40 || !ISO_DATE_TIME.test(value)) {
    throw badInput('DateTime must be ISO 8601 with a time zone offset, e.g. 2026-03-02T15:30:00+01:00');
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw badInput(`DateTime ${value} does not exist (${parsed.invalidExplanation ?? parsed.invalidReason})`);
  if (parsed.year < 1900 || parsed.year > 2200) throw badInput('DateTime must be between the years 1900 and 2200');
  return parsed.toJSDate();
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || !DateTime.fromISO(value).isValid) {
    throw badInput('Date must be a calendar date like 2026-03-02');
  }
  // PostgreSQL has no year 0, and no date this platform deals with lies outside these years.
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2200) throw badInput('Date must be between the years 1900 and 2200');
  return value;
}

function literal(ast: ValueNode): unknown {
  return ast.kind === Kind.STRING ? ast.value : undefined;
}

const HOUR_MS = 3_600_000;
/** Brussels' UTC offset in minutes per UTC hour (ms / HOUR_MS); a schedule page touches a handful of hours. */
const brusselsOffsetByHour = new Map<number, number>();

/**
 * Brussels' offset at an instant. Since 1892 every Brussels offset is a whole number of hours, so
 * every change of offset falls on a whole UTC hour and one lookup per UTC hour is exact. The
 * Intl-backed luxon zone lookup costs about as much as the rest of a field's execution; a page of
 * 50 sessions writes 100 instants, mostly in the same few hours.
 */
function brusselsOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = brusselsOffsetByHour.get(hour);
  if (offset === undefined) {
    // Bounded: a long-running process that writes instants from many years still holds little.
    if (brusselsOffsetByHour.size >= 50_000) brusselsOffsetByHour.clear();
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: OUTPUT_ZONE }).offset;
    brusselsOffsetByHour.set(hour, offset);
  }
  return offset;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** What luxon's toISO({ suppressMilliseconds: true }) writes in Brussels time (scalars.spec compares the two). */
export function toBrusselsIso(date: Date): string {
  const ms = date.getTime();
  // Years outside 0-9999 have no four-digit ISO form; luxon's own writing stays the rule there.
  if (!(ms >= -62_135_596_800_000 && ms <= 253_402_300_799_000)) return DateTime.fromJSDate(date, { zone: OUTPUT_ZONE }).toISO({ suppressMilliseconds: true })!;
  const offset = brusselsOffsetMinutes(ms);
  const local = new Date(ms + offset * 60_000);
  const wallClock = local.toISOString().slice(0, local.getUTCMilliseconds() === 0 ? 19 : 23);
  const abs = Math.abs(offset);
  return `${wallClock}${offset < 0 ? '-' : '+'}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
}

/** Instants; written with the Brussels offset of that moment so clients show local wall-clock time. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 date-time with offset, e.g. 2026-03-02T15:30:00+01:00 (output in Europe/Brussels)',
  serialize(value) {
    return toBrusselsIso(value instanceof Date ? value : new Date(String(value)));
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literal(ast)),
});

/** Calendar dates (no time, no zone), e.g. 2026-03-02. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, e.g. 2026-03-02',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literal(ast)),
});

/**
 * A JSON document, passed through as it is: for data whose shape is the data itself (the personal
 * data export). Output only: no argument takes one.
 */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'A JSON value (object, array, string, number, boolean or null), as it is; output only',
  serialize: (value) => value,
  parseValue: () => {
    throw badInput('JSON values are output only');
  },
  parseLiteral: () => {
    throw badInput('JSON values are output only');
  },
});
