import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '@app/auth';
import { AppError, validate } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { ParticipantEntity, ReferralChannel } from '@app/registrations';
import {
  ScreeningStatus,
  TrajectoryEntity,
  TrajectoryFollowUpEntity,
  TrajectoryKind,
  TrajectoryStatus,
  TrajectoryStatusChangeEntity,
  VolunteerProfileEntity,
} from '../entities';

/** What a trajectory list may be narrowed by (already validated); `buddyId` for a volunteer's own. */
export interface TrajectoryQuery {
  buddyId?: string | null;
  status?: TrajectoryStatus | null;
  kind?: TrajectoryKind | null;
  participantId?: string | null;
  startsFrom?: string | null;
  startsTo?: string | null;
  referralChannel?: ReferralChannel | null;
  hostOrganisationId?: string | null;
  /** Only trajectories with a planned follow-up due on or before this day that is not done yet. */
  followUpDueBy?: string | null;
}

/** A planned follow-up that is due and not done. */
export interface DueFollowUpRow {
  id: string;
  trajectory_id: string;
  due_on: string;
}

/** A volunteer who could be a buddy, with what ranks them. */
export interface BuddyCandidateRow {
  user_id: string;
  languages: string[];
  skills: string[];
  neighbourhood: string | null;
  active: number;
  screening_status: ScreeningStatus;
}

/** An organisation that could host a newcomer: its venues' names and addresses (for the neighbourhood) and its current trajectories. */
export interface HostCandidateRow {
  organisation_id: string;
  places: string[];
  active: number;
}

/** Trajectories, their status history and follow-ups; reads participants (registrations), users (auth) and organisations. */
@Injectable()
export class TrajectoriesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The trajectory row, locked for the rest of the transaction; NOT_FOUND if there is none. */
  async lockTrajectory(id: string, tx: Transaction): Promise<TrajectoryEntity> {
    const trajectoryId = validate.uuid('id', id);
    const trajectory = await tx.getRepository(TrajectoryEntity).findOne({ where: { id: trajectoryId }, lock: { mode: 'pessimistic_write' } });
    if (!trajectory) throw AppError.notFound('Trajectory', trajectoryId);
    return trajectory;
  }

  findTrajectory(id: string, tx?: Transaction): Promise<TrajectoryEntity | null> {
    return this.on(tx).getRepository(TrajectoryEntity).findOneBy({ id });
  }

  participantExists(participantId: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx).getRepository(ParticipantEntity).existsBy({ id: participantId });
  }

  findParticipant(participantId: string, tx?: Transaction): Promise<ParticipantEntity | null> {
    return this.on(tx).getRepository(ParticipantEntity).findOneBy({ id: participantId });
  }

  findUser(userId: string, tx?: Transaction): Promise<UserEntity | null> {
    return this.on(tx).getRepository(UserEntity).findOneBy({ id: userId });
  }

  findVolunteerProfile(userId: string, tx?: Transaction): Promise<VolunteerProfileEntity | null> {
    return this.on(tx).getRepository(VolunteerProfileEntity).findOneBy({ userId });
  }

  usersByIds(ids: readonly string[], tx?: Transaction): Promise<UserEntity[]> {
    return this.on(tx)
      .getRepository(UserEntity)
      .findBy({ id: In([...ids]) });
  }

  async organisationExists(organisationId: string, tx?: Transaction): Promise<boolean> {
    return (await this.on(tx).query(`SELECT 1 FROM organisation WHERE id = $1`, [organisationId])).length > 0;
  }

  saveTrajectory(trajectory: Partial<TrajectoryEntity>, tx?: Transaction): Promise<TrajectoryEntity> {
    return this.on(tx).getRepository(TrajectoryEntity).save(trajectory);
  }

  async updateTrajectory(id: string, changes: Partial<TrajectoryEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(TrajectoryEntity).update(id, changes);
  }

  async addStatusChange(change: Partial<TrajectoryStatusChangeEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(TrajectoryStatusChangeEntity).save(change);
  }

  addFollowUp(followUp: Partial<TrajectoryFollowUpEntity>, tx?: Transaction): Promise<TrajectoryFollowUpEntity> {
    return this.on(tx).getRepository(TrajectoryFollowUpEntity).save(followUp);
  }

  /** Newest start first. */
  listTrajectories(filter: TrajectoryQuery, tx?: Transaction): Promise<TrajectoryEntity[]> {
    const query = this.on(tx).getRepository(TrajectoryEntity).createQueryBuilder('t').orderBy('t.starts_on', 'DESC').addOrderBy('t.id', 'ASC');
    if (filter.buddyId) query.andWhere('t.buddy_id = :me', { me: filter.buddyId });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter.participantId) query.andWhere('t.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.startsFrom) query.andWhere('t.starts_on >= :from', { from: filter.startsFrom });
    if (filter.startsTo) query.andWhere('t.starts_on <= :to', { to: filter.startsTo });
    if (filter.referralChannel) query.andWhere('t.referral_channel = :channel', { channel: filter.referralChannel });
    if (filter.hostOrganisationId) query.andWhere('t.host_organisation_id = :host', { host: filter.hostOrganisationId });
    if (filter.followUpDueBy)
      query.andWhere(`EXISTS (SELECT 1 FROM trajectory_follow_up f WHERE f.trajectory_id = t.id AND f.recorded_on IS NULL AND f.due_on <= :dueBy)`, {
        dueBy: filter.followUpDueBy,
      });
    return query.getMany();
  }

  /** The follow-up row, locked for the rest of the transaction; NOT_FOUND if there is none. */
  async lockFollowUp(id: string, tx: Transaction): Promise<TrajectoryFollowUpEntity> {
    const followUpId = validate.uuid('followUpId', id);
    const followUp = await tx.getRepository(TrajectoryFollowUpEntity).findOne({ where: { id: followUpId }, lock: { mode: 'pessimistic_write' } });
    if (!followUp) throw AppError.notFound('TrajectoryFollowUp', followUpId);
    return followUp;
  }

  async updateFollowUp(id: string, changes: Partial<TrajectoryFollowUpEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(TrajectoryFollowUpEntity).update(id, changes);
  }

  /** Planned follow-ups due on or before `day` that are not done yet. */
  dueFollowUps(day: string, tx?: Transaction): Promise<DueFollowUpRow[]> {
    return this.on(tx).query<DueFollowUpRow[]>(
      `SELECT id, trajectory_id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM trajectory_follow_up WHERE recorded_on IS NULL AND due_on <= $1::date ORDER BY due_on, id`,
      [day],
    );
  }

  /** Active volunteers with a profile who are not away on `day`, with their count of MATCHED or ACTIVE buddy trajectories. */
  buddyCandidates(day: string, tx?: Transaction): Promise<BuddyCandidateRow[]> {
    return this.on(tx).query<BuddyCandidateRow[]>(
      `SELECT u.id AS user_id, p.languages, p.skills::text[] AS skills, p.neighbourhood, p.screening_status,
              (SELECT count(*)::int FROM trajectory t WHERE t.buddy_id = u.id AND t.status IN ('MATCHED', 'ACTIVE')) AS active
         FROM app_user u JOIN volunteer_profile p ON p.user_id = u.id
        WHERE u.active AND 'VOLUNTEER' = ANY(u.roles::text[])
          AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = u.id AND $1::date BETWEEN v.starts_on AND v.ends_on)`,
      [day],
    );
  }

  /** Per organisation: its active venues as "name, address" and its count of MATCHED or ACTIVE trajectories. */
  hostCandidates(organisationIds: readonly string[], tx?: Transaction): Promise<HostCandidateRow[]> {
    return this.on(tx).query<HostCandidateRow[]>(
      `SELECT o.id AS organisation_id,
              ARRAY(SELECT v.name || ', ' || v.address FROM venue v WHERE v.organisation_id = o.id AND v.active ORDER BY v.name) AS places,
              (SELECT count(*)::int FROM trajectory t WHERE t.host_organisation_id = o.id AND t.status IN ('MATCHED', 'ACTIVE')) AS active
         FROM organisation o WHERE o.id = ANY($1::uuid[])`,
      [[...organisationIds]],
    );
  }

  historyByTrajectoryIds(ids: readonly string[], tx?: Transaction): Promise<TrajectoryStatusChangeEntity[]> {
    return this.on(tx)
      .getRepository(TrajectoryStatusChangeEntity)
      .find({ where: { trajectoryId: In([...ids]) }, order: { createdAt: 'ASC' } });
  }

  followUpsByTrajectoryIds(ids: readonly string[], tx?: Transaction): Promise<TrajectoryFollowUpEntity[]> {
    return this.on(tx)
      .getRepository(TrajectoryFollowUpEntity)
      .find({ where: { trajectoryId: In([...ids]) }, order: { createdAt: 'ASC' } })
      .then((rows) => rows.sort((a, b) => (a.recordedOn ?? a.dueOn ?? '').localeCompare(b.recordedOn ?? b.dueOn ?? '')));
  }
}
