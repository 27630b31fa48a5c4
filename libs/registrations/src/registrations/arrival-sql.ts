import { auditScope } from '@app/database';

/**
 * The statements of a registration's arrival (registerParticipant, registerSelf, a series, a move),
 * exported so the register benchmark's pg side sends the very same ones. Each replaces several
 * round trips that all ran under the session's row lock, so the lock is held for fewer of them.
 */

/**
 * Locks the session row (capacity and status are read from the locked row version), reads who is
 * responsible for it and hands the audit scope ($2–$4) to the audit triggers for the transaction's
 * writes, in one round trip. Only the session row is locked: the venue and its hosts are read as
 * of the statement's start, like any authorisation check made at the start of a request.
 */
export const LOCK_SESSION_FOR_ARRIVAL_SQL = `SELECT ${auditScope.selectItems(2)},
        s.id, s.capacity, s.status, s.starts_at, s.programme_id,
        v.organisation_id, ARRAY(SELECT sh.user_id FROM session_host sh WHERE sh.session_id = s.id) AS host_ids
   FROM session s JOIN venue v ON v.id = s.venue_id
  WHERE s.id = $1
    FOR UPDATE OF s`;

/**
 * Under the session lock, in one statement: count the seats, take one when free (seat-rules'
 * statusOfNewRegistration: seated < capacity, walk-ins beyond capacity not counted) or join the end
 * of the waiting list, and record the CONFIRMED or WAITLISTED event with the position it got.
 * It runs after the lock was taken, so its snapshot sees every registration committed before.
 * What its listeners would read next is returned with it, read after the lock for the same reason:
 * the programme's childcare settings (so a childcare change committed by the lock's previous
 * holder is seen, invariant 6), the session's start and the programme's reminder offsets (the
 * outbox), the seats after the arrival and the stored alert states (the capacity alerts).
 * The registration's personal link row is written with it (its hash needs the id, so the id is
 * drawn by the caller), expiring at the session's end like every link (PersonalLinksRepository).
 * $1 session, $2 participant, $3 actor (null: the newcomer themself), $4 series, $5 capacity,
 * $6 the seated statuses, $7 the new registration's id, $8 its link's token hash.
 * The partial unique index still refuses a second live registration.
 */
export const INSERT_ARRIVAL_SQL = `WITH counts AS (
   SELECT count(*) FILTER (WHERE status = ANY($6::registration_status[]) AND NOT beyond_capacity)::int AS seated,
          count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
     FROM registration WHERE session_id = $1
 ), inserted AS (
   INSERT INTO registration (id, session_id, participant_id, status, registered_by_id, series_id)
   SELECT $7, $1, $2, (CASE WHEN counts.seated < $5 THEN 'CONFIRMED' ELSE 'WAITLISTED' END)::registration_status, $3, $4 FROM counts
   RETURNING *
 ), link AS (
   INSERT INTO registration_link (registration_id, token_hash, expires_at)
   SELECT inserted.id, $8, s.ends_at FROM inserted JOIN session s ON s.id = inserted.session_id
 ), event AS (
   INSERT INTO registration_event (kind, registration_id, session_id, participant_id, waitlist_position, actor_id)
   SELECT (CASE inserted.status WHEN 'CONFIRMED' THEN 'CONFIRMED' ELSE 'WAITLISTED' END)::registration_event_kind,
          inserted.id, inserted.session_id, inserted.participant_id,
          CASE WHEN inserted.status = 'WAITLISTED' THEN counts.waitlisted + 1 END, $3
     FROM inserted, counts
   RETURNING id, kind, waitlist_position
 )
 SELECT inserted.*, event.id AS event_id, event.kind AS event_kind, event.waitlist_position AS event_waitlist_position,
        p.childcare_capacity, p.lists_children, s.starts_at AS session_starts_at, p.reminder_offsets_minutes,
        s.capacity AS session_capacity, s.status AS session_status,
        counts.seated + (inserted.status = 'CONFIRMED')::int AS seated_after,
        counts.waitlisted + (inserted.status = 'WAITLISTED')::int AS waitlisted_after,
        coalesce((SELECT json_agg(json_build_object('condition', sa.condition, 'active', sa.active, 'episodes', sa.episodes))
                    FROM session_alert sa WHERE sa.session_id = s.id), '[]'::json) AS alerts
   FROM inserted, event, counts, session s JOIN programme p ON p.id = s.programme_id
  WHERE s.id = $1`;
