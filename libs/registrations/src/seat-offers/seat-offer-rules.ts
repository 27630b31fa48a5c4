/** A programme's seat-offer settings (programme.seat_offer_window_minutes, seat_offer_hold_minutes). */
export interface SeatOfferSettings {
  windowMinutes: number;
  holdMinutes: number;
}

export const DEFAULT_SEAT_OFFER_SETTINGS: SeatOfferSettings = { windowMinutes: 1440, holdMinutes: 180 };

/**
 * Close to the start a freed seat is offered, not given: someone promoted two hours before may
 * no longer be able to come, and must be able to say so before the seat is lost to everyone.
 * Earlier, promotion stays immediate (there is time to cancel in the ordinary way).
 */
export function offersSeat(startsAt: Date, now: Date, settings: SeatOfferSettings): boolean {
  return startsAt.getTime() - now.getTime() < settings.windowMinutes * 60_000;
}

/** Held for the programme's hold time, never past the start (after it, nobody can take the seat). */
export function offerExpiry(startsAt: Date, now: Date, settings: SeatOfferSettings): Date {
  return new Date(Math.min(now.getTime() + settings.holdMinutes * 60_000, startsAt.getTime()));
}
