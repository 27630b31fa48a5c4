import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { RegistrationEntity } from './registration.entity';

/**
 * The personal link of a registration (`<PUBLIC_BASE_URL>/r/<token>`). Only the SHA-256 of the
 * token is kept, so a copy of the database opens no one's registration.
 */
@Entity('registration_link')
@Index('registration_link_registration', ['registrationId'], { unique: true })
@Index('registration_link_token_hash', ['tokenHash'], { unique: true })
export class RegistrationLinkEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_registration_link_registration' })
  registration?: RegistrationEntity;

  /** Hex SHA-256 of the token. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** The end of the session: after it the link opens nothing. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
