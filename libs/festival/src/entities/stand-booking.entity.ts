import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { OrganisationEntity } from '@app/organisations';
import { StandBookingStatus } from './enums';
import { FestivalEditionEntity } from './festival-edition.entity';
import { StandApplicationEntity } from './stand-application.entity';
import { StandPlotEntity } from './stand-plot.entity';

/**
 * A plot for a time range, asked for (REQUESTED) or given (CONFIRMED) to an association. The
 * exclusion constraint `stand_booking_no_overlap` (migration FestivalStands) keeps two live bookings
 * of one plot from overlapping, whatever the application code does (docs/architecture.md#invariant-3).
 */
@Entity('stand_booking')
@Index(['editionId', 'status'])
@Index(['organisationId', 'day'])
@Index(['applicationId'])
@Check('stand_booking_range', `"ends_at" > "starts_at"`)
@Exclusion(
  'stand_booking_no_overlap',
  `USING gist ("plot_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('REQUESTED', 'CONFIRMED'))`,
)
export class StandBookingEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FestivalEditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FestivalEditionEntity;

  @Column({ type: 'uuid' })
  plotId: string;

  @ManyToOne(() => StandPlotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plot_id' })
  plot?: StandPlotEntity;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @ManyToOne(() => StandApplicationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'application_id' })
  application?: StandApplicationEntity | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** The festival day (Brussels date of startsAt): the per-day plot limit counts by it. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'enum', enum: StandBookingStatus, enumName: 'stand_booking_status', default: StandBookingStatus.REQUESTED })
  status: StandBookingStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why the city refused or cancelled it; shown to the organiser. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** Grows with every change a calendar must follow (time, place, status); kept by a trigger, never written here. */
  @Column({ type: 'int', default: 0, insert: false, update: false })
  calendarSequence: number;

  /** When calendarSequence last grew (the calendar's LAST-MODIFIED); kept by the same trigger. */
  @Column({ type: 'timestamptz', default: () => 'now()', insert: false, update: false })
  calendarChangedAt: Date;
}
