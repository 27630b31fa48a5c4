import { walkInWindow } from './walk-ins';

describe('walkInWindow: two hours before the start until the end of the session’s day in Brussels', () => {
  it('ends at midnight Brussels time in summer (UTC+2) and in winter (UTC+1)', () => {
    expect(walkInWindow({ startsAt: new Date('2026-09-08T17:00:00Z'), endsAt: new Date('2026-09-08T18:30:00Z') })).toEqual({
      opensAt: new Date('2026-09-08T15:00:00Z'),
      closesAt: new Date('2026-09-08T21:59:59.999Z'),
    });
    expect(walkInWindow({ startsAt: new Date('2026-12-08T18:00:00Z'), endsAt: new Date('2026-12-08T19:30:00Z') })).toEqual({
      opensAt: new Date('2026-12-08T16:00:00Z'),
      closesAt: new Date('2026-12-08T22:59:59.999Z'),
    });
  });

  it('takes the day of the start in Brussels, not in UTC: a session at 00:30 on a Brussels day', () => {
    // 00:30 on 9 September in Brussels is still 8 September in UTC.
    const window = walkInWindow({ startsAt: new Date('2026-09-08T22:30:00Z'), endsAt: new Date('2026-09-08T23:30:00Z') });
    expect(window.closesAt).toEqual(new Date('2026-09-09T21:59:59.999Z'));
  });

  it('stays open until a session that runs past midnight has ended', () => {
    const window = walkInWindow({ startsAt: new Date('2026-09-08T20:00:00Z'), endsAt: new Date('2026-09-08T23:00:00Z') });
    expect(window.closesAt).toEqual(new Date('2026-09-08T23:00:00Z'));
  });
});
