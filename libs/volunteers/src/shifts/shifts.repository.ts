import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThan } from 'typeorm';
import { UserEntity } from '@app/auth';
import { AppError, validate } from '@app/common';
import { BaseRepository, pgErrorCode, PgErrorCode, Transaction } from '@app/database';
import { sessionResponsibles, SessionEntity, SessionResponsibles } from '@app/scheduling';
import { HELD_SHIFT_STATUSES, ShiftAssignmentEntity, ShiftAssignmentStatus, ShiftEntity, ShiftStatus } from '../entities';
import { VOLUNTEER_ZONE } from './availability';
import { CandidateRow, VolunteerPreferences } from './shift-rules';

const HELD: ShiftAssignmentStatus[] = [...HELD_SHIFT_STATUSES];

/** What the shifts lists may be narrowed by (already validated). */
export interface ShiftQuery {
  from: Date;
  to?: Date | null;
  sessionId?: string | null;
  editionId?: string | null;
  onlyUnderstaffed?: boolean | null;
}

/**
 * Shifts and their assignments. Reads users (auth), sessions and their hosts (scheduling) and, to
 * check a shift's links, festival editions and plots (festival's tables, read by id only).
 */
@Injectable()
export class ShiftsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The shift row, locked for the rest of the transaction; NOT_FOUND if there is none. */
  async lockShift(id: string, tx: Transaction): Promise<ShiftEntity> {
    const shiftId = validate.uuid('shiftId', id);
    const shift = await tx.getRepository(ShiftEntity).findOne({ where: { id: shiftId }, lock: { mode: 'pessimistic_write' } });
    if (!shift) throw AppError.notFound('Shift', shiftId);
    return shift;
  }

  /** The assignment row, locked for the rest of the transaction; NOT_FOUND if there is none. */
  async lockAssignment(id: string, tx: Transaction): Promise<ShiftAssignmentEntity> {
    const assignmentId = validate.uuid('assignmentId', id);
    const assignment = await tx.getRepository(ShiftAssignmentEntity).findOne({ where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
    if (!assignment) throw AppError.notFound('ShiftAssignment', assignmentId);
    return assignment;
  }

  /** One volunteer's sign-ups take turns (an advisory lock until the transaction ends). */
  async lockVolunteerSignUps(volunteerId: string, tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`shift-volunteer:${volunteerId}`]);
  }

  findShift(id: string, tx?: Transaction): Promise<ShiftEntity | null> {
    return this.on(tx).getRepository(ShiftEntity).findOneBy({ id });
  }

  findShiftOrFail(id: string, tx?: Transaction): Promise<ShiftEntity> {
    return this.on(tx).getRepository(ShiftEntity).findOneByOrFail({ id });
  }

  findAssignment(id: string, tx?: Transaction): Promise<ShiftAssignmentEntity | null> {
    return this.on(tx).getRepository(ShiftAssignmentEntity).findOneBy({ id });
  }

  findAssignmentOrFail(id: string, tx?: Transaction): Promise<ShiftAssignmentEntity> {
    return this.on(tx).getRepository(ShiftAssignmentEntity).findOneByOrFail({ id });
  }

  findUser(id: string, tx?: Transaction): Promise<UserEntity | null> {
    return this.on(tx).getRepository(UserEntity).findOneBy({ id });
  }

  usersByIds(ids: readonly string[], tx?: Transaction): Promise<UserEntity[]> {
    return this.on(tx)
      .getRepository(UserEntity)
      .findBy({ id: In([...ids]) });
  }

  findSession(id: string, tx?: Transaction): Promise<SessionEntity | null> {
    return this.on(tx).getRepository(SessionEntity).findOneBy({ id });
  }

  scheduledSessionsOfSeries(seriesId: string, tx?: Transaction): Promise<SessionEntity[]> {
    return this.on(tx)
      .getRepository(SessionEntity)
      .find({ where: { seriesId, status: 'SCHEDULED' as SessionEntity['status'] }, order: { startsAt: 'ASC' } });
  }

  sessionResponsibles(sessionIds: readonly string[], tx?: Transaction): Promise<Map<string, SessionResponsibles>> {
    return sessionResponsibles(this.on(tx), sessionIds);
  }

  async editionExists(editionId: string, tx?: Transaction): Promise<boolean> {
    return (await this.on(tx).query(`SELECT 1 FROM festival_edition WHERE id = $1`, [editionId])).length > 0;
  }

  /** The plot exists (in the edition, when one is given). */
  async plotExists(plotId: string, editionId: string | null, tx?: Transaction): Promise<boolean> {
    return (await this.on(tx).query(`SELECT 1 FROM stand_plot WHERE id = $1 AND ($2::uuid IS NULL OR edition_id = $2)`, [plotId, editionId])).length > 0;
  }

  saveShift(shift: Partial<ShiftEntity>, tx?: Transaction): Promise<ShiftEntity> {
    return this.on(tx).getRepository(ShiftEntity).save(shift);
  }

  saveShifts(shifts: Partial<ShiftEntity>[], tx?: Transaction): Promise<ShiftEntity[]> {
    return this.on(tx).getRepository(ShiftEntity).save(shifts);
  }

  /** Whether the volunteer holds a place on the shift already. */
  holdsPlace(shiftId: string, volunteerId: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx)
      .getRepository(ShiftAssignmentEntity)
      .existsBy({ shiftId, volunteerId, status: In(HELD) });
  }

  countHeld(shiftId: string, tx?: Transaction): Promise<number> {
    return this.on(tx)
      .getRepository(ShiftAssignmentEntity)
      .countBy({ shiftId, status: In(HELD) });
  }

  /** The volunteer's period away that covers the day (YYYY-MM-DD), if any. */
  async absenceOn(volunteerId: string, day: string, tx?: Transaction): Promise<{ starts_on: string; ends_on: string } | undefined> {
    const [away] = await this.on(tx).query<{ starts_on: string; ends_on: string }[]>(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM volunteer_absence WHERE user_id = $1 AND $2::date BETWEEN starts_on AND ends_on LIMIT 1`,
      [volunteerId, day],
    );
    return away;
  }

  insertAssignment(assignment: Partial<ShiftAssignmentEntity>, tx?: Transaction): Promise<ShiftAssignmentEntity> {
    return this.on(tx).getRepository(ShiftAssignmentEntity).save(assignment);
  }

  async setAssignmentStatus(id: string, status: ShiftAssignmentStatus, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(ShiftAssignmentEntity).update(id, { status });
  }

  /** The first held shift of the volunteer that overlaps the wanted shift's time. */
  async overlappingShift(volunteerId: string, shiftId: string, tx?: Transaction): Promise<{ title: string; starts_at: Date } | undefined> {
    const [other] = await this.on(tx).query<{ title: string; starts_at: Date }[]>(
      `SELECT s.title, a.starts_at FROM shift_assignment a JOIN shift s ON s.id = a.shift_id JOIN shift wanted ON wanted.id = $2
        WHERE a.volunteer_id = $1 AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
          AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(wanted.starts_at, wanted.ends_at, '[)')
        ORDER BY a.starts_at LIMIT 1`,
      [volunteerId, shiftId],
    );
    return other;
  }

  /** Active volunteers neither away that day (`day`, Brussels) nor busy then (nor on the shift), with what ranks them. */
  freeVolunteerRows(shift: ShiftEntity, now: Date, day: string, tx?: Transaction): Promise<CandidateRow[]> {
    return this.on(tx).query<CandidateRow[]>(
      `SELECT u.id AS user_id, COALESCE(p.languages, '{}') AS languages, COALESCE(p.skills::text[], '{}') AS skills,
            COALESCE(p.available_weekdays, '{}') AS available_weekdays, COALESCE(p.available_dayparts::text[], '{}') AS available_dayparts,
            (SELECT count(*)::int FROM shift_assignment f WHERE f.volunteer_id = u.id AND f.status = 'ASSIGNED' AND f.starts_at > $4) AS upcoming
       FROM app_user u LEFT JOIN volunteer_profile p ON p.user_id = u.id
      WHERE u.active AND 'VOLUNTEER' = ANY(u.roles::text[])
        AND NOT EXISTS (SELECT 1 FROM shift_assignment a WHERE a.volunteer_id = u.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
                        AND (a.shift_id = $1 OR tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)')))
        AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = u.id AND $5::date BETWEEN v.starts_on AND v.ends_on)`,
      [shift.id, shift.startsAt, shift.endsAt, now, day],
    );
  }

  /** Sessions among these that have an open shift. */
  async sessionIdsWithOpenShifts(sessionIds: string[], tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ session_id: string }[]>(
      `SELECT DISTINCT session_id FROM shift WHERE session_id = ANY($1::uuid[]) AND status = 'OPEN'`,
      [sessionIds],
    );
    return rows.map((row) => row.session_id);
  }

  async openShiftIdsOfSessions(sessionIds: string[], tx?: Transaction): Promise<string[]> {
    const shifts = await this.on(tx).query<{ id: string }[]>(`SELECT id FROM shift WHERE session_id = ANY($1::uuid[]) AND status = 'OPEN'`, [sessionIds]);
    return shifts.map((shift) => shift.id);
  }

  /**
   * Moves a session's open shifts by `interval` (a PostgreSQL interval) and each ASSIGNED place with
   * them, one savepoint per place: a place whose new time overlaps another of the volunteer's
   * shifts (the exclusion constraint) is DROPPED instead.
   */
  async moveShiftsOfSession(sessionId: string, interval: string, tx: Transaction): Promise<{ moved: string[]; released: string[] }> {
    const shifts = await tx.query<[{ id: string }[], number]>(
      `UPDATE shift SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval, updated_at = now() WHERE session_id = $1 AND status = 'OPEN' RETURNING id`,
      [sessionId, interval],
    );
    const shiftIds = shifts[0].map((row) => row.id);
    const assignments = await tx.query<{ id: string; volunteer_id: string }[]>(
      `SELECT id, volunteer_id FROM shift_assignment WHERE shift_id = ANY($1::uuid[]) AND status = 'ASSIGNED' ORDER BY id`,
      [shiftIds],
    );
    const moved: string[] = [];
    const released: string[] = [];
    for (const assignment of assignments) {
      await tx.query(`SAVEPOINT follow_moved_session`);
      try {
        await tx.query(`UPDATE shift_assignment SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval, updated_at = now() WHERE id = $1`, [
          assignment.id,
          interval,
        ]);
        await tx.query(`RELEASE SAVEPOINT follow_moved_session`);
        moved.push(assignment.id);
      } catch (error) {
        if (pgErrorCode(error) !== PgErrorCode.EXCLUSION_VIOLATION) throw error;
        await tx.query(`ROLLBACK TO SAVEPOINT follow_moved_session`);
        await tx.query(`UPDATE shift_assignment SET status = 'DROPPED', updated_at = now() WHERE id = $1`, [assignment.id]);
        released.push(assignment.id);
      }
    }
    return { moved, released };
  }

  /** Cancels the shifts and drops their ASSIGNED places; answers the dropped assignments' ids. */
  async cancelShifts(shiftIds: string[], tx?: Transaction): Promise<string[]> {
    const manager = this.on(tx);
    await manager.getRepository(ShiftEntity).update({ id: In(shiftIds) }, { status: ShiftStatus.CANCELLED });
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's query().
    const [released] = await manager.query<[{ id: string }[], number]>(
      `UPDATE shift_assignment SET status = 'DROPPED', updated_at = now() WHERE shift_id = ANY($1::uuid[]) AND status = 'ASSIGNED' RETURNING id`,
      [shiftIds],
    );
    return released.map((row) => row.id);
  }

  /** Open shifts, by start, at most 500. */
  listShifts(filter: ShiftQuery, tx?: Transaction): Promise<ShiftEntity[]> {
    const query = this.on(tx)
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .where('s.status = :open', { open: ShiftStatus.OPEN })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(500);
    query.andWhere('s.starts_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('s.starts_at < :to', { to: filter.to });
    if (filter.sessionId) query.andWhere('s.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.editionId) query.andWhere('s.edition_id = :editionId', { editionId: filter.editionId });
    if (filter.onlyUnderstaffed)
      query.andWhere(`(SELECT count(*) FROM shift_assignment a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) < s.needed`);
    return query.getMany();
  }

  async volunteerPreferences(userId: string, tx?: Transaction): Promise<VolunteerPreferences | undefined> {
    const [profile] = await this.on(tx).query<VolunteerPreferences[]>(
      `SELECT languages, skills::text[] AS skills, available_weekdays, available_dayparts::text[] AS available_dayparts FROM volunteer_profile WHERE user_id = $1`,
      [userId],
    );
    return profile;
  }

  /** Open shifts ahead with a free place that the volunteer is neither away for nor busy at, by start (at most 500). */
  async openShiftsWithRoomFor(volunteerId: string, now: Date, tx?: Transaction): Promise<ShiftEntity[]> {
    const manager = this.on(tx);
    const candidates = await manager.query<{ id: string }[]>(
      `SELECT s.id FROM shift s
        WHERE s.status = 'OPEN' AND s.starts_at > $1
          AND (SELECT count(*) FROM shift_assignment a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) < s.needed
          AND NOT EXISTS (SELECT 1 FROM shift_assignment mine WHERE mine.volunteer_id = $2 AND mine.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
                          AND tstzrange(mine.starts_at, mine.ends_at, '[)') && tstzrange(s.starts_at, s.ends_at, '[)'))
          AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = $2 AND (s.starts_at AT TIME ZONE '${VOLUNTEER_ZONE}')::date BETWEEN v.starts_on AND v.ends_on)
        ORDER BY s.starts_at LIMIT 500`,
      [now, volunteerId],
    );
    return manager.getRepository(ShiftEntity).find({ where: { id: In(candidates.map((c) => c.id)) }, order: { startsAt: 'ASC' } });
  }

  /** The volunteer's held assignments by start; only those not ended by `endedAfter` when given. */
  assignmentsOf(volunteerId: string, endedAfter: Date | null, tx?: Transaction): Promise<ShiftAssignmentEntity[]> {
    return this.on(tx)
      .getRepository(ShiftAssignmentEntity)
      .find({
        where: { volunteerId, status: In(HELD), ...(endedAfter ? { endsAt: MoreThan(endedAfter) } : {}) },
        order: { startsAt: 'ASC' },
      });
  }

  shiftsByIds(ids: readonly string[], tx?: Transaction): Promise<ShiftEntity[]> {
    return this.on(tx)
      .getRepository(ShiftEntity)
      .findBy({ id: In([...ids]) });
  }

  assignmentsByShiftIds(ids: readonly string[], tx?: Transaction): Promise<ShiftAssignmentEntity[]> {
    return this.on(tx)
      .getRepository(ShiftAssignmentEntity)
      .find({ where: { shiftId: In([...ids]), status: In(HELD) }, order: { createdAt: 'ASC' } });
  }
}
