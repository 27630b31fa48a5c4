export enum StandBookingStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}

/** Bookings that hold a plot: no two of these overlap on one plot (docs/architecture.md#invariant-3). */
export const LIVE_STAND_BOOKING_STATUSES = [StandBookingStatus.REQUESTED, StandBookingStatus.CONFIRMED] as const;

/** What a stand brings to the festival. */
export enum StandOffering {
  FOOD = 'FOOD',
  CULTURE = 'CULTURE',
  FOOD_AND_CULTURE = 'FOOD_AND_CULTURE',
}
