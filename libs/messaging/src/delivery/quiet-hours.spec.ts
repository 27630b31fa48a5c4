import { nextSmsWindow } from './delivery.service';

describe('SMS quiet hours (21:00–08:00 Brussels)', () => {
  it.each([
    ['20:59 in summer time', '2026-09-08T18:59:00Z', null],
    ['21:00 in summer time waits for 08:00 the next morning', '2026-09-08T19:00:00Z', '2026-09-09T06:00:00.000Z'],
    ['03:00 waits for 08:00 the same morning', '2026-09-09T01:00:00Z', '2026-09-09T06:00:00.000Z'],
    ['08:00 in winter time sends', '2026-12-01T07:00:00Z', null],
    ['07:59 in winter time waits a minute', '2026-12-01T06:59:00Z', '2026-12-01T07:00:00.000Z'],
    ['the night the clocks go back', '2026-10-24T20:30:00Z', '2026-10-25T07:00:00.000Z'],
  ])('%s', (_name, now, expected) => {
    expect(nextSmsWindow(new Date(now))?.toISOString() ?? null).toBe(expected);
  });
});
