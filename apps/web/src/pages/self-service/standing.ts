/** Where a registration stands, as its holder's page says it in one sentence. */
export type Standing = 'coming' | 'waiting' | 'offered' | 'notComing' | 'sessionCancelled' | 'past';

export function standingOf(registration: { status: string; session: { status: string; startsAt: string } }, now: number): Standing {
  if (registration.session.status === 'CANCELLED') return 'sessionCancelled';
  if (new Date(registration.session.startsAt).getTime() <= now) return 'past';
  switch (registration.status) {
    case 'CONFIRMED':
      return 'coming';
    case 'WAITLISTED':
      return 'waiting';
    case 'OFFERED':
      return 'offered';
    case 'CANCELLED':
      return 'notComing';
    default:
      // ATTENDED / NO_SHOW: only once the session has begun, which is "past" above.
      return 'past';
  }
}
