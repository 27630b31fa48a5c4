import { Injectable } from '@nestjs/common';
import { UserEntity } from '@app/auth';
import { Actor, AppError, Clock, ErrorCode, hasAnyRole, validate, Role } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { normaliseLanguage } from '@app/registrations';
import { SessionStatus } from '@app/scheduling';
import { ShiftAssignmentEntity, ShiftAssignmentStatus, ShiftEntity, ShiftStatus, VolunteerSkill } from '../entities';
import { volunteersPolicy } from '../volunteers-policy';
import { ShiftEvent, ShiftEvents } from './shift-events';
import { ShiftPlaces } from './shift-places';
import { suitsVolunteer } from './shift-rules';
import { ShiftsRepository } from './shifts.repository';

export interface CreateShiftCommand {
  title?: string | null;
  role: VolunteerSkill;
  needed: number;
  startsAt?: Date | null;
  endsAt?: Date | null;
  sessionId?: string | null;
  editionId?: string | null;
  plotId?: string | null;
  languages?: string[] | null;
  notes?: string | null;
}

export interface SeriesShiftsCommand {
  seriesId: string;
  role: VolunteerSkill;
  needed: number;
  title?: string | null;
  languages?: string[] | null;
  notes?: string | null;
}

export interface ShiftFilter {
  from?: Date | null;
  to?: Date | null;
  sessionId?: string | null;
  editionId?: string | null;
  onlyUnderstaffed?: boolean | null;
}

export interface VolunteerSuggestion {
  volunteer: UserEntity;
  score: number;
  sharedLanguages: string[];
  hasSkill: boolean;
  usuallyAvailable: boolean;
  upcomingShifts: number;
}

/**
 * Shifts and who takes them. Every sign-up locks the shift row first, so the last place goes to
 * one volunteer; the exclusion constraint `shift_assignment_no_overlap` keeps a volunteer from
 * holding two overlapping shifts, whichever shifts the requests are for.
 */
@Injectable()
export class ShiftsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly shifts: ShiftsRepository,
    private readonly events: ShiftEvents,
    private readonly clock: Clock,
    private readonly places: ShiftPlaces,
  ) {}

  /** A cancelled session needs nobody: its shifts are cancelled and their volunteers released. */
  @OnEvent({ name: 'sessions.cancelled', order: 20 })
  async onSessionsCancelled(tx: Transaction, { sessionIds }: EventMap['sessions.cancelled']): Promise<void> {
    await this.cancelShiftsOfSessions(tx, sessionIds);
  }

  /** A series edit must not delete a date with shifts: it is cancelled instead, and so are its shifts. */
  @OnEvent({ name: 'sessions.inUse', order: 20 })
  async onSessionsInUse(tx: Transaction, { sessionIds, inUse }: EventMap['sessions.inUse']): Promise<void> {
    for (const sessionId of await this.shifts.sessionIdsWithOpenShifts(sessionIds, tx)) inUse.add(sessionId);
  }

  /** The shifts follow first (their reminders move with them); the outbox then moves the session's own reminders (order 100). */
  @OnEvent({ name: 'session.moved', order: 20 })
  async onSessionMoved(tx: Transaction, { session, previousStartsAt }: EventMap['session.moved']): Promise<void> {
    await this.followMovedSession(tx, session.id, session.startsAt.getTime() - previousStartsAt.getTime());
  }

  /**
   * A moved session takes its shifts along (by the same shift in time). Each volunteer keeps the
   * shift unless the new time overlaps another shift of theirs: then they are released, and the
   * place opens for someone else. Reminders follow (MOVED), or end (RELEASED).
   */
  private async followMovedSession(tx: Transaction, sessionId: string, shiftMs: number): Promise<void> {
    if (shiftMs === 0) return;
    const interval = `${shiftMs / 1000} seconds`;
    const { moved, released } = await this.shifts.moveShiftsOfSession(sessionId, interval, tx);
    await this.events.publish(tx, [
      { kind: 'MOVED', assignmentIds: moved },
      { kind: 'RELEASED', assignmentIds: released },
    ]);
  }

  /** Coordinators create any shift; a host creates shifts at the sessions they host. */
  async createShift(actor: Actor | null, command: CreateShiftCommand): Promise<ShiftEntity> {
    if (!actor) throw AppError.unauthenticated();
    const needed = validate.int('needed', command.needed, 1, 100);
    const languages = (command.languages ?? []).map((tag) => normaliseLanguage('languages', tag));
    const notes = validate.optionalText('notes', command.notes, 1000);
    return this.transactions.run(async (tx) => {
      let startsAt = command.startsAt ?? null;
      let endsAt = command.endsAt ?? null;
      let title = command.title ?? null;
      const sessionId = command.sessionId == null ? null : validate.uuid('sessionId', command.sessionId);
      if (sessionId) {
        const session = await this.shifts.findSession(sessionId, tx);
        if (!session) throw AppError.notFound('Session', sessionId);
        await this.requireCanStaff(tx, actor, session.id);
        if (session.status !== SessionStatus.SCHEDULED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled');
        startsAt ??= session.startsAt;
        endsAt ??= session.endsAt;
        title ??= session.title;
      } else {
        volunteersPolicy.requireCoordinator(actor, 'create shifts outside a session');
      }
      const editionId = command.editionId == null ? null : validate.uuid('editionId', command.editionId);
      const plotId = command.plotId == null ? null : validate.uuid('plotId', command.plotId);
      if (editionId && !(await this.shifts.editionExists(editionId, tx))) throw AppError.notFound('FestivalEdition', editionId);
      if (plotId && !(await this.shifts.plotExists(plotId, editionId, tx))) throw AppError.notFound('StandPlot', plotId);
      if (!startsAt || !endsAt) throw AppError.badInput('startsAt and endsAt are needed for a shift outside a session', 'startsAt');
      validate.range('startsAt', startsAt, endsAt);
      if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000) throw AppError.badInput('a shift lasts at most 24 hours', 'endsAt');
      if (startsAt.getTime() <= this.clock.now().getTime())
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'A shift must start in the future', { field: 'startsAt' });
      return this.shifts.saveShift(
        {
          title: validate.text('title', title ?? '', { max: 200 }),
          role: command.role,
          needed,
          startsAt,
          endsAt,
          sessionId,
          seriesId: null,
          editionId,
          plotId,
          languages,
          notes,
          status: ShiftStatus.OPEN,
          createdById: actor.userId,
        },
        tx,
      );
    });
  }

  /** The same need at every upcoming session of a series (one shift per session). */
  async createShiftsForSeries(actor: Actor | null, command: SeriesShiftsCommand): Promise<ShiftEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const seriesId = validate.uuid('seriesId', command.seriesId);
    const needed = validate.int('needed', command.needed, 1, 100);
    const languages = (command.languages ?? []).map((tag) => normaliseLanguage('languages', tag));
    const notes = validate.optionalText('notes', command.notes, 1000);
    const title = command.title == null ? null : validate.text('title', command.title, { max: 200 });
    return this.transactions.run(async (tx) => {
      const sessions = await this.shifts.scheduledSessionsOfSeries(seriesId, tx);
      const upcoming = sessions.filter((session) => session.startsAt.getTime() > this.clock.now().getTime());
      if (sessions.length === 0) throw AppError.notFound('SessionSeries', seriesId);
      await this.requireCanStaff(tx, actor, upcoming[0]?.id ?? sessions[0].id);
      return this.shifts.saveShifts(
        upcoming.map((session) => ({
          title: title ?? session.title,
          role: command.role,
          needed,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          sessionId: session.id,
          seriesId,
          languages,
          notes,
          status: ShiftStatus.OPEN,
          createdById: actor.userId,
        })),
        tx,
      );
    });
  }

  async cancelShift(actor: Actor | null, shiftId: string): Promise<ShiftEntity> {
    return this.transactions.run(async (tx) => {
      const shift = await this.shifts.lockShift(shiftId, tx);
      if (shift.sessionId) await this.requireCanStaff(tx, actor, shift.sessionId);
      else volunteersPolicy.requireCoordinator(actor, 'cancel shifts');
      if (shift.status === ShiftStatus.CANCELLED) return shift;
      await this.cancelShifts(tx, [shift.id]);
      return { ...shift, status: ShiftStatus.CANCELLED };
    });
  }

  /** A volunteer takes a place on a shift. */
  async signUp(actor: Actor | null, shiftId: string): Promise<ShiftAssignmentEntity> {
    const volunteer = volunteersPolicy.requireVolunteer(actor, 'sign up for shifts');
    return this.assign(volunteer, shiftId, volunteer.userId);
  }

  /** A coordinator (or the session's host) puts a volunteer on a shift. */
  async assignVolunteer(actor: Actor | null, shiftId: string, volunteerId: string): Promise<ShiftAssignmentEntity> {
    if (!actor) throw AppError.unauthenticated();
    return this.assign(actor, shiftId, validate.uuid('volunteerId', volunteerId));
  }

  /** The volunteer (or a coordinator) gives a shift back; the place is open again and coordinators see the gap. */
  async dropShift(actor: Actor | null, assignmentId: string): Promise<ShiftAssignmentEntity> {
    return this.transactions.run(async (tx) => {
      const assignment = await this.shifts.lockAssignment(assignmentId, tx);
      volunteersPolicy.requireSelfOrCoordinator(actor, assignment.volunteerId, 'drop a shift');
      if (assignment.status === ShiftAssignmentStatus.DROPPED) return assignment;
      if (assignment.status !== ShiftAssignmentStatus.ASSIGNED || assignment.startsAt.getTime() <= this.clock.now().getTime()) {
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'A shift that has started cannot be dropped');
      }
      await this.shifts.setAssignmentStatus(assignment.id, ShiftAssignmentStatus.DROPPED, tx);
      await this.events.publish(tx, [{ kind: 'RELEASED', assignmentIds: [assignment.id] }]);
      return { ...assignment, status: ShiftAssignmentStatus.DROPPED };
    });
  }

  /** After the shift has begun, its host or a coordinator records who came. */
  async markShiftAttendance(actor: Actor | null, assignmentId: string, attended: boolean): Promise<ShiftAssignmentEntity> {
    return this.transactions.run(async (tx) => {
      const assignment = await this.shifts.lockAssignment(assignmentId, tx);
      const shift = await this.shifts.findShiftOrFail(assignment.shiftId, tx);
      if (shift.sessionId) await this.requireCanStaff(tx, actor, shift.sessionId);
      else volunteersPolicy.requireCoordinator(actor, 'record attendance at shifts');
      if (assignment.status === ShiftAssignmentStatus.DROPPED) throw new AppError(ErrorCode.CONFLICT, 'This volunteer dropped the shift');
      if (assignment.startsAt.getTime() > this.clock.now().getTime())
        throw AppError.badInput('Attendance is recorded once the shift has begun', 'assignmentId');
      const status = attended ? ShiftAssignmentStatus.ATTENDED : ShiftAssignmentStatus.NO_SHOW;
      await this.shifts.setAssignmentStatus(assignment.id, status, tx);
      return { ...assignment, status };
    });
  }

  /** Shifts between two instants; anyone logged in may see the needs (who takes them is resolved per viewer). */
  async listShifts(actor: Actor | null, filter: ShiftFilter = {}): Promise<ShiftEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    return this.shifts.listShifts({
      from: filter.from ?? this.clock.now(),
      to: filter.to,
      sessionId: filter.sessionId ? validate.uuid('sessionId', filter.sessionId) : null,
      editionId: filter.editionId ? validate.uuid('editionId', filter.editionId) : null,
      onlyUnderstaffed: filter.onlyUnderstaffed,
    });
  }

  /** Shifts ahead with a free place that fit the volunteer: their skills, languages (when the shift asks), usual days and dayparts, not away, no overlap. */
  async openShiftsFor(actor: Actor | null): Promise<ShiftEntity[]> {
    const volunteer = volunteersPolicy.requireVolunteer(actor, 'look for open shifts');
    const profile = await this.shifts.volunteerPreferences(volunteer.userId);
    const shifts = await this.shifts.openShiftsWithRoomFor(volunteer.userId, this.clock.now());
    if (!profile) return shifts;
    return shifts.filter((shift) => suitsVolunteer(profile, shift));
  }

  /** The volunteer's own assignments, ahead first by default. */
  async myShifts(actor: Actor | null, includePast = false): Promise<ShiftAssignmentEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    return this.shifts.assignmentsOf(actor.userId, includePast ? null : this.clock.now());
  }

  /** A volunteer's shifts, past and ahead, latest first: the volunteer themself and coordinators. */
  async shiftHistory(actor: Actor | null, volunteerId: string): Promise<ShiftAssignmentEntity[]> {
    const userId = validate.uuid('volunteerId', volunteerId);
    volunteersPolicy.requireSelfOrCoordinator(actor, userId, "see a volunteer's shifts");
    return (await this.shifts.assignmentsOf(userId, null)).reverse();
  }

  /** No-shows in total and since the last shift attended, as the participants' flag counts them. */
  async noShowStats(volunteerId: string): Promise<{ noShowCount: number; consecutiveNoShows: number }> {
    const recorded = (await this.shifts.assignmentsOf(volunteerId, null)).filter((assignment) => assignment.status !== ShiftAssignmentStatus.ASSIGNED);
    const lastAttended = recorded.map((assignment) => assignment.status).lastIndexOf(ShiftAssignmentStatus.ATTENDED);
    const noShows = (list: ShiftAssignmentEntity[]) => list.filter((assignment) => assignment.status === ShiftAssignmentStatus.NO_SHOW).length;
    return { noShowCount: noShows(recorded), consecutiveNoShows: noShows(recorded.slice(lastAttended + 1)) };
  }

  /** Volunteers who could take a shift, best first: the role's skill, shared languages, usual availability; never someone away or busy then. */
  async suggestVolunteers(actor: Actor | null, shiftId: string, limit = 10): Promise<VolunteerSuggestion[]> {
    volunteersPolicy.requireCoordinator(actor, 'see volunteer suggestions');
    const shift = await this.shifts.findShift(validate.uuid('shiftId', shiftId));
    if (!shift) throw AppError.notFound('Shift', shiftId);
    const take = validate.int('limit', limit, 1, 50);
    const best = (await this.places.rankFreeVolunteers(shift, this.clock.now())).slice(0, take);
    const users = new Map((await this.shifts.usersByIds(best.map((s) => s.userId))).map((user) => [user.id, user]));
    return best.map(({ userId, sharedLanguages, hasSkill, usuallyAvailable, upcomingShifts, score }) => ({
      volunteer: users.get(userId)!,
      score,
      sharedLanguages,
      hasSkill,
      usuallyAvailable,
      upcomingShifts,
    }));
  }

  findShiftsByIds(ids: readonly string[]): Promise<ShiftEntity[]> {
    return this.shifts.shiftsByIds(ids);
  }

  assignmentsByShiftIds(ids: readonly string[]): Promise<ShiftAssignmentEntity[]> {
    return this.shifts.assignmentsByShiftIds(ids);
  }

  /** Whether the actor may see who is on each shift: coordinators, and hosts of the shift's session. */
  async staffableShiftIds(actor: Actor | null, shifts: readonly ShiftEntity[]): Promise<Set<string>> {
    if (volunteersPolicy.isCoordinator(actor)) return new Set(shifts.map((shift) => shift.id));
    if (!actor || !hasAnyRole(actor, Role.HOST)) return new Set();
    const sessionIds = [...new Set(shifts.map((shift) => shift.sessionId).filter((id): id is string => !!id))];
    const responsibles = await this.shifts.sessionResponsibles(sessionIds);
    return new Set(shifts.filter((shift) => shift.sessionId && responsibles.get(shift.sessionId)?.hostIds.includes(actor.userId)).map((shift) => shift.id));
  }

  private async assign(actor: Actor, shiftId: string, volunteerId: string): Promise<ShiftAssignmentEntity> {
    try {
      return await this.transactions.run(async (tx) => {
        const shift = await this.shifts.lockShift(shiftId, tx);
        if (actor.userId !== volunteerId) {
          if (shift.sessionId) await this.requireCanStaff(tx, actor, shift.sessionId);
          else volunteersPolicy.requireCoordinator(actor, 'assign volunteers');
        }
        const assignment = await this.places.insertAssignment(tx, actor, shift, volunteerId);
        await this.events.publish(tx, [{ kind: 'ASSIGNED', assignmentIds: [assignment.id] }]);
        return assignment;
      });
    } catch (error) {
      throw await this.places.explainConflict(actor, error, volunteerId, shiftId);
    }
  }

  private async requireCanStaff(tx: Transaction, actor: Actor | null, sessionId: string): Promise<void> {
    if (!actor) throw AppError.unauthenticated();
    if (volunteersPolicy.isCoordinator(actor)) return;
    const responsibles = (await this.shifts.sessionResponsibles([sessionId], tx)).get(sessionId);
    if (hasAnyRole(actor, Role.HOST) && responsibles?.hostIds.includes(actor.userId)) return;
    throw AppError.forbidden("Only coordinators and the session's hosts manage its shifts");
  }

  private async cancelShiftsOfSessions(tx: Transaction, sessionIds: string[]): Promise<void> {
    await this.cancelShifts(tx, await this.shifts.openShiftIdsOfSessions(sessionIds, tx));
  }

  private async cancelShifts(tx: Transaction, shiftIds: string[]): Promise<void> {
    if (shiftIds.length === 0) return;
    const released = await this.shifts.cancelShifts(shiftIds, tx);
    const events: ShiftEvent[] = [{ kind: 'RELEASED', assignmentIds: released }];
    await this.events.publish(tx, events);
  }
}
