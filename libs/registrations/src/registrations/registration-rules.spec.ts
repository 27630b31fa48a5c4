import { randomUUID } from 'node:crypto';
import { Actor, AppError, ErrorCode, Role } from '@app/common';
import { SessionEntity, SessionStatus } from '@app/scheduling';
import { ContactChannel, RegistrationStatus } from '../entities';
import { registrationPolicy, SessionScope } from '../registration-policy';
import { requireOpenForRegistration, whoToRegister } from './registrations.service';
import { freeSeats, statusOfNewRegistration } from './seat-rules';

/** The error a rule throws, or null when it lets the call through. */
function refusal(run: () => unknown): { code: ErrorCode; field?: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...(error.details.field ? { field: error.details.field } : {}) };
  }
}

describe('seats and the waiting list', () => {
  it('confirms while a seat is free and waitlists from the last seat on', () => {
    expect(statusOfNewRegistration(0, 2)).toBe(RegistrationStatus.CONFIRMED);
    expect(statusOfNewRegistration(1, 2)).toBe(RegistrationStatus.CONFIRMED);
    expect(statusOfNewRegistration(2, 2)).toBe(RegistrationStatus.WAITLISTED);
  });

  it('never overbooks: a session whose capacity was lowered below its seated count, or is zero, waitlists everyone', () => {
    expect(statusOfNewRegistration(5, 3)).toBe(RegistrationStatus.WAITLISTED);
    expect(statusOfNewRegistration(0, 0)).toBe(RegistrationStatus.WAITLISTED);
  });

  it('promotes as many as there are free seats, and nobody when a lowered capacity leaves the session over full', () => {
    expect(freeSeats(5, 3)).toBe(2);
    expect(freeSeats(3, 3)).toBe(0);
    expect(freeSeats(2, 5)).toBe(0);
  });
});

describe('a session open for registration', () => {
  const now = new Date('2026-12-14T09:00:00Z');
  const session = (status: SessionStatus, startsAt: string) => ({ status, startsAt: new Date(startsAt) }) as SessionEntity;

  it('takes registrations until it starts', () => {
    expect(refusal(() => requireOpenForRegistration(session(SessionStatus.SCHEDULED, '2026-12-14T09:00:01Z'), now))).toBeNull();
    expect(refusal(() => requireOpenForRegistration(session(SessionStatus.SCHEDULED, '2026-12-14T09:00:00Z'), now))).toEqual({
      code: ErrorCode.SESSION_IN_PAST,
    });
    expect(refusal(() => requireOpenForRegistration(session(SessionStatus.SCHEDULED, '2026-12-01T09:00:00Z'), now))).toEqual({
      code: ErrorCode.SESSION_IN_PAST,
    });
  });

  it('says a cancelled session is cancelled, also when its time has passed', () => {
    expect(refusal(() => requireOpenForRegistration(session(SessionStatus.CANCELLED, '2026-12-20T09:00:00Z'), now))).toEqual({
      code: ErrorCode.SESSION_CANCELLED,
    });
    expect(refusal(() => requireOpenForRegistration(session(SessionStatus.CANCELLED, '2026-12-01T09:00:00Z'), now))).toEqual({
      code: ErrorCode.SESSION_CANCELLED,
    });
  });
});

describe('who to register', () => {
  const newcomer = { firstName: 'Amal', preferredLanguage: 'ar', contactChannel: ContactChannel.NONE, consentToContact: false };

  it('takes exactly one of participantId and participant', () => {
    expect(refusal(() => whoToRegister({}))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'participantId' });
    expect(refusal(() => whoToRegister({ participantId: randomUUID(), participant: newcomer }))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'participant',
    });
  });

  it('checks the id and the new participant before anything is locked or written', () => {
    const id = randomUUID();
    expect(whoToRegister({ participantId: id.toUpperCase() })).toEqual({ participantId: id });
    expect(refusal(() => whoToRegister({ participantId: 'not-an-id' }))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'participantId' });
    expect(whoToRegister({ participant: newcomer })).toEqual({ participant: newcomer });
    expect(refusal(() => whoToRegister({ participant: { ...newcomer, contactChannel: ContactChannel.SMS } }))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'participant.contactChannel',
    });
  });
});

describe('who registers people for a session', () => {
  const host = randomUUID();
  const coHost = randomUUID();
  const school = randomUUID();
  const scope: SessionScope = { hostIds: [host, coHost], organisationId: school };
  const actor = (userId: string, roles: Role[], organisationId: string | null = null): Actor => ({ userId, roles, organisationId });

  const coordinator = actor(randomUUID(), [Role.COORDINATOR]);
  const admin = actor(randomUUID(), [Role.ADMIN]);
  const itsHost = actor(host, [Role.HOST]);
  const otherHost = actor(randomUUID(), [Role.HOST]);
  const itsSchool = actor(randomUUID(), [Role.SCHOOL_CONTACT], school);
  const otherSchool = actor(randomUUID(), [Role.SCHOOL_CONTACT], randomUUID());
  const volunteerCoHost = actor(coHost, [Role.VOLUNTEER]);
  const volunteer = actor(randomUUID(), [Role.VOLUNTEER]);

  it('coordinators, admins, its hosts and its school manage its registrations; nobody else', () => {
    const manages = [coordinator, admin, itsHost, itsSchool, otherHost, otherSchool, volunteerCoHost, volunteer, null].map((who) =>
      registrationPolicy.canManageRegistrations(who, scope),
    );
    expect(manages).toEqual([true, true, true, true, false, false, false, false, false]);
  });

  it('a volunteer listed as co-host sees who comes, without managing it', () => {
    expect(registrationPolicy.canSeeRegistrations(volunteerCoHost, scope)).toBe(true);
    expect(registrationPolicy.canSeeRegistrations(volunteer, scope)).toBe(false);
    expect(refusal(() => registrationPolicy.requireCanManageRegistrations(volunteerCoHost, scope))).toEqual({ code: ErrorCode.FORBIDDEN });
  });

  it('attendance is marked by coordinators and its hosts, not by its school', () => {
    expect(refusal(() => registrationPolicy.requireCanMarkAttendance(itsHost, scope))).toBeNull();
    expect(refusal(() => registrationPolicy.requireCanMarkAttendance(coordinator, scope))).toBeNull();
    expect(refusal(() => registrationPolicy.requireCanMarkAttendance(itsSchool, scope))).toEqual({ code: ErrorCode.FORBIDDEN });
    expect(refusal(() => registrationPolicy.requireCanMarkAttendance(null, scope))).toEqual({ code: ErrorCode.UNAUTHENTICATED });
  });
});
