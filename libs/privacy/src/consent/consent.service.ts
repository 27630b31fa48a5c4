import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Clock } from '@app/common';
import { NotificationStatus } from '@app/messaging';
import { ParticipantsService, registrationPolicy, ParticipantEntity } from '@app/registrations';

/**
 * Consent to be contacted, after registration: given or withdrawn, always with the date and who
 * recorded it. Withdrawing it cancels the messages still waiting to go to them; giving it lets the
 * next messages go (earlier reminders are not made up for).
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participants: ParticipantsService,
    private readonly clock: Clock,
  ) {}

  /** Whoever may see the participant (a coordinator, their school's contact, their host) records it. */
  async recordConsent(actor: Actor | null, participantId: string, consent: boolean): Promise<ParticipantEntity> {
    const viewer = registrationPolicy.requireLoggedIn(actor);
    return this.dataSource.transaction(async (manager) => {
      // Refuses an erased participant too (CONFLICT).
      const participant = await this.participants.requireVisible(manager, viewer, participantId);
      const changes = { consentToContact: consent, consentRecordedAt: this.clock.now(), consentRecordedById: viewer.userId };
      await manager.update(ParticipantEntity, participant.id, changes);
      if (!consent) {
        await manager.query(`UPDATE notification SET status = $2, last_error = 'consent to contact was withdrawn', updated_at = now() WHERE participant_id = $1 AND status = $3`, [
          participant.id,
          NotificationStatus.CANCELLED,
          NotificationStatus.PENDING,
        ]);
      }
      return { ...participant, ...changes };
    });
  }
}
