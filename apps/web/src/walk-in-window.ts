import { brusselsDay } from './time';

const OPENS_BEFORE_START_MS = 2 * 3_600_000;

/**
 * Whether walk-ins may be added now: the API's window (libs/registrations attendance/walk-ins.ts),
 * from two hours before the start until the end of the session's day in Brussels (or its end, when later).
 */
export function walkInsOpen(session: { startsAt: string; endsAt: string }, now: number): boolean {
  const startsAt = new Date(session.startsAt).getTime();
  if (now < startsAt - OPENS_BEFORE_START_MS) return false;
  return now <= new Date(session.endsAt).getTime() || brusselsDay(new Date(now)) === brusselsDay(new Date(startsAt));
}
