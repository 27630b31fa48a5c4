import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { Outbox } from '@app/messaging';
import { ParticipantsService } from '@app/registrations';
import { AuditLog } from '../audit/audit-log.service';
import { AuditAction, AuditSubjectKind } from '../entities';
import { ConsentRecordsRepository } from './consent-records.repository';

/**
 * What an SMS reply did, in privacy's records, in the reply's transaction: a STOP is a consent
 * withdrawn by the person themself (recorded by nobody, as the system: the privacy desk shows it in
 * the consent history, and what was still to go to them is cancelled), and every reply about a
 * participant is an audit entry with its keyword and outcome. The text stays out of the log (it may
 * say anything about anyone); it is kept in sms_inbound, which retention and erasure delete.
 * A reply from an unknown number is about nobody we know: its sms_inbound row is its only record.
 */
@Injectable()
export class SmsReplyConsent {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly records: ConsentRecordsRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  @OnEvent({ name: 'smsReply.handled', order: 100 })
  async onSmsReplyHandled(tx: Transaction, reply: EventMap['smsReply.handled']): Promise<void> {
    for (const participantId of reply.consentWithdrawnFrom) {
      const change = { consentToContact: false, consentRecordedAt: reply.at, consentRecordedById: null };
      await this.records.keepCurrentAnswer(participantId, tx);
      await this.participants.recordConsent(tx, participantId, change);
      await this.records.insert({ participantId, consent: false, recordedAt: reply.at, recordedById: null }, tx);
      await this.outbox.cancelPending(tx, { participantId }, 'the participant answered STOP by SMS');
    }
    if (reply.participantId)
      await this.audit.record(tx, {
        action: AuditAction.CHANGE,
        subjectKind: AuditSubjectKind.PARTICIPANT,
        subjectId: reply.participantId,
        actorUserId: null,
        reason: `SMS reply ${reply.keyword ?? '(no keyword)'}: ${reply.outcome}`,
      });
  }
}
