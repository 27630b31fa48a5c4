import { buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLField, GraphQLObjectType, IntrospectionQuery, isLeafType } from 'graphql';
import { Role } from '@app/common';
import { unsubscribeToken } from '@app/messaging';
import { PersonalLinks } from '@app/registrations';
import { ACCESS_MATRIX, AccessRule, RootType } from '../src/auth/access-matrix';
import { at, BOOK_STAND, CREATE_EDITION, createFestival, Festival, SATURDAY, SUNDAY } from './festival-fixtures';
import { CREATE_SERIES, CREATE_SESSION, createWorld, FIXTURE_PASSWORD, sessionInput, World } from './fixtures';
import { expectNoData } from './scope-matrix';
import { codeSentFor, REQUEST_CODE } from './self-registration-fixtures';
import { dataOf, errorOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';
import { ADD_ABSENCE, createShift, createVolunteers, REGISTER } from './volunteer-fixtures';

/**
 * The authorisation matrix against the running API: every query and mutation of its schema, for
 * an anonymous caller and a user of every role. A role the matrix leaves out is refused
 * (UNAUTHENTICATED or FORBIDDEN) and changes nothing in any table; a role it lets in succeeds
 * when it acts in its own scope (a session it hosts, its own school, its own association, itself).
 *
 * Each operation is sent with a document generated from the schema (every argument a variable,
 * `__typename` as the selection), so what is tested here is who gets in, not what comes back: the
 * scope specs (role-scope, registrations-, festival- and volunteers-scope) test the data.
 */

/** Anonymous, then one user of each role. */
const COLUMNS = ['anonymous', 'admin', 'coordinator', 'host', 'schoolContact', 'organiser', 'volunteer'] as const;
type Column = (typeof COLUMNS)[number];
type Member = Exclude<Column, 'anonymous'>;

const ROLE_OF: Record<Member, Role> = {
  admin: Role.ADMIN,
  coordinator: Role.COORDINATOR,
  host: Role.HOST,
  schoolContact: Role.SCHOOL_CONTACT,
  organiser: Role.FESTIVAL_ORGANISER,
  volunteer: Role.VOLUNTEER,
};

/** Read off the entry here rather than through the guard's own decision, so a mistake there cannot hide. */
const mayCall = (rule: AccessRule, column: Column): boolean =>
  rule.who.includes('ANYONE') || (column !== 'anonymous' && (rule.who.includes('LOGGED_IN') || rule.who.includes(ROLE_OF[column])));

const OPERATIONS = (['Query', 'Mutation'] as const).flatMap((rootType) =>
  Object.entries(ACCESS_MATRIX[rootType]).map(([name, rule]) => ({ key: `${rootType}.${name}`, rootType, name, rule })),
);

type Variables = Record<string, unknown>;

interface Arranged {
  variables: Variables;
  /** Acts as another user of the column's role, for what would revoke the fixture user's own token. */
  token?: string;
  /** The clock while the operation runs, for what only happens once something has started. */
  now?: Date;
}

/** Fresh data where the operation uses it up, acted on in the column's own scope; refused columns get the first allowed column's. */
type Arrange = (column: Column) => Promise<Arranged>;

const args =
  (variables: (column: Column) => Variables | Promise<Variables>): Arrange =>
  async (column) => ({ variables: await variables(column) });
const NO_ARGUMENTS = args(() => ({}));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Sessions and shifts get an hour of their own from here on, so a volunteer's shifts never overlap. */
const FIRST_HOUR = Date.parse('2026-10-01T06:00:00Z');
/** Sessions and shifts whose attendance is marked start on this day; the marking happens the day after. */
const ATTENDANCE_DAY = Date.parse('2026-09-01T06:00:00Z');
const AFTER_ATTENDANCE_DAY = new Date('2026-09-02T10:00:00Z');
const STAND_HOURS_PER_DAY = 12; // 11:00-23:00 on Saturday and Sunday

const NEW_PASSWORD = 'another-long-password-2026';
const ASSIGN = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }`;
const CREATE_TRAJECTORY = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`;
const REGISTER_FOR_SERIES = `mutation($i: RegisterParticipantForSeriesInput!) { registerParticipantForSeries(input: $i) { id participant { id } } }`;
const ADD_CLOSURE_DAY = `mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }`;
const CREATE_ORGANISATION = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
const CREATE_VENUE = `mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }`;
const SAVE_PROFILE = `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id } }`;
const SWAP = `mutation($a: ID!, $v: ID!) { swapShift(assignmentId: $a, toVolunteerId: $v) { id } }`;

describe('authorisation matrix: every operation for every role', () => {
  let api: TestApi;
  let world: World;
  let festival: Festival;
  /** The test clock's "now", to which it returns after an operation that ran later. */
  let clockStart: Date;
  let tables: string[];
  /** "Query.sessions"-style operation → the document that calls it. */
  const documents = new Map<string, string>();
  let schemaOperations: string[];
  /** What the fixture world holds for the operations that only read or that do not use their data up. */
  const base = {} as {
    sessionId: string;
    seriesId: string;
    updatableSeriesId: string;
    participantId: string;
    registrationId: string;
    shiftId: string;
    trajectoryId: string;
    bookingId: string;
    spareEditionId: string;
    otherVolunteerId: string;
  };
  /** operation:column pairs that passed. */
  const checked = new Set<string>();
  /** The variables refused columns are sent, arranged once per operation (a refusal uses nothing up). */
  const refusedArrangements = new Map<string, Promise<Arranged>>();
  /** Every table as it was after the last refusal, while nothing else ran since: saves the next refusal a snapshot. */
  let lastSnapshot: Awaited<ReturnType<typeof tableSnapshot>> | null = null;

  let serial = 0;
  const unique = (label: string) => `${label} ${(serial += 1)}`;
  let hours = 0;
  const nextHour = () => {
    const start = FIRST_HOUR + (hours += 1) * HOUR;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
  };
  let attendanceHours = 0;
  const nextAttendanceHour = () => {
    const start = ATTENDANCE_DAY + (attendanceHours += 1) * HOUR;
    if (start + HOUR > AFTER_ATTENDANCE_DAY.getTime()) throw new Error('out of attendance hours');
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
  };
  let days = 0;
  const nextDay = (from: string) => new Date(Date.parse(from) + (days += 1) * DAY).toISOString().slice(0, 10);
  /** Hour slots on plots A1 and A2 only, so the association stays within its two plots a day. */
  let standSlots = 0;
  const nextStandSlot = () => {
    const slot = standSlots++;
    const hour = Math.floor(slot / 2);
    if (hour >= 2 * STAND_HOURS_PER_DAY) throw new Error('out of stand slots');
    const day = hour < STAND_HOURS_PER_DAY ? SATURDAY : SUNDAY;
    const from = 11 + (hour % STAND_HOURS_PER_DAY);
    const time = (h: number) => `${String(h).padStart(2, '0')}:00`;
    return { plotId: festival.plots[slot % 2 ? 'A2' : 'A1'], startsAt: at(day, time(from)), endsAt: at(day, time(from + 1)) };
  };

  const tokenOf = (column: Column) => (column === 'anonymous' ? null : world.tokens[column]);
  const as = (who: Member, query: string, variables: Variables = {}) => api.gql(query, variables, world.tokens[who]).then(dataOf);

  /** A newcomer registering themself, each with a phone of their own (code requests are limited per phone). */
  const newcomer = () => ({
    sessionId: base.sessionId,
    firstName: unique('Nieuwkomer'),
    phone: `+32470${String((serial += 1)).padStart(6, '0')}`,
    preferredLanguage: 'ar',
  });
  const newParticipant = () => ({ firstName: unique('Deelnemer'), preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false });
  const hostedSession = async (slot = nextHour()): Promise<string> =>
    (
      await as('coordinator', CREATE_SESSION, {
        i: sessionInput(world, { title: unique('Tafel'), venueId: world.schoolVenueId, hostIds: [world.userIds.host], ...slot }),
      })
    ).createSession.id;
  /** Two Tuesdays from 8 September 2026. */
  const seriesInput = (venueId: string, extra: Variables = {}) => ({
    programmeId: world.praattafelId,
    venueId,
    title: unique('Reeks'),
    rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
    firstStartsAt: '2026-09-08T19:00:00+02:00',
    durationMinutes: 90,
    ...extra,
  });
  const hostedSeries = async (venueId: string): Promise<string> =>
    (await as('coordinator', CREATE_SERIES, { i: seriesInput(venueId, { hostIds: [world.userIds.host] }) })).createSessionSeries.id;
  /** Registered by the school, so the school's contact sees the participant too. */
  const register = async (sessionId: string, participant: Variables = newParticipant()): Promise<{ id: string; participant: { id: string } }> =>
    (await as('schoolContact', REGISTER, { i: { sessionId, participant } })).registerParticipant;
  const shiftAtHostedSession = async (slot = nextHour()): Promise<string> => (await createShift(api, world, { sessionId: base.sessionId, ...slot })).id;
  const assigned = async (shiftId: string, volunteerId = world.userIds.volunteer): Promise<string> =>
    (await as('coordinator', ASSIGN, { s: shiftId, v: volunteerId })).assignVolunteer.id;
  const swapRequestId = async (assignmentId: string): Promise<string> =>
    (await api.dataSource.query<{ id: string }[]>(`SELECT id FROM shift_swap_request WHERE assignment_id = $1 AND status = 'PENDING'`, [assignmentId]))[0].id;
  /** The volunteer asks the other volunteer to take their shift (a volunteer's swapShift asks). */
  const swapRequestFromVolunteer = async (): Promise<string> => {
    const assignmentId = await assigned(await shiftAtHostedSession());
    await as('volunteer', SWAP, { a: assignmentId, v: base.otherVolunteerId });
    return swapRequestId(assignmentId);
  };
  /** The other volunteer asked the volunteer (written in SQL: the other volunteer has no token here). */
  const swapRequestToVolunteer = async (): Promise<string> => {
    const shiftId = await shiftAtHostedSession();
    const assignmentId = await assigned(shiftId, base.otherVolunteerId);
    await api.dataSource.query(`INSERT INTO shift_swap_request (assignment_id, shift_id, from_volunteer_id, to_volunteer_id) VALUES ($1, $2, $3, $4)`, [
      assignmentId,
      shiftId,
      base.otherVolunteerId,
      world.userIds.volunteer,
    ]);
    return swapRequestId(assignmentId);
  };
  const trajectory = async (extra: Variables = {}): Promise<string> =>
    (
      await as('coordinator', CREATE_TRAJECTORY, {
        i: { participantId: base.participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-08-01', ...extra },
      })
    ).createTrajectory.id;
  const plannedFollowUp = async (): Promise<string> =>
    (
      await as('coordinator', `mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id } }`, {
        id: base.trajectoryId,
        i: { dueOn: '2026-09-01' },
      })
    ).planTrajectoryFollowUp.id;
  const requestedBooking = async (): Promise<string> =>
    (await as('organiser', BOOK_STAND, { i: { ...nextStandSlot(), organisationId: world.associationId } })).bookStand.id;
  /** The token of a registration's personal link (derived: the API computes the same one). */
  const linkOf = (registrationId: string) => api.app.get(PersonalLinks).tokenFor(registrationId);
  /** A seat offered to a fresh registration (set in SQL: the offer itself is seat offers' work, not under test here). */
  const offered = async (): Promise<string> => {
    const { id } = await register(await hostedSession());
    await api.dataSource.query(`UPDATE registration SET status = 'OFFERED', seat_offer_expires_at = now() + interval '3 hours' WHERE id = $1`, [id]);
    return id;
  };
  /** A message as the worker leaves it after its last attempt. */
  const failedNotification = async (): Promise<string> => {
    const { id } = await register(base.sessionId, {
      ...newParticipant(),
      email: `${unique('bericht').replace(' ', '-')}@example.org`,
      contactChannel: 'EMAIL',
      consentToContact: true,
    });
    const [notification] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM notification WHERE registration_id = $1 LIMIT 1`, [id]);
    await api.dataSource.query(`UPDATE notification SET status = 'FAILED', attempts = 5, last_error = 'mailbox full' WHERE id = $1`, [notification.id]);
    return notification.id;
  };
  /** A fresh invited user, and the token of their link: still in the outbox row, as no worker sends it here. */
  const invited = async (): Promise<{ id: string; token: string }> => {
    const email = `${unique('genodigd').replace(' ', '-')}@test.oefenkansen.be`;
    const { inviteUser } = await as('admin', `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
      i: { email, displayName: 'Genodigde', roles: ['HOST'] },
    });
    return { id: inviteUser.id, token: await linkToken(inviteUser.id) };
  };
  const linkToken = async (userId: string): Promise<string> => {
    const [row] = await api.dataSource.query<{ token: string }[]>(
      `SELECT payload->>'token' AS token FROM notification WHERE user_id = $1 AND payload ? 'token' ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    return row.token;
  };
  /** A reset link for a fresh invited user (who has not set a password: a reset sets their first). */
  const resetToken = async (): Promise<string> => {
    const { id } = await invited();
    await api.gql(
      `mutation { requestPasswordReset(email: "${(await api.dataSource.query<{ email: string }[]>(`SELECT email FROM app_user WHERE id = $1`, [id]))[0].email}") }`,
    );
    const [row] = await api.dataSource.query<{ token: string }[]>(
      `SELECT payload->>'token' AS token FROM notification WHERE user_id = $1 AND kind = 'PASSWORD_RESET' ORDER BY created_at DESC LIMIT 1`,
      [id],
    );
    return row.token;
  };
  /**
   * A copy of the column's fixture user (roles, organisation), logged in with FIXTURE_PASSWORD:
   * logging out or changing the password revokes every token of a user. Copied in SQL, with the
   * host's password hash, because argon2 hashing is the slowest step of this file.
   */
  const copyOfUser = async (column: Column): Promise<string> => {
    const email = `${unique('kopie').replace(' ', '-')}@test.oefenkansen.be`;
    await api.dataSource.query(
      `INSERT INTO app_user (email, display_name, password_hash, roles, organisation_id)
       SELECT $2, u.display_name, (SELECT password_hash FROM app_user WHERE id = $3), u.roles, u.organisation_id FROM app_user u WHERE u.id = $1`,
      [world.userIds[column as Member], email, world.userIds.host],
    );
    return api.login(email, FIXTURE_PASSWORD);
  };

  // prettier-ignore
  const ARGUMENTS: Record<RootType, Record<string, Arrange>> = {
    Query: {
      me: NO_ARGUMENTS,
      organisations: NO_ARGUMENTS,
      programmes: NO_ARGUMENTS,
      sessions: NO_ARGUMENTS,
      venues: args(() => ({ includeInactive: true, organisationId: world.centreId })),
      session: args(() => ({ id: base.sessionId })),
      sessionHostCandidates: NO_ARGUMENTS,
      sessionSeries: args(() => ({ id: base.seriesId })),
      closureDays: args(() => ({ from: '2026-09-01', to: '2027-08-31', organisationId: world.schoolId })),
      previewSessionSeries: args(() => ({ input: seriesInput(world.centreVenueId) })),
      mySessions: NO_ARGUMENTS,
      registration: args(() => ({ id: base.registrationId })),
      myRegistration: args(() => ({ token: linkOf(base.registrationId) })),
      participants: args(() => ({ search: 'Deelnemer' })),
      participant: args(() => ({ id: base.participantId })),
      registrationSettings: NO_ARGUMENTS,
      notifications: args(() => ({ filter: { sessionId: base.sessionId } })),
      messagePreview: args(() => ({ kind: 'BROADCAST', language: 'ar', channel: 'SMS' })),
      broadcastPlan: args(() => ({ input: { audience: { sessionId: base.sessionId }, text: 'Neem een pen mee.' } })),
      broadcasts: NO_ARGUMENTS,
      smsReplies: NO_ARGUMENTS,
      festivalDates: args(() => ({ year: 2027 })),
      festivalEditions: NO_ARGUMENTS,
      festivalEdition: args(() => ({ id: festival.editionId })),
      standBookings: args(() => ({ editionId: festival.editionId })),
      standBooking: args(() => ({ id: base.bookingId })),
      standApplications: args(() => ({ editionId: festival.editionId })),
      standAvailability: args(() => ({ editionId: festival.editionId, day: SATURDAY })),
      confirmedStandsCsv: args(() => ({ editionId: festival.editionId })),
      volunteers: NO_ARGUMENTS,
      unscreenedVolunteerCount: NO_ARGUMENTS,
      volunteerProfile: NO_ARGUMENTS,
      shifts: NO_ARGUMENTS,
      openShifts: NO_ARGUMENTS,
      myShifts: NO_ARGUMENTS,
      volunteerProfiles: NO_ARGUMENTS,
      volunteerShiftHistory: args(() => ({ volunteerId: world.userIds.volunteer })),
      suggestVolunteers: args(() => ({ shiftId: base.shiftId })),
      shiftSwapCandidates: args(async () => ({ assignmentId: await assigned(await shiftAtHostedSession()) })),
      shiftSwapRequests: NO_ARGUMENTS,
      trajectories: NO_ARGUMENTS,
      trajectory: args(() => ({ id: base.trajectoryId })),
      suggestBuddies: args(() => ({ participantId: base.participantId })),
      suggestHostOrganisations: args(() => ({ trajectoryId: base.trajectoryId })),
      trajectoryReport: args(() => ({ from: '2026-01-01', to: '2026-12-31' })),
      dueTrajectoryFollowUpCount: NO_ARGUMENTS,
      trajectoryReportCsv: args(() => ({ from: '2026-01-01', to: '2026-12-31' })),
      programmeReport: args(() => ({ from: '2026-09-01', to: '2026-12-31' })),
      programmeReportCsv: args(() => ({ from: '2026-09-01', to: '2026-12-31' })),
      exportPersonalData: args(() => ({ subject: { participantId: base.participantId } })),
      auditLog: NO_ARGUMENTS,
      personalDataErasurePreview: args(() => ({ subject: { participantId: base.participantId } })),
      consentHistory: args(() => ({ participantId: base.participantId })),
      retentionSchedule: NO_ARGUMENTS,
      users: args(() => ({ search: 'host' })),
    },
    Mutation: {
      login: args(() => ({ email: 'host@test.oefenkansen.be', password: FIXTURE_PASSWORD })),
      logout: async (column) => ({ variables: {}, token: await copyOfUser(column) }),
      changePassword: async (column) => ({ variables: { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD }, token: await copyOfUser(column) }),
      createUser: args(() => ({ input: { email: `${unique('nieuw').replace(' ', '-')}@test.oefenkansen.be`, password: FIXTURE_PASSWORD, displayName: 'Nieuwe gastheer', roles: ['HOST'] } })),
      updateUser: args(() => ({ id: world.userIds.otherHost, input: { displayName: 'otherHost', roles: ['HOST'], preferredLanguage: 'nl' } })),
      deactivateUser: args(async () => ({ id: (await invited()).id })),
      reactivateUser: args(async () => ({ id: (await invited()).id })),
      inviteUser: args(() => ({ input: { email: `${unique('uitgenodigd').replace(' ', '-')}@test.oefenkansen.be`, displayName: 'Nieuwe gastvrouw', roles: ['HOST'] } })),
      resendInvitation: args(async () => ({ id: (await invited()).id })),
      acceptInvitation: args(async () => ({ token: (await invited()).token, password: NEW_PASSWORD })),
      requestPasswordReset: args(() => ({ email: 'niemand@test.oefenkansen.be' })),
      resetPassword: args(async () => ({ token: await resetToken(), password: NEW_PASSWORD })),
      createOrganisation: args(() => ({ input: { name: unique('Organisatie'), kind: 'PARTNER' } })),
      createVenue: args(() => ({ input: { organisationId: world.centreId, name: unique('Zaal'), address: 'Overleiestraat 1, 8500 Kortrijk' } })),
      updateOrganisation: args(() => ({ id: world.associationId, input: { phone: '056 27 74 00' } })),
      deactivateOrganisation: args(async () => ({ id: (await as('coordinator', CREATE_ORGANISATION, { i: { name: unique('Organisatie'), kind: 'PARTNER' } })).createOrganisation.id })),
      reactivateOrganisation: args(() => ({ id: world.associationId })),
      recordOrganisationScreening: args(() => ({ id: world.associationId, input: { status: 'IN_PROGRESS' } })),
      addOrganisationTraining: args(() => ({ organisationId: world.associationId, input: { name: unique('Vorming'), followedOn: '2026-08-01' } })),
      removeOrganisationTraining: args(async () => ({
        id: (
          await as('coordinator', `mutation($o: ID!, $i: OrganisationTrainingInput!) { addOrganisationTraining(organisationId: $o, input: $i) { id } }`, {
            o: world.associationId,
            i: { name: unique('Vorming'), followedOn: '2026-08-01' },
          })
        ).addOrganisationTraining.id,
      })),
      updateVenue: args(() => ({ id: world.otherSchoolVenueId, input: { accessibilityNotes: unique('Lift') } })),
      deactivateVenue: args(async () => ({ id: (await as('coordinator', CREATE_VENUE, { i: { organisationId: world.centreId, name: unique('Zaal'), address: 'Overleiestraat 1, 8500 Kortrijk' } })).createVenue.id })),
      reactivateVenue: args(() => ({ id: world.otherSchoolVenueId })),
      createProgramme: args(() => ({ input: { name: unique('Programma'), kind: 'TABLE', defaultCapacity: 8 } })),
      updateProgramme: args(() => ({ id: world.praattafelId, input: { description: unique('Beschrijving') } })),
      // A host leaves hostIds out and hosts what they create.
      createSession: args(() => ({ input: sessionInput(world, { title: unique('Tafel'), ...nextHour() }) })),
      cancelSession: args(async () => ({ id: await hostedSession(), reason: 'Gastheer ziek' })),
      moveSession: args(async () => ({ id: await hostedSession(), ...nextHour() })),
      updateSessionCapacity: args(async () => ({ id: await hostedSession(), capacity: 15 })),
      assignSessionHost: args(async () => ({ sessionId: await hostedSession(), userId: world.userIds.otherHost })),
      unassignSessionHost: args(async () => ({ sessionId: await hostedSession(), userId: world.userIds.host })),
      createSessionSeries: args(() => ({ input: seriesInput(world.centreVenueId) })),
      updateSessionSeries: args(() => ({ id: base.updatableSeriesId, input: { title: unique('Reeks') } })),
      endSessionSeries: args(async () => ({ id: await hostedSeries(world.centreVenueId), from: '2027-06-01' })),
      addSessionSeriesDate: args(async () => ({ id: await hostedSeries(world.centreVenueId), startsAt: nextHour().startsAt })),
      addClosureDay: args(() => ({ input: { organisationId: world.schoolId, date: nextDay('2027-03-01'), label: unique('Vrije dag') } })),
      removeClosureDay: args(async () => ({ id: (await as('coordinator', ADD_CLOSURE_DAY, { i: { organisationId: world.schoolId, date: nextDay('2027-03-01'), label: unique('Vrije dag') } })).addClosureDay.id })),
      registerParticipant: args(() => ({ input: { sessionId: base.sessionId, participant: newParticipant() } })),
      registerParticipantForSeries: args(() => ({ input: { seriesId: base.seriesId, participant: newParticipant() } })),
      cancelRegistration: args(async () => ({ id: (await register(base.sessionId)).id })),
      cancelSeriesRegistration: args(async () => ({
        seriesId: base.seriesId,
        participantId: (await as('schoolContact', REGISTER_FOR_SERIES, { i: { seriesId: base.seriesId, participant: newParticipant() } }))
          .registerParticipantForSeries[0].participant.id,
      })),
      markAttendance: async () => ({
        variables: { registrationId: (await register(await hostedSession(nextAttendanceHour()))).id, attended: true },
        now: AFTER_ATTENDANCE_DAY,
      }),
      moveRegistration: args(async () => ({ registrationId: (await register(await hostedSession())).id, toSessionId: await hostedSession() })),
      registerWalkIn: async () => {
        const slot = nextAttendanceHour();
        return { variables: { input: { sessionId: await hostedSession(slot), children: 1 } }, now: new Date(Date.parse(slot.startsAt) + HOUR / 2) };
      },
      updateParticipant: args(() => ({ id: base.participantId, input: { preferredLanguage: 'ar' } })),
      changeRegistrationChildren: args(async () => ({ registrationId: (await register(base.sessionId)).id, children: 2 })),
      setNoShowFlagThreshold: args(() => ({ threshold: 3 })),
      requestRegistrationCode: args(() => ({ input: newcomer() })),
      confirmRegistrationCode: args(async () => {
        const requested = await api.gql<{ requestRegistrationCode: { requestId: string } }>(REQUEST_CODE, { i: newcomer() });
        const { requestId } = dataOf(requested).requestRegistrationCode;
        return { requestId, code: await codeSentFor(api, requestId) };
      }),
      confirmMyRegistration: args(async () => ({ token: linkOf((await register(await hostedSession())).id) })),
      cancelMyRegistration: args(async () => ({ token: linkOf((await register(await hostedSession())).id) })),
      declineSeatOffer: args(async () => ({ token: linkOf(await offered()) })),
      resendNotification: args(async () => ({ id: await failedNotification() })),
      broadcastMessage: args(() => ({ input: { audience: { sessionId: base.sessionId }, text: 'Neem een pen mee.', idempotencyKey: unique('broadcast-key') } })),
      unsubscribeMail: args(() => ({ token: unsubscribeToken(api.config.personalLinkSecret, unique('afgemeld').replace(' ', '-') + '@example.org') })),
      createFestivalEdition: args(() => ({ input: { name: unique('Culturen'), startsOn: '2027-05-14', endsOn: '2027-05-17' } })),
      updateFestivalEdition: args(() => ({ id: base.spareEditionId, input: { siteName: unique('Plein') } })),
      setFestivalOpeningHours: args(() => ({ editionId: base.spareEditionId, openingHours: [{ date: SATURDAY, from: '11:00', to: '23:00' }] })),
      createStandPlot: args(() => ({ input: { editionId: base.spareEditionId, code: `P${(serial += 1)}` } })),
      updateStandPlot: args(() => ({ id: festival.plots.A3, input: { description: unique('Hoek') } })),
      copyStandPlots: args(() => ({ fromEditionId: festival.editionId, toEditionId: base.spareEditionId })),
      applyForStand: args(() => ({ input: { editionId: festival.editionId, organisationId: world.associationId, community: 'Afghaanse gemeenschap', offering: 'FOOD', slots: [nextStandSlot()] } })),
      bookStand: args(() => ({ input: { ...nextStandSlot(), organisationId: world.associationId } })),
      cancelStandBooking: args(async () => ({ id: await requestedBooking() })),
      confirmStandBooking: args(async () => ({ id: await requestedBooking() })),
      refuseStandBooking: args(async () => ({ id: await requestedBooking(), reason: 'Plein vol' })),
      moveStandBooking: args(async () => ({ id: await requestedBooking(), input: nextStandSlot() })),
      saveVolunteerProfile: args(() => ({ volunteerId: world.userIds.volunteer, input: { neighbourhood: unique('Overleie') } })),
      addVolunteerAbsence: args(() => {
        const day = nextDay('2028-01-01');
        return { volunteerId: world.userIds.volunteer, input: { startsOn: day, endsOn: day } };
      }),
      removeVolunteerAbsence: args(async () => {
        const day = nextDay('2028-01-01');
        return { id: (await as('coordinator', ADD_ABSENCE, { v: world.userIds.volunteer, i: { startsOn: day, endsOn: day } })).addVolunteerAbsence.id };
      }),
      issueCalendarFeed: args(() => ({ volunteerId: world.userIds.volunteer })),
      revokeCalendarFeed: args(() => ({ volunteerId: world.userIds.volunteer })),
      createShift: args(() => ({ input: { sessionId: base.sessionId, role: 'WELCOME', needed: 1 } })),
      createSeriesShifts: args(() => ({ input: { seriesId: base.seriesId, role: 'WELCOME', needed: 1 } })),
      cancelShift: args(async () => ({ id: await shiftAtHostedSession() })),
      signUpForShift: args(async () => ({ shiftId: (await createShift(api, world, nextHour())).id })),
      // The host puts the volunteer on a shift of their session; the volunteer puts themself on one.
      assignVolunteer: args(async () => ({ shiftId: await shiftAtHostedSession(), volunteerId: world.userIds.volunteer })),
      dropShift: args(async () => ({ assignmentId: await assigned(await shiftAtHostedSession()) })),
      swapShift: args(async () => ({ assignmentId: await assigned(await shiftAtHostedSession()), toVolunteerId: base.otherVolunteerId })),
      acceptShiftSwap: args(async () => ({ requestId: await swapRequestToVolunteer() })),
      declineShiftSwap: args(async () => ({ requestId: await swapRequestToVolunteer() })),
      // The volunteer asked the other volunteer; a coordinator may withdraw it too.
      withdrawShiftSwap: args(async () => ({ requestId: await swapRequestFromVolunteer() })),
      markShiftAttendance: async () => ({
        variables: { assignmentId: await assigned(await shiftAtHostedSession(nextAttendanceHour())), attended: true },
        now: AFTER_ATTENDANCE_DAY,
      }),
      createTrajectory: args(() => ({ input: { participantId: base.participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-08-01' } })),
      updateTrajectory: args(() => ({ id: base.trajectoryId, input: { notes: unique('Notitie') } })),
      changeTrajectoryStatus: args(async () => ({ id: await trajectory(), status: 'MATCHED' })),
      addTrajectoryFollowUp: args(() => ({ id: base.trajectoryId, input: { recordedOn: '2026-08-10', outcomes: ['OTHER'] } })),
      planTrajectoryFollowUp: args(() => ({ id: base.trajectoryId, input: { dueOn: '2026-09-01', note: 'Bellen' } })),
      completeTrajectoryFollowUp: args(async () => ({ followUpId: await plannedFollowUp(), input: { recordedOn: '2026-09-02', outcomes: ['OTHER'] } })),
      erasePersonalData: args(async () => ({ subject: { participantId: (await register(base.sessionId)).participant.id }, reason: 'verzoek per e-mail, ticket 1234' })),
      // The participant the school registered for the host's session: both may see them.
      recordConsent: args(() => ({ participantId: base.participantId, consent: true })),
    },
  };

  /** Every argument a variable of the schema's own type; objects answer only their __typename. */
  const documentOf = (rootType: RootType, field: GraphQLField<unknown, unknown>): string => {
    const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const uses = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return `${rootType.toLowerCase()}${definitions ? `(${definitions})` : ''} { ${field.name}${uses ? `(${uses})` : ''}${selection} }`;
  };

  const run = async (document: string, arranged: Arranged, token: string | null): Promise<GraphQLResult> => {
    if (arranged.now) api.clock.set(arranged.now);
    try {
      return await api.gql(document, arranged.variables, token);
    } finally {
      api.clock.set(clockStart);
    }
  };

  beforeAll(async () => {
    api = await startTestApi();
    clockStart = api.clock.now();
    world = await createWorld(api);
    festival = await createFestival(api, world);

    const schema = buildClientSchema(dataOf(await api.gql<IntrospectionQuery>(getIntrospectionQuery())));
    schemaOperations = [];
    for (const [rootType, type] of [
      ['Query', schema.getQueryType()],
      ['Mutation', schema.getMutationType()],
    ] as [RootType, GraphQLObjectType | null][]) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        schemaOperations.push(`${rootType}.${field.name}`);
        documents.set(`${rootType}.${field.name}`, documentOf(rootType, field));
      }
    }
    tables = (
      await api.dataSource.query<{ name: string }[]>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).map((row) => row.name);

    base.sessionId = await hostedSession({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T20:30:00+02:00' });
    base.seriesId = await hostedSeries(world.schoolVenueId);
    base.updatableSeriesId = await hostedSeries(world.centreVenueId);
    const registered = await register(base.sessionId);
    base.registrationId = registered.id;
    base.participantId = registered.participant.id;
    base.shiftId = await shiftAtHostedSession();
    await as('coordinator', SAVE_PROFILE, { v: world.userIds.volunteer, i: { languages: ['nl'], skills: ['WELCOME'], screeningStatus: 'RECEIVED' } });
    base.trajectoryId = await trajectory({ buddyId: world.userIds.volunteer });
    base.bookingId = await requestedBooking();
    base.spareEditionId = (
      await as('coordinator', CREATE_EDITION, { i: { name: 'Reserve-editie', startsOn: '2027-05-14', endsOn: '2027-05-17' } })
    ).createFestivalEdition.id;
    base.otherVolunteerId = (await createVolunteers(api, world, ['Tweede Vrijwilliger']))[0].id;
  });

  afterAll(() => api.close());

  test('has a column for every role', () => {
    expect(Object.values(ROLE_OF).sort()).toEqual(Object.values(Role).sort());
  });

  test('lists exactly the operations of the running schema', () => {
    const listed = OPERATIONS.map(({ key }) => key);
    expect({
      missing: schemaOperations.filter((operation) => !listed.includes(operation)),
      unknown: listed.filter((operation) => !schemaOperations.includes(operation)),
    }).toEqual({
      missing: [],
      unknown: [],
    });
  });

  describe.each(OPERATIONS)('$key', ({ key, rootType, name, rule }) => {
    test.each(COLUMNS.map((column) => ({ column, expected: mayCall(rule, column) ? 'allowed' : column === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' })))(
      '$column → $expected',
      async ({ column, expected }) => {
        const document = documents.get(key);
        const arrange = ARGUMENTS[rootType][name];
        if (!document) throw new Error(`${key} is not in the schema`);
        if (!arrange) throw new Error(`${key} has no arguments in ARGUMENTS`);

        if (expected === 'allowed') {
          lastSnapshot = null;
          const arranged = await arrange(column);
          const result = await run(document, arranged, arranged.token ?? tokenOf(column));
          expect(result.errors ?? []).toEqual([]);
          expect(result.data).toHaveProperty([name]);
        } else {
          const firstAllowed = COLUMNS.find((other) => mayCall(rule, other))!;
          if (!refusedArrangements.has(key)) {
            lastSnapshot = null;
            refusedArrangements.set(key, arrange(firstAllowed));
          }
          const arranged = await refusedArrangements.get(key)!;
          const before = lastSnapshot ?? (await tableSnapshot(api.dataSource, tables));
          const result = await run(document, arranged, tokenOf(column));
          lastSnapshot = await tableSnapshot(api.dataSource, tables);
          expect(result.status).toBeLessThan(500);
          expect(errorOf(result).code).toBe(expected);
          expectNoData(result);
          expect(lastSnapshot).toEqual(before);
        }
        checked.add(`${key}:${column}`);
      },
    );
  });

  test('covered every operation of the schema for every role', () => {
    const expected = schemaOperations.flatMap((operation) => COLUMNS.map((column) => `${operation}:${column}`));
    const refused = OPERATIONS.flatMap(({ rule }) => COLUMNS.filter((column) => !mayCall(rule, column))).length;
    console.log(
      `access matrix: ${checked.size} of ${expected.length} operation × caller cases passed (${schemaOperations.length} operations × ${COLUMNS.length} callers: anonymous and one user per role; ${refused} refused, ${expected.length - refused} allowed)`,
    );
    expect([...checked].sort()).toEqual(expected.sort());
  });
});
