import { Injectable, Logger } from '@nestjs/common';
import { Actor, AppError, Clock, NotificationChannel, requireCoordinator, validate } from '@app/common';
import { type Transaction, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { Outbox, SmsOptOuts } from '@app/messaging';
import { HolderVia, RegistrationStatus, SmsReplyOutcome } from '../entities';
import { RegistrationMessageKind } from '../messages/registration-message-kinds';
import { HolderActions } from '../self-service/holder-actions.service';
import { parseInboundSms } from './inbound-sms';
import { keywordOf, SmsKeyword } from './keywords';
import { type InboundSms, type RepliedTo, SmsRepliesRepository, type SmsReplyRow } from './sms-replies.repository';

/** One reply as coordinators read it: the number masked but for its last 3 digits. */
export interface SmsReplyView {
  id: string;
  receivedAt: Date;
  maskedFrom: string;
  keyword: string | null;
  outcome: SmsReplyOutcome;
  text: string;
  participantId: string | null;
  firstName: string | null;
  sessionTitle: string | null;
}

export interface SmsReplyPage {
  replies: SmsReplyView[];
  totalCount: number;
}

/** The last 3 digits, the rest as dots: enough to tell two replies apart, not to call the person. */
export function maskPhone(phone: string): string {
  return `${'•'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
}

export interface SmsReplyResult {
  /** The gateway sent this message id before: nothing was done this time. */
  duplicate: boolean;
  outcome: SmsReplyOutcome | null;
}

/** A robot that answers every SMS must not start a loop that costs the city: one help answer per registration per clock hour. */
const HELP_WINDOW_MS = 3600_000;
const LIVE = new Set<string>([RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.OFFERED]);

/**
 * Two-way SMS: a reply the gateway forwards (POST /webhooks/sms, signature already checked) is
 * kept once per gateway message id and acted on for the registration the last SMS to that number
 * was about. STOP puts the number on messaging's opt-out list (every later SMS to it is skipped,
 * whatever its kind) and withdraws the consent of who it reaches (privacy records it); NO cancels,
 * YES confirms; anything else gets one short answer with the personal link. An unknown number gets
 * nothing: an SMS to a stranger costs money and invites pumping.
 */
@Injectable()
export class SmsReplies {
  private readonly logger = new Logger(SmsReplies.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: SmsRepliesRepository,
    private readonly outbox: Outbox,
    private readonly optOuts: SmsOptOuts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly holder: HolderActions,
  ) {}

  /** Validates the body (BAD_USER_INPUT naming the field, nothing stored), then handles it once. */
  async receive(body: unknown): Promise<SmsReplyResult> {
    const sms = parseInboundSms(body);
    return this.transactions.run(async (tx) => {
      const inboundId = await this.repository.claim(tx, sms);
      if (!inboundId) return { duplicate: true, outcome: null };
      const keyword = keywordOf(sms.text);
      const about = await this.repository.repliedTo(tx, sms.fromPhone);
      const now = this.clock.now();
      const { outcome, consentWithdrawnFrom } = about
        ? await this.act(tx, sms, keyword, about, now)
        : { outcome: SmsReplyOutcome.UNKNOWN_SENDER, consentWithdrawnFrom: [] };
      const participantId = about?.participant_id ?? null;
      await this.repository.record(tx, inboundId, { keyword, outcome, registrationId: about?.registration_id ?? null, participantId });
      // Privacy withdraws the consent first, which cancels what was still to go to them; the stop's confirmation is written after.
      await this.events.emit(tx, 'smsReply.handled', { inboundId, participantId, keyword, outcome, consentWithdrawnFrom, at: now });
      if (about && outcome === SmsReplyOutcome.STOPPED) await this.writeStopped(tx, inboundId, about, now);
      this.logger.log({ inboundId, keyword, outcome }, 'SMS reply handled');
      return { duplicate: false, outcome };
    });
  }

  /** The newest replies, for coordinators: who answered what, and what it did. */
  async replies(actor: Actor | null, first?: number | null): Promise<SmsReplyPage> {
    requireCoordinator(actor, 'read SMS replies');
    const size = validate.int('first', first ?? 50, 1, 200);
    const [rows, totalCount] = await Promise.all([this.repository.list(size), this.repository.count()]);
    return { replies: rows.map(viewOf), totalCount };
  }

  private async act(
    tx: Transaction,
    sms: InboundSms,
    keyword: SmsKeyword | null,
    about: RepliedTo,
    now: Date,
  ): Promise<{ outcome: SmsReplyOutcome; consentWithdrawnFrom: string[] }> {
    if (keyword === SmsKeyword.STOP) {
      const stopped = await this.optOuts.optOut(tx, sms.fromPhone, now);
      return {
        outcome: stopped ? SmsReplyOutcome.STOPPED : SmsReplyOutcome.ALREADY_STOPPED,
        consentWithdrawnFrom: await this.repository.reachedBySms(tx, sms.fromPhone),
      };
    }
    if (keyword !== null) {
      const acted = await this.holderAction(keyword, about);
      // A keyword that no longer applies (a waiting place said YES, the session started): the link says where they stand.
      if (!acted) await this.writeHelp(tx, about, sms, now);
      return { outcome: acted ?? SmsReplyOutcome.NOT_APPLICABLE, consentWithdrawnFrom: [] };
    }
    const helped = await this.writeHelp(tx, about, sms, now);
    return { outcome: helped ? SmsReplyOutcome.HELP_SENT : SmsReplyOutcome.HELP_SKIPPED, consentWithdrawnFrom: [] };
  }

  /**
   * NO cancels (an offered seat is declined: it passes on), YES says "I am coming" on a confirmed
   * seat; each in HolderActions' own transaction, which locks the session. Both are idempotent, so
   * when this reply's transaction fails after them the gateway's retry does no harm. Null: the
   * action does not apply to the registration as it is now.
   */
  private async holderAction(keyword: SmsKeyword.NO | SmsKeyword.YES, about: RepliedTo): Promise<SmsReplyOutcome | null> {
    const status = about.registration_status;
    try {
      if (keyword === SmsKeyword.NO) {
        if (status === RegistrationStatus.OFFERED) await this.holder.decline(about.registration_id, HolderVia.SMS);
        else if (LIVE.has(status)) await this.holder.cancel(about.registration_id, HolderVia.SMS);
        else return null;
        return SmsReplyOutcome.CANCELLED;
      }
      if (status !== RegistrationStatus.CONFIRMED && status !== RegistrationStatus.OFFERED) return null;
      await this.holder.confirm(about.registration_id, HolderVia.SMS);
      return SmsReplyOutcome.CONFIRMED;
    } catch (error) {
      // Started, cancelled session, no longer there: refused with a code, nothing changed.
      if (error instanceof AppError) return null;
      throw error;
    }
  }

  private async writeStopped(tx: Transaction, inboundId: string, about: RepliedTo, now: Date): Promise<void> {
    await this.outbox.write(tx, [
      {
        kind: RegistrationMessageKind.SMS_STOPPED,
        channel: NotificationChannel.SMS,
        language: about.preferred_language,
        participantId: about.participant_id,
        registrationId: about.registration_id,
        sessionId: about.session_id,
        dueAt: now,
        dedupeKey: `${RegistrationMessageKind.SMS_STOPPED}|${inboundId}`,
      },
    ]);
  }

  /**
   * The help answer, when it can still help (a live registration of a session still to come, to a
   * number that may be texted); false when none was written, also when one went out this hour.
   */
  private async writeHelp(tx: Transaction, about: RepliedTo, sms: InboundSms, now: Date): Promise<boolean> {
    if (!LIVE.has(about.registration_status) || new Date(about.starts_at).getTime() <= now.getTime()) return false;
    if (!about.consent_to_contact || (await this.optOuts.isOptedOut(tx, sms.fromPhone))) return false;
    const hour = Math.floor(now.getTime() / HELP_WINDOW_MS);
    const written = await this.outbox.write(tx, [
      {
        kind: RegistrationMessageKind.SMS_REPLY_HELP,
        channel: NotificationChannel.SMS,
        language: about.preferred_language,
        participantId: about.participant_id,
        registrationId: about.registration_id,
        sessionId: about.session_id,
        dueAt: now,
        dedupeKey: `${RegistrationMessageKind.SMS_REPLY_HELP}|${about.registration_id}|${hour}`,
      },
    ]);
    return written > 0;
  }
}

function viewOf(row: SmsReplyRow): SmsReplyView {
  return {
    id: row.id,
    receivedAt: row.received_at,
    maskedFrom: maskPhone(row.from_phone),
    keyword: row.keyword,
    outcome: row.outcome,
    text: row.text,
    participantId: row.participant_id,
    firstName: row.first_name,
    sessionTitle: row.session_title,
  };
}
