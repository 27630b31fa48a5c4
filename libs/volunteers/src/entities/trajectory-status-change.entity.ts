import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';
import { TrajectoryStatus } from './enums';

/** The history of a trajectory's status. */
@Entity('trajectory_status_change')
@Index(['trajectoryId', 'createdAt'])
export class TrajectoryStatusChangeEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  trajectoryId: string;

  @Column({ type: 'enum', enum: TrajectoryStatus, enumName: 'trajectory_status', nullable: true })
  fromStatus: TrajectoryStatus | null;

  @Column({ type: 'enum', enum: TrajectoryStatus, enumName: 'trajectory_status' })
  toStatus: TrajectoryStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;
}
