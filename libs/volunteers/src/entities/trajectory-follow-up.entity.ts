import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';
import { FollowUpOutcome } from './enums';

/**
 * A follow-up of a trajectory: planned (`dueOn`, what to check) and later done (`recordedOn`,
 * outcomes, note), or recorded straight away without a plan.
 */
@Entity('trajectory_follow_up')
@Index(['trajectoryId', 'recordedOn'])
export class TrajectoryFollowUpEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  trajectoryId: string;

  /** When it should be done; null for a follow-up recorded without a plan. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** What to check, written when it was planned. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  plannedNote: string | null;

  /** When it was done; null while it is only planned. */
  @Column({ type: 'date', nullable: true })
  recordedOn: string | null;

  @Column({ type: 'enum', enum: FollowUpOutcome, enumName: 'follow_up_outcome', array: true, default: () => "'{}'" })
  outcomes: FollowUpOutcome[];

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;
}
