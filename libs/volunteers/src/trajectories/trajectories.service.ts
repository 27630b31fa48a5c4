import { Injectable } from '@nestjs/common';
import { UserEntity } from '@app/auth';
import { Actor, AppError, Clock, ErrorCode, validate, Role } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { OrganisationScreeningService } from '@app/organisations';
import { NewParticipantCommand, ParticipantsService, ReferralChannel, validateNewParticipant } from '@app/registrations';
import {
  FollowUpOutcome,
  ScreeningStatus,
  TrajectoryEntity,
  TrajectoryFollowUpEntity,
  TrajectoryKind,
  TrajectoryOutcome,
  TrajectoryStatus,
  TrajectoryStatusChangeEntity,
} from '../entities';
import { brusselsDay } from '../shifts/availability';
import { volunteersPolicy } from '../volunteers-policy';
import { TrajectoriesRepository } from './trajectories.repository';

export interface CreateTrajectoryCommand {
  /** An existing participant; or give `participant` to create one with the case. */
  participantId?: string | null;
  participant?: NewParticipantCommand | null;
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
  referralChannel?: ReferralChannel | null;
  /** Coordinators only: a volunteer always sees just their own. */
  buddyId?: string | null;
  hostOrganisationId?: string | null;
  /** Only trajectories with a planned follow-up due today or earlier that is not done yet. */
  followUpDue?: boolean | null;
}

export interface PlanFollowUpCommand {
  dueOn: string;
  note?: string | null;
}

export interface CompleteFollowUpCommand {
  recordedOn: string;
  outcomes: FollowUpOutcome[];
  note?: string | null;
}

export interface BuddySuggestion {
  buddy: UserEntity;
  score: number;
  sharedLanguages: string[];
  sameNeighbourhood: boolean;
  activeBuddyTrajectories: number;
  /** Shown, not ranked on: an unscreened buddy is proposed, and refused (VOLUNTEER_NOT_SCREENED) when chosen. */
  screeningStatus: ScreeningStatus;
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
    private readonly transactions: Transactions,
    private readonly trajectories: TrajectoriesRepository,
    private readonly clock: Clock,
    private readonly participants: ParticipantsService,
    private readonly screening: OrganisationScreeningService,
  ) {}

  async createTrajectory(actor: Actor | null, command: CreateTrajectoryCommand): Promise<TrajectoryEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'start trajectories');
    if (!command.participantId === !command.participant) throw AppError.badInput('give participantId or participant, not both', 'participantId');
    const newcomer = command.participant ? validateNewParticipant(command.participant, null) : null;
    const knownId = command.participantId ? validate.uuid('participantId', command.participantId) : null;
    if (command.endsOn && command.endsOn < command.startsOn) throw AppError.badInput('endsOn must not be before startsOn', 'endsOn');
    if (!Object.values(TrajectoryKind).includes(command.kind)) throw AppError.badInput('kind is not a trajectory kind', 'kind');
    return this.transactions.run(async (tx) => {
      if (knownId && !(await this.trajectories.participantExists(knownId, tx))) throw AppError.notFound('Participant', knownId);
      const links = await this.validLinks(tx, command);
      await this.requireScreened(tx, command.kind, links);
      const status = links.buddyId || links.hostOrganisationId ? TrajectoryStatus.MATCHED : TrajectoryStatus.INTAKE;
      // Created last, so a refused link leaves no participant behind (the transaction rolls back either way).
      const participantId = knownId ?? (await this.participants.createParticipant(tx, actor, newcomer!, null)).id;
      const trajectory = await this.trajectories.saveTrajectory(
        {
          participantId,
          kind: command.kind,
          referralChannel: command.referralChannel,
          ...links,
          startsOn: command.startsOn,
          endsOn: command.endsOn ?? null,
          status,
          notes: validate.optionalText('notes', command.notes, 2000),
          createdById: coordinator.userId,
        },
        tx,
      );
      await this.trajectories.addStatusChange(
        { trajectoryId: trajectory.id, fromStatus: null, toStatus: status, note: null, changedById: coordinator.userId },
        tx,
      );
      return trajectory;
    });
  }

  async updateTrajectory(actor: Actor | null, id: string, command: UpdateTrajectoryCommand): Promise<TrajectoryEntity> {
    volunteersPolicy.requireCoordinator(actor, 'change trajectories');
    return this.transactions.run(async (tx) => {
      const trajectory = await this.trajectories.lockTrajectory(id, tx);
      const links = await this.validLinks(tx, {
        buddyId: command.buddyId === undefined ? trajectory.buddyId : command.buddyId,
        hostOrganisationId: command.hostOrganisationId === undefined ? trajectory.hostOrganisationId : command.hostOrganisationId,
      });
      // Only a new match is checked: notes on a trajectory whose host's screening lapsed since stay editable.
      await this.requireScreened(tx, trajectory.kind, {
        buddyId: links.buddyId !== trajectory.buddyId ? links.buddyId : null,
        hostOrganisationId: links.hostOrganisationId !== trajectory.hostOrganisationId ? links.hostOrganisationId : null,
      });
      const endsOn = command.endsOn === undefined ? trajectory.endsOn : command.endsOn;
      if (endsOn && endsOn < trajectory.startsOn) throw AppError.badInput('endsOn must not be before startsOn', 'endsOn');
      const changes = { ...links, endsOn, notes: command.notes === undefined ? trajectory.notes : validate.optionalText('notes', command.notes, 2000) };
      await this.trajectories.updateTrajectory(trajectory.id, changes, tx);
      return { ...trajectory, ...changes };
    });
  }

  /** Closing needs the outcome (where the newcomer goes on); any other move refuses one, and reopening clears it. */
  async changeStatus(
    actor: Actor | null,
    id: string,
    status: TrajectoryStatus,
    note?: string | null,
    outcome?: TrajectoryOutcome | null,
  ): Promise<TrajectoryEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'change trajectories');
    const why = validate.optionalText('note', note, 1000);
    if (status === TrajectoryStatus.CLOSED && !outcome) throw AppError.badInput('outcome is required when closing a trajectory', 'outcome');
    if (status !== TrajectoryStatus.CLOSED && outcome) throw AppError.badInput('outcome is only given when closing a trajectory', 'outcome');
    if (outcome && !Object.values(TrajectoryOutcome).includes(outcome)) throw AppError.badInput('outcome is not a trajectory outcome', 'outcome');
    return this.transactions.run(async (tx) => {
      const trajectory = await this.trajectories.lockTrajectory(id, tx);
      if (trajectory.status === status) return trajectory;
      if (!NEXT[trajectory.status].includes(status)) {
        throw new AppError(ErrorCode.CONFLICT, `A trajectory goes from ${trajectory.status} to ${NEXT[trajectory.status].join(' or ')}, not to ${status}`, {
          from: trajectory.status,
          to: status,
        });
      }
      if (status === TrajectoryStatus.MATCHED || status === TrajectoryStatus.ACTIVE) await this.requireScreened(tx, trajectory.kind, trajectory);
      const endsOn = status === TrajectoryStatus.CLOSED && !trajectory.endsOn ? brusselsDay(this.clock.now()) : trajectory.endsOn;
      const closingOutcome = status === TrajectoryStatus.CLOSED ? outcome! : null;
      await this.trajectories.updateTrajectory(trajectory.id, { status, endsOn, outcome: closingOutcome }, tx);
      await this.trajectories.addStatusChange(
        { trajectoryId: trajectory.id, fromStatus: trajectory.status, toStatus: status, note: why, changedById: coordinator.userId },
        tx,
      );
      return { ...trajectory, status, endsOn, outcome: closingOutcome };
    });
  }

  /** A follow-up note after (or near the end of) the trajectory: what became of the newcomer. */
  async addFollowUp(
    actor: Actor | null,
    trajectoryId: string,
    command: { recordedOn: string; outcomes: FollowUpOutcome[]; note?: string | null },
  ): Promise<TrajectoryFollowUpEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'record follow-ups');
    if (command.outcomes.length > 10) throw AppError.badInput('outcomes may list at most 10 values', 'outcomes');
    return this.transactions.run(async (tx) => {
      const trajectory = await this.trajectories.lockTrajectory(trajectoryId, tx);
      if (command.recordedOn < trajectory.startsOn) throw AppError.badInput('recordedOn must not be before the trajectory starts', 'recordedOn');
      return this.trajectories.addFollowUp(
        {
          trajectoryId: trajectory.id,
          recordedOn: command.recordedOn,
          outcomes: [...new Set(command.outcomes)],
          note: validate.optionalText('note', command.note, 2000),
          recordedById: coordinator.userId,
        },
        tx,
      );
    });
  }

  /** A follow-up to do later: when, and what to check. The coordinators are reminded once it is due. */
  async planFollowUp(actor: Actor | null, trajectoryId: string, command: PlanFollowUpCommand): Promise<TrajectoryFollowUpEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'plan follow-ups');
    const dueOn = validate.isoDate('dueOn', command.dueOn);
    const plannedNote = validate.optionalText('note', command.note, 1000);
    return this.transactions.run(async (tx) => {
      const trajectory = await this.trajectories.lockTrajectory(trajectoryId, tx);
      if (dueOn < trajectory.startsOn) throw AppError.badInput('dueOn must not be before the trajectory starts', 'dueOn');
      return this.trajectories.addFollowUp(
        { trajectoryId: trajectory.id, dueOn, plannedNote, recordedOn: null, outcomes: [], note: null, recordedById: coordinator.userId },
        tx,
      );
    });
  }

  /** Records a planned follow-up as done; a follow-up is done once. */
  async completeFollowUp(actor: Actor | null, followUpId: string, command: CompleteFollowUpCommand): Promise<TrajectoryFollowUpEntity> {
    const coordinator = volunteersPolicy.requireCoordinator(actor, 'record follow-ups');
    const recordedOn = validate.isoDate('recordedOn', command.recordedOn);
    if (command.outcomes.length > 10) throw AppError.badInput('outcomes may list at most 10 values', 'outcomes');
    const note = validate.optionalText('note', command.note, 2000);
    return this.transactions.run(async (tx) => {
      const followUp = await this.trajectories.lockFollowUp(followUpId, tx);
      if (followUp.recordedOn) throw new AppError(ErrorCode.CONFLICT, 'This follow-up is already recorded', { recordedOn: followUp.recordedOn });
      const trajectory = await this.trajectories.lockTrajectory(followUp.trajectoryId, tx);
      if (recordedOn < trajectory.startsOn) throw AppError.badInput('recordedOn must not be before the trajectory starts', 'recordedOn');
      const changes = { recordedOn, outcomes: [...new Set(command.outcomes)], note, recordedById: coordinator.userId };
      await this.trajectories.updateFollowUp(followUp.id, changes, tx);
      return { ...followUp, ...changes };
    });
  }

  /** Planned follow-ups due today (Brussels) or earlier that are not done yet: the dashboard's signal. */
  async countDueFollowUps(actor: Actor | null): Promise<number> {
    volunteersPolicy.requireCoordinator(actor, 'see due follow-ups');
    return (await this.trajectories.dueFollowUps(brusselsDay(this.clock.now()))).length;
  }

  /** Coordinators: every trajectory (filtered); a volunteer: the ones they are the buddy of. */
  async listTrajectories(actor: Actor | null, filter: TrajectoryFilter = {}): Promise<TrajectoryEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    let buddyId = filter.buddyId ? validate.uuid('buddyId', filter.buddyId) : null;
    if (!volunteersPolicy.isCoordinator(actor)) {
      if (!actor.roles.includes(Role.VOLUNTEER)) throw AppError.forbidden('Only coordinators and buddies see trajectories');
      buddyId = actor.userId;
    }
    return this.trajectories.listTrajectories({
      buddyId,
      status: filter.status,
      kind: filter.kind,
      participantId: filter.participantId ? validate.uuid('participantId', filter.participantId) : null,
      startsFrom: filter.startsFrom,
      startsTo: filter.startsTo,
      referralChannel: filter.referralChannel,
      hostOrganisationId: filter.hostOrganisationId ? validate.uuid('hostOrganisationId', filter.hostOrganisationId) : null,
      followUpDueBy: filter.followUpDue ? brusselsDay(this.clock.now()) : null,
    });
  }

  async findTrajectory(actor: Actor | null, id: string): Promise<TrajectoryEntity | null> {
    if (!actor) throw AppError.unauthenticated();
    const trajectory = await this.trajectories.findTrajectory(validate.uuid('id', id));
    if (!trajectory) return null;
    if (volunteersPolicy.isCoordinator(actor) || trajectory.buddyId === actor.userId) return trajectory;
    throw AppError.forbidden('Only coordinators and the buddy see a trajectory');
  }

  /** Buddies for a newcomer, best first: shared language, same neighbourhood, BUDDY skill, fewest current buddy trajectories; never someone away today. */
  async suggestBuddies(actor: Actor | null, participantId: string, neighbourhood?: string | null, limit = 10): Promise<BuddySuggestion[]> {
    volunteersPolicy.requireCoordinator(actor, 'see buddy suggestions');
    const participant = await this.trajectories.findParticipant(validate.uuid('participantId', participantId));
    if (!participant) throw AppError.notFound('Participant', participantId);
    const take = validate.int('limit', limit, 1, 50);
    const wanted = validate.optionalText('neighbourhood', neighbourhood, 100)?.toLowerCase() ?? null;
    const rows = await this.trajectories.buddyCandidates(brusselsDay(this.clock.now()));
    // Dutch is what they practise together; a shared home language helps at the start.
    const languages = [participant.preferredLanguage];
    const scored = rows
      .map((row) => {
        const sharedLanguages = languages.filter((language) => row.languages.includes(language));
        const sameNeighbourhood = !!wanted && row.neighbourhood?.toLowerCase() === wanted;
        const score = 3 * sharedLanguages.length + (sameNeighbourhood ? 2 : 0) + (row.skills.includes('BUDDY') ? 2 : 0) - row.active;
        return { userId: row.user_id, score, sharedLanguages, sameNeighbourhood, activeBuddyTrajectories: row.active, screeningStatus: row.screening_status };
      })
      .sort((a, b) => b.score - a.score || a.activeBuddyTrajectories - b.activeBuddyTrajectories || a.userId.localeCompare(b.userId))
      .slice(0, take);
    const users = new Map((await this.trajectories.usersByIds(scored.map((s) => s.userId))).map((user) => [user.id, user]));
    return scored.map(({ userId, ...rest }) => ({ buddy: users.get(userId)!, ...rest }));
  }

  historyByTrajectoryIds(ids: readonly string[]): Promise<TrajectoryStatusChangeEntity[]> {
    return this.trajectories.historyByTrajectoryIds(ids);
  }

  followUpsByTrajectoryIds(ids: readonly string[]): Promise<TrajectoryFollowUpEntity[]> {
    return this.trajectories.followUpsByTrajectoryIds(ids);
  }

  /**
   * Picnik's rule: a newcomer goes only to a host organisation whose screening holds
   * (ORGANISATION_NOT_SCREENED) and, on a BUDDY trajectory, to a buddy who handed in their
   * certificate of good conduct (VOLUNTEER_NOT_SCREENED). Null links are not checked.
   */
  private async requireScreened(tx: Transaction, kind: TrajectoryKind, links: { buddyId: string | null; hostOrganisationId: string | null }): Promise<void> {
    if (links.hostOrganisationId) await this.screening.requireScreened(links.hostOrganisationId, 'hostOrganisationId', tx);
    if (kind !== TrajectoryKind.BUDDY || !links.buddyId) return;
    const profile = await this.trajectories.findVolunteerProfile(links.buddyId, tx);
    if (profile?.screeningStatus === ScreeningStatus.RECEIVED) return;
    const buddy = await this.trajectories.findUser(links.buddyId, tx);
    const status = profile?.screeningStatus ?? ScreeningStatus.NOT_REQUESTED;
    throw new AppError(
      ErrorCode.VOLUNTEER_NOT_SCREENED,
      `${buddy?.displayName ?? 'This volunteer'} has no certificate of good conduct yet (${status}): a buddy needs one`,
      {
        field: 'buddyId',
        volunteerId: links.buddyId,
        volunteerName: buddy?.displayName ?? null,
        screeningStatus: status,
      },
    );
  }

  private async validLinks(
    tx: Transaction,
    links: { buddyId?: string | null; hostOrganisationId?: string | null },
  ): Promise<{ buddyId: string | null; hostOrganisationId: string | null }> {
    const buddyId = links.buddyId == null ? null : validate.uuid('buddyId', links.buddyId);
    const hostOrganisationId = links.hostOrganisationId == null ? null : validate.uuid('hostOrganisationId', links.hostOrganisationId);
    if (buddyId) {
      const buddy = await this.trajectories.findUser(buddyId, tx);
      if (!buddy || !buddy.roles.includes(Role.VOLUNTEER)) throw AppError.badInput('buddyId must be a volunteer', 'buddyId');
    }
    if (hostOrganisationId && !(await this.trajectories.organisationExists(hostOrganisationId, tx)))
      throw AppError.notFound('Organisation', hostOrganisationId);
    return { buddyId, hostOrganisationId };
  }
}
