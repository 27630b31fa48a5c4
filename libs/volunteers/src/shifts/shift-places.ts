import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, Clock, ErrorCode, Role } from '@app/common';
import { pgErrorCode, PgErrorCode, Transaction } from '@app/database';
import { ShiftAssignmentEntity, ShiftAssignmentStatus, ShiftEntity } from '../entities';
import { volunteersPolicy } from '../volunteers-policy';
import { brusselsDay, VOLUNTEER_ZONE } from './availability';
import { rankCandidates, requireFreePlace, requireShiftTakesVolunteers } from './shift-rules';
import { ShiftsRepository } from './shifts.repository';

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
    private readonly shifts: ShiftsRepository,
    private readonly clock: Clock,
  ) {}

  /** Under the shift's row lock: open, ahead, a free place, a volunteer who is not away that day. */
  async insertAssignment(tx: Transaction, actor: Actor, shift: ShiftEntity, volunteerId: string): Promise<ShiftAssignmentEntity> {
    requireShiftTakesVolunteers(shift, this.clock.now());
    const volunteer = await this.shifts.findUser(volunteerId, tx);
    if (!volunteer || !volunteer.active || !volunteer.roles.includes(Role.VOLUNTEER)) throw AppError.notFound('Volunteer', volunteerId);
    // One volunteer's sign-ups take turns: concurrent inserts checked by the exclusion constraint can
    // deadlock each other (40P01, an internal error) instead of all but one failing with VOLUNTEER_UNAVAILABLE.
    await this.shifts.lockVolunteerSignUps(volunteerId, tx);
    // Checked before the overlap constraint, which would otherwise answer VOLUNTEER_UNAVAILABLE for the shift itself.
    if (await this.shifts.holdsPlace(shift.id, volunteerId, tx)) throw new AppError(ErrorCode.ALREADY_REGISTERED, 'This volunteer is already on this shift');
    const held = await this.shifts.countHeld(shift.id, tx);
    requireFreePlace(held, shift.needed);
    const away = await this.shifts.absenceOn(volunteerId, brusselsDay(shift.startsAt), tx);
    if (away) {
      // When and why someone is away is for the volunteer and coordinators, not for a host or a colleague swapping.
      const message = volunteersPolicy.canSeeVolunteer(actor, volunteerId)
        ? `${volunteer.displayName} is away from ${away.starts_on} to ${away.ends_on}`
        : 'The volunteer is not available then';
      throw new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, message, { reason: 'AWAY' });
    }
    return this.shifts.insertAssignment(
      { shiftId: shift.id, volunteerId, startsAt: shift.startsAt, endsAt: shift.endsAt, status: ShiftAssignmentStatus.ASSIGNED, assignedById: actor.userId },
      tx,
    );
  }

  /** The exclusion constraint's refusal as VOLUNTEER_UNAVAILABLE naming the overlapping shift; a second place on one shift as ALREADY_REGISTERED. */
  async explainConflict(actor: Actor | null, error: unknown, volunteerId: string, shiftId: string): Promise<unknown> {
    const code = pgErrorCode(error);
    if (code === PgErrorCode.UNIQUE_VIOLATION) return new AppError(ErrorCode.ALREADY_REGISTERED, 'This volunteer is already on this shift');
    if (code !== PgErrorCode.EXCLUSION_VIOLATION) return error;
    // Which other shift a volunteer holds is for the volunteer and coordinators only.
    if (!volunteersPolicy.canSeeVolunteer(actor, volunteerId))
      return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, 'The volunteer already has a shift then', { reason: 'OVERLAP' });
    const other = await this.shifts.overlappingShift(volunteerId, shiftId);
    if (!other) return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, 'The volunteer already has a shift then', { reason: 'OVERLAP' });
    const when = DateTime.fromJSDate(new Date(other.starts_at), { zone: VOLUNTEER_ZONE }).toFormat('yyyy-MM-dd HH:mm');
    return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, `The volunteer already has a shift then: ${other.title} (${when})`, { reason: 'OVERLAP' });
  }

  /**
   * Active volunteers neither away that day nor busy then (nor on the shift), best fit first: the
   * role's skill, shared languages, usual availability, fewest shifts ahead.
   */
  async rankFreeVolunteers(shift: ShiftEntity, now: Date, tx?: Transaction): Promise<FreeVolunteer[]> {
    return rankCandidates(shift, await this.shifts.freeVolunteerRows(shift, now, brusselsDay(shift.startsAt), tx));
  }
}
