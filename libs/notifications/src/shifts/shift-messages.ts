import { EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities';
import { calendarMessage } from '../channels/calendar-message';
import { MessageKind, MessageVariables } from '../templates/message-kinds';

export const SHIFT_MESSAGE_KINDS: ReadonlySet<string> = new Set([MessageKind.SHIFT_REMINDER, MessageKind.SHIFT_UNDERSTAFFED, MessageKind.SHIFT_SWAP_REQUESTED]);

export type ShiftMessage = { to: string; vars: MessageVariables; calendar: string | null } | { stale: string };

interface ShiftRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  needed: number;
  held: number;
  place: string | null;
  address: string | null;
}

const SHIFT_WITH_PLACE = `SELECT s.id, s.title, s.starts_at, s.ends_at, s.status, s.needed,
       (SELECT count(*)::int FROM shift_assignment h WHERE h.shift_id = s.id AND h.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) AS held,
       COALESCE(v.name, e.site_name) AS place, COALESCE(v.address, e.site_address) AS address
  FROM shift s LEFT JOIN session se ON se.id = s.session_id LEFT JOIN venue v ON v.id = se.venue_id LEFT JOIN festival_edition e ON e.id = s.edition_id`;

/** A shift reminder or under-staffed alert, read fresh when sent; or why it is no longer true. */
export async function composeShiftMessage(manager: EntityManager, row: NotificationEntity, now: Date): Promise<ShiftMessage> {
  const [user] = await manager.query<{ email: string; display_name: string; active: boolean }[]>(`SELECT email, display_name, active FROM app_user WHERE id = $1`, [row.userId]);
  if (!user?.active) return { stale: 'the user is no longer active' };
  if (row.kind === MessageKind.SHIFT_UNDERSTAFFED) {
    const [shift] = await manager.query<ShiftRow[]>(`${SHIFT_WITH_PLACE} WHERE s.id = $1`, [row.payload.shiftId]);
    if (!shift || shift.status !== 'OPEN') return { stale: 'the shift was cancelled' };
    if (new Date(shift.starts_at).getTime() <= now.getTime()) return { stale: 'the shift has begun' };
    if (shift.held >= shift.needed) return { stale: 'the shift is fully staffed now' };
    return { to: user.email, vars: varsOf(user.display_name, shift, { confirmedCount: shift.held, capacity: shift.needed }), calendar: null };
  }
  if (row.kind === MessageKind.SHIFT_SWAP_REQUESTED) return composeSwapRequest(manager, row, user, now);
  const [assignment] = await manager.query<{ status: string; shift_id: string; starts_at: Date; calendar_sequence: number; calendar_changed_at: Date }[]>(
    `SELECT status, shift_id, starts_at, calendar_sequence, calendar_changed_at FROM shift_assignment WHERE id = $1`,
    [row.shiftAssignmentId],
  );
  if (!assignment || assignment.status !== 'ASSIGNED') return { stale: 'the volunteer no longer has this shift' };
  const [shift] = await manager.query<ShiftRow[]>(`${SHIFT_WITH_PLACE} WHERE s.id = $1`, [assignment.shift_id]);
  if (shift.status !== 'OPEN') return { stale: 'the shift was cancelled' };
  if (new Date(shift.starts_at).getTime() <= now.getTime()) return { stale: 'the shift has begun' };
  if (new Date(String(row.payload.startsAt)).getTime() !== new Date(shift.starts_at).getTime()) return { stale: 'the shift moved' };
  return {
    to: user.email,
    vars: varsOf(user.display_name, shift, {}),
    // The same UID and SEQUENCE as the volunteer's calendar feed: an app holding both sees one shift.
    calendar: calendarMessage(
      'Oefenkansen',
      'PUBLISH',
      [
        {
          id: row.shiftAssignmentId!,
          start: shift.starts_at,
          end: shift.ends_at,
          summary: shift.title,
          location: [shift.place, shift.address].filter(Boolean).join(', ') || undefined,
          sequence: assignment.calendar_sequence,
          changedAt: assignment.calendar_changed_at,
        },
      ],
      now,
    ),
  };
}

/** Sent only while the colleague can still answer: the request open, the holder still on the shift as it was asked. */
async function composeSwapRequest(manager: EntityManager, row: NotificationEntity, user: { email: string; display_name: string }, now: Date): Promise<ShiftMessage> {
  const [request] = await manager.query<{ status: string; shift_id: string; from_name: string; assignment_status: string }[]>(
    `SELECT r.status, r.shift_id, u.display_name AS from_name, a.status AS assignment_status
       FROM shift_swap_request r JOIN app_user u ON u.id = r.from_volunteer_id JOIN shift_assignment a ON a.id = r.assignment_id WHERE r.id = $1`,
    [row.payload.requestId],
  );
  if (!request || request.status !== 'PENDING' || request.assignment_status !== 'ASSIGNED') return { stale: 'the swap request is no longer open' };
  const [shift] = await manager.query<ShiftRow[]>(`${SHIFT_WITH_PLACE} WHERE s.id = $1`, [request.shift_id]);
  if (shift.status !== 'OPEN') return { stale: 'the shift was cancelled' };
  if (new Date(shift.starts_at).getTime() <= now.getTime()) return { stale: 'the shift has begun' };
  return { to: user.email, vars: varsOf(user.display_name, shift, { colleagueName: request.from_name }), calendar: null };
}

function varsOf(firstName: string, shift: ShiftRow, extra: Partial<MessageVariables>): MessageVariables {
  return {
    firstName,
    sessionTitle: shift.title,
    startsAt: new Date(shift.starts_at),
    endsAt: new Date(shift.ends_at),
    venueName: shift.place ?? 'Kortrijk',
    venueAddress: shift.address ?? '8500 Kortrijk',
    ...extra,
  };
}
