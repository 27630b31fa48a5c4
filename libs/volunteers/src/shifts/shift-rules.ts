import { AppError, ErrorCode } from '@app/common';
import { ShiftEntity, ShiftStatus } from '../entities';
import { daypartOf, weekdayOf } from './availability';

/** A free volunteer's profile as rankFreeVolunteers reads it (empty arrays when they have no profile). */
export interface CandidateRow {
  user_id: string;
  languages: string[];
  skills: string[];
  available_weekdays: number[];
  available_dayparts: string[];
  /** Their ASSIGNED shifts still ahead. */
  upcoming: number;
}

/** What a volunteer's profile says about which shifts suit them. */
export interface VolunteerPreferences {
  languages: string[];
  skills: string[];
  available_weekdays: number[];
  available_dayparts: string[];
}

type ShiftNeed = Pick<ShiftEntity, 'role' | 'languages' | 'startsAt'>;

/**
 * Best fit first: the role's skill (4 points), each language shared with the shift (2), usually
 * available on that weekday and daypart (2); ties go to whoever has fewer shifts ahead, then by id
 * so the order is stable.
 */
export function rankCandidates(shift: ShiftNeed, rows: readonly CandidateRow[]) {
  const weekday = weekdayOf(shift.startsAt);
  const daypart = daypartOf(shift.startsAt);
  const scored = rows.map((row) => {
    const sharedLanguages = shift.languages.filter((language) => row.languages.includes(language));
    const hasSkill = row.skills.includes(shift.role);
    const usuallyAvailable = row.available_weekdays.includes(weekday) && row.available_dayparts.includes(daypart);
    return {
      userId: row.user_id,
      score: (hasSkill ? 4 : 0) + 2 * sharedLanguages.length + (usuallyAvailable ? 2 : 0),
      sharedLanguages,
      hasSkill,
      fits: (row.skills.length === 0 || hasSkill) && (shift.languages.length === 0 || sharedLanguages.length > 0),
      usuallyAvailable,
      upcomingShifts: row.upcoming,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.upcomingShifts - b.upcomingShifts || a.userId.localeCompare(b.userId));
  return scored;
}

/**
 * An open shift suits a volunteer when it asks for a skill they have (or they listed none), shares
 * a language when it asks for one, and falls on a weekday and daypart they gave (or they gave none).
 */
export function suitsVolunteer(preferences: VolunteerPreferences, shift: ShiftNeed): boolean {
  return (
    (preferences.skills.length === 0 || preferences.skills.includes(shift.role)) &&
    (shift.languages.length === 0 || shift.languages.some((language) => preferences.languages.includes(language))) &&
    (preferences.available_weekdays.length === 0 || preferences.available_weekdays.includes(weekdayOf(shift.startsAt))) &&
    (preferences.available_dayparts.length === 0 || preferences.available_dayparts.includes(daypartOf(shift.startsAt)))
  );
}

/** A place is taken only on a shift that is open and has not begun. */
export function requireShiftTakesVolunteers(shift: Pick<ShiftEntity, 'status' | 'startsAt'>, now: Date): void {
  if (shift.status !== ShiftStatus.OPEN) throw new AppError(ErrorCode.CONFLICT, 'This shift was cancelled');
  if (shift.startsAt.getTime() <= now.getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'This shift has begun');
}

/** SHIFT_FULL once as many volunteers hold a place as the shift needs. */
export function requireFreePlace(held: number, needed: number): void {
  if (held >= needed) throw new AppError(ErrorCode.SHIFT_FULL, `All ${needed} places of this shift are taken`, { needed });
}
