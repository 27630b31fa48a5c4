import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '@app/auth';
import { BaseEntity } from '@app/database';
import { ShiftAssignmentStatus } from './enums';
import { ShiftEntity } from './shift.entity';

/**
 * A volunteer on a shift. The shift's times are copied here so that the exclusion constraint
 * `shift_assignment_no_overlap` can keep one volunteer from holding two overlapping shifts.
 */
@Entity('shift_assignment')
@Index(['shiftId', 'status'])
@Index(['volunteerId', 'startsAt'])
@Index('shift_assignment_one_live', ['shiftId', 'volunteerId'], { unique: true, where: `"status" IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')` })
@Check('shift_assignment_range', `"ends_at" > "starts_at"`)
@Exclusion(
  'shift_assignment_no_overlap',
  `USING gist ("volunteer_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW'))`,
)
export class ShiftAssignmentEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  shiftId: string;

  @ManyToOne(() => ShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id' })
  shift?: ShiftEntity;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: UserEntity;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'enum', enum: ShiftAssignmentStatus, enumName: 'shift_assignment_status', default: ShiftAssignmentStatus.ASSIGNED })
  status: ShiftAssignmentStatus;

  @Column({ type: 'uuid', nullable: true })
  assignedById: string | null;

  /** Grows with every change a calendar must follow (time, place, status); kept by a trigger, never written here. */
  @Column({ type: 'int', default: 0, insert: false, update: false })
  calendarSequence: number;

  /** When calendarSequence last grew (the calendar's LAST-MODIFIED); kept by the same trigger. */
  @Column({ type: 'timestamptz', default: () => 'now()', insert: false, update: false })
  calendarChangedAt: Date;
}
