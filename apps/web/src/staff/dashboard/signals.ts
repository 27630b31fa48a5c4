import type { DashboardSession } from './queries';

/**
 * The under-booked rule of libs/registrations (alert-sweep.ts: UNDER_BOOKED_MINIMUM and
 * UNDER_BOOKED_HOURS): fewer than 3 confirmed seats two days ahead alerts the hosts. The web app
 * cannot import the server's lib, so the two numbers are repeated here; change them together.
 */
export const UNDER_BOOKED_MINIMUM = 3;
export const UNDER_BOOKED_HOURS = 48;
/** From this many people waiting, a coordinator may want another session or a bigger room. */
export const LONG_WAITING_LIST = 3;

export type Signal = 'full' | 'longWaitingList' | 'underBooked' | 'cancelled';

export function signalsOf(session: DashboardSession, now: Date): Signal[] {
  if (session.status === 'CANCELLED') return ['cancelled'];
  const signals: Signal[] = [];
  if (session.confirmedCount >= session.capacity) signals.push('full');
  if (session.waitlistCount >= LONG_WAITING_LIST) signals.push('longWaitingList');
  if (isUnderBooked(session, now)) signals.push('underBooked');
  return signals;
}

/** As the alert's rule, except that a full session (a room for one or two) is not asked to find more people. */
export function isUnderBooked(session: DashboardSession, now: Date): boolean {
  const startsIn = new Date(session.startsAt).getTime() - now.getTime();
  return (
    session.status !== 'CANCELLED' &&
    startsIn > 0 &&
    startsIn <= UNDER_BOOKED_HOURS * 3_600_000 &&
    session.confirmedCount < UNDER_BOOKED_MINIMUM &&
    session.confirmedCount < session.capacity
  );
}
