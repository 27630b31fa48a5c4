import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, validate, Role } from '@app/common';
import { pgErrorCode, PgErrorCode } from '@app/database';
import { HELD_SHIFT_STATUSES, ShiftAssignmentEntity, ShiftAssignmentStatus, ShiftEntity } from '../entities';
import { UserEntity } from '@app/auth';
import { volunteersPolicy } from '../volunteers-policy';
import { brusselsDay, VOLUNTEER_ZONE } from './availability';
import { CandidateRow, rankCandidates, requireFreePlace, requireShiftTakesVolunteers } from './shift-rules';

const HELD: ShiftAssignmentStatus[] = [...HELD_SHIFT_STATUSES];

/** A volunteer free at a shift's time, with how well they fit it. */
export interface FreeVolunteer {
  userId: string;
  score: number;
  sharedLanguages: string[];
  hasSkill: boolean;
  /** Takes the shift's role (or any role: no skills on their profile) and shares a language when the shift asks for one. */
  fits: boolean;
  usuallyAvailable: boolean;
  upcomingShifts: number;
}

/**
 * Taking a place on a shift, shared by sign-ups, assignments and swaps: the checks under the
 * shift's row lock and the translation of the overlap constraint's refusal.
 */
@Injectable()
export class ShiftPlaces {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Under the shift's row lock: open, ahead, a free place, a volunteer who is not away that day. */
  async insertAssignment(manager: EntityManager, actor: Actor, shift: ShiftEntity, volunteerId: string): Promise<ShiftAssignmentEntity> {
    requireShiftTakesVolunteers(shift, this.clock.now());
    const volunteer = await manager.getRepository(UserEntity).findOneBy({ id: volunteerId });
    if (!volunteer || !volunteer.active || !volunteer.roles.includes(Role.VOLUNTEER)) throw AppError.notFound('Volunteer', volunteerId);
    // One volunteer's sign-ups take turns: concurrent inserts checked by the exclusion constraint can
    // deadlock each other (40P01, an internal error) instead of all but one failing with VOLUNTEER_UNAVAILABLE.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`shift-volunteer:${volunteerId}`]);
    // Checked before the overlap constraint, which would otherwise answer VOLUNTEER_UNAVAILABLE for the shift itself.
    if (await manager.getRepository(ShiftAssignmentEntity).existsBy({ shiftId: shift.id, volunteerId, status: In(HELD) })) throw new AppError(ErrorCode.ALREADY_REGISTERED, 'This volunteer is already on this shift');
    const held = await manager.getRepository(ShiftAssignmentEntity).countBy({ shiftId: shift.id, status: In(HELD) });
    requireFreePlace(held, shift.needed);
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

  /** The exclusion constraint's refusal as VOLUNTEER_UNAVAILABLE naming the overlapping shift; a second place on one shift as ALREADY_REGISTERED. */
  async explainConflict(actor: Actor | null, error: unknown, volunteerId: string, shiftId: string): Promise<unknown> {
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

/**
 * Active volunteers neither away that day nor busy then (nor on the shift), best fit first: the role's skill,
 * shared languages, usual availability, fewest shifts ahead.
 */
export async function rankFreeVolunteers(manager: EntityManager, shift: ShiftEntity, now: Date): Promise<FreeVolunteer[]> {
  const rows = await manager.query<CandidateRow[]>(
    `SELECT u.id AS user_id, COALESCE(p.languages, '{}') AS languages, COALESCE(p.skills::text[], '{}') AS skills,
            COALESCE(p.available_weekdays, '{}') AS available_weekdays, COALESCE(p.available_dayparts::text[], '{}') AS available_dayparts,
            (SELECT count(*)::int FROM shift_assignment f WHERE f.volunteer_id = u.id AND f.status = 'ASSIGNED' AND f.starts_at > $4) AS upcoming
       FROM app_user u LEFT JOIN volunteer_profile p ON p.user_id = u.id
      WHERE u.active AND 'VOLUNTEER' = ANY(u.roles::text[])
        AND NOT EXISTS (SELECT 1 FROM shift_assignment a WHERE a.volunteer_id = u.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')
                        AND (a.shift_id = $1 OR tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)')))
        AND NOT EXISTS (SELECT 1 FROM volunteer_absence v WHERE v.user_id = u.id AND $5::date BETWEEN v.starts_on AND v.ends_on)`,
    [shift.id, shift.startsAt, shift.endsAt, now, brusselsDay(shift.startsAt)],
  );
  return rankCandidates(shift, rows);
}

export async function lockShift(manager: EntityManager, id: string): Promise<ShiftEntity> {
  const shiftId = validate.uuid('shiftId', id);
  const shift = await manager.getRepository(ShiftEntity).findOne({ where: { id: shiftId }, lock: { mode: 'pessimistic_write' } });
  if (!shift) throw AppError.notFound('Shift', shiftId);
  return shift;
}

export async function lockAssignment(manager: EntityManager, id: string): Promise<ShiftAssignmentEntity> {
  const assignmentId = validate.uuid('assignmentId', id);
  const assignment = await manager.getRepository(ShiftAssignmentEntity).findOne({ where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
  if (!assignment) throw AppError.notFound('ShiftAssignment', assignmentId);
  return assignment;
}
