import { offerExpiry, offersSeat } from './seat-offer-rules';

const settings = { windowMinutes: 1440, holdMinutes: 180 };
const startsAt = new Date('2026-12-10T14:00:00Z');
const hoursBefore = (hours: number) => new Date(startsAt.getTime() - hours * 3_600_000);

describe('seat offers', () => {
  it('offers a seat freed within the window and promotes earlier ones at once', () => {
    expect(offersSeat(startsAt, hoursBefore(5), settings)).toBe(true);
    expect(offersSeat(startsAt, hoursBefore(23.9), settings)).toBe(true);
    expect(offersSeat(startsAt, hoursBefore(24), settings)).toBe(false);
    expect(offersSeat(startsAt, hoursBefore(72), settings)).toBe(false);
  });

  it('never offers with a window of 0', () => {
    expect(offersSeat(startsAt, hoursBefore(0.5), { windowMinutes: 0, holdMinutes: 180 })).toBe(false);
  });

  it('holds the seat for the hold time, never past the start', () => {
    expect(offerExpiry(startsAt, hoursBefore(5), settings)).toEqual(hoursBefore(2));
    expect(offerExpiry(startsAt, hoursBefore(1), settings)).toEqual(startsAt);
  });
});
