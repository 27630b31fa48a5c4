import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Role } from '@app/common';
import { BaseEntity } from '@app/database';
// Organisations have a lib of their own so that auth and scheduling (sessions point at users) need not import each other.
import { OrganisationEntity } from '@app/organisations';

@Entity('app_user')
export class UserEntity extends BaseEntity {
  /** Stored lower-cased; the unique index makes two accounts for one address impossible. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role', array: true })
  roles: Role[];

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** BCP 47 tag of the language messages to this user are written in. */
  @Column({ type: 'varchar', length: 10, default: 'nl' })
  preferredLanguage: string;

  /** Bumped to revoke every token issued before (password change, logout everywhere). */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /** When the account's personal fields were anonymised on request; the account is inactive from then on. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  erasedById: string | null;
}
