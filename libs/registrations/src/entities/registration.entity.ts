import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { SessionEntity } from '@app/scheduling';
import { RegistrationStatus } from './enums';
import { ParticipantEntity } from './participant.entity';

/**
 * A participant's place at a session. The waiting-list position is not stored: it is the rank of
 * `arrival` among the session's WAITLISTED rows, so it has no gaps after removals by construction.
 */
@Entity('registration')
@Index('registration_one_live_per_participant', ['sessionId', 'participantId'], { unique: true, where: `"status" <> 'CANCELLED'` })
@Index(['sessionId', 'status', 'arrival'])
@Index(['participantId'])
@Check('registration_children_range', '"children" BETWEEN 0 AND 10')
export class RegistrationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' })
  status: RegistrationStatus;

  /** Order of arrival, from a sequence drawn under the session lock: FIFO even when clocks tie. */
  @Column({ type: 'bigint', insert: false, update: false })
  @Generated('increment')
  arrival: string;

  @Column({ type: 'uuid', nullable: true })
  registeredById: string | null;

  /** Set when the registration came from a whole-series registration. */
  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceMarkedAt: Date | null;

  /** Until when an OFFERED seat is held for this person; null in every other status. */
  @Column({ type: 'timestamptz', nullable: true })
  seatOfferExpiresAt: Date | null;

  /** Children who come along (childcare, zomerschool); the seat count is of adults. */
  @Column({ type: 'int', default: 0 })
  children: number;

  /** When the holder of the personal link said "I am coming"; null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  holderConfirmedAt: Date | null;
}
