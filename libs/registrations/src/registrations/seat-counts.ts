import { EntityManager } from 'typeorm';
import { SEATED_REGISTRATION_STATUSES } from '../entities';

export interface SessionCounts {
  /** CONFIRMED, ATTENDED and NO_SHOW: what capacity counts (docs/architecture.md#invariant-1). */
  seated: number;
  waitlisted: number;
}

/** Exported so the register benchmark sends the very statement the service does. */
export const SEAT_COUNTS_SQL = `SELECT session_id,
        count(*) FILTER (WHERE status = ANY($2::registration_status[]))::int AS seated,
        count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
   FROM registration WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`;

/** Seated and waiting per session, in one statement; sessions without registrations count 0 and 0. */
export async function seatCounts(manager: EntityManager, sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
  const rows = await manager.query<({ session_id: string } & SessionCounts)[]>(SEAT_COUNTS_SQL, [[...sessionIds], [...SEATED_REGISTRATION_STATUSES]]);
  const counts = new Map(rows.map((row) => [row.session_id, { seated: row.seated, waitlisted: row.waitlisted }]));
  for (const id of sessionIds) if (!counts.has(id)) counts.set(id, { seated: 0, waitlisted: 0 });
  return counts;
}
