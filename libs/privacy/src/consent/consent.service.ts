import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@app/common';
import { Transactions } from '@app/database';
import { Outbox } from '@app/messaging';
import { ParticipantsService, registrationPolicy, ParticipantEntity } from '@app/registrations';

/**
 * Consent to be contacted, after registration: given or withdrawn, always with the date and who
 * recorded it. Withdrawing it cancels the messages still waiting to go to them; giving it lets the
 * next messages go (earlier reminders are not made up for).
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly participants: ParticipantsService,
    private readonly clock: Clock,
  ) {}

  /** Whoever may see the participant (a coordinator, their school's contact, their host) records it. */
  async recordConsent(actor: Actor | null, participantId: string, consent: boolean): Promise<ParticipantEntity> {
    const viewer = registrationPolicy.requireLoggedIn(actor);
    return this.transactions.run(async (tx) => {
      // Refuses an erased participant too (CONFLICT).
      const participant = await this.participants.requireVisible(tx, viewer, participantId);
      const changes = { consentToContact: consent, consentRecordedAt: this.clock.now(), consentRecordedById: viewer.userId };
      // The participant row is registrations'; the pending messages are messaging's: each through its owner.
      await this.participants.recordConsent(tx, participant.id, changes);
      if (!consent) await this.outbox.cancelPending(tx, { participantId: participant.id }, 'consent to contact was withdrawn');
      return { ...participant, ...changes };
    });
  }
}
