import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationEntity } from '@app/organisations';

@Entity('venue')
export class VenueEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  @Column({ type: 'int', nullable: true })
  capacityLimit: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  accessibilityNotes: string | null;

  /** Switched off: kept for history, no new sessions here. */
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
