import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { ComposesMessages, type Composition, type DigestLine, type MessageComposer, type MessageVariables, type OutboxRow } from '@app/messaging';
import { RegistrationMessageKind } from './registration-message-kinds';
import { sessionLoads, WAITLIST_LONG_THRESHOLD } from './capacity-alerts';
import { UNDER_BOOKED_MINIMUM } from './alert-sweep';

const ZONE = 'Europe/Brussels';

export type StaffMessage = { to: string; vars: MessageVariables } | { stale: string };

interface SessionRow {
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
}

/**
 * The content of an alert or digest to a user, read fresh when it is sent, or why it is no longer
 * true (the session emptied again, was cancelled, or there is nobody to list).
 */
export async function composeStaffMessage(manager: EntityManager, row: OutboxRow, now: Date): Promise<StaffMessage> {
  const [user] = await manager.query<{ email: string; display_name: string; active: boolean; organisation_id: string | null }[]>(
    `SELECT email, display_name, active, organisation_id FROM app_user WHERE id = $1`,
    [row.userId],
  );
  if (!user?.active) return { stale: 'the user is no longer active' };
  if (row.kind === RegistrationMessageKind.SMS_CODE_BUDGET_REACHED) {
    const reachedAt = new Date(String(row.payload.reachedAt));
    return { to: user.email, vars: { firstName: user.display_name, sessionTitle: '', startsAt: reachedAt, endsAt: reachedAt, venueName: '', venueAddress: '', capacity: Number(row.payload.budget) } };
  }
  if (row.kind === RegistrationMessageKind.HOST_DIGEST || row.kind === RegistrationMessageKind.SCHOOL_DIGEST) {
    const rows = row.kind === RegistrationMessageKind.HOST_DIGEST ? await hostLines(manager, row.userId!, String(row.payload.day)) : await schoolLines(manager, user.organisation_id, String(row.payload.day));
    if (rows.length === 0) return { stale: 'nobody to list' };
    // The digest's heading names the first session of the day; every line names its own.
    const [first] = rows;
    const lines = rows.map((line) => line.line);
    return {
      to: user.email,
      vars: { firstName: user.display_name, sessionTitle: first.row.title, startsAt: new Date(first.row.starts_at), endsAt: new Date(first.row.ends_at), venueName: first.row.venue_name, venueAddress: first.row.venue_address, lines },
    };
  }
  const [session] = await manager.query<SessionRow[]>(
    `SELECT s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address FROM session s JOIN venue v ON v.id = s.venue_id WHERE s.id = $1`,
    [row.sessionId],
  );
  const [load] = await sessionLoads(manager, [row.sessionId!]);
  if (!session || !load) return { stale: 'the session no longer exists' };
  if (load.status !== 'SCHEDULED') return { stale: 'the session was cancelled' };
  if (new Date(session.starts_at).getTime() <= now.getTime()) return { stale: 'the session has started' };
  const stillTrue =
    (row.kind === RegistrationMessageKind.SESSION_FULL && load.seated >= load.capacity) ||
    (row.kind === RegistrationMessageKind.WAITLIST_LONG && load.waitlisted >= WAITLIST_LONG_THRESHOLD) ||
    (row.kind === RegistrationMessageKind.UNDER_BOOKED && load.seated < UNDER_BOOKED_MINIMUM);
  if (!stillTrue) return { stale: 'the condition no longer holds' };
  return {
    to: user.email,
    vars: {
      firstName: user.display_name,
      sessionTitle: session.title,
      startsAt: new Date(session.starts_at),
      endsAt: new Date(session.ends_at),
      venueName: session.venue_name,
      venueAddress: session.venue_address,
      confirmedCount: load.seated,
      capacity: load.capacity,
      waitlistCount: load.waitlisted,
    },
  };
}

/** Alerts and digests to staff about sessions and their seats, and the code SMS budget alert. */
@Injectable()
@ComposesMessages(
  RegistrationMessageKind.SESSION_FULL,
  RegistrationMessageKind.WAITLIST_LONG,
  RegistrationMessageKind.UNDER_BOOKED,
  RegistrationMessageKind.HOST_DIGEST,
  RegistrationMessageKind.SCHOOL_DIGEST,
  RegistrationMessageKind.SMS_CODE_BUDGET_REACHED,
)
export class StaffMessageComposer implements MessageComposer {
  async compose(manager: EntityManager, row: OutboxRow, now: Date): Promise<Composition> {
    const staff = await composeStaffMessage(manager, row, now);
    return 'stale' in staff ? staff : { to: staff.to, vars: { ...staff.vars }, calendar: null };
  }
}

const ofDay = `(s.starts_at AT TIME ZONE '${ZONE}')::date = $2::date AND s.status = 'SCHEDULED'`;

interface LineRow extends SessionRow {
  first_name: string;
  last_name: string | null;
  title: string;
  starts_at: Date;
  preferred_language: string;
  phone: string | null;
  status: string;
  contact_channel: string;
}

function toLine(row: LineRow, how: string): { row: LineRow; line: DigestLine } {
  return { row, line: { firstName: row.first_name, lastName: row.last_name, sessionTitle: row.title, startsAt: new Date(row.starts_at), language: row.preferred_language, phone: row.phone, how } };
}

async function hostLines(manager: EntityManager, userId: string, day: string): Promise<{ row: LineRow; line: DigestLine }[]> {
  const rows = await manager.query<LineRow[]>(
    `SELECT p.first_name, p.last_name, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address, p.preferred_language, p.phone, r.status, p.contact_channel
       FROM session s JOIN venue v ON v.id = s.venue_id JOIN session_host sh ON sh.session_id = s.id AND sh.user_id = $1
       JOIN registration r ON r.session_id = s.id AND r.status IN ('CONFIRMED', 'WAITLISTED')
       JOIN participant p ON p.id = r.participant_id
      WHERE ${ofDay} ORDER BY s.starts_at, r.status, r.arrival`,
    [userId, day],
  );
  return rows.map((row) => toLine(row, row.status === 'CONFIRMED' ? 'komt' : 'wachtlijst'));
}

async function schoolLines(manager: EntityManager, organisationId: string | null, day: string): Promise<{ row: LineRow; line: DigestLine }[]> {
  if (!organisationId) return [];
  const rows = await manager.query<LineRow[]>(
    `SELECT p.first_name, p.last_name, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address, p.preferred_language, p.phone, r.status, p.contact_channel
       FROM session s JOIN venue v ON v.id = s.venue_id JOIN registration r ON r.session_id = s.id AND r.status IN ('CONFIRMED', 'WAITLISTED')
       JOIN participant p ON p.id = r.participant_id AND p.registered_by_organisation_id = $1 AND p.contact_channel = 'VIA_ORGANISATION'
      WHERE ${ofDay} ORDER BY s.starts_at, p.first_name`,
    [organisationId, day],
  );
  return rows.map((row) => toLine(row, `${row.phone ? `bellen (${row.phone})` : 'persoonlijk aanspreken'}${row.status === 'WAITLISTED' ? ', staat op de wachtlijst' : ''}, ${DateTime.fromJSDate(new Date(row.starts_at), { zone: ZONE }).toFormat('HH:mm')}`));
}
