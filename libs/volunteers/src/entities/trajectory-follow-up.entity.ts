import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';
import { FollowUpOutcome } from './enums';

/** A follow-up ("natraject") note after a trajectory: what became of the newcomer. */
@Entity('trajectory_follow_up')
@Index(['trajectoryId', 'recordedOn'])
export class TrajectoryFollowUpEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  trajectoryId: string;

  @Column({ type: 'date' })
  recordedOn: string;

  @Column({ type: 'enum', enum: FollowUpOutcome, enumName: 'follow_up_outcome', array: true, default: () => "'{}'" })
  outcomes: FollowUpOutcome[];

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;
}
