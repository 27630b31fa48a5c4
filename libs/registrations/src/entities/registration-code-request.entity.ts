import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { SessionEntity } from '@app/scheduling';

export enum RegistrationCodeStatus {
  /** Waiting for the code (until expiresAt). */
  PENDING = 'PENDING',
  /** The right code came in and the newcomer is registered. */
  USED = 'USED',
  /** Too many wrong codes, or replaced by a newer request for the same phone and session. */
  DEAD = 'DEAD',
}

/**
 * A newcomer's request to register themself, waiting for the code we sent by SMS. Only a salted
 * hash of the code is kept; the participant is created only once the code proves the phone is theirs.
 */
@Entity('registration_code_request')
// One live request per phone and session: asking again replaces the earlier one.
@Index('registration_code_request_one_pending', ['phone', 'sessionId'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['sessionId'])
export class RegistrationCodeRequestEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  /** E.164. */
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 10 })
  preferredLanguage: string;

  /** scrypt of the code: "salt:hash", both hex. */
  @Column({ type: 'varchar', length: 200 })
  codeHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ type: 'enum', enum: RegistrationCodeStatus, enumName: 'registration_code_status', default: RegistrationCodeStatus.PENDING })
  status: RegistrationCodeStatus;

  /** The registration the right code created. */
  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;
}
