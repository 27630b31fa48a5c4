import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { ReferralChannel } from '@app/registrations';
import { ParticipantEntity } from '@app/registrations';
import { TrajectoryKind, TrajectoryOutcome, TrajectoryStatus } from './enums';

/** A Picnik trajectory (with FMDO): a newcomer matched to a buddy, volunteer work, an association or an internship. */
@Entity('trajectory')
@Index(['startsOn'])
@Index(['participantId'])
@Index(['buddyId'])
export class TrajectoryEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'enum', enum: TrajectoryKind, enumName: 'trajectory_kind' })
  kind: TrajectoryKind;

  @Column({ type: 'enum', enum: ReferralChannel, enumName: 'referral_channel' })
  referralChannel: ReferralChannel;

  /** The volunteer buddy (a user with a volunteer profile), for BUDDY trajectories. */
  @Column({ type: 'uuid', nullable: true })
  buddyId: string | null;

  /** Where the newcomer volunteers, joins or does an internship. */
  @Column({ type: 'uuid', nullable: true })
  hostOrganisationId: string | null;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'enum', enum: TrajectoryStatus, enumName: 'trajectory_status', default: TrajectoryStatus.INTAKE })
  status: TrajectoryStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  /** Where the newcomer went on; set when the trajectory is closed, null while it runs. */
  @Column({ type: 'enum', enum: TrajectoryOutcome, enumName: 'trajectory_outcome', nullable: true })
  outcome: TrajectoryOutcome | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
