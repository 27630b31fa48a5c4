import { DateTime } from 'luxon';
import { brusselsDate, endOfSchoolYear, occurrencesUntil, parseRecurrence } from './brussels-recurrence';

const utc = (iso: string) => new Date(iso);
const hourUtc = (date: Date) => date.toISOString().slice(11, 16);

describe('parseRecurrence', () => {
  it('accepts plain and prefixed rules and tells open-ended ones apart', () => {
    expect(parseRecurrence('FREQ=WEEKLY;BYDAY=TU').openEnded).toBe(true);
    expect(parseRecurrence('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10')).toMatchObject({ text: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10', openEnded: false });
    expect(parseRecurrence('freq=monthly;byday=+1WE').openEnded).toBe(true);
  });

  it.each([
    ['', /1 to 500/],
    ['BYDAY=TU', /FREQ is required/],
    ['FREQ=HOURLY', /FREQ must be/],
    ['FREQ=WEEKLY;BYDAY=XX', /not a valid recurrence rule/],
    ['FREQ=WEEKLY;COUNT=100000', /COUNT must be/],
    ['FREQ=WEEKLY;BYHOUR=19', /BYHOUR/],
    ['DTSTART:20260901T170000Z\nRRULE:FREQ=WEEKLY', /DTSTART/],
    ['FREQ=WEEKLY;' + 'X'.repeat(600), /1 to 500/],
    ['FREQ=WEEKLY;INTERVAL=0', /INTERVAL/],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=\f3', /only letters, digits/],
    ['FREQ=WEEKLY;BYDAY=TU\u0000', /only letters, digits/],
    ['FREQ=WEEKLY; COUNT=3', /only letters, digits/],
    ['FREQ=WEEKLY;BYDAY=ТU', /only letters, digits/],
  ])('rejects %j', (rule, message) => {
    expect(() => parseRecurrence(rule)).toThrow(message);
  });
});

describe('occurrencesUntil', () => {
  it('keeps 19:00 Brussels across the end of summer time (25 Oct 2026) and its start (28 Mar 2027)', () => {
    const starts = occurrencesUntil(parseRecurrence('FREQ=WEEKLY;BYDAY=TU'), utc('2026-09-01T17:00:00Z'), utc('2027-07-01T00:00:00Z'));
    for (const start of starts) {
      expect(DateTime.fromJSDate(start, { zone: 'Europe/Brussels' }).toFormat('ccc HH:mm')).toBe('Tue 19:00');
    }
    const byDate = new Map(starts.map((s) => [brusselsDate(s), hourUtc(s)]));
    expect(byDate.get('2026-10-20')).toBe('17:00');
    expect(byDate.get('2026-10-27')).toBe('18:00');
    expect(byDate.get('2027-03-23')).toBe('18:00');
    expect(byDate.get('2027-03-30')).toBe('17:00');
    expect(starts).toHaveLength(44);
  });

  it('honours COUNT and UNTIL and stops at the horizon', () => {
    expect(occurrencesUntil(parseRecurrence('FREQ=WEEKLY;COUNT=3'), utc('2026-09-01T17:00:00Z'), utc('2030-01-01T00:00:00Z'))).toHaveLength(3);
    const untilRule = parseRecurrence('FREQ=DAILY;UNTIL=20260903T170000Z');
    expect(occurrencesUntil(untilRule, utc('2026-09-01T17:00:00Z'), utc('2030-01-01T00:00:00Z')).map(brusselsDate)).toEqual([
      '2026-09-01',
      '2026-09-02',
      '2026-09-03',
    ]);
    expect(occurrencesUntil(parseRecurrence('FREQ=DAILY'), utc('2026-09-01T17:00:00Z'), utc('2026-09-03T17:00:00Z'))).toHaveLength(2);
  });
});

describe('endOfSchoolYear', () => {
  it('is 1 September 00:00 Brussels after the school year of the instant', () => {
    expect(endOfSchoolYear(utc('2026-09-01T17:00:00Z')).toISOString()).toBe('2027-08-31T22:00:00.000Z');
    expect(endOfSchoolYear(utc('2027-03-01T17:00:00Z')).toISOString()).toBe('2027-08-31T22:00:00.000Z');
    expect(endOfSchoolYear(utc('2026-08-31T20:00:00Z')).toISOString()).toBe('2026-08-31T22:00:00.000Z');
  });
});
