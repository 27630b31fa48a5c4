import type { Actor } from '@app/common';
import { Role } from '@app/common';

/**
 * Who may call each query and mutation of the API: the one authorisation table.
 *
 * The AccessGuard refuses every call this table does not allow before a resolver runs, and the
 * API refuses to start while an operation of the schema has no entry here (or an entry names an
 * operation that no longer exists). The services still check roles and scopes themselves (defence
 * in depth): `scope` only describes, for the README, the part of the data a role reaches — "a host
 * cancels only the sessions they host" is enforced by the service, not by this table.
 *
 * `npm run docs:access` writes this table into the README; a unit test keeps the two equal.
 */

/** A role, anyone at all (no login needed), or any logged-in user whatever their roles. */
export type Access = Role | 'ANYONE' | 'LOGGED_IN';

export interface AccessRule {
  readonly who: readonly Access[];
  /** The data each role reaches, in one short sentence for the README. */
  readonly scope?: string;
}

export type RootType = 'Query' | 'Mutation';

const { ADMIN, COORDINATOR, HOST, SCHOOL_CONTACT, FESTIVAL_ORGANISER, VOLUNTEER } = Role;
const ANYONE: readonly Access[] = ['ANYONE'];
const LOGGED_IN: readonly Access[] = ['LOGGED_IN'];
const COORDINATORS: readonly Access[] = [ADMIN, COORDINATOR];

// prettier-ignore
export const ACCESS_MATRIX: Readonly<Record<RootType, Readonly<Record<string, AccessRule>>>> = {
  Query: {
    // Accounts
    me: { who: ANYONE, scope: 'The caller themself; null when anonymous' },
    users: { who: COORDINATORS },
    // Scheduling: the public schedule
    organisations: { who: ANYONE, scope: 'Active organisations; deactivated ones (includeInactive) only for ADMIN and COORDINATOR' },
    programmes: { who: ANYONE, scope: 'Active programmes; retired ones (includeInactive) only for ADMIN and COORDINATOR' },
    sessions: { who: ANYONE },
    venues: { who: COORDINATORS, scope: 'Active venues; deactivated ones too with includeInactive' },
    session: { who: ANYONE },
    sessionSeries: { who: ANYONE },
    closureDays: { who: ANYONE },
    previewSessionSeries: { who: [...COORDINATORS, HOST], scope: 'As createSessionSeries; saves nothing' },
    mySessions: { who: LOGGED_IN, scope: "HOST and VOLUNTEER: sessions they host; SCHOOL_CONTACT: their school's sessions; ADMIN, COORDINATOR: all; others: none" },
    sessionHostCandidates: { who: COORDINATORS },
    // Registrations
    registration: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: at sessions they host; SCHOOL_CONTACT: at their school's sessions" },
    myRegistration: { who: ANYONE, scope: 'Whoever holds the personal link: that one registration, with their own first name and language only' },
    participants: { who: LOGGED_IN, scope: "ADMIN, COORDINATOR: all; HOST: people they entered or who come to sessions they host; SCHOOL_CONTACT: people their school registered; others: none" },
    participant: { who: LOGGED_IN, scope: 'As participants; null for anyone the caller may not see' },
    registrationSettings: { who: LOGGED_IN },
    // Messages
    notifications: { who: COORDINATORS },
    messagePreview: { who: COORDINATORS },
    broadcastPlan: { who: COORDINATORS },
    broadcasts: { who: COORDINATORS },
    smsReplies: { who: COORDINATORS },
    // Festival
    festivalDates: { who: ANYONE },
    festivalEditions: { who: ANYONE },
    festivalEdition: { who: ANYONE },
    standBookings: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: "FESTIVAL_ORGANISER: their association's bookings" },
    standBooking: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: "FESTIVAL_ORGANISER: their association's bookings; null for others" },
    standApplications: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: "FESTIVAL_ORGANISER: their association's applications" },
    standAvailability: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: 'FESTIVAL_ORGANISER: every cell, but whose booking only for their association' },
    confirmedStandsCsv: { who: COORDINATORS },
    // Volunteers, shifts and trajectories
    volunteers: { who: COORDINATORS },
    unscreenedVolunteerCount: { who: COORDINATORS },
    volunteerProfile: { who: LOGGED_IN, scope: "Anyone their own profile; ADMIN, COORDINATOR: any volunteer's" },
    shifts: { who: LOGGED_IN, scope: "The needs for anyone; who takes a shift for ADMIN, COORDINATOR and the session's hosts, a volunteer sees only themself" },
    openShifts: { who: [VOLUNTEER], scope: 'The shifts that fit the volunteer themself' },
    myShifts: { who: LOGGED_IN, scope: "The caller's own shifts" },
    volunteerProfiles: { who: COORDINATORS },
    volunteerShiftHistory: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own shifts' },
    suggestVolunteers: { who: COORDINATORS },
    shiftSwapCandidates: { who: [VOLUNTEER], scope: "Colleagues who could take the volunteer's own shift, by name only" },
    shiftSwapRequests: { who: [VOLUNTEER], scope: 'The swap requests the volunteer asked or was asked' },
    trajectories: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: the trajectories they are the buddy of' },
    trajectory: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: only a trajectory they are the buddy of' },
    dueTrajectoryFollowUpCount: { who: COORDINATORS },
    suggestBuddies: { who: COORDINATORS },
    suggestHostOrganisations: { who: COORDINATORS },
    trajectoryReport: { who: COORDINATORS },
    trajectoryReportCsv: { who: COORDINATORS },
    programmeReport: { who: COORDINATORS },
    programmeReportCsv: { who: COORDINATORS },
    // Privacy
    exportPersonalData: { who: COORDINATORS, scope: 'Any participant or user; recorded in the audit log' },
    auditLog: { who: [ADMIN] },
    personalDataErasurePreview: { who: COORDINATORS, scope: 'As erasePersonalData; changes nothing' },
    consentHistory: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: 'As recordConsent' },
    retentionSchedule: { who: COORDINATORS },
  },
  Mutation: {
    // Accounts
    login: { who: ANYONE },
    logout: { who: LOGGED_IN, scope: "The caller's own tokens" },
    changePassword: { who: LOGGED_IN, scope: "The caller's own password" },
    createUser: { who: COORDINATORS, scope: 'Only an ADMIN creates another ADMIN' },
    updateUser: { who: COORDINATORS, scope: 'Only an ADMIN gives the ADMIN role or changes an ADMIN' },
    deactivateUser: { who: COORDINATORS, scope: 'Only an ADMIN deactivates an ADMIN; nobody themself' },
    reactivateUser: { who: COORDINATORS, scope: 'Only an ADMIN reactivates an ADMIN' },
    inviteUser: { who: COORDINATORS, scope: 'Only an ADMIN invites another ADMIN' },
    resendInvitation: { who: COORDINATORS, scope: 'Users who have not set a password yet' },
    acceptInvitation: { who: ANYONE, scope: 'Whoever has the link from the invitation mail' },
    requestPasswordReset: { who: ANYONE, scope: 'Always answers the same; the mail goes to the address only' },
    resetPassword: { who: ANYONE, scope: 'Whoever has the link from the reset mail' },
    // Scheduling
    createOrganisation: { who: COORDINATORS },
    createVenue: { who: COORDINATORS },
    updateOrganisation: { who: COORDINATORS },
    deactivateOrganisation: { who: COORDINATORS },
    reactivateOrganisation: { who: COORDINATORS },
    recordOrganisationScreening: { who: COORDINATORS },
    addOrganisationTraining: { who: COORDINATORS },
    removeOrganisationTraining: { who: COORDINATORS },
    updateVenue: { who: COORDINATORS },
    deactivateVenue: { who: COORDINATORS },
    reactivateVenue: { who: COORDINATORS },
    createProgramme: { who: COORDINATORS },
    updateProgramme: { who: COORDINATORS },
    createSession: { who: [...COORDINATORS, HOST], scope: 'HOST: only sessions they host themselves' },
    cancelSession: { who: [...COORDINATORS, HOST], scope: 'HOST: only sessions they host' },
    moveSession: { who: [...COORDINATORS, HOST], scope: 'HOST: only sessions they host' },
    updateSessionCapacity: { who: [...COORDINATORS, HOST], scope: 'HOST: only sessions they host' },
    assignSessionHost: { who: COORDINATORS },
    unassignSessionHost: { who: COORDINATORS },
    createSessionSeries: { who: [...COORDINATORS, HOST], scope: 'HOST: only series they host themselves' },
    updateSessionSeries: { who: [...COORDINATORS, HOST], scope: 'HOST: only series they host; they cannot hand them over' },
    endSessionSeries: { who: [...COORDINATORS, HOST], scope: 'HOST: only series they host' },
    addSessionSeriesDate: { who: [...COORDINATORS, HOST], scope: 'HOST: only series they host' },
    addClosureDay: { who: [...COORDINATORS, SCHOOL_CONTACT], scope: "SCHOOL_CONTACT: their own school's free days" },
    removeClosureDay: { who: [...COORDINATORS, SCHOOL_CONTACT], scope: "SCHOOL_CONTACT: their own school's free days; the standard calendars only ADMIN, COORDINATOR" },
    // Registrations
    registerParticipant: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: at sessions they host; SCHOOL_CONTACT: at their school's sessions" },
    registerParticipantForSeries: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: series they host; SCHOOL_CONTACT: their school's series" },
    cancelRegistration: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: at sessions they host; SCHOOL_CONTACT: at their school's sessions" },
    cancelSeriesRegistration: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: series they host; SCHOOL_CONTACT: their school's series" },
    markAttendance: { who: [...COORDINATORS, HOST], scope: 'HOST: at sessions they host, once started' },
    registerWalkIn: { who: [...COORDINATORS, HOST], scope: "HOST: at sessions they host, from two hours before the start until the end of the session's day" },
    moveRegistration: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: between sessions they host; SCHOOL_CONTACT: between their school's sessions" },
    updateParticipant: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: 'Only participants they see in full (their school registered them, at sessions they host)' },
    changeRegistrationChildren: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: at sessions they host; SCHOOL_CONTACT: their school's participants, until the session starts" },
    setNoShowFlagThreshold: { who: COORDINATORS },
    requestRegistrationCode: { who: ANYONE, scope: 'A newcomer registering themself: a code by SMS to their mobile (Belgian, or a country of SMS_CODE_COUNTRIES), at most 3 per phone number and SMS_CODE_BUDGET_PER_HOUR in all per hour' },
    confirmRegistrationCode: { who: ANYONE, scope: 'Whoever has the code sent to the phone; it registers that phone’s newcomer only' },
    confirmMyRegistration: { who: ANYONE, scope: 'Whoever holds the personal link: that one registration, until its session starts' },
    cancelMyRegistration: { who: ANYONE, scope: 'Whoever holds the personal link: that one registration, until its session starts' },
    declineSeatOffer: { who: ANYONE, scope: 'Whoever holds the personal link: that one OFFERED seat' },
    // Messages
    resendNotification: { who: COORDINATORS },
    broadcastMessage: { who: COORDINATORS },
    unsubscribeMail: { who: ANYONE, scope: 'Whoever has the link from a mail; only that address, only non-transactional mail' },
    // Festival
    createFestivalEdition: { who: COORDINATORS },
    updateFestivalEdition: { who: COORDINATORS },
    setFestivalOpeningHours: { who: COORDINATORS },
    createStandPlot: { who: COORDINATORS },
    updateStandPlot: { who: COORDINATORS },
    copyStandPlots: { who: COORDINATORS },
    applyForStand: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: 'FESTIVAL_ORGANISER: for their own association' },
    bookStand: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: 'FESTIVAL_ORGANISER: for their own association (REQUESTED)' },
    cancelStandBooking: { who: [...COORDINATORS, FESTIVAL_ORGANISER], scope: "FESTIVAL_ORGANISER: their own association's bookings" },
    confirmStandBooking: { who: COORDINATORS },
    refuseStandBooking: { who: COORDINATORS },
    moveStandBooking: { who: COORDINATORS },
    // Volunteers, shifts and trajectories
    saveVolunteerProfile: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own profile, without screening and trainings' },
    addVolunteerAbsence: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own' },
    removeVolunteerAbsence: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own' },
    issueCalendarFeed: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own feed' },
    revokeCalendarFeed: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own feed' },
    createShift: { who: [...COORDINATORS, HOST], scope: 'HOST: at sessions they host' },
    createSeriesShifts: { who: [...COORDINATORS, HOST], scope: 'HOST: series they host' },
    cancelShift: { who: [...COORDINATORS, HOST], scope: 'HOST: shifts at sessions they host' },
    signUpForShift: { who: [VOLUNTEER], scope: 'The volunteer themself' },
    assignVolunteer: { who: [...COORDINATORS, HOST, VOLUNTEER], scope: 'HOST: shifts at sessions they host; VOLUNTEER: only themself, as signUpForShift' },
    dropShift: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: their own shifts' },
    swapShift: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: asks a colleague about their own shift (nothing moves until the colleague accepts); coordinators move it at once' },
    acceptShiftSwap: { who: [VOLUNTEER], scope: 'The colleague asked' },
    declineShiftSwap: { who: [VOLUNTEER], scope: 'The colleague asked' },
    withdrawShiftSwap: { who: [...COORDINATORS, VOLUNTEER], scope: 'VOLUNTEER: the requests they asked' },
    markShiftAttendance: { who: [...COORDINATORS, HOST], scope: 'HOST: shifts at sessions they host, once begun' },
    createTrajectory: { who: COORDINATORS },
    updateTrajectory: { who: COORDINATORS },
    changeTrajectoryStatus: { who: COORDINATORS },
    addTrajectoryFollowUp: { who: COORDINATORS },
    planTrajectoryFollowUp: { who: COORDINATORS },
    completeTrajectoryFollowUp: { who: COORDINATORS },
    // Privacy
    erasePersonalData: { who: COORDINATORS, scope: 'Only an ADMIN erases an ADMIN; nobody their own account' },
    recordConsent: { who: [...COORDINATORS, HOST, SCHOOL_CONTACT], scope: "HOST: people they entered or who come to sessions they host; SCHOOL_CONTACT: people their school registered" },
  },
};

export function accessRuleOf(rootType: string, operation: string): AccessRule | undefined {
  if (rootType !== 'Query' && rootType !== 'Mutation') return undefined;
  return Object.hasOwn(ACCESS_MATRIX[rootType], operation) ? ACCESS_MATRIX[rootType][operation] : undefined;
}

export type AccessDecision = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export function accessDecision(rule: AccessRule, actor: Actor | null): AccessDecision {
  if (rule.who.includes('ANYONE')) return 'ALLOWED';
  if (!actor) return 'UNAUTHENTICATED';
  if (rule.who.includes('LOGGED_IN') || actor.roles.some((role) => (rule.who as readonly string[]).includes(role))) return 'ALLOWED';
  return 'FORBIDDEN';
}

/** "Query.me"-style names of the root fields of a schema's Query and Mutation types. */
export interface SchemaOperations {
  Query: readonly string[];
  Mutation: readonly string[];
}

/** What keeps the table and the schema apart: operations without an entry, and entries for operations that do not exist. */
export function accessMatrixMismatches(schema: SchemaOperations): { missing: string[]; unknown: string[] } {
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const rootType of ['Query', 'Mutation'] as const) {
    const inSchema = new Set(schema[rootType]);
    for (const operation of inSchema) if (!accessRuleOf(rootType, operation)) missing.push(`${rootType}.${operation}`);
    for (const operation of Object.keys(ACCESS_MATRIX[rootType])) if (!inSchema.has(operation)) unknown.push(`${rootType}.${operation}`);
  }
  return { missing, unknown };
}
