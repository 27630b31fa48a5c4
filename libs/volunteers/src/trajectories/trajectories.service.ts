import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, validate, Role } from '@app/common';
import { FollowUpOutcome, TrajectoryEntity, TrajectoryFollowUpEntity, TrajectoryKind, TrajectoryStatus, TrajectoryStatusChangeEntity } from '../entities';
import { ParticipantEntity, ReferralChannel } from '@app/registrations';
import { UserEntity } from '@app/auth';
import { brusselsDay } from '../shifts/availability';
import { volunteersPolicy } from '../volunteers-policy';

export interface CreateTrajectoryCommand {
  participantId: string;
  kind: TrajectoryKind;
  referralChannel: ReferralChannel;
  buddyId?: string | null;
  hostOrganisationId?: string | null;
  startsOn: string;
  endsOn?: string | null;
  notes?: string | null;
}

export interface UpdateTrajectoryCommand {
  buddyId?: string | null;
  hostOrganisationId?: string | null;
  endsOn?: string | null;
  notes?: string | null;
}

export interface TrajectoryFilter {
  status?: TrajectoryStatus | null;
  kind?: TrajectoryKind | null;
  participantId?: string | null;
  startsFrom?: string | null;
  startsTo?: string | null;
}

export interface BuddySuggestion {
  buddy: UserEntity;
  score: number;
  sharedLanguages: string[];
  sameNeighbourhood: boolean;
  activeBuddyTrajectories: number;
}

/** Status moves a trajectory may make; CLOSED may reopen to FOLLOW_UP (a late follow-up note). */
const NEXT: Record<TrajectoryStatus, TrajectoryStatus[]> = {
  [TrajectoryStatus.INTAKE]: [TrajectoryStatus.MATCHED, TrajectoryStatus.CLOSED],
  [TrajectoryStatus.MATCHED]: [TrajectoryStatus.ACTIVE, TrajectoryStatus.INTAKE, TrajectoryStatus.CLOSED],
  [TrajectoryStatus.ACTIVE]: [TrajectoryStatus.FOLLOW_UP, TrajectoryStatus.CLOSED],
  [TrajectoryStatus.FOLLOW_UP]: [TrajectoryStatus.CLOSED, TrajectoryStatus.ACTIVE],
  [TrajectoryStatus.CLOSED]: [TrajectoryStatus.FOLLOW_UP],
};

/**
 * Picnik trajectories (with FMDO). Coordinators run them; a volunteer buddy sees the
 * trajectories they are the buddy of. Every status change is kept with who and when.
 */
@Injectable()
export class TrajectoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async createTrajectory(actor: Actor | null, command: CreateTrajectoryCommand): Promise<TrajectoryEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'start trajectories');
    const participantId = validate.uuid('participantId', command.participantId);
    if (command.endsOn && command.endsOn < command.startsOn) throw AppError.badInput('endsOn must not be before startsOn', 'endsOn');
    if (!Object.values(TrajectoryKind).includes(command.kind)) throw AppError.badInput('kind is not a trajectory kind', 'kind');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(ParticipantEntity).existsBy({ id: participantId }))) throw AppError.notFound('Participant', participantId);
      const links = await this.validLinks(manager, command);
      const status = links.buddyId || links.hostOrganisationId ? TrajectoryStatus.MATCHED : TrajectoryStatus.INTAKE;
      const trajectory = await manager.getRepository(TrajectoryEntity).save({
        participantId,
        kind: command.kind,
        referralChannel: command.referralChannel,
        ...links,
        startsOn: command.startsOn,
        endsOn: command.endsOn ?? null,
        status,
        notes: validate.optionalText('notes', command.notes, 2000),
        createdById: coordinator.userId,
      });
      await manager.getRepository(TrajectoryStatusChangeEntity).save({ trajectoryId: trajectory.id, fromStatus: null, toStatus: status, note: null, changedById: coordinator.userId });
      return trajectory;
    });
  }

  async updateTrajectory(actor: Actor | null, id: string, command: UpdateTrajectoryCommand): Promise<TrajectoryEntity> {
    volunteersPolicy.requireCoordinator(actor, 'change trajectories');
    return this.dataSource.transaction(async (manager) => {
      const trajectory = await lockTrajectory(manager, id);
      const links = await this.validLinks(manager, { buddyId: command.buddyId === undefined ? trajectory.buddyId : command.buddyId, hostOrganisationId: command.hostOrganisationId === undefined ? trajectory.hostOrganisationId : command.hostOrganisationId });
      const endsOn = command.endsOn === undefined ? trajectory.endsOn : command.endsOn;
      if (endsOn && endsOn < trajectory.startsOn) throw AppError.badInput('endsOn must not be before startsOn', 'endsOn');
      const changes = { ...links, endsOn, notes: command.notes === undefined ? trajectory.notes : validate.optionalText('notes', command.notes, 2000) };
      await manager.getRepository(TrajectoryEntity).update(trajectory.id, changes);
      return { ...trajectory, ...changes };
    });
  }

  async changeStatus(actor: Actor | null, id: string, status: TrajectoryStatus, note?: string | null): Promise<TrajectoryEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'change trajectories');
    const why = validate.optionalText('note', note, 1000);
    return this.dataSource.transaction(async (manager) => {
      const trajectory = await lockTrajectory(manager, id);
      if (trajectory.status === status) return trajectory;
      if (!NEXT[trajectory.status].includes(status)) {
        throw new AppError(ErrorCode.CONFLICT, `A trajectory goes from ${trajectory.status} to ${NEXT[trajectory.status].join(' or ')}, not to ${status}`, { from: trajectory.status, to: status });
      }
      const endsOn = status === TrajectoryStatus.CLOSED && !trajectory.endsOn ? brusselsDay(this.clock.now()) : trajectory.endsOn;
      await manager.getRepository(TrajectoryEntity).update(trajectory.id, { status, endsOn });
      await manager.getRepository(TrajectoryStatusChangeEntity).save({ trajectoryId: trajectory.id, fromStatus: trajectory.status, toStatus: status, note: why, changedById: coordinator.userId });
      return { ...trajectory, status, endsOn };
    });
  }

  /** A follow-up note after (or near the end of) the trajectory: what became of the newcomer. */
  async addFollowUp(actor: Actor | null, trajectoryId: string, command: { recordedOn: string; outcomes: FollowUpOutcome[]; note?: string | null }): Promise<TrajectoryFollowUpEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'record follow-ups');
    if (command.outcomes.length > 10) throw AppError.badInput('outcomes may list at most 10 values', 'outcomes');
    return this.dataSource.transaction(async (manager) => {
      const trajectory = await lockTrajectory(manager, trajectoryId);
      if (command.recordedOn < trajectory.startsOn) throw AppError.badInput('recordedOn must not be before the trajectory starts', 'recordedOn');
      return manager.getRepository(TrajectoryFollowUpEntity).save({ trajectoryId: trajectory.id, recordedOn: command.recordedOn, outcomes: [...new Set(command.outcomes)], note: validate.optionalText('note', command.note, 2000), recordedById: coordinator.userId });
    });
  }

  /** Coordinators: every trajectory (filtered); a volunteer: the ones they are the buddy of. */
  async listTrajectories(actor: Actor | null, filter: TrajectoryFilter = {}): Promise<TrajectoryEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const query = this.dataSource.getRepository(TrajectoryEntity).createQueryBuilder('t').orderBy('t.starts_on', 'DESC').addOrderBy('t.id', 'ASC');
    if (!volunteersPolicy.isCoordinator(actor)) {
      if (!actor.roles.includes(Role.VOLUNTEER)) throw AppError.forbidden('Only coordinators and buddies see trajectories');
      query.andWhere('t.buddy_id = :me', { me: actor.userId });
    }
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter.participantId) query.andWhere('t.participant_id = :participantId', { participantId: validate.uuid('participantId', filter.participantId) });
    if (filter.startsFrom) query.andWhere('t.starts_on >= :from', { from: filter.startsFrom });
    if (filter.startsTo) query.andWhere('t.starts_on <= :to', { to: filter.startsTo });
    return query.getMany();
  }

  async findTrajectory(actor: Actor | null, id: string): Promise<TrajectoryEntity | null> {
    if (!actor) throw AppError.unauthenticated();
    const trajectory = await this.dataSource.getRepository(TrajectoryEntity).findOneBy({ id: validate.uuid('id', id) });
    if (!trajectory) return null;
    if (volunteersPolicy.isCoordinator(actor) || trajectory.buddyId === actor.userId) return trajectory;
    throw AppError.forbidden('Only coordinators and the buddy see a trajectory');
  }

  /** Buddies for a newcomer, best first: shared language, same neighbourhood, BUDDY skill, fewest current buddy trajectories; never someone away today. */
  async suggestBuddies(actor: Actor | null, participantId: string, neighbourhood?: string | null, limit = 10): Promise<BuddySuggestion[]> {
    volunteersPolicy.requireCoordinator(actor, 'see buddy suggestions');
    const participant = await this.dataSource.getRepository(ParticipantEntity).findOneBy({ id: validate.uuid('participantId', participantId) });
    if (!participant) throw AppError.notFound('Participant', participantId);
    const take = validate.int('limit', limit, 1, 50);
    const wanted = validate.optionalText('neighbourhood', neighbourhood, 100)?.toLowerCase() ?? null;
    const rows = await this.dataSource.query<{ user_id: string; languages: string[]; skills: string[]; neighbourhood: string | null; active: number }[]>(
      `SELECT u.id AS user_id, p.languages, p.skills::text[] AS skills, p.neighbourhood,
              (SELECT count(*)::int FROM trajectory t WHERE t.buddy_id = u.id AND t.status IN ('MATCHED', 'ACTIVE')) AS active
         FROM app_user u JOIN volunteer_profile p ON p.user_id = u.id
        WHERE u.active AND 'VOLUNTEER' = ANY(u.roles::text[])
          AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = u.id AND $1::date BETWEEN v.starts_on AND v.ends_on)`,
      [brusselsDay(this.clock.now())],
    );
    // Dutch is what they practise together; a shared home language helps at the start.
    const languages = [participant.preferredLanguage];
    const scored = rows
      .map((row) => {
        const sharedLanguages = languages.filter((language) => row.languages.includes(language));
        const sameNeighbourhood = !!wanted && row.neighbourhood?.toLowerCase() === wanted;
        const score = 3 * sharedLanguages.length + (sameNeighbourhood ? 2 : 0) + (row.skills.includes('BUDDY') ? 2 : 0) - row.active;
        return { userId: row.user_id, score, sharedLanguages, sameNeighbourhood, activeBuddyTrajectories: row.active };
      })
      .sort((a, b) => b.score - a.score || a.activeBuddyTrajectories - b.activeBuddyTrajectories || a.userId.localeCompare(b.userId))
      .slice(0, take);
    const users = new Map((await this.dataSource.getRepository(UserEntity).findBy({ id: In(scored.map((s) => s.userId)) })).map((user) => [user.id, user]));
    return scored.map(({ userId, ...rest }) => ({ buddy: users.get(userId)!, ...rest }));
  }

  historyByTrajectoryIds(ids: readonly string[]): Promise<TrajectoryStatusChangeEntity[]> {
    return this.dataSource.getRepository(TrajectoryStatusChangeEntity).find({ where: { trajectoryId: In([...ids]) }, order: { createdAt: 'ASC' } });
  }

  followUpsByTrajectoryIds(ids: readonly string[]): Promise<TrajectoryFollowUpEntity[]> {
    return this.dataSource.getRepository(TrajectoryFollowUpEntity).find({ where: { trajectoryId: In([...ids]) }, order: { recordedOn: 'ASC' } });
  }

  private async validLinks(manager: EntityManager, links: { buddyId?: string | null; hostOrganisationId?: string | null }): Promise<{ buddyId: string | null; hostOrganisationId: string | null }> {
    const buddyId = links.buddyId == null ? null : validate.uuid('buddyId', links.buddyId);
    const hostOrganisationId = links.hostOrganisationId == null ? null : validate.uuid('hostOrganisationId', links.hostOrganisationId);
    if (buddyId) {
      const buddy = await manager.getRepository(UserEntity).findOneBy({ id: buddyId });
      if (!buddy || !buddy.roles.includes(Role.VOLUNTEER)) throw AppError.badInput('buddyId must be a volunteer', 'buddyId');
    }
    if (hostOrganisationId && !(await manager.query(`SELECT 1 FROM organisation WHERE id = $1`, [hostOrganisationId])).length) throw AppError.notFound('Organisation', hostOrganisationId);
    return { buddyId, hostOrganisationId };
  }
}

async function lockTrajectory(manager: EntityManager, id: string): Promise<TrajectoryEntity> {
  const trajectoryId = validate.uuid('id', id);
  const trajectory = await manager.getRepository(TrajectoryEntity).findOne({ where: { id: trajectoryId }, lock: { mode: 'pessimistic_write' } });
  if (!trajectory) throw AppError.notFound('Trajectory', trajectoryId);
  return trajectory;
}
