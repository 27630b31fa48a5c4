import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { UserEntity } from '@app/auth';
import { BaseEntity } from '@app/database';
import { ProgrammeEntity } from './programme.entity';
import { VenueEntity } from './venue.entity';

@Entity('session_series')
export class SessionSeriesEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Index()
  @Column({ type: 'uuid' })
  venueId: string;

  @ManyToOne(() => VenueEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The RRULE without DTSTART; occurrences are computed from firstStartsAt in Europe/Brussels. */
  @Column({ type: 'varchar', length: 500 })
  rrule: string;

  @Column({ type: 'timestamptz' })
  firstStartsAt: Date;

  @Column({ type: 'int' })
  durationMinutes: number;

  /** Null: the programme's default capacity at the time a session is generated. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'boolean', default: false })
  skipSchoolHolidays: boolean;

  /** True when the RRULE has neither COUNT nor UNTIL; the horizon job keeps extending these. */
  @Column({ type: 'boolean' })
  openEnded: boolean;

  /** Occurrences up to (excluding) this instant exist as session rows. */
  @Column({ type: 'timestamptz' })
  materialisedUntil: Date;

  @ManyToMany(() => UserEntity)
  @JoinTable({ name: 'session_series_host', joinColumn: { name: 'series_id' }, inverseJoinColumn: { name: 'user_id' } })
  hosts?: UserEntity[];
}
