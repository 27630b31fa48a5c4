import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationEntity } from '@app/organisations';
import type { ClosureDayEntity } from './closure-day.entity';
import { ClosureKind } from './enums';

/**
 * A named list of days on which sessions that skip holidays do not take place. The Flemish
 * school holidays and Belgian public holidays are one calendar each (filled per school year by
 * the rules in libs/scheduling); every school can have its own calendar of extra free days.
 */
@Entity('closure_calendar')
@Index('closure_calendar_shared_kind', ['kind'], { unique: true, where: '"organisation_id" IS NULL' })
@Index('closure_calendar_organisation_kind', ['kind', 'organisationId'], { unique: true, where: '"organisation_id" IS NOT NULL' })
export class ClosureCalendarEntity extends BaseEntity {
  @Column({ type: 'enum', enum: ClosureKind, enumName: 'closure_kind' })
  kind: ClosureKind;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** School years (by starting year) whose days were computed from the rules; they are not recomputed, so a coordinator's correction stays. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  filledSchoolYears: number[];

  @OneToMany('ClosureDayEntity', 'calendar')
  days?: ClosureDayEntity[];
}
