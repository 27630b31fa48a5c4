export interface SessionCounts {
  /** CONFIRMED, OFFERED, ATTENDED and NO_SHOW, not walk-ins on an extra chair: what capacity counts (docs/architecture.md#invariant-1). */
  seated: number;
  waitlisted: number;
}

/** Exported so the register benchmark sends the very statement the service does. */
export const SEAT_COUNTS_SQL = `SELECT session_id,
        count(*) FILTER (WHERE status = ANY($2::registration_status[]) AND NOT beyond_capacity)::int AS seated,
        count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
   FROM registration WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`;
