import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';

/**
 * One time consent to be contacted was given or withdrawn after registration (recordConsent).
 * The participant row holds only the latest answer; these rows are its history, so the privacy
 * desk can show when it changed and who recorded it. No personal field: ids, a yes/no and a date.
 */
@Entity('consent_record')
@Index('consent_record_participant_recorded_at', ['participantId', 'recordedAt'])
export class ConsentRecordEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'boolean' })
  consent: boolean;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;

  /** Null for the system. */
  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;
}
