import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationEntity } from './organisation.entity';

/** A training ("vorming") an organisation followed, e.g. on working with diverse groups, before hosting newcomers. */
@Entity('organisation_training')
export class OrganisationTrainingEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'date' })
  followedOn: string;
}
