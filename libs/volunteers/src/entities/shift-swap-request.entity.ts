import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '@app/auth';
import { BaseEntity } from '@app/database';
import { ShiftSwapStatus } from './enums';
import { ShiftAssignmentEntity } from './shift-assignment.entity';

/**
 * A volunteer asks a colleague to take one of their shifts. Nothing moves until the colleague
 * accepts; then the holder's assignment is released and the colleague's written in one transaction.
 * One open request per assignment: asking someone else withdraws the earlier request.
 */
@Entity('shift_swap_request')
@Index('shift_swap_request_one_pending', ['assignmentId'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['toVolunteerId', 'status'])
@Index(['fromVolunteerId', 'status'])
export class ShiftSwapRequestEntity extends BaseEntity {
  /** The holder's assignment the request is about. */
  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => ShiftAssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: ShiftAssignmentEntity;

  @Column({ type: 'uuid' })
  shiftId: string;

  @Column({ type: 'uuid' })
  fromVolunteerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_volunteer_id' })
  fromVolunteer?: UserEntity;

  @Column({ type: 'uuid' })
  toVolunteerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_volunteer_id' })
  toVolunteer?: UserEntity;

  @Column({ type: 'enum', enum: ShiftSwapStatus, enumName: 'shift_swap_status', default: ShiftSwapStatus.PENDING })
  status: ShiftSwapStatus;

  /** The colleague's assignment once accepted. */
  @Column({ type: 'uuid', nullable: true })
  takenAssignmentId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
