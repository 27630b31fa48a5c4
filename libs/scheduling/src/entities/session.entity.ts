import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { UserEntity } from '@app/auth';
import { BaseEntity } from '@app/database';
import { SessionStatus } from './enums';
import { ProgrammeEntity } from './programme.entity';
import { SessionSeriesEntity } from './session-series.entity';
import { VenueEntity } from './venue.entity';

@Entity('session')
@Index(['startsAt', 'id'])
@Index(['programmeId', 'startsAt'])
@Index(['venueId', 'startsAt'])
@Index('session_series_occurrence', ['seriesId', 'startsAt'], { unique: true })
@Check('session_ends_after_start', '"ends_at" > "starts_at"')
@Check('session_capacity_positive', '"capacity" >= 1')
export class SessionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'uuid' })
  venueId: string;

  @ManyToOne(() => VenueEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity;

  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @ManyToOne(() => SessionSeriesEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'series_id' })
  series?: SessionSeriesEntity | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status', default: SessionStatus.SCHEDULED })
  status: SessionStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  cancellationReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @ManyToMany(() => UserEntity)
  @JoinTable({ name: 'session_host', joinColumn: { name: 'session_id' }, inverseJoinColumn: { name: 'user_id' } })
  hosts?: UserEntity[];

  /** Grows with every change a calendar must follow (time, place, status); kept by a trigger, never written here. */
  @Column({ type: 'int', default: 0, insert: false, update: false })
  calendarSequence: number;

  /** When calendarSequence last grew (the calendar's LAST-MODIFIED); kept by the same trigger. */
  @Column({ type: 'timestamptz', default: () => 'now()', insert: false, update: false })
  calendarChangedAt: Date;
}
