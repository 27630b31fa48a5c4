import { EntityManager } from 'typeorm';
import { SessionEntity, SessionStatus } from '../entities';

/** Who is responsible for a session: its hosts and the organisation of its venue. */
export interface SessionResponsibles {
  hostIds: string[];
  organisationId: string;
}

/**
 * Locks a session row for the rest of the transaction. Every change to a session's seats
 * (registering, cancelling, capacity) takes this lock first, so they happen one after another.
 */
export function lockSession(manager: EntityManager, sessionId: string): Promise<SessionEntity | null> {
  return manager.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
}

/** Locks the scheduled sessions of a series that start after `after`, in id order so two callers never deadlock. */
export async function lockUpcomingSessionsOfSeries(manager: EntityManager, seriesId: string, after: Date): Promise<SessionEntity[]> {
  const sessions = await manager
    .getRepository(SessionEntity)
    .createQueryBuilder('s')
    .where('s.series_id = :seriesId AND s.status = :scheduled AND s.starts_at > :after', { seriesId, scheduled: SessionStatus.SCHEDULED, after })
    .orderBy('s.id')
    .setLock('pessimistic_write')
    .getMany();
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export async function sessionResponsibles(manager: EntityManager, sessionIds: readonly string[]): Promise<Map<string, SessionResponsibles>> {
  const rows = await manager.query<{ id: string; organisation_id: string; host_ids: string[] }[]>(
    `SELECT s.id, v.organisation_id, ARRAY(SELECT sh.user_id FROM session_host sh WHERE sh.session_id = s.id) AS host_ids
       FROM session s JOIN venue v ON v.id = s.venue_id WHERE s.id = ANY($1::uuid[])`,
    [[...sessionIds]],
  );
  return new Map(rows.map((row) => [row.id, { hostIds: row.host_ids, organisationId: row.organisation_id }]));
}
