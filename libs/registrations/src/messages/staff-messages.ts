import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { StaffDirectory } from '@app/auth';
import type { Transaction } from '@app/database';
import { ComposesMessages, type Composition, type DigestLine, type MessageComposer, type MessageVariables, type OutboxRow } from '@app/messaging';
import { UNDER_BOOKED_MINIMUM } from './alert-sweep';
import { WAITLIST_LONG_THRESHOLD } from './capacity-alerts';
import { RegistrationMessageKind } from './registration-message-kinds';
import { type LineRow, RegistrationMessagesRepository } from './registration-messages.repository';

const ZONE = 'Europe/Brussels';

/**
 * The content of an alert or digest to a user, read fresh when it is sent, or why it is no longer
 * true (the session emptied again, was cancelled, or there is nobody to list); and the code SMS
 * budget alert.
 */
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
  constructor(
    private readonly messages: RegistrationMessagesRepository,
    private readonly staff: StaffDirectory,
  ) {}

  async compose(manager: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const user = (await this.staff.contactsOf(manager, [row.userId!])).get(row.userId!);
    if (!user?.active) return { stale: 'the user is no longer active' };
    if (row.kind === RegistrationMessageKind.SMS_CODE_BUDGET_REACHED) {
      const reachedAt = new Date(String(row.payload.reachedAt));
      return message(user.email, {
        firstName: user.displayName,
        sessionTitle: '',
        startsAt: reachedAt,
        endsAt: reachedAt,
        venueName: '',
        venueAddress: '',
        capacity: Number(row.payload.budget),
      });
    }
    if (row.kind === RegistrationMessageKind.HOST_DIGEST || row.kind === RegistrationMessageKind.SCHOOL_DIGEST) {
      const rows =
        row.kind === RegistrationMessageKind.HOST_DIGEST
          ? await this.hostLines(manager, row.userId!, String(row.payload.day))
          : await this.schoolLines(manager, user.organisationId, String(row.payload.day));
      if (rows.length === 0) return { stale: 'nobody to list' };
      // The digest's heading names the first session of the day; every line names its own.
      const [first] = rows;
      const lines = rows.map((line) => line.line);
      return message(user.email, {
        firstName: user.displayName,
        sessionTitle: first.row.title,
        startsAt: new Date(first.row.starts_at),
        endsAt: new Date(first.row.ends_at),
        venueName: first.row.venue_name,
        venueAddress: first.row.venue_address,
        lines,
      });
    }
    const session = await this.messages.sessionOf(manager, row.sessionId);
    const [load] = await this.messages.sessionLoads(manager, [row.sessionId!]);
    if (!session || !load) return { stale: 'the session no longer exists' };
    if (load.status !== 'SCHEDULED') return { stale: 'the session was cancelled' };
    if (new Date(session.starts_at).getTime() <= now.getTime()) return { stale: 'the session has started' };
    const stillTrue =
      (row.kind === RegistrationMessageKind.SESSION_FULL && load.seated >= load.capacity) ||
      (row.kind === RegistrationMessageKind.WAITLIST_LONG && load.waitlisted >= WAITLIST_LONG_THRESHOLD) ||
      (row.kind === RegistrationMessageKind.UNDER_BOOKED && load.seated < UNDER_BOOKED_MINIMUM);
    if (!stillTrue) return { stale: 'the condition no longer holds' };
    return message(user.email, {
      firstName: user.displayName,
      sessionTitle: session.title,
      startsAt: new Date(session.starts_at),
      endsAt: new Date(session.ends_at),
      venueName: session.venue_name,
      venueAddress: session.venue_address,
      confirmedCount: load.seated,
      capacity: load.capacity,
      waitlistCount: load.waitlisted,
    });
  }

  private async hostLines(manager: Transaction, userId: string, day: string): Promise<{ row: LineRow; line: DigestLine }[]> {
    const rows = await this.messages.hostLines(manager, userId, day);
    return rows.map((row) => toLine(row, row.status === 'WAITLISTED' ? 'wachtlijst' : row.status === 'OFFERED' ? 'plaats aangeboden' : 'komt'));
  }

  private async schoolLines(manager: Transaction, organisationId: string | null, day: string): Promise<{ row: LineRow; line: DigestLine }[]> {
    if (!organisationId) return [];
    const rows = await this.messages.schoolLines(manager, organisationId, day);
    return rows.map((row) =>
      toLine(
        row,
        `${row.phone ? `bellen (${row.phone})` : 'persoonlijk aanspreken'}${row.status === 'WAITLISTED' ? ', staat op de wachtlijst' : ''}, ${DateTime.fromJSDate(new Date(row.starts_at), { zone: ZONE }).toFormat('HH:mm')}`,
      ),
    );
  }
}

function message(to: string, vars: MessageVariables): Composition {
  return { to, vars: { ...vars }, calendar: null };
}

function toLine(row: LineRow, how: string): { row: LineRow; line: DigestLine } {
  return {
    row,
    line: {
      firstName: row.first_name,
      lastName: row.last_name,
      sessionTitle: row.title,
      startsAt: new Date(row.starts_at),
      language: row.preferred_language,
      phone: row.phone,
      how,
    },
  };
}
