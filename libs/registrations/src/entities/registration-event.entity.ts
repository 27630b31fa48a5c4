import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HolderVia, RegistrationEventKind } from './enums';

/**
 * Every change a participant may need to hear about, written in the transaction of the change
 * itself. The notifications outbox is derived from these rows, so nothing is missed or invented.
 */
@Entity('registration_event')
@Index(['registrationId', 'occurredAt'])
@Index(['sessionId'])
export class RegistrationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: RegistrationEventKind, enumName: 'registration_event_kind' })
  kind: RegistrationEventKind;

  @Column({ type: 'uuid' })
  registrationId: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  /** The waiting-list position at the time, for WAITLISTED. */
  @Column({ type: 'int', nullable: true })
  waitlistPosition: number | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The holder acted without a login (actorId null), on the link's page or by SMS; null when staff or the system did. */
  @Column({ type: 'enum', enum: HolderVia, enumName: 'holder_via', nullable: true })
  via: HolderVia | null;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
