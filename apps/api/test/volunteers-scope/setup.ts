import { DateTime } from 'luxon';
import { CREATE_SESSION, createWorld, FIXTURE_PASSWORD, FixtureRole, sessionInput, World } from '../fixtures';
import { Case, MatrixRow, ScopeOutcome, scopedOperation, OUTCOME, tableSnapshot, Who, WHO } from '../scope-matrix';
import { dataOf, GraphQLResult, startTestApi, TestApi } from '../test-api';

/**
 * Role scope of volunteers, shifts, Picnik trajectories and reports: every query and
 * mutation of the area, for every role of the fixture world and for an anonymous caller. The
 * MATRIX is the contract at a glance (it mirrors libs/volunteers/src/volunteers-policy.ts and the
 * services): personal data of volunteers and newcomers only for the roles that need it.
 *
 * "the volunteer" is the fixture world's `volunteer`; "another volunteer" is a second VOLUNTEER
 * user (Tweede vrijwilliger) without a token of its own in the matrix. Unless a row says otherwise
 * a shift belongs to a session hosted by `host` (so `otherHost` hosts nothing of it). Every case
 * gets a day of its own (row × role), so shifts of one case never overlap the volunteer's shifts
 * of another, and reports over that day count only the case's own data.
 */

/**
 * own: the call succeeds but shows only what is the caller's own (their profile, assignments, buddy trajectories).
 * hidden: the call succeeds but shows nobody (an empty list of assignments).
 */
export type Outcome = ScopeOutcome;
export type Row = MatrixRow<Outcome>;

export const { A, O, H, F, U } = OUTCOME;

// prettier-ignore
export const MATRIX = {
  //                                                                    anon admin coord host otherHost school otherSchool organiser volunteer
  // Profiles (phone, languages, skills, screening, trainings, periods away): the volunteer themself and coordinators.
  'volunteers':                                                         [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'unscreenedVolunteerCount':                                           [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'volunteerProfile (your own: no volunteerId)':                        [U,   O,    O,    O,   O,        O,     O,          O,        O],
  'volunteerProfile(volunteerId: the volunteer)':                       [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'volunteerProfile(volunteerId: another volunteer)':                   [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'saveVolunteerProfile (the volunteer: phone, languages, availability)': [U, A,    A,    F,   F,        F,     F,          F,        A],
  'saveVolunteerProfile (the volunteer: screening and trainings)':      [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'saveVolunteerProfile (another volunteer)':                           [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'addVolunteerAbsence (the volunteer)':                                [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'addVolunteerAbsence (another volunteer)':                            [U,   A,    A,    F,   F,        F,     F,          F,        F],
  "removeVolunteerAbsence (the volunteer's)":                           [U,   A,    A,    F,   F,        F,     F,          F,        A],
  "removeVolunteerAbsence (another volunteer's)":                       [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'issueCalendarFeed (the volunteer)':                                  [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'issueCalendarFeed (another volunteer)':                              [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'revokeCalendarFeed (the volunteer)':                                 [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'revokeCalendarFeed (another volunteer)':                             [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'volunteerProfiles':                                                  [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'volunteerShiftHistory (the volunteer)':                              [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'volunteerShiftHistory (another volunteer)':                          [U,   A,    A,    F,   F,        F,     F,          F,        F],
  // Shifts: the needs for anyone logged in; who takes them for coordinators and the session's hosts, a volunteer sees only themself.
  'shifts':                                                             [U,   A,    A,    A,   A,        A,     A,          A,        A],
  'Shift.assignments (at a session hosted by host)':                    [U,   A,    A,    A,   H,        H,     H,          H,        O],
  'myShifts':                                                           [U,   O,    O,    O,   O,        O,     O,          O,        O],
  'openShifts':                                                         [U,   F,    F,    F,   F,        F,     F,          F,        A],
  'suggestVolunteers':                                                  [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createShift (at a session hosted by host)':                          [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'createShift (outside a session)':                                    [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createSeriesShifts (a series hosted by host)':                       [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'cancelShift (at a session hosted by host)':                          [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'signUpForShift':                                                     [U,   F,    F,    F,   F,        F,     F,          F,        A],
  'assignVolunteer (another volunteer, at a session hosted by host)':   [U,   A,    A,    A,   F,        F,     F,          F,        F],
  "dropShift (the volunteer's assignment)":                             [U,   A,    A,    F,   F,        F,     F,          F,        A],
  "dropShift (another volunteer's assignment)":                         [U,   A,    A,    F,   F,        F,     F,          F,        F],
  "swapShift (the volunteer's assignment, to another volunteer)":       [U,   A,    A,    F,   F,        F,     F,          F,        A],
  "swapShift (another volunteer's assignment, to the volunteer)":       [U,   A,    A,    F,   F,        F,     F,          F,        F],
  // Swap requests between volunteers: the holder asks, the colleague asked answers; coordinators may withdraw one.
  "shiftSwapCandidates (the volunteer's assignment)":                   [U,   F,    F,    F,   F,        F,     F,          F,        A],
  'shiftSwapRequests':                                                  [U,   F,    F,    F,   F,        F,     F,          F,        A],
  'acceptShiftSwap (asked of the volunteer)':                           [U,   F,    F,    F,   F,        F,     F,          F,        A],
  'declineShiftSwap (asked of the volunteer)':                          [U,   F,    F,    F,   F,        F,     F,          F,        A],
  "withdrawShiftSwap (the volunteer's request)":                        [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'markShiftAttendance (at a session hosted by host, once begun)':      [U,   A,    A,    A,   F,        F,     F,          F,        F],
  // Picnik trajectories: coordinators run them; a volunteer sees (only) those they are the buddy of.
  'trajectories':                                                       [U,   A,    A,    F,   F,        F,     F,          F,        O],
  'trajectory (the volunteer is the buddy)':                            [U,   A,    A,    F,   F,        F,     F,          F,        A],
  'trajectory (another volunteer is the buddy)':                        [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'suggestBuddies':                                                     [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createTrajectory':                                                   [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'updateTrajectory (the volunteer is the buddy)':                      [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'changeTrajectoryStatus (the volunteer is the buddy)':                [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'addTrajectoryFollowUp (the volunteer is the buddy)':                 [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'planTrajectoryFollowUp (the volunteer is the buddy)':                [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'completeTrajectoryFollowUp (the volunteer is the buddy)':            [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'dueTrajectoryFollowUpCount':                                         [U,   A,    A,    F,   F,        F,     F,          F,        F],
  // Reports and their CSVs: coordinators only.
  'trajectoryReport':                                                   [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'trajectoryReportCsv':                                                [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'programmeReport':                                                    [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'programmeReportCsv':                                                 [U,   A,    A,    F,   F,        F,     F,          F,        F],
} satisfies Record<string, Row>;

export type OperationName = keyof typeof MATRIX;

export const operation = scopedOperation;

export const ZONE = 'Europe/Brussels';
/** The test clock's own "now" (startTestApi's default); markShiftAttendance moves it into the shift and back. */
export const NOW = new Date('2026-08-15T10:00:00Z');
/** Case days: one per row and role from here on (about a year of days, all after NOW). */
export const FIRST_DAY = DateTime.fromISO('2026-09-01', { zone: ZONE });
/** Series shifts (two weekly sessions) live in 2028, away from the case days. */
export const FIRST_SERIES_DAY = DateTime.fromISO('2028-01-04', { zone: ZONE });
/** Periods away live in 2029, away from every shift. */
export const FIRST_ABSENCE_DAY = DateTime.fromISO('2029-01-01', { zone: ZONE });

export const OTHER_VOLUNTEER = { email: 'tweede.vrijwilliger@test.oefenkansen.be', displayName: 'Tweede vrijwilliger' };
/** Two newcomers (registered by the city) for trajectories: one the volunteer is buddy of, one another volunteer is. */
export const NEWCOMER = { firstName: 'Amina', lastName: 'Haidari', phone: '+32470987654', preferredLanguage: 'ar' };
export const OTHER_NEWCOMER = { firstName: 'Farid', lastName: 'Nazari', phone: '+32488112233', preferredLanguage: 'prs' };

export const PROFILE_VIEW = `id phone languages skills availableWeekdays availableDayparts neighbourhood screeningStatus screeningDate trainings hasCalendarFeed volunteer { id email } absences { startsOn endsOn reason }`;
export const PROFILE = `query($v: ID) { volunteerProfile(volunteerId: $v) { ${PROFILE_VIEW} } }`;
export const SAVE_PROFILE = `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { ${PROFILE_VIEW} } }`;
export const ADD_ABSENCE = `mutation($v: ID!, $i: AbsenceInput!) { addVolunteerAbsence(volunteerId: $v, input: $i) { id startsOn endsOn reason } }`;
export const REMOVE_ABSENCE = `mutation($id: ID!) { removeVolunteerAbsence(id: $id) }`;
export const ISSUE_FEED = `mutation($v: ID!) { issueCalendarFeed(volunteerId: $v) }`;
export const REVOKE_FEED = `mutation($v: ID!) { revokeCalendarFeed(volunteerId: $v) }`;
export const SHIFT_VIEW = `id title role needed filled openPlaces startsAt endsAt status seriesId notes session { id }`;
export const ASSIGNMENT_VIEW = `id status startsAt shift { id } volunteer { id displayName email }`;
export const SHIFTS = `query($f: ShiftFilter) { shifts(filter: $f) { ${SHIFT_VIEW} } }`;
export const SHIFT_ASSIGNMENTS = `query($f: ShiftFilter) { shifts(filter: $f) { id assignments { ${ASSIGNMENT_VIEW} } } }`;
export const CREATE_SHIFT = `mutation($i: CreateShiftInput!) { createShift(input: $i) { ${SHIFT_VIEW} } }`;
export const CREATE_SERIES_SHIFTS = `mutation($i: CreateSeriesShiftsInput!) { createSeriesShifts(input: $i) { ${SHIFT_VIEW} } }`;
export const CANCEL_SHIFT = `mutation($id: ID!) { cancelShift(id: $id) { id status } }`;
export const SIGN_UP = `mutation($s: ID!) { signUpForShift(shiftId: $s) { ${ASSIGNMENT_VIEW} } }`;
export const ASSIGN = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { ${ASSIGNMENT_VIEW} } }`;
export const DROP = `mutation($a: ID!) { dropShift(assignmentId: $a) { ${ASSIGNMENT_VIEW} } }`;
export const SWAP = `mutation($a: ID!, $v: ID!) { swapShift(assignmentId: $a, toVolunteerId: $v) { ${ASSIGNMENT_VIEW} } }`;
export const SWAP_REQUEST_VIEW = `id status assignmentId incoming shift { id } from { id displayName } to { id displayName }`;
export const SWAP_CANDIDATES = `query($a: ID!) { shiftSwapCandidates(assignmentId: $a) { id displayName } }`;
export const SWAP_REQUESTS = `{ shiftSwapRequests { ${SWAP_REQUEST_VIEW} } }`;
export const ACCEPT_SWAP = `mutation($r: ID!) { acceptShiftSwap(requestId: $r) { ${ASSIGNMENT_VIEW} } }`;
export const DECLINE_SWAP = `mutation($r: ID!) { declineShiftSwap(requestId: $r) { ${SWAP_REQUEST_VIEW} } }`;
export const WITHDRAW_SWAP = `mutation($r: ID!) { withdrawShiftSwap(requestId: $r) { ${SWAP_REQUEST_VIEW} } }`;
export const MARK = `mutation($a: ID!, $x: Boolean!) { markShiftAttendance(assignmentId: $a, attended: $x) { id status } }`;
export const TRAJECTORY_VIEW = `id kind referralChannel startsOn endsOn status notes participant { id firstName lastName phone } buddy { id } history { fromStatus toStatus note } followUps { recordedOn outcomes note }`;
export const TRAJECTORIES = `query($f: TrajectoryFilter) { trajectories(filter: $f) { ${TRAJECTORY_VIEW} } }`;
export const TRAJECTORY = `query($id: ID!) { trajectory(id: $id) { ${TRAJECTORY_VIEW} } }`;
export const CREATE_TRAJECTORY = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { ${TRAJECTORY_VIEW} } }`;
export const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { participant { id } } }`;

/** Every table a volunteers mutation could touch (the outbox for shift reminders included). */
export const TABLES = [
  'app_user',
  'participant',
  'session',
  'volunteer_profile',
  'volunteer_absence',
  'shift',
  'shift_assignment',
  'shift_swap_request',
  'trajectory',
  'trajectory_status_change',
  'trajectory_follow_up',
  'notification',
];

export const snapshot = (api: TestApi) => tableSnapshot(api.dataSource, TABLES);

/** None of the secrets appears anywhere in a result (data, errors and their extensions). */
export function expectNoLeak(result: GraphQLResult | Record<string, unknown>, ...secrets: string[]): void {
  const body = JSON.stringify(result);
  for (const secret of secrets) expect(body).not.toContain(secret);
}

export const isCoordinator = (who: Who) => who === 'admin' || who === 'coordinator';
export const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** The case's own day: one per row and role. */
export const dayOf = (c: Case, first = FIRST_DAY) => first.plus({ days: Number(c.tag.split('-')[0]) * WHO.length + c.column });
export const dateOf = (c: Case) => dayOf(c).toISODate()!;
export const iso = (day: DateTime, time: string) =>
  day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }).toISO({ suppressMilliseconds: true })!;
/** A Belgian mobile number of the case's own. */
export const phoneOf = (c: Case, offset = 0) => `+32470${String(100_000 + (Number(c.tag.split('-')[0]) * WHO.length + c.column) * 2 + offset)}`;

/**
 * The shared set-up of the volunteers scope specs: call inside their describe. It starts the API
 * over a database of its own, creates the fixture world, a second volunteer and two newcomers, and
 * returns the helpers the operations of each area use.
 */
export function setUpVolunteersScope() {
  let api: TestApi;
  let world: World;
  let otherVolunteerId: string;
  let newcomerId: string;
  let otherNewcomerId: string;

  const tokenOf = (who: Who): string | null => (who === 'anonymous' ? null : world.tokens[who]);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.admin).then(dataOf);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await api.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  const userOf = (who: Who) => world.userIds[who as FixtureRole];
  const volunteerId = () => world.userIds.volunteer;

  /** A session of the case's own day, 14:00-16:00 at the centre, hosted by host. */
  const createSession = (c: Case, title: string) => createSessionOn(dayOf(c), title);
  const createSessionOn = async (day: DateTime, title: string): Promise<{ id: string; startsAt: string; endsAt: string }> => {
    const input = sessionInput(world, { title, startsAt: iso(day, '14:00'), endsAt: iso(day, '16:00'), hostIds: [world.userIds.host] });
    const created = (await asAdmin(CREATE_SESSION, { i: input })).createSession;
    return { id: created.id, startsAt: created.startsAt, endsAt: created.endsAt };
  };
  /** A shift of two WELCOME places at a session of the case's own, hosted by host. */
  const createShift = async (c: Case): Promise<{ shiftId: string; sessionId: string; startsAt: string }> => {
    const session = await createSession(c, `Praattafel ${c.tag}`);
    const shift = (await asAdmin(CREATE_SHIFT, { i: { sessionId: session.id, role: 'WELCOME', needed: 2 } })).createShift;
    return { shiftId: shift.id, sessionId: session.id, startsAt: shift.startsAt };
  };
  const assign = async (shiftId: string, to: string): Promise<string> => (await asAdmin(ASSIGN, { s: shiftId, v: to })).assignVolunteer.id;
  const assignments = async (shiftId: string): Promise<string[]> =>
    (
      await api.dataSource.query<{ volunteer_id: string; status: string }[]>(
        `SELECT volunteer_id, status FROM shift_assignment WHERE shift_id = $1 ORDER BY volunteer_id, status`,
        [shiftId],
      )
    ).map((a) => `${a.volunteer_id === volunteerId() ? 'volunteer' : a.volunteer_id === otherVolunteerId ? 'otherVolunteer' : a.volunteer_id}:${a.status}`);
  const assignmentStatus = async (id: string): Promise<string> =>
    (await api.dataSource.query<{ status: string }[]>(`SELECT status FROM shift_assignment WHERE id = $1`, [id]))[0].status;
  const profileRow = async (userId: string) =>
    (
      await api.dataSource.query<
        { phone: string | null; neighbourhood: string | null; trainings: string[]; screening_status: string; calendar_token_hash: string | null }[]
      >(`SELECT phone, neighbourhood, trainings, screening_status, calendar_token_hash FROM volunteer_profile WHERE user_id = $1`, [userId])
    )[0] ?? null;
  const saveProfileAsAdmin = (userId: string, input: Record<string, unknown>) => asAdmin(SAVE_PROFILE, { v: userId, i: input });
  const feedStatus = async (path: string): Promise<number> => {
    const response = await fetch(`${api.baseUrl}${path}`);
    await response.text();
    return response.status;
  };
  /** A trajectory started on the case's day, MATCHED with a buddy. */
  const createTrajectory = async (c: Case, buddyId: string, participantId: string, notes: string): Promise<string> => {
    // A buddy has handed in their certificate of good conduct (VOLUNTEER_NOT_SCREENED otherwise).
    await saveProfileAsAdmin(buddyId, { screeningStatus: 'RECEIVED' });
    return (await asAdmin(CREATE_TRAJECTORY, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', buddyId, startsOn: dateOf(c), notes } }))
      .createTrajectory.id;
  };
  const trajectoryRow = async (id: string) =>
    (
      await api.dataSource.query<{ status: string; notes: string | null; ends_on: string | null }[]>(
        `SELECT status, notes, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM trajectory WHERE id = $1`,
        [id],
      )
    )[0];

  /** A request from the volunteer to another volunteer about the volunteer's shift of the case's day. */
  const askedByVolunteer = async (c: Case): Promise<{ shiftId: string; assignmentId: string; requestId: string }> => {
    const { shiftId } = await createShift(c);
    const assignmentId = await assign(shiftId, volunteerId());
    dataOf(await api.gql(SWAP, { a: assignmentId, v: otherVolunteerId }, world.tokens.volunteer));
    const [{ id }] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM shift_swap_request WHERE assignment_id = $1 AND status = 'PENDING'`, [
      assignmentId,
    ]);
    return { shiftId, assignmentId, requestId: id };
  };
  /** A request from another volunteer to the volunteer (written in SQL: the other volunteer has no token here). */
  const askedOfVolunteer = async (c: Case): Promise<{ shiftId: string; assignmentId: string; requestId: string }> => {
    const { shiftId } = await createShift(c);
    const assignmentId = await assign(shiftId, otherVolunteerId);
    const [{ id }] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO shift_swap_request (assignment_id, shift_id, from_volunteer_id, to_volunteer_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [assignmentId, shiftId, otherVolunteerId, volunteerId()],
    );
    return { shiftId, assignmentId, requestId: id };
  };
  const swapRequestStatus = async (id: string): Promise<string> =>
    (await api.dataSource.query<{ status: string }[]>(`SELECT status FROM shift_swap_request WHERE id = $1`, [id]))[0].status;

  /** A trajectory the volunteer is the buddy of (of NEWCOMER), for the coordinators-only mutations. */
  const buddyTrajectory = async (c: Case) => {
    const notes = `Intake ${c.tag}: zoekt werk in de zorg`;
    return { id: await createTrajectory(c, volunteerId(), newcomerId, notes), notes };
  };

  const reportArrange = async (c: Case) => {
    await createTrajectory(c, otherVolunteerId, otherNewcomerId, `Rapport ${c.tag}`);
    return { day: dateOf(c) };
  };
  const programmeArrange = async (c: Case) => {
    const session = await createSession(c, `Praattafel ${c.tag}`);
    await asAdmin(REGISTER, { i: { sessionId: session.id, participantId: newcomerId } });
    return { day: dateOf(c), month: dateOf(c).slice(0, 7) };
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    otherVolunteerId = (
      await asAdmin('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { ...OTHER_VOLUNTEER, password: FIXTURE_PASSWORD, roles: ['VOLUNTEER'] },
      })
    ).createUser.id;
    // The newcomers come to a Praattafel in 2028 (away from the case days) through the city.
    const { id: sessionId } = (
      await asAdmin(CREATE_SESSION, {
        i: sessionInput(world, { title: 'Praattafel onthaal', startsAt: '2028-06-06T19:00:00+02:00', endsAt: '2028-06-06T20:30:00+02:00' }),
      })
    ).createSession;
    const register = async (person: typeof NEWCOMER) =>
      (await asAdmin(REGISTER, { i: { sessionId, participant: { ...person, contactChannel: 'SMS', consentToContact: true } } })).registerParticipant.participant
        .id as string;
    newcomerId = await register(NEWCOMER);
    otherNewcomerId = await register(OTHER_NEWCOMER);
  });

  afterAll(() => api?.close());

  return {
    get api() {
      return api;
    },
    get world() {
      return world;
    },
    get otherVolunteerId() {
      return otherVolunteerId;
    },
    get newcomerId() {
      return newcomerId;
    },
    get otherNewcomerId() {
      return otherNewcomerId;
    },
    tokenOf,
    asAdmin,
    count,
    userOf,
    volunteerId,
    createSession,
    createSessionOn,
    createShift,
    assign,
    assignments,
    assignmentStatus,
    profileRow,
    saveProfileAsAdmin,
    feedStatus,
    createTrajectory,
    trajectoryRow,
    askedByVolunteer,
    askedOfVolunteer,
    swapRequestStatus,
    buddyTrajectory,
    reportArrange,
    programmeArrange,
  };
}

export type VolunteersScope = ReturnType<typeof setUpVolunteersScope>;
