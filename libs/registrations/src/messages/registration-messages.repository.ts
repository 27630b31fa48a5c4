import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, type Transaction } from '@app/database';
import type { SessionStatus } from '@app/scheduling';
import { ContactChannel, RegistrationCodeStatus, RegistrationStatus, SEATED_REGISTRATION_STATUSES } from '../entities';
import { seatCounts } from '../registrations/registrations.repository';

const ZONE = 'Europe/Brussels';

/** A registration as its messages need it: who, how to reach them, when, and which reminders. */
export interface Recipient {
  registration_id: string;
  session_id: string;
  participant_id: string;
  contact_channel: ContactChannel;
  phone: string | null;
  email: string | null;
  consent_to_contact: boolean;
  preferred_language: string;
  starts_at: Date;
  reminder_offsets_minutes: number[];
}

/** What a participant's message says, read when it is sent. */
export interface Subject {
  first_name: string;
  phone: string | null;
  email: string | null;
  registration_status: RegistrationStatus | null;
  seat_offer_expires_at: Date | null;
  title: string;
  starts_at: Date;
  ends_at: Date;
  session_status: SessionStatus;
  cancellation_reason: string | null;
  venue_name: string;
  venue_address: string;
  organisation_phone: string | null;
  calendar_sequence: number;
  calendar_changed_at: Date;
}

export interface CodeRequestRow {
  first_name: string;
  phone: string;
  status: RegistrationCodeStatus;
  expires_at: Date;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
}

export interface SessionRow {
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
}

export interface LineRow extends SessionRow {
  first_name: string;
  last_name: string | null;
  preferred_language: string;
  phone: string | null;
  status: string;
  contact_channel: string;
}

export interface SessionLoad {
  id: string;
  capacity: number;
  status: string;
  seated: number;
  waitlisted: number;
}

export interface AlertState {
  session_id: string;
  condition: string;
  active: boolean;
  episodes: number;
}

const ofDay = `(s.starts_at AT TIME ZONE '${ZONE}')::date = $2::date AND s.status = 'SCHEDULED'`;

/**
 * The reads behind registrations' messages (registrations, participants, sessions, venues,
 * organisations, programmes) and the episode state of the capacity alerts (session_alert).
 */
@Injectable()
export class RegistrationMessagesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The hosts of a session (scheduling's session_host, read along registrations → scheduling). */
  async sessionHostIds(tx: Transaction, sessionId: string): Promise<string[]> {
    const rows = await this.on(tx).query<{ user_id: string }[]>(`SELECT user_id FROM session_host WHERE session_id = $1`, [sessionId]);
    return rows.map((row) => row.user_id);
  }

  async recipients(tx: Transaction, registrationIds: string[]): Promise<Map<string, Recipient>> {
    const rows = await this.on(tx).query<Recipient[]>(
      `SELECT r.id AS registration_id, r.session_id, p.id AS participant_id, p.contact_channel, p.phone, p.email, p.consent_to_contact,
              p.preferred_language, s.starts_at, pr.reminder_offsets_minutes
         FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id JOIN programme pr ON pr.id = s.programme_id
        WHERE r.id = ANY($1::uuid[])`,
      [registrationIds],
    );
    return new Map(rows.map((row) => [row.registration_id, row]));
  }

  async reminderOffsetsOf(tx: Transaction, programmeId: string): Promise<number[]> {
    const [programme] = await this.on(tx).query<{ reminder_offsets_minutes: number[] }[]>(`SELECT reminder_offsets_minutes FROM programme WHERE id = $1`, [
      programmeId,
    ]);
    return programme.reminder_offsets_minutes;
  }

  async sessionIdsOfProgramme(tx: Transaction, programmeId: string): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(`SELECT id FROM session WHERE programme_id = $1`, [programmeId]);
    return rows.map((row) => row.id);
  }

  /** Confirmed registrations of the programme's scheduled sessions that start after `now`. */
  async seatedUpcoming(tx: Transaction, programmeId: string, now: Date): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(
      `SELECT r.id FROM registration r JOIN session s ON s.id = r.session_id
        WHERE s.programme_id = $1 AND s.status = 'SCHEDULED' AND s.starts_at > $2 AND r.status = 'CONFIRMED'`,
      [programmeId, now],
    );
    return rows.map((row) => row.id);
  }

  /** Confirmed and waiting registrations of the session. */
  async liveRegistrationIds(tx: Transaction, sessionId: string): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(
      `SELECT id FROM registration WHERE session_id = $1 AND status IN ('CONFIRMED', 'OFFERED', 'WAITLISTED')`,
      [sessionId],
    );
    return rows.map((row) => row.id);
  }

  async subjectOf(tx: Transaction, registrationId: string | null): Promise<Subject | null> {
    if (registrationId === null) return null;
    return (await this.subjectsOf(tx, [registrationId])).get(registrationId) ?? null;
  }

  /** The subjects of many registrations in one statement, by registration id (a missing one is absent). */
  async subjectsOf(tx: Transaction, registrationIds: readonly string[]): Promise<Map<string, Subject>> {
    if (registrationIds.length === 0) return new Map();
    const rows = await this.on(tx).query<(Subject & { registration_id: string })[]>(
      `SELECT r.id AS registration_id, p.first_name, p.phone, p.email, r.status AS registration_status, r.seat_offer_expires_at, s.title, s.starts_at, s.ends_at,
              s.status AS session_status, s.cancellation_reason, v.name AS venue_name, v.address AS venue_address, o.phone AS organisation_phone,
              s.calendar_sequence, s.calendar_changed_at
         FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id JOIN venue v ON v.id = s.venue_id
         JOIN organisation o ON o.id = v.organisation_id
        WHERE r.id = ANY($1::uuid[])`,
      [[...new Set(registrationIds)]],
    );
    return new Map(rows.map(({ registration_id, ...subject }) => [registration_id, subject]));
  }

  async codeRequestOf(tx: Transaction, requestId: unknown): Promise<CodeRequestRow | null> {
    const [request] = await this.on(tx).query<CodeRequestRow[]>(
      `SELECT q.first_name, q.phone, q.status, q.expires_at, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address
         FROM registration_code_request q JOIN session s ON s.id = q.session_id JOIN venue v ON v.id = s.venue_id
        WHERE q.id = $1`,
      [requestId],
    );
    return request ?? null;
  }

  async sessionLoads(tx: Transaction, sessionIds: readonly string[]): Promise<SessionLoad[]> {
    const manager = this.on(tx);
    const sessions = await manager.query<{ id: string; capacity: number; status: string }[]>(
      `SELECT id, capacity, status FROM session WHERE id = ANY($1::uuid[])`,
      [[...sessionIds]],
    );
    const counts = await seatCounts(
      manager,
      sessions.map((session) => session.id),
    );
    return sessions.map((session) => ({ ...session, ...counts.get(session.id)! }));
  }

  /**
   * Each session's load (as sessionLoads counts it) with its stored alert states, in one statement:
   * what the capacity alerts compare on every registration change.
   */
  async loadsWithAlertStates(tx: Transaction, sessionIds: readonly string[]): Promise<(SessionLoad & { alerts: Omit<AlertState, 'session_id'>[] })[]> {
    return this.on(tx).query(
      `SELECT s.id, s.capacity, s.status, c.seated, c.waitlisted, coalesce(a.alerts, '[]'::json) AS alerts
         FROM session s
        CROSS JOIN LATERAL (
              SELECT count(*) FILTER (WHERE r.status = ANY($2::registration_status[]) AND NOT r.beyond_capacity)::int AS seated,
                     count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
                FROM registration r WHERE r.session_id = s.id) c
         LEFT JOIN LATERAL (
              SELECT json_agg(json_build_object('condition', sa.condition, 'active', sa.active, 'episodes', sa.episodes)) AS alerts
                FROM session_alert sa WHERE sa.session_id = s.id) a ON true
        WHERE s.id = ANY($1::uuid[])`,
      [[...sessionIds], [...SEATED_REGISTRATION_STATUSES]],
    );
  }

  async saveAlertState(tx: Transaction, sessionId: string, condition: string, active: boolean, episodes: number): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO session_alert (session_id, condition, active, episodes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, condition) DO UPDATE SET active = EXCLUDED.active, episodes = EXCLUDED.episodes`,
      [sessionId, condition, active, episodes],
    );
  }

  async sessionOf(tx: Transaction, sessionId: string | null): Promise<SessionRow | null> {
    const [session] = await this.on(tx).query<SessionRow[]>(
      `SELECT s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address FROM session s JOIN venue v ON v.id = s.venue_id WHERE s.id = $1`,
      [sessionId],
    );
    return session ?? null;
  }

  /** Who comes to the host's sessions of the day. */
  async hostLines(tx: Transaction, userId: string, day: string): Promise<LineRow[]> {
    return this.on(tx).query<LineRow[]>(
      `SELECT p.first_name, p.last_name, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address, p.preferred_language, p.phone, r.status, p.contact_channel
         FROM session s JOIN venue v ON v.id = s.venue_id JOIN session_host sh ON sh.session_id = s.id AND sh.user_id = $1
         JOIN registration r ON r.session_id = s.id AND r.status IN ('CONFIRMED', 'OFFERED', 'WAITLISTED')
         JOIN participant p ON p.id = r.participant_id
        WHERE ${ofDay} ORDER BY s.starts_at, r.status, r.arrival`,
      [userId, day],
    );
  }

  /** The organisation's parents (reached through it) who come on the day. */
  async schoolLines(tx: Transaction, organisationId: string, day: string): Promise<LineRow[]> {
    return this.on(tx).query<LineRow[]>(
      `SELECT p.first_name, p.last_name, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address, p.preferred_language, p.phone, r.status, p.contact_channel
         FROM session s JOIN venue v ON v.id = s.venue_id JOIN registration r ON r.session_id = s.id AND r.status IN ('CONFIRMED', 'OFFERED', 'WAITLISTED')
         JOIN participant p ON p.id = r.participant_id AND p.registered_by_organisation_id = $1 AND p.contact_channel = 'VIA_ORGANISATION'
        WHERE ${ofDay} ORDER BY s.starts_at, p.first_name`,
      [organisationId, day],
    );
  }

  /** Scheduled sessions starting in (now, until] with fewer seated than `minimum`. */
  async underBookedSessionIds(now: Date, until: Date, minimum: number): Promise<string[]> {
    const rows = await this.on().query<{ id: string }[]>(
      `SELECT s.id FROM session s
        WHERE s.status = 'SCHEDULED' AND s.starts_at > $1 AND s.starts_at <= $2
          AND (SELECT count(*) FROM registration r WHERE r.session_id = s.id AND r.status = ANY($4::registration_status[])) < $3`,
      [now, until, minimum, [...SEATED_REGISTRATION_STATUSES]],
    );
    return rows.map((row) => row.id);
  }

  /** Hosts of a scheduled session on the day (Brussels). */
  async hostsOfDay(day: string): Promise<string[]> {
    const rows = await this.on().query<{ user_id: string }[]>(
      `SELECT DISTINCT sh.user_id FROM session s JOIN session_host sh ON sh.session_id = s.id
        WHERE s.status = 'SCHEDULED' AND (s.starts_at AT TIME ZONE '${ZONE}')::date = $1::date`,
      [day],
    );
    return rows.map((row) => row.user_id);
  }

  /** Active school contacts of organisations whose parents (reached through them) come on the day. */
  async schoolContactsOfDay(day: string): Promise<string[]> {
    const rows = await this.on().query<{ user_id: string }[]>(
      `SELECT DISTINCT u.id AS user_id
         FROM session s JOIN registration r ON r.session_id = s.id JOIN participant p ON p.id = r.participant_id
         JOIN app_user u ON u.organisation_id = p.registered_by_organisation_id AND u.active AND 'SCHOOL_CONTACT' = ANY(u.roles::text[])
        WHERE s.status = 'SCHEDULED' AND r.status IN ('CONFIRMED', 'OFFERED', 'WAITLISTED') AND p.contact_channel = 'VIA_ORGANISATION'
          AND (s.starts_at AT TIME ZONE '${ZONE}')::date = $1::date`,
      [day],
    );
    return rows.map((row) => row.user_id);
  }
}
