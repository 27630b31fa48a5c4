import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { JobName, OnJob } from '@app/queues';
import { SEATED_REGISTRATION_STATUSES } from '../entities';
import { RegistrationMessageKind } from './registration-message-kinds';
import { insertStaffNotification, sessionStaff } from './staff-recipients';

/** Fewer confirmed than this two days ahead, and the host hears it: recruit, or cancel in time. */
export const UNDER_BOOKED_MINIMUM = 3;
export const UNDER_BOOKED_HOURS = 48;
/** Digests of tomorrow go out from this hour (Brussels), once per day. */
export const DIGEST_HOUR = 17;
const ZONE = 'Europe/Brussels';

/**
 * The time-driven alerts, run every few minutes by the worker: under-booked sessions two days
 * ahead, and the daily digests (hosts: tomorrow's sessions; schools: parents to remind). Every row
 * has a dedupe key per day or session, so running it again writes nothing twice.
 */
@Injectable()
export class AlertSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.SWEEP_ALERTS)
  async sweep(): Promise<{ underBooked: number; hostDigests: number; schoolDigests: number }> {
    return {
      underBooked: await this.underBooked(),
      hostDigests: await this.hostDigests(),
      schoolDigests: await this.schoolDigests(),
    };
  }

  private async underBooked(): Promise<number> {
    const now = this.clock.now();
    const sessions = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM session s
        WHERE s.status = 'SCHEDULED' AND s.starts_at > $1 AND s.starts_at <= $2
          AND (SELECT count(*) FROM registration r WHERE r.session_id = s.id AND r.status = ANY($4::registration_status[])) < $3`,
      [now, new Date(now.getTime() + UNDER_BOOKED_HOURS * 3_600_000), UNDER_BOOKED_MINIMUM, [...SEATED_REGISTRATION_STATUSES]],
    );
    let written = 0;
    for (const { id } of sessions) {
      await this.dataSource.transaction(async (manager) => {
        for (const userId of await sessionStaff(manager, id)) {
          await insertStaffNotification(manager, { kind: RegistrationMessageKind.UNDER_BOOKED, userId, sessionId: id, dueAt: now, dedupeKey: `${RegistrationMessageKind.UNDER_BOOKED}|${id}|${userId}` });
          written += 1;
        }
      });
    }
    return written;
  }

  /** Tomorrow in Brussels, once the digest hour has come; null before. */
  private tomorrow(): string | null {
    const local = DateTime.fromJSDate(this.clock.now(), { zone: ZONE });
    return local.hour >= DIGEST_HOUR ? local.plus({ days: 1 }).toISODate() : null;
  }

  private async hostDigests(): Promise<number> {
    const day = this.tomorrow();
    if (!day) return 0;
    const hosts = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT DISTINCT sh.user_id FROM session s JOIN session_host sh ON sh.session_id = s.id
        WHERE s.status = 'SCHEDULED' AND (s.starts_at AT TIME ZONE '${ZONE}')::date = $1::date`,
      [day],
    );
    for (const { user_id } of hosts) {
      await insertStaffNotification(this.dataSource.manager, { kind: RegistrationMessageKind.HOST_DIGEST, userId: user_id, sessionId: null, dueAt: this.clock.now(), dedupeKey: `${RegistrationMessageKind.HOST_DIGEST}|${user_id}|${day}`, payload: { day } });
    }
    return hosts.length;
  }

  private async schoolDigests(): Promise<number> {
    const day = this.tomorrow();
    if (!day) return 0;
    const contacts = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT DISTINCT u.id AS user_id
         FROM session s JOIN registration r ON r.session_id = s.id JOIN participant p ON p.id = r.participant_id
         JOIN app_user u ON u.organisation_id = p.registered_by_organisation_id AND u.active AND 'SCHOOL_CONTACT' = ANY(u.roles::text[])
        WHERE s.status = 'SCHEDULED' AND r.status IN ('CONFIRMED', 'WAITLISTED') AND p.contact_channel = 'VIA_ORGANISATION'
          AND (s.starts_at AT TIME ZONE '${ZONE}')::date = $1::date`,
      [day],
    );
    for (const { user_id } of contacts) {
      await insertStaffNotification(this.dataSource.manager, { kind: RegistrationMessageKind.SCHOOL_DIGEST, userId: user_id, sessionId: null, dueAt: this.clock.now(), dedupeKey: `${RegistrationMessageKind.SCHOOL_DIGEST}|${user_id}|${day}`, payload: { day } });
    }
    return contacts.length;
  }
}
