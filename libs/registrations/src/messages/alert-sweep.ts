import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '@app/common';
import { Transactions } from '@app/database';
import { JobName, OnJob } from '@app/queues';
import { RegistrationMessageKind } from './registration-message-kinds';
import { RegistrationMessagesRepository } from './registration-messages.repository';
import { StaffRecipients } from './staff-recipients';

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
    private readonly transactions: Transactions,
    private readonly messages: RegistrationMessagesRepository,
    private readonly staff: StaffRecipients,
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
    const sessions = await this.messages.underBookedSessionIds(now, new Date(now.getTime() + UNDER_BOOKED_HOURS * 3_600_000), UNDER_BOOKED_MINIMUM);
    let written = 0;
    for (const id of sessions) {
      await this.transactions.run(async (tx) => {
        const staff = await this.staff.sessionStaff(tx, id);
        await this.staff.write(
          tx,
          staff.map((userId) => ({
            kind: RegistrationMessageKind.UNDER_BOOKED,
            userId,
            sessionId: id,
            dueAt: now,
            dedupeKey: `${RegistrationMessageKind.UNDER_BOOKED}|${id}|${userId}`,
          })),
        );
        written += staff.length;
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
    const hosts = await this.messages.hostsOfDay(day);
    for (const userId of hosts) {
      const message = {
        kind: RegistrationMessageKind.HOST_DIGEST,
        userId,
        sessionId: null,
        dueAt: this.clock.now(),
        dedupeKey: `${RegistrationMessageKind.HOST_DIGEST}|${userId}|${day}`,
        payload: { day },
      };
      await this.transactions.run((tx) => this.staff.write(tx, [message]));
    }
    return hosts.length;
  }

  private async schoolDigests(): Promise<number> {
    const day = this.tomorrow();
    if (!day) return 0;
    const contacts = await this.messages.schoolContactsOfDay(day);
    for (const userId of contacts) {
      const message = {
        kind: RegistrationMessageKind.SCHOOL_DIGEST,
        userId,
        sessionId: null,
        dueAt: this.clock.now(),
        dedupeKey: `${RegistrationMessageKind.SCHOOL_DIGEST}|${userId}|${day}`,
        payload: { day },
      };
      await this.transactions.run((tx) => this.staff.write(tx, [message]));
    }
    return contacts.length;
  }
}
