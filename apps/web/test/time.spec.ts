import { addDays, brusselsDay, scheduleWindow, startOfBrusselsDay } from '../src/time';

describe('Brussels calendar of the web app', () => {
  it('puts a late UTC evening on the next Brussels day', () => {
    expect(brusselsDay(new Date('2026-09-07T21:30:00Z'))).toBe('2026-09-07');
    expect(brusselsDay(new Date('2026-09-07T22:30:00Z'))).toBe('2026-09-08');
    expect(brusselsDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('starts a day at Brussels midnight in summer and winter time, and across the DST switches', () => {
    expect(startOfBrusselsDay('2026-09-08').toISOString()).toBe('2026-09-07T22:00:00.000Z');
    expect(startOfBrusselsDay('2026-12-14').toISOString()).toBe('2026-12-13T23:00:00.000Z');
    // Summer time starts 29 March 2026 and ends 25 October 2026 (at 02:00/03:00, after midnight).
    expect(startOfBrusselsDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfBrusselsDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('covers the rest of this week and all of next week, Monday to Sunday', () => {
    // Wednesday 9 September 2026, 10:00 Brussels.
    const window = scheduleWindow(new Date('2026-09-09T08:00:00Z'));
    expect(window.from.toISOString()).toBe('2026-09-09T08:00:00.000Z');
    expect(window.nextWeekStarts).toBe('2026-09-14');
    expect(window.to.toISOString()).toBe('2026-09-20T22:00:00.000Z');
    // Sunday 23:30 Brussels is still this week; next week starts the next day.
    expect(scheduleWindow(new Date('2026-09-13T21:30:00Z')).nextWeekStarts).toBe('2026-09-14');
    // Monday 00:30 Brussels (Sunday in UTC) is a new week.
    expect(scheduleWindow(new Date('2026-09-13T22:30:00Z')).nextWeekStarts).toBe('2026-09-21');
  });
});
