import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationEntity } from '@app/organisations';
import { ContactChannel, ReferralChannel } from './enums';

/** A newcomer or parent. Often registered by a school, often without e-mail or phone. */
@Entity('participant')
@Index(['registeredByOrganisationId', 'firstName'])
@Index(['phone'])
// Expression index for the duplicate check, created by migration ParticipantDuplicateLookup (TypeORM cannot declare it).
@Index('participant_duplicate_lookup', { synchronize: false })
export class ParticipantEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastName: string | null;

  /** E.164, e.g. +32470123456. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** BCP 47 tag from the supported list. */
  @Column({ type: 'varchar', length: 10 })
  preferredLanguage: string;

  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  contactChannel: ContactChannel;

  @Column({ type: 'boolean', default: false })
  consentToContact: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  consentRecordedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  consentRecordedById: string | null;

  @Column({ type: 'enum', enum: ReferralChannel, enumName: 'referral_channel', nullable: true })
  referralChannel: ReferralChannel | null;

  @Column({ type: 'uuid', nullable: true })
  registeredByOrganisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'registered_by_organisation_id' })
  registeredByOrganisation?: OrganisationEntity | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Set when an existing participant looked like the same person at creation: flagged, never merged. */
  @Column({ type: 'uuid', nullable: true })
  possibleDuplicateOfId: string | null;

  /** When the personal fields were anonymised (on request or by retention); the row stays for the figures. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** The coordinator who erased them; null when the retention job did. */
  @Column({ type: 'uuid', nullable: true })
  erasedById: string | null;

  /** An anonymous walk-in: a count only, no name or contact data; never listed, searched, matched or messaged. */
  @Column({ type: 'boolean', default: false })
  anonymous: boolean;
}
