import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationKind } from './enums';

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
}
