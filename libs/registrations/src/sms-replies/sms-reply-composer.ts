import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { ComposesMessages, type Composition, type MessageComposer, type OutboxRow } from '@app/messaging';
import { SessionStatus } from '@app/scheduling';
import { RegistrationStatus } from '../entities';
import { RegistrationMessageKind } from '../messages/registration-message-kinds';
import { RegistrationMessagesRepository, type Subject } from '../messages/registration-messages.repository';
import { PersonalLinks } from '../self-service/personal-links';

const LIVE = new Set<string>([RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.OFFERED]);

/**
 * The answers to SMS replies, read fresh when they leave: the confirmation of a STOP (the one SMS
 * that still goes to a number on the opt-out list) and the help answer with the personal link. Both
 * answer a message the person just sent, so they do not wait for the morning.
 */
@Injectable()
@ComposesMessages(RegistrationMessageKind.SMS_STOPPED, RegistrationMessageKind.SMS_REPLY_HELP)
export class SmsReplyComposer implements MessageComposer {
  constructor(
    private readonly messages: RegistrationMessagesRepository,
    private readonly links: PersonalLinks,
  ) {}

  async compose(tx: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const subject = await this.messages.subjectOf(tx, row.registrationId);
    if (!subject?.phone) return { stale: 'the participant has no phone number any more' };
    const vars = {
      firstName: subject.first_name,
      sessionTitle: subject.title,
      startsAt: subject.starts_at,
      endsAt: subject.ends_at,
      venueName: subject.venue_name,
      venueAddress: subject.venue_address,
    };
    if (row.kind === RegistrationMessageKind.SMS_STOPPED) return { to: subject.phone, vars, calendar: null, ignoresQuietHours: true, confirmsOptOut: true };
    const stale = helpStale(subject, now);
    if (stale) return { stale };
    return { to: subject.phone, vars: { ...vars, link: this.links.urlFor(row.registrationId!) }, calendar: null, ignoresQuietHours: true };
  }
}

/** The help answer points at a link that must still do something. */
function helpStale(subject: Subject, now: Date): string | null {
  if (subject.session_status === SessionStatus.CANCELLED) return 'the session was cancelled';
  if (new Date(subject.starts_at).getTime() <= now.getTime()) return 'the session has started';
  if (!LIVE.has(subject.registration_status ?? '')) return `the registration is ${subject.registration_status}`;
  return null;
}
