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

/** Instants; written with the Brussels offset of that moment so clients show local wall-clock time. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 date-time with offset, e.g. 2026-03-02T15:30:00+01:00 (output in Europe/Brussels)',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    return DateTime.fromJSDate(date, { zone: OUTPUT_ZONE }).toISO({ suppressMilliseconds: true })!;
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
