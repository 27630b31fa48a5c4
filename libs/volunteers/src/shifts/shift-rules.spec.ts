import { Actor, AppError, ErrorCode, Role } from '@app/common';
import { Daypart, ShiftStatus, VolunteerSkill } from '../entities';
import { volunteersPolicy } from '../volunteers-policy';
import { brusselsDay, daypartOf, weekdayOf } from './availability';
import { CandidateRow, rankCandidates, requireFreePlace, requireShiftTakesVolunteers, suitsVolunteer, VolunteerPreferences } from './shift-rules';

function refusal(run: () => unknown): { code: ErrorCode; details: Record<string, unknown> } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, details: error.details };
  }
}

// Monday 14 December 2026, 10:00 in Brussels (UTC+1 in winter).
const MONDAY_MORNING = new Date('2026-12-14T09:00:00Z');

describe('when a shift falls, in Brussels time', () => {
  it('morning before 12:00, afternoon before 17:00, evening after', () => {
    expect(daypartOf(new Date('2026-12-14T10:59:00Z'))).toBe(Daypart.MORNING);
    expect(daypartOf(new Date('2026-12-14T11:00:00Z'))).toBe(Daypart.AFTERNOON);
    expect(daypartOf(new Date('2026-12-14T15:59:00Z'))).toBe(Daypart.AFTERNOON);
    expect(daypartOf(new Date('2026-12-14T16:00:00Z'))).toBe(Daypart.EVENING);
  });

  it('follows summer time: 10:30 UTC in June is 12:30 in Brussels, an afternoon', () => {
    expect(daypartOf(new Date('2026-06-15T10:30:00Z'))).toBe(Daypart.AFTERNOON);
    expect(daypartOf(new Date('2026-12-14T10:30:00Z'))).toBe(Daypart.MORNING);
  });

  it('a shift at 00:30 Monday in Brussels is on Monday, though it is still Sunday in UTC', () => {
    const justAfterMidnight = new Date('2026-12-13T23:30:00Z');
    expect(brusselsDay(justAfterMidnight)).toBe('2026-12-14');
    expect(weekdayOf(justAfterMidnight)).toBe(1);
    expect(weekdayOf(new Date('2026-12-13T22:30:00Z'))).toBe(7);
  });
});

describe('ranking the volunteers free for a shift', () => {
  const shift = { role: VolunteerSkill.TRANSLATOR, languages: ['ar', 'prs'], startsAt: MONDAY_MORNING };
  const row = (userId: string, profile: Partial<CandidateRow>): CandidateRow => ({
    user_id: userId,
    languages: [],
    skills: [],
    available_weekdays: [],
    available_dayparts: [],
    upcoming: 0,
    ...profile,
  });

  const skilled = row('a-skill-only', { skills: [VolunteerSkill.TRANSLATOR], upcoming: 2 });
  const speaksOneUsuallyFree = row('b-one-language-free', { languages: ['ar'], available_weekdays: [1], available_dayparts: [Daypart.MORNING], upcoming: 3 });
  const bestFit = row('c-skill-both-languages', { skills: [VolunteerSkill.TRANSLATOR], languages: ['prs', 'ar', 'fr'], upcoming: 5 });
  const otherSkill = row('d-cook', { skills: [VolunteerSkill.COOKING], languages: ['ar'] });
  const sameAsBButFewerShifts = row('e-one-language-free', { languages: ['ar'], available_weekdays: [1], available_dayparts: [Daypart.MORNING], upcoming: 0 });

  it('scores the skill 4, each shared language 2 and usual availability 2; ties go to fewer shifts ahead', () => {
    const ranked = rankCandidates(shift, [skilled, speaksOneUsuallyFree, bestFit, otherSkill, sameAsBButFewerShifts]);
    expect(ranked.map((v) => [v.userId, v.score])).toEqual([
      ['c-skill-both-languages', 8],
      ['e-one-language-free', 4],
      ['a-skill-only', 4],
      ['b-one-language-free', 4],
      ['d-cook', 2],
    ]);
    expect(ranked[0]).toMatchObject({ sharedLanguages: ['ar', 'prs'], hasSkill: true, usuallyAvailable: false, upcomingShifts: 5 });
  });

  it('fits: has the role (or lists no skills) and shares a language when the shift asks for one', () => {
    const fits = Object.fromEntries(rankCandidates(shift, [skilled, speaksOneUsuallyFree, bestFit, otherSkill]).map((v) => [v.userId, v.fits]));
    expect(fits).toEqual({ 'a-skill-only': false, 'b-one-language-free': true, 'c-skill-both-languages': true, 'd-cook': false });
    expect(rankCandidates({ ...shift, languages: [] }, [skilled])[0].fits).toBe(true);
  });

  it('usually available needs both the weekday and the daypart', () => {
    const mondayEvening = row('f', { available_weekdays: [1], available_dayparts: [Daypart.EVENING] });
    const tuesdayMorning = row('g', { available_weekdays: [2], available_dayparts: [Daypart.MORNING] });
    expect(rankCandidates(shift, [mondayEvening, tuesdayMorning]).map((v) => v.usuallyAvailable)).toEqual([false, false]);
  });

  it('keeps a stable order between equals', () => {
    expect(rankCandidates(shift, [row('z', {}), row('m', {}), row('a', {})]).map((v) => v.userId)).toEqual(['a', 'm', 'z']);
  });
});

describe('open shifts that suit a volunteer', () => {
  const none: VolunteerPreferences = { languages: [], skills: [], available_weekdays: [], available_dayparts: [] };
  const shift = { role: VolunteerSkill.WELCOME, languages: [] as string[], startsAt: MONDAY_MORNING };

  it('a profile without preferences suits every shift without a language', () => {
    expect(suitsVolunteer(none, shift)).toBe(true);
    expect(suitsVolunteer(none, { ...shift, languages: ['uk'] })).toBe(false);
  });

  it('each preference given narrows: skill, language, weekday, daypart', () => {
    expect(suitsVolunteer({ ...none, skills: [VolunteerSkill.COOKING] }, shift)).toBe(false);
    expect(suitsVolunteer({ ...none, skills: [VolunteerSkill.COOKING, VolunteerSkill.WELCOME] }, shift)).toBe(true);
    expect(suitsVolunteer({ ...none, languages: ['ru', 'uk'] }, { ...shift, languages: ['uk'] })).toBe(true);
    expect(suitsVolunteer({ ...none, available_weekdays: [2, 3] }, shift)).toBe(false);
    expect(suitsVolunteer({ ...none, available_weekdays: [1] }, shift)).toBe(true);
    expect(suitsVolunteer({ ...none, available_dayparts: [Daypart.EVENING] }, shift)).toBe(false);
    expect(suitsVolunteer({ ...none, available_dayparts: [Daypart.MORNING] }, shift)).toBe(true);
  });
});

describe('taking a place on a shift', () => {
  it('only on an open shift that has not begun', () => {
    const now = MONDAY_MORNING;
    expect(refusal(() => requireShiftTakesVolunteers({ status: ShiftStatus.OPEN, startsAt: new Date(now.getTime() + 60_000) }, now))).toBeNull();
    expect(refusal(() => requireShiftTakesVolunteers({ status: ShiftStatus.OPEN, startsAt: now }, now))?.code).toBe(ErrorCode.SESSION_IN_PAST);
    expect(refusal(() => requireShiftTakesVolunteers({ status: ShiftStatus.CANCELLED, startsAt: new Date(now.getTime() + 60_000) }, now))?.code).toBe(
      ErrorCode.CONFLICT,
    );
  });

  it('the last free place can be taken, and then the shift is full', () => {
    expect(refusal(() => requireFreePlace(1, 2))).toBeNull();
    expect(refusal(() => requireFreePlace(2, 2))).toEqual({ code: ErrorCode.SHIFT_FULL, details: { needed: 2 } });
    expect(refusal(() => requireFreePlace(3, 2))?.code).toBe(ErrorCode.SHIFT_FULL);
  });
});

describe('who acts for a volunteer', () => {
  const volunteer: Actor = { userId: 'volunteer-1', roles: [Role.VOLUNTEER], organisationId: null };
  const coordinator: Actor = { userId: 'coordinator-1', roles: [Role.COORDINATOR], organisationId: null };
  const host: Actor = { userId: 'host-1', roles: [Role.HOST], organisationId: null };

  it('the volunteer themself or a coordinator; a host only for their own account when they volunteer', () => {
    expect(refusal(() => volunteersPolicy.requireSelfOrCoordinator(volunteer, 'volunteer-1', 'drop a shift'))).toBeNull();
    expect(refusal(() => volunteersPolicy.requireSelfOrCoordinator(coordinator, 'volunteer-1', 'drop a shift'))).toBeNull();
    expect(refusal(() => volunteersPolicy.requireSelfOrCoordinator(volunteer, 'volunteer-2', 'drop a shift'))?.code).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => volunteersPolicy.requireSelfOrCoordinator(host, 'host-1', 'drop a shift'))?.code).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => volunteersPolicy.requireSelfOrCoordinator(null, 'volunteer-1', 'drop a shift'))?.code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('only they and coordinators see why a volunteer is away or which other shift they hold', () => {
    expect([volunteer, coordinator, host, null].map((who) => volunteersPolicy.canSeeVolunteer(who, 'volunteer-1'))).toEqual([true, true, false, false]);
  });
});
