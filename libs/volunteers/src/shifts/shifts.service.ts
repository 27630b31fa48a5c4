import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, hasAnyRole, validate, Role } from '@app/common';
import { pgErrorCode, PgErrorCode } from '@app/database';
import { HELD_SHIFT_STATUSES, ShiftAssignmentEntity, ShiftAssignmentStatus, ShiftEntity, ShiftStatus, VolunteerSkill } from '../entities';
import { UserEntity } from '@app/auth';
import { normaliseLanguage } from '@app/registrations';
import { sessionResponsibles, SessionEntity, SessionStatus } from '@app/scheduling';
import { EventMap, OnEvent } from '@app/events';
import { volunteersPolicy } from '../volunteers-policy';
import { VOLUNTEER_ZONE } from './availability';
import { ShiftEvent, ShiftEvents } from './shift-events';
import { lockAssignment, lockShift, rankFreeVolunteers, ShiftPlaces } from './shift-places';
import { suitsVolunteer, VolunteerPreferences } from './shift-rules';

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

const HELD: ShiftAssignmentStatus[] = [...HELD_SHIFT_STATUSES];

/**
 * Shifts and who takes them. Every sign-up locks the shift row first, so the last place goes to
 * one volunteer; the exclusion constraint `shift_assignment_no_overlap` keeps a volunteer from
 * holding two overlapping shifts, whichever shifts the requests are for.
 */
@Injectable()
export class ShiftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: ShiftEvents,
    private readonly clock: Clock,
    private readonly places: ShiftPlaces,
  ) {}

  /** A cancelled session needs nobody: its shifts are cancelled and their volunteers released. */
  @OnEvent({ name: 'sessions.cancelled', order: 20 })
  async onSessionsCancelled(manager: EntityManager, { sessionIds }: EventMap['sessions.cancelled']): Promise<void> {
    await this.cancelShiftsOfSessions(manager, sessionIds);
  }

  /** A series edit must not delete a date with shifts: it is cancelled instead, and so are its shifts. */
  @OnEvent({ name: 'sessions.inUse', order: 20 })
  async onSessionsInUse(manager: EntityManager, { sessionIds, inUse }: EventMap['sessions.inUse']): Promise<void> {
    const rows = await manager.query<{ session_id: string }[]>(`SELECT DISTINCT session_id FROM shift WHERE session_id = ANY($1::uuid[]) AND status = 'OPEN'`, [sessionIds]);
    for (const row of rows) inUse.add(row.session_id);
  }

  /** The shifts follow first (their reminders move with them); the outbox then moves the session's own reminders (order 100). */
  @OnEvent({ name: 'session.moved', order: 20 })
  async onSessionMoved(manager: EntityManager, { session, previousStartsAt }: EventMap['session.moved']): Promise<void> {
    await this.followMovedSession(manager, session.id, session.startsAt.getTime() - previousStartsAt.getTime());
  }

  /**
   * A moved session takes its shifts along (by the same shift in time). Each volunteer keeps the
   * shift unless the new time overlaps another shift of theirs: then they are released, and the
   * place opens for someone else. Reminders follow (MOVED), or end (RELEASED).
   */
  private async followMovedSession(manager: EntityManager, sessionId: string, shiftMs: number): Promise<void> {
    if (shiftMs === 0) return;
    const interval = `${shiftMs / 1000} seconds`;
    const shifts = await manager.query<[{ id: string }[], number]>(
      `UPDATE shift SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval, updated_at = now() WHERE session_id = $1 AND status = 'OPEN' RETURNING id`,
      [sessionId, interval],
    );
    const shiftIds = shifts[0].map((row) => row.id);
    const assignments = await manager.query<{ id: string; volunteer_id: string }[]>(
      `SELECT id, volunteer_id FROM shift_assignment WHERE shift_id = ANY($1::uuid[]) AND status = 'ASSIGNED' ORDER BY id`,
      [shiftIds],
    );
    const moved: string[] = [];
    const released: string[] = [];
    for (const assignment of assignments) {
      await manager.query(`SAVEPOINT follow_moved_session`);
      try {
        await manager.query(`UPDATE shift_assignment SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval, updated_at = now() WHERE id = $1`, [assignment.id, interval]);
        await manager.query(`RELEASE SAVEPOINT follow_moved_session`);
        moved.push(assignment.id);
      } catch (error) {
        if (pgErrorCode(error) !== PgErrorCode.EXCLUSION_VIOLATION) throw error;
        await manager.query(`ROLLBACK TO SAVEPOINT follow_moved_session`);
        await manager.query(`UPDATE shift_assignment SET status = 'DROPPED', updated_at = now() WHERE id = $1`, [assignment.id]);
        released.push(assignment.id);
      }
    }
    await this.events.publish(manager, [
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
    return this.dataSource.transaction(async (manager) => {
      let startsAt = command.startsAt ?? null;
      let endsAt = command.endsAt ?? null;
      let title = command.title ?? null;
      const sessionId = command.sessionId == null ? null : validate.uuid('sessionId', command.sessionId);
      if (sessionId) {
        const session = await manager.getRepository(SessionEntity).findOneBy({ id: sessionId });
        if (!session) throw AppError.notFound('Session', sessionId);
        await this.requireCanStaff(manager, actor, session.id);
        if (session.status !== SessionStatus.SCHEDULED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled');
        startsAt ??= session.startsAt;
        endsAt ??= session.endsAt;
        title ??= session.title;
      } else {
        volunteersPolicy.requireCoordinator(actor, 'create shifts outside a session');
      }
      const editionId = command.editionId == null ? null : validate.uuid('editionId', command.editionId);
      const plotId = command.plotId == null ? null : validate.uuid('plotId', command.plotId);
      if (editionId && !(await manager.query(`SELECT 1 FROM festival_edition WHERE id = $1`, [editionId])).length) throw AppError.notFound('FestivalEdition', editionId);
      if (plotId && !(await manager.query(`SELECT 1 FROM stand_plot WHERE id = $1 AND ($2::uuid IS NULL OR edition_id = $2)`, [plotId, editionId])).length) throw AppError.notFound('StandPlot', plotId);
      if (!startsAt || !endsAt) throw AppError.badInput('startsAt and endsAt are needed for a shift outside a session', 'startsAt');
      validate.range('startsAt', startsAt, endsAt);
      if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000) throw AppError.badInput('a shift lasts at most 24 hours', 'endsAt');
      if (startsAt.getTime() <= this.clock.now().getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'A shift must start in the future', { field: 'startsAt' });
      return manager.getRepository(ShiftEntity).save({
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
      });
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
    return this.dataSource.transaction(async (manager) => {
      const sessions = await manager.getRepository(SessionEntity).find({ where: { seriesId, status: 'SCHEDULED' as SessionEntity['status'] }, order: { startsAt: 'ASC' } });
      const upcoming = sessions.filter((session) => session.startsAt.getTime() > this.clock.now().getTime());
      if (sessions.length === 0) throw AppError.notFound('SessionSeries', seriesId);
      await this.requireCanStaff(manager, actor, upcoming[0]?.id ?? sessions[0].id);
      return manager.getRepository(ShiftEntity).save(
        upcoming.map((session) => ({ title: title ?? session.title, role: command.role, needed, startsAt: session.startsAt, endsAt: session.endsAt, sessionId: session.id, seriesId, languages, notes, status: ShiftStatus.OPEN, createdById: actor.userId })),
      );
    });
  }

  async cancelShift(actor: Actor | null, shiftId: string): Promise<ShiftEntity> {
    return this.dataSource.transaction(async (manager) => {
      const shift = await lockShift(manager, shiftId);
      if (shift.sessionId) await this.requireCanStaff(manager, actor, shift.sessionId);
      else volunteersPolicy.requireCoordinator(actor, 'cancel shifts');
      if (shift.status === ShiftStatus.CANCELLED) return shift;
      await this.cancelShifts(manager, [shift.id]);
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
    return this.dataSource.transaction(async (manager) => {
      const assignment = await lockAssignment(manager, assignmentId);
      volunteersPolicy.requireSelfOrCoordinator(actor, assignment.volunteerId, 'drop a shift');
      if (assignment.status === ShiftAssignmentStatus.DROPPED) return assignment;
      if (assignment.status !== ShiftAssignmentStatus.ASSIGNED || assignment.startsAt.getTime() <= this.clock.now().getTime()) {
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'A shift that has started cannot be dropped');
      }
      await manager.getRepository(ShiftAssignmentEntity).update(assignment.id, { status: ShiftAssignmentStatus.DROPPED });
      await this.events.publish(manager, [{ kind: 'RELEASED', assignmentIds: [assignment.id] }]);
      return { ...assignment, status: ShiftAssignmentStatus.DROPPED };
    });
  }

  /** After the shift has begun, its host or a coordinator records who came. */
  async markShiftAttendance(actor: Actor | null, assignmentId: string, attended: boolean): Promise<ShiftAssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await lockAssignment(manager, assignmentId);
      const shift = await manager.getRepository(ShiftEntity).findOneByOrFail({ id: assignment.shiftId });
      if (shift.sessionId) await this.requireCanStaff(manager, actor, shift.sessionId);
      else volunteersPolicy.requireCoordinator(actor, 'record attendance at shifts');
      if (assignment.status === ShiftAssignmentStatus.DROPPED) throw new AppError(ErrorCode.CONFLICT, 'This volunteer dropped the shift');
      if (assignment.startsAt.getTime() > this.clock.now().getTime()) throw AppError.badInput('Attendance is recorded once the shift has begun', 'assignmentId');
      const status = attended ? ShiftAssignmentStatus.ATTENDED : ShiftAssignmentStatus.NO_SHOW;
      await manager.getRepository(ShiftAssignmentEntity).update(assignment.id, { status });
      return { ...assignment, status };
    });
  }

  /** Shifts between two instants; anyone logged in may see the needs (who takes them is resolved per viewer). */
  async listShifts(actor: Actor | null, filter: ShiftFilter = {}): Promise<ShiftEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const query = this.dataSource.getRepository(ShiftEntity).createQueryBuilder('s').where('s.status = :open', { open: ShiftStatus.OPEN }).orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').limit(500);
    query.andWhere('s.starts_at >= :from', { from: filter.from ?? this.clock.now() });
    if (filter.to) query.andWhere('s.starts_at < :to', { to: filter.to });
    if (filter.sessionId) query.andWhere('s.session_id = :sessionId', { sessionId: validate.uuid('sessionId', filter.sessionId) });
    if (filter.editionId) query.andWhere('s.edition_id = :editionId', { editionId: validate.uuid('editionId', filter.editionId) });
    if (filter.onlyUnderstaffed) query.andWhere(`(SELECT count(*) FROM shift_assignment a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) < s.needed`);
    return query.getMany();
  }

  /** Shifts ahead with a free place that fit the volunteer: their skills, languages (when the shift asks), usual days and dayparts, not away, no overlap. */
  async openShiftsFor(actor: Actor | null): Promise<ShiftEntity[]> {
    const volunteer = volunteersPolicy.requireVolunteer(actor, 'look for open shifts');
    const [profile] = await this.dataSource.query<VolunteerPreferences[]>(
      `SELECT languages, skills::text[] AS skills, available_weekdays, available_dayparts::text[] AS available_dayparts FROM volunteer_profile WHERE user_id = $1`,
      [volunteer.userId],
    );
    const candidates = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM shift s
        WHERE s.status = 'OPEN' AND s.starts_at > $1
          AND (SELECT count(*) FROM shift_assignment a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) < s.needed
          AND NOT EXISTS (SELECT 1 FROM shift_assignment mine WHERE mine.volunteer_id = $2 AND mine.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
                          AND tstzrange(mine.starts_at, mine.ends_at, '[)') && tstzrange(s.starts_at, s.ends_at, '[)'))
          AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = $2 AND (s.starts_at AT TIME ZONE '${VOLUNTEER_ZONE}')::date BETWEEN v.starts_on AND v.ends_on)
        ORDER BY s.starts_at LIMIT 500`,
      [this.clock.now(), volunteer.userId],
    );
    const shifts = await this.dataSource.getRepository(ShiftEntity).find({ where: { id: In(candidates.map((c) => c.id)) }, order: { startsAt: 'ASC' } });
    if (!profile) return shifts;
    return shifts.filter((shift) => suitsVolunteer(profile, shift));
  }

  /** The volunteer's own assignments, ahead first by default. */
  async myShifts(actor: Actor | null, includePast = false): Promise<ShiftAssignmentEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    return this.dataSource.getRepository(ShiftAssignmentEntity).find({
      where: { volunteerId: actor.userId, status: In(HELD), ...(includePast ? {} : { endsAt: MoreThan(this.clock.now()) }) },
      order: { startsAt: 'ASC' },
    });
  }

  /** Volunteers who could take a shift, best first: the role's skill, shared languages, usual availability; never someone away or busy then. */
  async suggestVolunteers(actor: Actor | null, shiftId: string, limit = 10): Promise<VolunteerSuggestion[]> {
    volunteersPolicy.requireCoordinator(actor, 'see volunteer suggestions');
    const shift = await this.dataSource.getRepository(ShiftEntity).findOneBy({ id: validate.uuid('shiftId', shiftId) });
    if (!shift) throw AppError.notFound('Shift', shiftId);
    const take = validate.int('limit', limit, 1, 50);
    const best = (await rankFreeVolunteers(this.dataSource.manager, shift, this.clock.now())).slice(0, take);
    const users = new Map((await this.dataSource.getRepository(UserEntity).findBy({ id: In(best.map((s) => s.userId)) })).map((user) => [user.id, user]));
    return best.map(({ userId, sharedLanguages, hasSkill, usuallyAvailable, upcomingShifts, score }) => ({ volunteer: users.get(userId)!, score, sharedLanguages, hasSkill, usuallyAvailable, upcomingShifts }));
  }


  findShiftsByIds(ids: readonly string[]): Promise<ShiftEntity[]> {
    return this.dataSource.getRepository(ShiftEntity).findBy({ id: In([...ids]) });
  }

  assignmentsByShiftIds(ids: readonly string[]): Promise<ShiftAssignmentEntity[]> {
    return this.dataSource.getRepository(ShiftAssignmentEntity).find({ where: { shiftId: In([...ids]), status: In(HELD) }, order: { createdAt: 'ASC' } });
  }

  /** Whether the actor may see who is on each shift: coordinators, and hosts of the shift's session. */
  async staffableShiftIds(actor: Actor | null, shifts: readonly ShiftEntity[]): Promise<Set<string>> {
    if (volunteersPolicy.isCoordinator(actor)) return new Set(shifts.map((shift) => shift.id));
    if (!actor || !hasAnyRole(actor, Role.HOST)) return new Set();
    const sessionIds = [...new Set(shifts.map((shift) => shift.sessionId).filter((id): id is string => !!id))];
    const responsibles = await sessionResponsibles(this.dataSource.manager, sessionIds);
    return new Set(shifts.filter((shift) => shift.sessionId && responsibles.get(shift.sessionId)?.hostIds.includes(actor.userId)).map((shift) => shift.id));
  }

  private async assign(actor: Actor, shiftId: string, volunteerId: string): Promise<ShiftAssignmentEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const shift = await lockShift(manager, shiftId);
        if (actor.userId !== volunteerId) {
          if (shift.sessionId) await this.requireCanStaff(manager, actor, shift.sessionId);
          else volunteersPolicy.requireCoordinator(actor, 'assign volunteers');
        }
        const assignment = await this.places.insertAssignment(manager, actor, shift, volunteerId);
        await this.events.publish(manager, [{ kind: 'ASSIGNED', assignmentIds: [assignment.id] }]);
        return assignment;
      });
    } catch (error) {
      throw await this.places.explainConflict(actor, error, volunteerId, shiftId);
    }
  }

  private async requireCanStaff(manager: EntityManager, actor: Actor | null, sessionId: string): Promise<void> {
    if (!actor) throw AppError.unauthenticated();
    if (volunteersPolicy.isCoordinator(actor)) return;
    const responsibles = (await sessionResponsibles(manager, [sessionId])).get(sessionId);
    if (hasAnyRole(actor, Role.HOST) && responsibles?.hostIds.includes(actor.userId)) return;
    throw AppError.forbidden("Only coordinators and the session's hosts manage its shifts");
  }

  private async cancelShiftsOfSessions(manager: EntityManager, sessionIds: string[]): Promise<void> {
    const shifts = await manager.query<{ id: string }[]>(`SELECT id FROM shift WHERE session_id = ANY($1::uuid[]) AND status = 'OPEN'`, [sessionIds]);
    await this.cancelShifts(manager, shifts.map((shift) => shift.id));
  }

  private async cancelShifts(manager: EntityManager, shiftIds: string[]): Promise<void> {
    if (shiftIds.length === 0) return;
    await manager.getRepository(ShiftEntity).update({ id: In(shiftIds) }, { status: ShiftStatus.CANCELLED });
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's query().
    const [released] = await manager.query<[{ id: string }[], number]>(`UPDATE shift_assignment SET status = 'DROPPED', updated_at = now() WHERE shift_id = ANY($1::uuid[]) AND status = 'ASSIGNED' RETURNING id`, [shiftIds]);
    const events: ShiftEvent[] = [{ kind: 'RELEASED', assignmentIds: released.map((row) => row.id) }];
    await this.events.publish(manager, events);
  }
}
