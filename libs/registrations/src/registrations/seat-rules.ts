import { RegistrationStatus } from '../entities';

/**
 * A new registration takes a seat while the session has one free, otherwise it waits at the end
 * of the list. `seated` counts CONFIRMED, ATTENDED and NO_SHOW (a no-show keeps the seat it had).
 */
export function statusOfNewRegistration(seated: number, capacity: number): RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED {
  return seated < capacity ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
}

/** Seats the waiting list may take now; a capacity lowered below the seated count frees none and unseats nobody. */
export function freeSeats(capacity: number, seated: number): number {
  return Math.max(0, capacity - seated);
}
