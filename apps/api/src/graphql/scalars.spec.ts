import { GraphQLError } from 'graphql';
import { DateScalar, DateTimeScalar } from './scalars';

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

describe('Date scalar', () => {
  it.each(['2026-02-29', '2026-13-01', '0000-01-01', '2026-10-05T00:00:00Z'])('refuses %j with BAD_USER_INPUT', (value) => {
    expect(refusal(() => DateScalar.parseValue(value))).toBe('BAD_USER_INPUT');
  });

  it('accepts a calendar date as it is', () => {
    expect(DateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
  });
});
