import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, hasAnyRole, validate } from '@app/common';
import {
  HELD_SHIFT_STATUSES,
  pgErrorCode,
  PgErrorCode,
  Role,
  SessionEntity,
  SessionStatus,
  ShiftAssignmentEntity,
  ShiftAssignmentStatus,
  ShiftEntity,
  ShiftStatus,
  UserEntity,
  VolunteerSkill,
} from '@app/database';
import { normaliseLanguage } from '@app/registrations';
import { SessionHooks, sessionResponsibles } from '@app/scheduling';
import { volunteersPolicy } from '../volunteers-policy';
import { brusselsDay, daypartOf, VOLUNTEER_ZONE, weekdayOf } from './availability';
import { ShiftEvent, ShiftEvents } from './shift-events';

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
export class ShiftsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: ShiftEvents,
    private readonly sessionHooks: SessionHooks,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sessionHooks.register({
      // A cancelled session needs nobody: its shifts are cancelled and their volunteers released.
      sessionsCancelled: (manager, sessionIds) => this.cancelShiftsOfSessions(manager, sessionIds),
      // A series edit must not delete a date with shifts: it is cancelled instead, and so are its shifts.
      sessionsInUse: async (manager, sessionIds) =>
        (await manager.query<{ session_id: string }[]>(`SELECT DISTINCT session_id FROM shift WHERE session_id = ANY($1::uuid[]) AND status = 'OPEN'`, [sessionIds])).map(
          (row) => row.session_id,
        ),
      sessionMoved: (manager, session, previousStartsAt) => this.followMovedSession(manager, session.id, session.startsAt.getTime() - previousStartsAt.getTime()),
    });
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

  /** Hands a shift to another volunteer in one step: theirs only if they can take it, else nothing changes. */
  async swapShift(actor: Actor | null, assignmentId: string, toVolunteerId: string): Promise<ShiftAssignmentEntity> {
    const target = validate.uuid('toVolunteerId', toVolunteerId);
    let shiftOf: string | null = null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const assignment = await lockAssignment(manager, assignmentId);
        volunteersPolicy.requireSelfOrCoordinator(actor, assignment.volunteerId, 'swap a shift');
        if (assignment.status !== ShiftAssignmentStatus.ASSIGNED || assignment.startsAt.getTime() <= this.clock.now().getTime()) {
          throw new AppError(ErrorCode.CONFLICT, 'Only a shift that is still ahead can be swapped');
        }
        if (target === assignment.volunteerId) throw AppError.badInput('toVolunteerId is already on this shift', 'toVolunteerId');
        const shift = await lockShift(manager, assignment.shiftId);
        shiftOf = shift.id;
        await manager.getRepository(ShiftAssignmentEntity).update(assignment.id, { status: ShiftAssignmentStatus.DROPPED });
        const taken = await this.insertAssignment(manager, actor!, shift, target);
        await this.events.publish(manager, [
          { kind: 'RELEASED', assignmentIds: [assignment.id] },
          { kind: 'ASSIGNED', assignmentIds: [taken.id] },
        ]);
        return taken;
      });
    } catch (error) {
      throw await this.explainConflict(actor, error, target, shiftOf ?? '');
    }
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
    const [profile] = await this.dataSource.query<{ languages: string[]; skills: string[]; available_weekdays: number[]; available_dayparts: string[] }[]>(
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
    return shifts.filter(
      (shift) =>
        (profile.skills.length === 0 || profile.skills.includes(shift.role)) &&
        (shift.languages.length === 0 || shift.languages.some((language) => profile.languages.includes(language))) &&
        (profile.available_weekdays.length === 0 || profile.available_weekdays.includes(weekdayOf(shift.startsAt))) &&
        (profile.available_dayparts.length === 0 || profile.available_dayparts.includes(daypartOf(shift.startsAt))),
    );
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
    const rows = await this.dataSource.query<{ user_id: string; languages: string[]; skills: string[]; available_weekdays: number[]; available_dayparts: string[]; upcoming: number }[]>(
      `SELECT u.id AS user_id, COALESCE(p.languages, '{}') AS languages, COALESCE(p.skills::text[], '{}') AS skills,
              COALESCE(p.available_weekdays, '{}') AS available_weekdays, COALESCE(p.available_dayparts::text[], '{}') AS available_dayparts,
              (SELECT count(*)::int FROM shift_assignment f WHERE f.volunteer_id = u.id AND f.status = 'ASSIGNED' AND f.starts_at > $4) AS upcoming
         FROM app_user u LEFT JOIN volunteer_profile p ON p.user_id = u.id
        WHERE u.active AND 'VOLUNTEER' = ANY(u.roles::text[])
          AND NOT EXISTS (SELECT 1 FROM shift_assignment a WHERE a.volunteer_id = u.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
                          AND (a.shift_id = $1 OR tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)')))
          AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = u.id AND $5::date BETWEEN v.starts_on AND v.ends_on)`,
      [shift.id, shift.startsAt, shift.endsAt, this.clock.now(), brusselsDay(shift.startsAt)],
    );
    const weekday = weekdayOf(shift.startsAt);
    const daypart = daypartOf(shift.startsAt);
    const scored = rows.map((row) => {
      const sharedLanguages = shift.languages.filter((language) => row.languages.includes(language));
      const hasSkill = row.skills.includes(shift.role);
      const usuallyAvailable = row.available_weekdays.includes(weekday) && row.available_dayparts.includes(daypart);
      return { userId: row.user_id, score: (hasSkill ? 4 : 0) + 2 * sharedLanguages.length + (usuallyAvailable ? 2 : 0), sharedLanguages, hasSkill, usuallyAvailable, upcomingShifts: row.upcoming };
    });
    scored.sort((a, b) => b.score - a.score || a.upcomingShifts - b.upcomingShifts || a.userId.localeCompare(b.userId));
    const best = scored.slice(0, take);
    const users = new Map((await this.dataSource.getRepository(UserEntity).findBy({ id: In(best.map((s) => s.userId)) })).map((user) => [user.id, user]));
    return best.map(({ userId, ...rest }) => ({ volunteer: users.get(userId)!, ...rest }));
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
        const assignment = await this.insertAssignment(manager, actor, shift, volunteerId);
        await this.events.publish(manager, [{ kind: 'ASSIGNED', assignmentIds: [assignment.id] }]);
        return assignment;
      });
    } catch (error) {
      throw await this.explainConflict(actor, error, volunteerId, shiftId);
    }
  }

  /** Under the shift's row lock: open, ahead, a free place, a volunteer who is not away that day. */
  private async insertAssignment(manager: EntityManager, actor: Actor, shift: ShiftEntity, volunteerId: string): Promise<ShiftAssignmentEntity> {
    if (shift.status !== ShiftStatus.OPEN) throw new AppError(ErrorCode.CONFLICT, 'This shift was cancelled');
    if (shift.startsAt.getTime() <= this.clock.now().getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'This shift has begun');
    const volunteer = await manager.getRepository(UserEntity).findOneBy({ id: volunteerId });
    if (!volunteer || !volunteer.active || !volunteer.roles.includes(Role.VOLUNTEER)) throw AppError.notFound('Volunteer', volunteerId);
    // One volunteer's sign-ups take turns: concurrent inserts checked by the exclusion constraint can
    // deadlock each other (40P01, an internal error) instead of all but one failing with VOLUNTEER_UNAVAILABLE.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`shift-volunteer:${volunteerId}`]);
    // Checked before the overlap constraint, which would otherwise answer VOLUNTEER_UNAVAILABLE for the shift itself.
    if (await manager.getRepository(ShiftAssignmentEntity).existsBy({ shiftId: shift.id, volunteerId, status: In(HELD) })) throw new AppError(ErrorCode.ALREADY_REGISTERED, 'This volunteer is already on this shift');
    const held = await manager.getRepository(ShiftAssignmentEntity).countBy({ shiftId: shift.id, status: In(HELD) });
    if (held >= shift.needed) throw new AppError(ErrorCode.SHIFT_FULL, `All ${shift.needed} places of this shift are taken`, { needed: shift.needed });
    const [away] = await manager.query<{ starts_on: string; ends_on: string }[]>(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM volunteer_absence WHERE user_id = $1 AND $2::date BETWEEN starts_on AND ends_on LIMIT 1`,
      [volunteerId, brusselsDay(shift.startsAt)],
    );
    if (away) {
      // When and why someone is away is for the volunteer and coordinators, not for a host or a colleague swapping.
      const message = volunteersPolicy.canSeeVolunteer(actor, volunteerId) ? `${volunteer.displayName} is away from ${away.starts_on} to ${away.ends_on}` : 'The volunteer is not available then';
      throw new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, message, { reason: 'AWAY' });
    }
    return manager.getRepository(ShiftAssignmentEntity).save({ shiftId: shift.id, volunteerId, startsAt: shift.startsAt, endsAt: shift.endsAt, status: ShiftAssignmentStatus.ASSIGNED, assignedById: actor.userId });
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

  /** The exclusion constraint's refusal as VOLUNTEER_UNAVAILABLE naming the overlapping shift; a second place on one shift as ALREADY_REGISTERED. */
  private async explainConflict(actor: Actor | null, error: unknown, volunteerId: string, shiftId: string): Promise<unknown> {
    const code = pgErrorCode(error);
    if (code === PgErrorCode.UNIQUE_VIOLATION) return new AppError(ErrorCode.ALREADY_REGISTERED, 'This volunteer is already on this shift');
    if (code !== PgErrorCode.EXCLUSION_VIOLATION) return error;
    // Which other shift a volunteer holds is for the volunteer and coordinators only.
    if (!volunteersPolicy.canSeeVolunteer(actor, volunteerId)) return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, 'The volunteer already has a shift then', { reason: 'OVERLAP' });
    const [other] = await this.dataSource.query<{ title: string; starts_at: Date }[]>(
      `SELECT s.title, a.starts_at FROM shift_assignment a JOIN shift s ON s.id = a.shift_id JOIN shift wanted ON wanted.id = $2
        WHERE a.volunteer_id = $1 AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
          AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(wanted.starts_at, wanted.ends_at, '[)')
        ORDER BY a.starts_at LIMIT 1`,
      [volunteerId, shiftId],
    );
    if (!other) return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, 'The volunteer already has a shift then', { reason: 'OVERLAP' });
    const when = DateTime.fromJSDate(new Date(other.starts_at), { zone: VOLUNTEER_ZONE }).toFormat('yyyy-MM-dd HH:mm');
    return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, `The volunteer already has a shift then: ${other.title} (${when})`, { reason: 'OVERLAP' });
  }
}

async function lockShift(manager: EntityManager, id: string): Promise<ShiftEntity> {
  const shiftId = validate.uuid('shiftId', id);
  const shift = await manager.getRepository(ShiftEntity).findOne({ where: { id: shiftId }, lock: { mode: 'pessimistic_write' } });
  if (!shift) throw AppError.notFound('Shift', shiftId);
  return shift;
}

async function lockAssignment(manager: EntityManager, id: string): Promise<ShiftAssignmentEntity> {
  const assignmentId = validate.uuid('assignmentId', id);
  const assignment = await manager.getRepository(ShiftAssignmentEntity).findOne({ where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
  if (!assignment) throw AppError.notFound('ShiftAssignment', assignmentId);
  return assignment;
}
