import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@app/common';
import { Transactions } from '@app/database';
import { Outbox, SmsOptOuts } from '@app/messaging';
import { ParticipantsService, registrationPolicy, ParticipantEntity } from '@app/registrations';
import { ConsentRecord, ConsentRecordsRepository } from './consent-records.repository';

export type { ConsentRecord } from './consent-records.repository';

/**
 * Consent to be contacted, after registration: given or withdrawn, always with the date and who
 * recorded it. Withdrawing it cancels the messages still waiting to go to them; giving it lets the
 * next messages go (earlier reminders are not made up for). Each answer is kept (consent_record).
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly participants: ParticipantsService,
    private readonly records: ConsentRecordsRepository,
    private readonly clock: Clock,
    private readonly optOuts: SmsOptOuts,
  ) {}

  /** Whoever may see the participant (a coordinator, their school's contact, their host) records it. */
  async recordConsent(actor: Actor | null, participantId: string, consent: boolean): Promise<ParticipantEntity> {
    const viewer = registrationPolicy.requireLoggedIn(actor);
    return this.transactions.run(async (tx) => {
      // Refuses an erased participant too (CONFLICT).
      const participant = await this.participants.requireVisible(tx, viewer, participantId);
      const changes = { consentToContact: consent, consentRecordedAt: this.clock.now(), consentRecordedById: viewer.userId };
      await this.records.keepCurrentAnswer(participant.id, tx);
      // The participant row is registrations'; the pending messages are messaging's: each through its owner.
      await this.participants.recordConsent(tx, participant.id, changes);
      await this.records.insert({ participantId: participant.id, consent, recordedAt: changes.consentRecordedAt, recordedById: viewer.userId }, tx);
      if (!consent) await this.outbox.cancelPending(tx, { participantId: participant.id }, 'consent to contact was withdrawn');
      // Consent given again to staff undoes an earlier STOP by SMS: their number may be texted again.
      if (consent && participant.phone) await this.optOuts.lift(tx, participant.phone);
      return { ...participant, ...changes };
    });
  }

  /** Every answer, newest first, for whoever may see the participant (as recordConsent). */
  async consentHistory(actor: Actor | null, participantId: string): Promise<ConsentRecord[]> {
    const viewer = registrationPolicy.requireLoggedIn(actor);
    return this.transactions.run(async (tx) => {
      const participant = await this.participants.requireVisible(tx, viewer, participantId);
      return this.records.history(participant.id, tx);
    });
  }
}
