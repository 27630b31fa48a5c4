import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationKind, OrganisationScreeningStatus } from './enums';

@Entity('organisation')
export class OrganisationEntity extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  /** General number (E.164), given to participants as the number to call about a session here. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Switched off: kept for history, gone from the public lists, no new venues or sessions. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Picnik: a host organisation is screened before a newcomer goes there; valid for SCREENING_VALID_YEARS from screenedOn. */
  @Column({ type: 'enum', enum: OrganisationScreeningStatus, enumName: 'organisation_screening_status', default: OrganisationScreeningStatus.NOT_SCREENED })
  screeningStatus: OrganisationScreeningStatus;

  @Column({ type: 'date', nullable: true })
  screenedOn: string | null;

  /** Whether volunteers placed here get an allowance; null while unknown (the city pays none, elsewhere it differs). */
  @Column({ type: 'boolean', nullable: true })
  paysVolunteerAllowance: boolean | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  allowanceNote: string | null;
}
