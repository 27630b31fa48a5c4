import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { ClosureCalendarEntity } from './closure-calendar.entity';

@Entity('closure_day')
@Index(['calendarId', 'date'], { unique: true })
@Index(['date'])
export class ClosureDayEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  calendarId: string;

  @ManyToOne(() => ClosureCalendarEntity, (calendar) => calendar.days, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: ClosureCalendarEntity;

  /** A calendar day in Europe/Brussels, 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  date: string;

  /** What the day is, e.g. 'Herfstvakantie' or 'Pedagogische studiedag'. */
  @Column({ type: 'varchar', length: 200 })
  label: string;
}
