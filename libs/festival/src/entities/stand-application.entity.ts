import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationEntity } from '@app/organisations';
import { StandOffering } from './enums';
import { FestivalEditionEntity } from './festival-edition.entity';

/** What an association brings to an edition; its requested slots are stand bookings. One per association per edition. */
@Entity('stand_application')
@Index(['editionId', 'organisationId'], { unique: true })
export class StandApplicationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FestivalEditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FestivalEditionEntity;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: StandOffering, enumName: 'stand_offering' })
  offering: StandOffering;

  /** The country or community the stand presents, in the organiser's words. */
  @Column({ type: 'varchar', length: 200 })
  community: string;

  /** ISO 3166-1 alpha-2, when the stand presents one country. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: false })
  needsPower: boolean;

  @Column({ type: 'boolean', default: false })
  needsWater: boolean;

  @Column({ type: 'boolean', default: false })
  cooking: boolean;

  @Column({ type: 'uuid', nullable: true })
  appliedById: string | null;
}
