import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { UserEntity } from './user.entity';

/** Why a one-time link was mailed: to set a first password, or to replace a forgotten one. */
export enum AccountLinkPurpose {
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A one-time link to set a password. Only the SHA-256 of its token is kept: whoever reads the
 * table cannot use a link. A link dies when used, when it expires, or when a newer one of the same
 * purpose is made for the user (usedAt is then set too).
 */
@Entity('account_link')
export class AccountLinkEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: AccountLinkPurpose, enumName: 'account_link_purpose' })
  purpose: AccountLinkPurpose;

  /** Hex SHA-256 of the token in the link. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** When the link was used or replaced; null while it still works. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
