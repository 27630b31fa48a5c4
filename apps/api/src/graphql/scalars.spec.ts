import { GraphQLError } from 'graphql';
import { DateTime } from 'luxon';
import { DateScalar, DateTimeScalar, toBrusselsIso } from './scalars';

const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return 'accepted';
};

describe('DateTime scalar', () => {
  it.each([
    ['2026-03-02T15:30:00+01:00', '2026-03-02T14:30:00.000Z'],
    ['2026-03-02T23:59:59.999999Z', '2026-03-02T23:59:59.999Z'],
    ['2026-03-02T00:00-13:59', '2026-03-02T13:59:00.000Z'],
    ['2026-03-29T02:30:00+01:00', '2026-03-29T01:30:00.000Z'],
  ])('reads %s as the instant %s', (value, instant) => {
    expect(DateTimeScalar.parseValue(value).toISOString()).toBe(instant);
  });

  it.each([
    // 24:00 is ISO's end of day; luxon would read it as the next day's 00:00, a different date than the client wrote.
    '2026-03-02T24:00:00+01:00',
    '2026-03-02T24:00+01:00',
    '2026-03-02T25:00:00+01:00',
    '2026-03-02T23:60:00+01:00',
    '2026-02-30T10:00:00+01:00',
    '2026-03-02T15:30:00+25:00',
    '2026-03-02T15:30:00+14:30',
    '2026-03-02T15:30:00',
    '2026-03-02T15:30:00[Mars/Olympus]',
    '0000-01-01T00:00:00Z',
    '99999-01-01T00:00:00Z',
    '2026-03-02T15:30:00Z\u0000',
  ])('refuses %j with BAD_USER_INPUT', (value) => {
    expect(refusal(() => DateTimeScalar.parseValue(value))).toBe('BAD_USER_INPUT');
  });
});

describe('DateTime output', () => {
  const luxon = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Brussels' }).toISO({ suppressMilliseconds: true });

  it.each([
    ['2026-03-02T14:30:00.000Z', '2026-03-02T15:30:00+01:00'],
    ['2026-07-02T14:30:00.250Z', '2026-07-02T16:30:00.250+02:00'],
    // The spring and autumn changes happen at 01:00 UTC.
    ['2026-03-29T00:59:59.999Z', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25T00:59:59.000Z', '2026-10-25T02:59:59+02:00'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00+01:00'],
  ])('writes the instant %s as %s', (instant, written) => {
    expect(DateTimeScalar.serialize(new Date(instant))).toBe(written);
  });

  it('writes what luxon writes, across DST changes and the years this platform deals with', () => {
    const instants: number[] = [];
    // Every 7.5 minutes (odd milliseconds included) around 2026's changes, every 3 hours this decade, and a spread over 1900-2200.
    for (const day of [Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24)]) for (let ms = day; ms < day + 3 * 86_400_000; ms += 450_000 + 7) instants.push(ms);
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 3 * 3_600_000 + 7) instants.push(ms);
    for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 5 * 86_400_000 - 61_007) instants.push(ms);
    const differing = instants.filter((ms) => toBrusselsIso(new Date(ms)) !== luxon(ms));
    expect(differing.map((ms) => [new Date(ms).toISOString(), toBrusselsIso(new Date(ms)), luxon(ms)])).toEqual([]);
  });
});

describe('Date scalar', () => {
  it.each(['2026-02-29', '2026-13-01', '0000-01-01', '2026-10-05T00:00:00Z'])('refuses %j with BAD_USER_INPUT', (value) => {
    expect(refusal(() => DateScalar.parseValue(value))).toBe('BAD_USER_INPUT');
  });

  it('accepts a calendar date as it is', () => {
    expect(DateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
  });
});
