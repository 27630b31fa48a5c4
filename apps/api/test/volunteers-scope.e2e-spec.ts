import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { CREATE_SERIES, CREATE_SESSION, createWorld, FIXTURE_PASSWORD, FixtureRole, sessionInput, World } from './fixtures';
import { dataOf, errorOf, GraphQLResult, startTestApi, TestApi } from './test-api';
import { Case, describeScopeMatrix, ScopedOperation, MatrixRow, ScopeOutcome, scopedOperation, OUTCOME, tableSnapshot, Who, WHO } from './scope-matrix';

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
type Outcome = ScopeOutcome;
type Row = MatrixRow<Outcome>;

const { A, O, H, F, U } = OUTCOME;

// prettier-ignore
const MATRIX = {
  //                                                                    anon admin coord host otherHost school otherSchool organiser volunteer
  // Profiles (phone, languages, skills, screening, trainings, periods away): the volunteer themself and coordinators.
  'volunteers':                                                         [U,   A,    A,    F,   F,        F,     F,          F,        F],
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
  // Reports and their CSVs: coordinators only.
  'trajectoryReport':                                                   [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'trajectoryReportCsv':                                                [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'programmeReport':                                                    [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'programmeReportCsv':                                                 [U,   A,    A,    F,   F,        F,     F,          F,        F],
} satisfies Record<string, Row>;

type OperationName = keyof typeof MATRIX;

const operation = scopedOperation;

const ZONE = 'Europe/Brussels';
/** The test clock's own "now" (startTestApi's default); markShiftAttendance moves it into the shift and back. */
const NOW = new Date('2026-08-15T10:00:00Z');
/** Case days: one per row and role from here on (about a year of days, all after NOW). */
const FIRST_DAY = DateTime.fromISO('2026-09-01', { zone: ZONE });
/** Series shifts (two weekly sessions) live in 2028, away from the case days. */
const FIRST_SERIES_DAY = DateTime.fromISO('2028-01-04', { zone: ZONE });
/** Periods away live in 2029, away from every shift. */
const FIRST_ABSENCE_DAY = DateTime.fromISO('2029-01-01', { zone: ZONE });

const OTHER_VOLUNTEER = { email: 'tweede.vrijwilliger@test.oefenkansen.be', displayName: 'Tweede vrijwilliger' };
/** Two newcomers (registered by the city) for trajectories: one the volunteer is buddy of, one another volunteer is. */
const NEWCOMER = { firstName: 'Amina', lastName: 'Haidari', phone: '+32470987654', preferredLanguage: 'ar' };
const OTHER_NEWCOMER = { firstName: 'Farid', lastName: 'Nazari', phone: '+32488112233', preferredLanguage: 'prs' };

const PROFILE_VIEW = `id phone languages skills availableWeekdays availableDayparts neighbourhood screeningStatus screeningDate trainings hasCalendarFeed volunteer { id email } absences { startsOn endsOn reason }`;
const PROFILE = `query($v: ID) { volunteerProfile(volunteerId: $v) { ${PROFILE_VIEW} } }`;
const SAVE_PROFILE = `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { ${PROFILE_VIEW} } }`;
const ADD_ABSENCE = `mutation($v: ID!, $i: AbsenceInput!) { addVolunteerAbsence(volunteerId: $v, input: $i) { id startsOn endsOn reason } }`;
const REMOVE_ABSENCE = `mutation($id: ID!) { removeVolunteerAbsence(id: $id) }`;
const ISSUE_FEED = `mutation($v: ID!) { issueCalendarFeed(volunteerId: $v) }`;
const REVOKE_FEED = `mutation($v: ID!) { revokeCalendarFeed(volunteerId: $v) }`;
const SHIFT_VIEW = `id title role needed filled openPlaces startsAt endsAt status seriesId notes session { id }`;
const ASSIGNMENT_VIEW = `id status startsAt shift { id } volunteer { id displayName email }`;
const SHIFTS = `query($f: ShiftFilter) { shifts(filter: $f) { ${SHIFT_VIEW} } }`;
const SHIFT_ASSIGNMENTS = `query($f: ShiftFilter) { shifts(filter: $f) { id assignments { ${ASSIGNMENT_VIEW} } } }`;
const CREATE_SHIFT = `mutation($i: CreateShiftInput!) { createShift(input: $i) { ${SHIFT_VIEW} } }`;
const CREATE_SERIES_SHIFTS = `mutation($i: CreateSeriesShiftsInput!) { createSeriesShifts(input: $i) { ${SHIFT_VIEW} } }`;
const CANCEL_SHIFT = `mutation($id: ID!) { cancelShift(id: $id) { id status } }`;
const SIGN_UP = `mutation($s: ID!) { signUpForShift(shiftId: $s) { ${ASSIGNMENT_VIEW} } }`;
const ASSIGN = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { ${ASSIGNMENT_VIEW} } }`;
const DROP = `mutation($a: ID!) { dropShift(assignmentId: $a) { ${ASSIGNMENT_VIEW} } }`;
const SWAP = `mutation($a: ID!, $v: ID!) { swapShift(assignmentId: $a, toVolunteerId: $v) { ${ASSIGNMENT_VIEW} } }`;
const SWAP_REQUEST_VIEW = `id status assignmentId incoming shift { id } from { id displayName } to { id displayName }`;
const SWAP_CANDIDATES = `query($a: ID!) { shiftSwapCandidates(assignmentId: $a) { id displayName } }`;
const SWAP_REQUESTS = `{ shiftSwapRequests { ${SWAP_REQUEST_VIEW} } }`;
const ACCEPT_SWAP = `mutation($r: ID!) { acceptShiftSwap(requestId: $r) { ${ASSIGNMENT_VIEW} } }`;
const DECLINE_SWAP = `mutation($r: ID!) { declineShiftSwap(requestId: $r) { ${SWAP_REQUEST_VIEW} } }`;
const WITHDRAW_SWAP = `mutation($r: ID!) { withdrawShiftSwap(requestId: $r) { ${SWAP_REQUEST_VIEW} } }`;
const MARK = `mutation($a: ID!, $x: Boolean!) { markShiftAttendance(assignmentId: $a, attended: $x) { id status } }`;
const TRAJECTORY_VIEW = `id kind referralChannel startsOn endsOn status notes participant { id firstName lastName phone } buddy { id } history { fromStatus toStatus note } followUps { recordedOn outcomes note }`;
const TRAJECTORIES = `query($f: TrajectoryFilter) { trajectories(filter: $f) { ${TRAJECTORY_VIEW} } }`;
const TRAJECTORY = `query($id: ID!) { trajectory(id: $id) { ${TRAJECTORY_VIEW} } }`;
const CREATE_TRAJECTORY = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { ${TRAJECTORY_VIEW} } }`;
const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { participant { id } } }`;

/** Every table a volunteers mutation could touch (the outbox for shift reminders included). */
const TABLES = ['app_user', 'participant', 'session', 'volunteer_profile', 'volunteer_absence', 'shift', 'shift_assignment', 'shift_swap_request', 'trajectory', 'trajectory_status_change', 'trajectory_follow_up', 'notification'];

const snapshot = (api: TestApi) => tableSnapshot(api.dataSource, TABLES);


/** None of the secrets appears anywhere in a result (data, errors and their extensions). */
function expectNoLeak(result: GraphQLResult | Record<string, unknown>, ...secrets: string[]): void {
  const body = JSON.stringify(result);
  for (const secret of secrets) expect(body).not.toContain(secret);
}

const isCoordinator = (who: Who) => who === 'admin' || who === 'coordinator';
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** The case's own day: one per row and role. */
const dayOf = (c: Case, first = FIRST_DAY) => first.plus({ days: Number(c.tag.split('-')[0]) * WHO.length + c.column });
const dateOf = (c: Case) => dayOf(c).toISODate()!;
const iso = (day: DateTime, time: string) => day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }).toISO({ suppressMilliseconds: true })!;
/** A Belgian mobile number of the case's own. */
const phoneOf = (c: Case, offset = 0) => `+32470${String(100_000 + (Number(c.tag.split('-')[0]) * WHO.length + c.column) * 2 + offset)}`;

describe('volunteers: role scope', () => {
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
    (await api.dataSource.query<{ volunteer_id: string; status: string }[]>(`SELECT volunteer_id, status FROM shift_assignment WHERE shift_id = $1 ORDER BY volunteer_id, status`, [shiftId])).map(
      (a) => `${a.volunteer_id === volunteerId() ? 'volunteer' : a.volunteer_id === otherVolunteerId ? 'otherVolunteer' : a.volunteer_id}:${a.status}`,
    );
  const assignmentStatus = async (id: string): Promise<string> => (await api.dataSource.query<{ status: string }[]>(`SELECT status FROM shift_assignment WHERE id = $1`, [id]))[0].status;
  const profileRow = async (userId: string) =>
    (
      await api.dataSource.query<{ phone: string | null; neighbourhood: string | null; trainings: string[]; screening_status: string; calendar_token_hash: string | null }[]>(
        `SELECT phone, neighbourhood, trainings, screening_status, calendar_token_hash FROM volunteer_profile WHERE user_id = $1`,
        [userId],
      )
    )[0] ?? null;
  const saveProfileAsAdmin = (userId: string, input: Record<string, unknown>) => asAdmin(SAVE_PROFILE, { v: userId, i: input });
  const feedStatus = async (path: string): Promise<number> => {
    const response = await fetch(`${api.baseUrl}${path}`);
    await response.text();
    return response.status;
  };
  /** A trajectory started on the case's day, MATCHED with a buddy. */
  const createTrajectory = async (c: Case, buddyId: string, participantId: string, notes: string): Promise<string> =>
    (await asAdmin(CREATE_TRAJECTORY, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', buddyId, startsOn: dateOf(c), notes } })).createTrajectory.id;
  const trajectoryRow = async (id: string) =>
    (await api.dataSource.query<{ status: string; notes: string | null; ends_on: string | null }[]>(`SELECT status, notes, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM trajectory WHERE id = $1`, [id]))[0];

  const profileOperation = (whose: () => string) =>
    operation<{ phone: string; training: string }>({
      arrange: async (c) => {
        const phone = phoneOf(c);
        const training = `Onthaal ${c.tag}`;
        await saveProfileAsAdmin(whose(), { phone, screeningStatus: 'RECEIVED', screeningDate: '2026-08-01', trainings: [training] });
        return { phone, training };
      },
      act: (_state, token) => api.gql(PROFILE, { v: whose() }, token),
      effect: async ({ phone, training }, data) => {
        expect(data.volunteerProfile).toMatchObject({ phone, screeningStatus: 'RECEIVED', screeningDate: '2026-08-01', trainings: [training], volunteer: { id: whose() } });
      },
      unchanged: async ({ phone, training }, result) => {
        expectNoLeak(result, phone, training, 'RECEIVED');
      },
    });

  /** Phone, languages, usual availability and neighbourhood: the volunteer's own to change. */
  const saveOwnProfileOperation = (whose: () => string) =>
    operation<{ neighbourhood: string; phone: string }>({
      arrange: async (c) => ({ neighbourhood: `Overleie ${c.tag}`, phone: phoneOf(c, 1) }),
      act: ({ neighbourhood, phone }, token) =>
        api.gql(SAVE_PROFILE, { v: whose(), i: { phone: phone.replace('+32', '0'), languages: ['NL', 'ar', 'nl'], availableWeekdays: [4, 2], availableDayparts: ['EVENING'], neighbourhood } }, token),
      effect: async ({ neighbourhood, phone }, data) => {
        expect(data.saveVolunteerProfile).toMatchObject({ phone, languages: ['nl', 'ar'], availableWeekdays: [2, 4], availableDayparts: ['EVENING'], neighbourhood, volunteer: { id: whose() } });
        expect(await profileRow(whose())).toMatchObject({ phone, neighbourhood });
      },
      unchanged: async ({ neighbourhood, phone }) => {
        const row = await profileRow(whose());
        expect(row?.phone).not.toBe(phone);
        expect(row?.neighbourhood).not.toBe(neighbourhood);
      },
    });

  const addAbsenceOperation = (whose: () => string) =>
    operation<{ startsOn: string; endsOn: string; reason: string }>({
      arrange: async (c) => {
        const day = dayOf(c, FIRST_ABSENCE_DAY);
        return { startsOn: day.toISODate()!, endsOn: day.plus({ days: 2 }).toISODate()!, reason: `Op reis ${c.tag}` };
      },
      act: ({ startsOn, endsOn, reason }, token) => api.gql(ADD_ABSENCE, { v: whose(), i: { startsOn, endsOn, reason } }, token),
      effect: async ({ startsOn, endsOn, reason }, data) => {
        expect(data.addVolunteerAbsence).toEqual({ id: expect.any(String), startsOn, endsOn, reason });
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE user_id = $1 AND reason = $2`, [whose(), reason])).toBe(1);
      },
      unchanged: async ({ reason }) => {
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE reason = $1`, [reason])).toBe(0);
      },
    });

  const removeAbsenceOperation = (whose: () => string) =>
    operation<{ id: string; reason: string }>({
      arrange: async (c) => {
        const day = dayOf(c, FIRST_ABSENCE_DAY);
        const reason = `Ziekenhuis ${c.tag}`;
        const { id } = (await asAdmin(ADD_ABSENCE, { v: whose(), i: { startsOn: day.toISODate(), endsOn: day.toISODate(), reason } })).addVolunteerAbsence;
        return { id, reason };
      },
      act: ({ id }, token) => api.gql(REMOVE_ABSENCE, { id }, token),
      effect: async ({ id }, data) => {
        expect(data.removeVolunteerAbsence).toBe(true);
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE id = $1`, [id])).toBe(0);
      },
      unchanged: async ({ id, reason }, result) => {
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE id = $1`, [id])).toBe(1);
        expectNoLeak(result, reason);
      },
    });

  /** The feed issued by a coordinator before the case: it keeps working unless the call went through. */
  const issueFeedOperation = (whose: () => string) =>
    operation<{ path: string; hash: string }>({
      arrange: async () => {
        const path = (await asAdmin(ISSUE_FEED, { v: whose() })).issueCalendarFeed as string;
        return { path, hash: (await profileRow(whose()))!.calendar_token_hash! };
      },
      act: (_state, token) => api.gql(ISSUE_FEED, { v: whose() }, token),
      effect: async ({ path }, data) => {
        expect(data.issueCalendarFeed).toMatch(/^\/calendar\/[A-Za-z0-9_-]{20,64}\.ics$/);
        expect(data.issueCalendarFeed).not.toBe(path);
        expect(await feedStatus(data.issueCalendarFeed)).toBe(200);
        expect(await feedStatus(path)).toBe(404);
      },
      unchanged: async ({ path, hash }, result) => {
        expect((await profileRow(whose()))!.calendar_token_hash).toBe(hash);
        expect(await feedStatus(path)).toBe(200);
        expectNoLeak(result, '/calendar/');
      },
    });

  const revokeFeedOperation = (whose: () => string) =>
    operation<{ path: string }>({
      arrange: async () => ({ path: (await asAdmin(ISSUE_FEED, { v: whose() })).issueCalendarFeed as string }),
      act: (_state, token) => api.gql(REVOKE_FEED, { v: whose() }, token),
      effect: async ({ path }, data) => {
        expect(data.revokeCalendarFeed).toBe(true);
        expect((await profileRow(whose()))!.calendar_token_hash).toBeNull();
        expect(await feedStatus(path)).toBe(404);
      },
      unchanged: async ({ path }) => {
        expect((await profileRow(whose()))!.calendar_token_hash).not.toBeNull();
        expect(await feedStatus(path)).toBe(200);
      },
    });

  /** A shift whose one assignment (of `whose`) is dropped: the place is open again. */
  const dropOperation = (whose: () => string) =>
    operation<{ shiftId: string; assignmentId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        return { shiftId, assignmentId: await assign(shiftId, whose()) };
      },
      act: ({ assignmentId }, token) => api.gql(DROP, { a: assignmentId }, token),
      effect: async ({ assignmentId, shiftId }, data) => {
        expect(data.dropShift).toMatchObject({ id: assignmentId, status: 'DROPPED', shift: { id: shiftId }, volunteer: { id: whose() } });
        expect(await assignmentStatus(assignmentId)).toBe('DROPPED');
      },
      unchanged: async ({ assignmentId }) => {
        expect(await assignmentStatus(assignmentId)).toBe('ASSIGNED');
      },
    });

  const swapOperation = (from: () => string, to: () => string) =>
    operation<{ shiftId: string; assignmentId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        return { shiftId, assignmentId: await assign(shiftId, from()) };
      },
      act: ({ assignmentId }, token) => api.gql(SWAP, { a: assignmentId, v: to() }, token),
      effect: async ({ assignmentId, shiftId }, data, { who }) => {
        if (who === 'volunteer') {
          // A volunteer's call asks the colleague: the shift stays theirs until the colleague accepts.
          expect(data.swapShift).toMatchObject({ id: assignmentId, status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: from() } });
          expect(await api.dataSource.query(`SELECT from_volunteer_id, to_volunteer_id, status FROM shift_swap_request WHERE assignment_id = $1`, [assignmentId])).toEqual([
            { from_volunteer_id: from(), to_volunteer_id: to(), status: 'PENDING' },
          ]);
          expectNoLeak(data, OTHER_VOLUNTEER.email);
          return;
        }
        expect(data.swapShift).toMatchObject({ id: expect.any(String), status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: to() } });
        expect(data.swapShift.id).not.toBe(assignmentId);
        expect(await assignmentStatus(assignmentId)).toBe('DROPPED');
        expect(await assignmentStatus(data.swapShift.id)).toBe('ASSIGNED');
      },
      unchanged: async ({ assignmentId, shiftId }) => {
        expect(await assignmentStatus(assignmentId)).toBe('ASSIGNED');
        expect(await count(`SELECT count(*) AS n FROM shift_assignment WHERE shift_id = $1`, [shiftId])).toBe(1);
      },
    });

  /** A request from the volunteer to another volunteer about the volunteer's shift of the case's day. */
  const askedByVolunteer = async (c: Case): Promise<{ shiftId: string; assignmentId: string; requestId: string }> => {
    const { shiftId } = await createShift(c);
    const assignmentId = await assign(shiftId, volunteerId());
    dataOf(await api.gql(SWAP, { a: assignmentId, v: otherVolunteerId }, world.tokens.volunteer));
    const [{ id }] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM shift_swap_request WHERE assignment_id = $1 AND status = 'PENDING'`, [assignmentId]);
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
  const swapRequestStatus = async (id: string): Promise<string> => (await api.dataSource.query<{ status: string }[]>(`SELECT status FROM shift_swap_request WHERE id = $1`, [id]))[0].status;

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

  const OPERATIONS: Record<OperationName, ScopedOperation<unknown>> = {
    volunteers: operation<null>({
      arrange: async () => null,
      act: (_state, token) => api.gql('{ volunteers { id email displayName roles } }', {}, token),
      effect: async (_state, data) => {
        expect(byId(data.volunteers)).toEqual(
          byId([
            { id: volunteerId(), email: 'volunteer@test.oefenkansen.be', displayName: 'volunteer', roles: ['VOLUNTEER'] },
            { id: otherVolunteerId, ...OTHER_VOLUNTEER, roles: ['VOLUNTEER'] },
          ]),
        );
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, OTHER_VOLUNTEER.email, OTHER_VOLUNTEER.displayName, otherVolunteerId);
      },
    }),

    'volunteerProfile (your own: no volunteerId)': operation<{ phone: string; otherPhone: string }>({
      arrange: async (c) => {
        const [phone, otherPhone] = [phoneOf(c), phoneOf(c, 1)];
        await Promise.all([saveProfileAsAdmin(volunteerId(), { phone }), saveProfileAsAdmin(otherVolunteerId, { phone: otherPhone })]);
        return { phone, otherPhone };
      },
      act: (_state, token) => api.gql(PROFILE, {}, token),
      effect: async () => undefined,
      // Everyone sees their own profile: the volunteer theirs, anyone else none.
      own: async ({ phone, otherPhone }, data, { who }) => {
        if (who === 'volunteer') expect(data.volunteerProfile).toMatchObject({ phone, volunteer: { id: volunteerId(), email: 'volunteer@test.oefenkansen.be' } });
        else expect(data.volunteerProfile).toBeNull();
        expectNoLeak(data, otherPhone, otherVolunteerId);
      },
      unchanged: async ({ phone, otherPhone }, result) => {
        expectNoLeak(result, phone, otherPhone);
      },
    }),

    'volunteerProfile(volunteerId: the volunteer)': profileOperation(volunteerId),
    'volunteerProfile(volunteerId: another volunteer)': profileOperation(() => otherVolunteerId),

    'saveVolunteerProfile (the volunteer: phone, languages, availability)': saveOwnProfileOperation(volunteerId),
    'saveVolunteerProfile (another volunteer)': saveOwnProfileOperation(() => otherVolunteerId),

    'saveVolunteerProfile (the volunteer: screening and trainings)': operation<{ training: string }>({
      arrange: async (c) => ({ training: `EHBO ${c.tag}` }),
      act: ({ training }, token) => api.gql(SAVE_PROFILE, { v: volunteerId(), i: { screeningStatus: 'RECEIVED', screeningDate: '2026-08-10', trainings: [training] } }, token),
      effect: async ({ training }, data) => {
        expect(data.saveVolunteerProfile).toMatchObject({ screeningStatus: 'RECEIVED', screeningDate: '2026-08-10', trainings: [training] });
        expect((await profileRow(volunteerId()))!.trainings).toEqual([training]);
      },
      unchanged: async ({ training }) => {
        expect((await profileRow(volunteerId()))?.trainings ?? []).not.toContain(training);
      },
    }),

    'addVolunteerAbsence (the volunteer)': addAbsenceOperation(volunteerId),
    'addVolunteerAbsence (another volunteer)': addAbsenceOperation(() => otherVolunteerId),
    "removeVolunteerAbsence (the volunteer's)": removeAbsenceOperation(volunteerId),
    "removeVolunteerAbsence (another volunteer's)": removeAbsenceOperation(() => otherVolunteerId),
    'issueCalendarFeed (the volunteer)': issueFeedOperation(volunteerId),
    'issueCalendarFeed (another volunteer)': issueFeedOperation(() => otherVolunteerId),
    'revokeCalendarFeed (the volunteer)': revokeFeedOperation(volunteerId),
    'revokeCalendarFeed (another volunteer)': revokeFeedOperation(() => otherVolunteerId),

    shifts: operation<{ shiftId: string; sessionId: string; startsAt: string }>({
      arrange: async (c) => {
        const shift = await createShift(c);
        await assign(shift.shiftId, otherVolunteerId);
        return shift;
      },
      act: ({ sessionId }, token) => api.gql(SHIFTS, { f: { sessionId } }, token),
      effect: async ({ shiftId, sessionId, startsAt }, data, c) => {
        expect(data.shifts).toEqual([
          {
            id: shiftId,
            title: `Praattafel ${c.tag}`,
            role: 'WELCOME',
            needed: 2,
            filled: 1,
            openPlaces: 1,
            startsAt,
            endsAt: iso(dayOf(c), '16:00'),
            status: 'OPEN',
            seriesId: null,
            notes: null,
            session: { id: sessionId },
          },
        ]);
      },
      unchanged: async ({ shiftId }, result) => {
        expectNoLeak(result, shiftId);
      },
    }),

    'Shift.assignments (at a session hosted by host)': operation<{ sessionId: string; shiftId: string; mine: string; theirs: string }>({
      arrange: async (c) => {
        const { shiftId, sessionId } = await createShift(c);
        return { sessionId, shiftId, mine: await assign(shiftId, volunteerId()), theirs: await assign(shiftId, otherVolunteerId) };
      },
      act: ({ sessionId }, token) => api.gql(SHIFT_ASSIGNMENTS, { f: { sessionId } }, token),
      effect: async ({ shiftId, mine, theirs }, data) => {
        expect(data.shifts).toHaveLength(1);
        expect(byId(data.shifts[0].assignments)).toEqual(
          byId([
            { id: mine, status: 'ASSIGNED', startsAt: expect.any(String), shift: { id: shiftId }, volunteer: { id: volunteerId(), displayName: 'volunteer', email: 'volunteer@test.oefenkansen.be' } },
            { id: theirs, status: 'ASSIGNED', startsAt: expect.any(String), shift: { id: shiftId }, volunteer: { id: otherVolunteerId, ...OTHER_VOLUNTEER } },
          ]),
        );
      },
      // A volunteer sees their own place, not who else takes the shift.
      own: async ({ shiftId, mine, theirs }, data) => {
        expect(data.shifts).toEqual([
          { id: shiftId, assignments: [{ id: mine, status: 'ASSIGNED', startsAt: expect.any(String), shift: { id: shiftId }, volunteer: { id: volunteerId(), displayName: 'volunteer', email: 'volunteer@test.oefenkansen.be' } }] },
        ]);
        expectNoLeak(data, theirs, otherVolunteerId, OTHER_VOLUNTEER.email, OTHER_VOLUNTEER.displayName);
      },
      unchanged: async ({ shiftId, mine, theirs }, result) => {
        if (result.data) expect(result.data.shifts).toEqual([{ id: shiftId, assignments: [] }]);
        expectNoLeak(result, mine, theirs, volunteerId(), otherVolunteerId, OTHER_VOLUNTEER.email, 'volunteer@test.oefenkansen.be');
      },
    }),

    myShifts: operation<{ shiftId: string; mine: string; theirs: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        return { shiftId, mine: await assign(shiftId, volunteerId()), theirs: await assign(shiftId, otherVolunteerId) };
      },
      act: (_state, token) => api.gql(`{ myShifts { ${ASSIGNMENT_VIEW} } }`, {}, token),
      effect: async () => undefined,
      // The volunteer's own places (this case's among them); anyone else holds none.
      own: async ({ shiftId, mine, theirs }, data, { who }) => {
        if (who === 'volunteer') {
          expect(data.myShifts).toContainEqual({ id: mine, status: 'ASSIGNED', startsAt: expect.any(String), shift: { id: shiftId }, volunteer: { id: volunteerId(), displayName: 'volunteer', email: 'volunteer@test.oefenkansen.be' } });
          for (const assignment of data.myShifts) expect(assignment.volunteer.id).toBe(volunteerId());
        } else {
          expect(data.myShifts).toEqual([]);
        }
        expectNoLeak(data, theirs, otherVolunteerId, OTHER_VOLUNTEER.email);
      },
      unchanged: async ({ mine, theirs }, result) => {
        expectNoLeak(result, mine, theirs);
      },
    }),

    openShifts: operation<{ shiftId: string }>({
      arrange: async (c) => {
        // No skills or usual days on the volunteer's profile: every shift with a free place fits.
        await saveProfileAsAdmin(volunteerId(), { languages: [], skills: [], availableWeekdays: [], availableDayparts: [] });
        return { shiftId: (await createShift(c)).shiftId };
      },
      act: (_state, token) => api.gql(`{ openShifts { id title openPlaces assignments { id } } }`, {}, token),
      effect: async ({ shiftId }, data, c) => {
        expect(data.openShifts).toContainEqual({ id: shiftId, title: `Praattafel ${c.tag}`, openPlaces: 2, assignments: [] });
        // Only what is still open: never a shift the volunteer already holds.
        for (const shift of data.openShifts) expect(shift.openPlaces).toBeGreaterThan(0);
      },
      unchanged: async ({ shiftId }, result) => {
        expectNoLeak(result, shiftId);
      },
    }),

    suggestVolunteers: operation<{ shiftId: string; phone: string }>({
      arrange: async (c) => {
        const phone = phoneOf(c);
        await saveProfileAsAdmin(otherVolunteerId, { phone, skills: ['WELCOME'] });
        return { shiftId: (await createShift(c)).shiftId, phone };
      },
      act: ({ shiftId }, token) => api.gql(`query($s: ID!) { suggestVolunteers(shiftId: $s) { volunteer { id email } score hasSkill } }`, { s: shiftId }, token),
      effect: async (_state, data) => {
        const suggested = data.suggestVolunteers as { volunteer: { id: string }; hasSkill: boolean }[];
        expect(suggested.map((s) => s.volunteer.id).sort()).toEqual([volunteerId(), otherVolunteerId].sort());
        expect(suggested.find((s) => s.volunteer.id === otherVolunteerId)!.hasSkill).toBe(true);
      },
      unchanged: async ({ phone }, result) => {
        expectNoLeak(result, phone, otherVolunteerId, volunteerId(), OTHER_VOLUNTEER.email);
      },
    }),

    'createShift (at a session hosted by host)': operation<{ sessionId: string; startsAt: string; endsAt: string; notes: string }>({
      arrange: async (c) => {
        const session = await createSession(c, `Praattafel ${c.tag}`);
        return { sessionId: session.id, startsAt: session.startsAt, endsAt: session.endsAt, notes: `Koffie zetten ${c.tag}` };
      },
      act: ({ sessionId, notes }, token) => api.gql(CREATE_SHIFT, { i: { sessionId, role: 'HOST', needed: 1, languages: ['AR'], notes } }, token),
      effect: async ({ sessionId, startsAt, endsAt, notes }, data, c) => {
        // Title and times default to the session's.
        expect(data.createShift).toMatchObject({ title: `Praattafel ${c.tag}`, role: 'HOST', needed: 1, filled: 0, openPlaces: 1, startsAt, endsAt, status: 'OPEN', notes, session: { id: sessionId } });
        expect(await count(`SELECT count(*) AS n FROM shift WHERE session_id = $1 AND created_by_id = $2 AND languages = '{ar}'`, [sessionId, userOf(c.who)])).toBe(1);
      },
      unchanged: async ({ sessionId }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE session_id = $1`, [sessionId])).toBe(0);
      },
    }),

    'createShift (outside a session)': operation<{ title: string; startsAt: string; endsAt: string }>({
      arrange: async (c) => ({ title: `Opbouw podium ${c.tag}`, startsAt: iso(dayOf(c), '08:00'), endsAt: iso(dayOf(c), '11:00') }),
      act: ({ title, startsAt, endsAt }, token) => api.gql(CREATE_SHIFT, { i: { title, role: 'SETUP', needed: 4, startsAt, endsAt } }, token),
      effect: async ({ title, startsAt, endsAt }, data) => {
        expect(data.createShift).toMatchObject({ title, role: 'SETUP', needed: 4, openPlaces: 4, startsAt, endsAt, session: null });
        expect(await count(`SELECT count(*) AS n FROM shift WHERE title = $1`, [title])).toBe(1);
      },
      unchanged: async ({ title }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE title = $1`, [title])).toBe(0);
      },
    }),

    'createSeriesShifts (a series hosted by host)': operation<{ seriesId: string; sessionIds: string[] }>({
      arrange: async (c) => {
        // Two weekly sessions in 2028 (a fortnight per role), away from every case day.
        const first = FIRST_SERIES_DAY.plus({ days: c.column * 14 });
        const series = (
          await asAdmin(CREATE_SERIES, {
            i: { programmeId: world.praattafelId, venueId: world.centreVenueId, title: `Reeks ${c.tag}`, rrule: 'FREQ=WEEKLY;COUNT=2', firstStartsAt: iso(first, '19:00'), durationMinutes: 90, hostIds: [world.userIds.host] },
          })
        ).createSessionSeries;
        return { seriesId: series.id, sessionIds: series.sessions.map((s: { id: string }) => s.id) };
      },
      act: ({ seriesId }, token) => api.gql(CREATE_SERIES_SHIFTS, { i: { seriesId, role: 'CHILDCARE', needed: 1 } }, token),
      effect: async ({ seriesId, sessionIds }, data) => {
        expect(data.createSeriesShifts.map((s: { session: { id: string } }) => s.session.id)).toEqual(sessionIds);
        for (const shift of data.createSeriesShifts) expect(shift).toMatchObject({ role: 'CHILDCARE', needed: 1, seriesId, status: 'OPEN' });
        expect(await count(`SELECT count(*) AS n FROM shift WHERE series_id = $1`, [seriesId])).toBe(2);
      },
      unchanged: async ({ seriesId }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE series_id = $1`, [seriesId])).toBe(0);
      },
    }),

    'cancelShift (at a session hosted by host)': operation<{ shiftId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        await assign(shiftId, otherVolunteerId);
        return { shiftId };
      },
      act: ({ shiftId }, token) => api.gql(CANCEL_SHIFT, { id: shiftId }, token),
      effect: async ({ shiftId }, data) => {
        expect(data.cancelShift).toEqual({ id: shiftId, status: 'CANCELLED' });
        // Its volunteer is released.
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:DROPPED']);
      },
      unchanged: async ({ shiftId }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE id = $1 AND status = 'OPEN'`, [shiftId])).toBe(1);
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
      },
    }),

    signUpForShift: operation<{ shiftId: string }>({
      arrange: async (c) => ({ shiftId: (await createShift(c)).shiftId }),
      act: ({ shiftId }, token) => api.gql(SIGN_UP, { s: shiftId }, token),
      effect: async ({ shiftId }, data) => {
        expect(data.signUpForShift).toMatchObject({ status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: volunteerId() } });
        expect(await assignments(shiftId)).toEqual(['volunteer:ASSIGNED']);
      },
      unchanged: async ({ shiftId }) => {
        expect(await assignments(shiftId)).toEqual([]);
      },
    }),

    'assignVolunteer (another volunteer, at a session hosted by host)': operation<{ shiftId: string }>({
      arrange: async (c) => ({ shiftId: (await createShift(c)).shiftId }),
      act: ({ shiftId }, token) => api.gql(ASSIGN, { s: shiftId, v: otherVolunteerId }, token),
      effect: async ({ shiftId }, data, { who }) => {
        expect(data.assignVolunteer).toMatchObject({ status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: otherVolunteerId } });
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
        expect(await count(`SELECT count(*) AS n FROM shift_assignment WHERE shift_id = $1 AND assigned_by_id = $2`, [shiftId, userOf(who)])).toBe(1);
      },
      unchanged: async ({ shiftId }, result) => {
        expect(await assignments(shiftId)).toEqual([]);
        expectNoLeak(result, OTHER_VOLUNTEER.email, OTHER_VOLUNTEER.displayName);
      },
    }),

    "dropShift (the volunteer's assignment)": dropOperation(volunteerId),
    "dropShift (another volunteer's assignment)": dropOperation(() => otherVolunteerId),
    "swapShift (the volunteer's assignment, to another volunteer)": swapOperation(volunteerId, () => otherVolunteerId),
    "swapShift (another volunteer's assignment, to the volunteer)": swapOperation(() => otherVolunteerId, volunteerId),

    "shiftSwapCandidates (the volunteer's assignment)": operation<{ assignmentId: string }>({
      arrange: async (c) => ({ assignmentId: await assign((await createShift(c)).shiftId, volunteerId()) }),
      act: ({ assignmentId }, token) => api.gql(SWAP_CANDIDATES, { a: assignmentId }, token),
      effect: async (_, data) => {
        expect(data.shiftSwapCandidates).toEqual(expect.arrayContaining([{ id: otherVolunteerId, displayName: OTHER_VOLUNTEER.displayName }]));
        expect(data.shiftSwapCandidates.map((c: { id: string }) => c.id)).not.toContain(volunteerId());
        expectNoLeak(data, OTHER_VOLUNTEER.email);
      },
      unchanged: async (_, result) => expectNoLeak(result, OTHER_VOLUNTEER.displayName),
    }),
    shiftSwapRequests: operation<{ requestId: string }>({
      arrange: async (c) => ({ requestId: (await askedByVolunteer(c)).requestId }),
      act: (_, token) => api.gql(SWAP_REQUESTS, {}, token),
      effect: async ({ requestId }, data) => {
        expect(data.shiftSwapRequests).toEqual(expect.arrayContaining([expect.objectContaining({ id: requestId, status: 'PENDING', incoming: false, to: { id: otherVolunteerId, displayName: OTHER_VOLUNTEER.displayName } })]));
        expectNoLeak(data, OTHER_VOLUNTEER.email);
      },
      unchanged: async (_, result) => expectNoLeak(result, OTHER_VOLUNTEER.displayName),
    }),
    'acceptShiftSwap (asked of the volunteer)': operation<{ shiftId: string; assignmentId: string; requestId: string }>({
      arrange: askedOfVolunteer,
      act: ({ requestId }, token) => api.gql(ACCEPT_SWAP, { r: requestId }, token),
      effect: async ({ shiftId, assignmentId, requestId }, data) => {
        expect(data.acceptShiftSwap).toMatchObject({ status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: volunteerId() } });
        expect(await assignmentStatus(assignmentId)).toBe('DROPPED');
        expect((await assignments(shiftId)).sort()).toEqual(['otherVolunteer:DROPPED', 'volunteer:ASSIGNED']);
        expect(await swapRequestStatus(requestId)).toBe('ACCEPTED');
      },
      unchanged: async ({ shiftId, requestId }) => {
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
        expect(await swapRequestStatus(requestId)).toBe('PENDING');
      },
    }),
    'declineShiftSwap (asked of the volunteer)': operation<{ shiftId: string; requestId: string }>({
      arrange: askedOfVolunteer,
      act: ({ requestId }, token) => api.gql(DECLINE_SWAP, { r: requestId }, token),
      effect: async ({ shiftId, requestId }, data) => {
        expect(data.declineShiftSwap).toMatchObject({ id: requestId, status: 'DECLINED', incoming: true, from: { id: otherVolunteerId, displayName: OTHER_VOLUNTEER.displayName } });
        expectNoLeak(data, OTHER_VOLUNTEER.email);
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
      },
      unchanged: async ({ requestId }) => expect(await swapRequestStatus(requestId)).toBe('PENDING'),
    }),
    "withdrawShiftSwap (the volunteer's request)": operation<{ shiftId: string; requestId: string }>({
      arrange: askedByVolunteer,
      act: ({ requestId }, token) => api.gql(WITHDRAW_SWAP, { r: requestId }, token),
      effect: async ({ shiftId, requestId }, data) => {
        expect(data.withdrawShiftSwap).toMatchObject({ id: requestId, status: 'WITHDRAWN' });
        expect(await assignments(shiftId)).toEqual(['volunteer:ASSIGNED']);
      },
      unchanged: async ({ requestId }) => expect(await swapRequestStatus(requestId)).toBe('PENDING'),
    }),

    'markShiftAttendance (at a session hosted by host, once begun)': operation<{ assignmentId: string; startsAt: string }>({
      arrange: async (c) => {
        const { shiftId, startsAt } = await createShift(c);
        return { assignmentId: await assign(shiftId, volunteerId()), startsAt };
      },
      act: async ({ assignmentId, startsAt }, token) => {
        // Half an hour into the shift; the clock goes back whatever happens.
        api.clock.set(new Date(new Date(startsAt).getTime() + 30 * 60_000));
        try {
          return await api.gql(MARK, { a: assignmentId, x: true }, token);
        } finally {
          api.clock.set(NOW);
        }
      },
      effect: async ({ assignmentId }, data) => {
        expect(data.markShiftAttendance).toEqual({ id: assignmentId, status: 'ATTENDED' });
        expect(await assignmentStatus(assignmentId)).toBe('ATTENDED');
      },
      unchanged: async ({ assignmentId }) => {
        expect(await assignmentStatus(assignmentId)).toBe('ASSIGNED');
      },
    }),

    trajectories: operation<{ day: string; mine: string; theirs: string; myNotes: string; theirNotes: string }>({
      arrange: async (c) => {
        const [myNotes, theirNotes] = [`Buddy ${c.tag}: wil fietsen leren`, `Buddy ${c.tag}: zoekt een huisarts`];
        const [mine, theirs] = await Promise.all([createTrajectory(c, volunteerId(), newcomerId, myNotes), createTrajectory(c, otherVolunteerId, otherNewcomerId, theirNotes)]);
        return { day: dateOf(c), mine, theirs, myNotes, theirNotes };
      },
      act: ({ day }, token) => api.gql(TRAJECTORIES, { f: { startsFrom: day, startsTo: day } }, token),
      effect: async ({ mine, theirs, myNotes, theirNotes }, data) => {
        const view = (t: { id: string; notes: string; participant: { lastName: string }; buddy: { id: string } }) => ({ id: t.id, notes: t.notes, lastName: t.participant.lastName, buddyId: t.buddy.id });
        expect(byId(data.trajectories.map(view))).toEqual(
          byId([
            { id: mine, notes: myNotes, lastName: NEWCOMER.lastName, buddyId: volunteerId() },
            { id: theirs, notes: theirNotes, lastName: OTHER_NEWCOMER.lastName, buddyId: otherVolunteerId },
          ]),
        );
      },
      // A buddy sees their own trajectories, with their newcomer's contact details; not another buddy's.
      own: async ({ mine, theirs, myNotes, theirNotes }, data) => {
        expect(data.trajectories).toHaveLength(1);
        expect(data.trajectories[0]).toMatchObject({ id: mine, notes: myNotes, status: 'MATCHED', participant: { id: newcomerId, firstName: NEWCOMER.firstName, lastName: NEWCOMER.lastName, phone: NEWCOMER.phone }, buddy: { id: volunteerId() } });
        expectNoLeak(data, theirs, theirNotes, OTHER_NEWCOMER.lastName, OTHER_NEWCOMER.phone, otherVolunteerId);
      },
      unchanged: async ({ mine, theirs, myNotes, theirNotes }, result) => {
        expectNoLeak(result, mine, theirs, myNotes, theirNotes, NEWCOMER.lastName, NEWCOMER.phone, OTHER_NEWCOMER.lastName, OTHER_NEWCOMER.phone);
      },
    }),

    'trajectory (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) => api.gql(TRAJECTORY, { id }, token),
      effect: async ({ id, notes }, data, c) => {
        expect(data.trajectory).toEqual({
          id,
          kind: 'BUDDY',
          referralChannel: 'FMDO',
          startsOn: dateOf(c),
          endsOn: null,
          status: 'MATCHED',
          notes,
          participant: { id: newcomerId, firstName: NEWCOMER.firstName, lastName: NEWCOMER.lastName, phone: NEWCOMER.phone },
          buddy: { id: volunteerId() },
          history: [{ fromStatus: null, toStatus: 'MATCHED', note: null }],
          followUps: [],
        });
      },
      unchanged: async ({ notes }, result) => {
        expectNoLeak(result, notes, NEWCOMER.lastName, NEWCOMER.phone);
      },
    }),

    'trajectory (another volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: async (c) => {
        const notes = `Intake ${c.tag}: wil Nederlands oefenen`;
        return { id: await createTrajectory(c, otherVolunteerId, otherNewcomerId, notes), notes };
      },
      act: ({ id }, token) => api.gql(TRAJECTORY, { id }, token),
      effect: async ({ id, notes }, data) => {
        expect(data.trajectory).toMatchObject({ id, notes, participant: { id: otherNewcomerId, lastName: OTHER_NEWCOMER.lastName }, buddy: { id: otherVolunteerId } });
      },
      unchanged: async ({ notes }, result) => {
        expectNoLeak(result, notes, OTHER_NEWCOMER.lastName, OTHER_NEWCOMER.phone, otherVolunteerId);
      },
    }),

    suggestBuddies: operation<{ neighbourhood: string; phone: string }>({
      arrange: async (c) => {
        const [neighbourhood, phone] = [`Lange Munte ${c.tag}`, phoneOf(c)];
        await saveProfileAsAdmin(otherVolunteerId, { phone, languages: ['ar', 'nl'], skills: ['BUDDY'], neighbourhood });
        return { neighbourhood, phone };
      },
      act: ({ neighbourhood }, token) =>
        api.gql(`query($p: ID!, $n: String) { suggestBuddies(participantId: $p, neighbourhood: $n) { buddy { id email } sharedLanguages sameNeighbourhood } }`, { p: newcomerId, n: neighbourhood }, token),
      effect: async (_state, data) => {
        expect(data.suggestBuddies).toContainEqual({ buddy: { id: otherVolunteerId, email: OTHER_VOLUNTEER.email }, sharedLanguages: ['ar'], sameNeighbourhood: true });
      },
      unchanged: async ({ neighbourhood, phone }, result) => {
        expectNoLeak(result, neighbourhood, phone, otherVolunteerId, OTHER_VOLUNTEER.email);
      },
    }),

    createTrajectory: operation<{ notes: string }>({
      arrange: async (c) => ({ notes: `Nieuw traject ${c.tag}` }),
      act: ({ notes }, token) => api.gql(CREATE_TRAJECTORY, { i: { participantId: newcomerId, kind: 'VOLUNTEERING', referralChannel: 'INTEGRATION_AGENCY', buddyId: volunteerId(), startsOn: '2026-09-01', notes } }, token),
      effect: async ({ notes }, data, { who }) => {
        expect(data.createTrajectory).toMatchObject({ kind: 'VOLUNTEERING', status: 'MATCHED', notes, participant: { id: newcomerId }, buddy: { id: volunteerId() }, history: [{ fromStatus: null, toStatus: 'MATCHED', note: null }] });
        expect(await count(`SELECT count(*) AS n FROM trajectory WHERE notes = $1 AND created_by_id = $2`, [notes, userOf(who)])).toBe(1);
      },
      unchanged: async ({ notes }, result) => {
        expect(await count(`SELECT count(*) AS n FROM trajectory WHERE notes = $1`, [notes])).toBe(0);
        expectNoLeak(result, NEWCOMER.lastName, NEWCOMER.phone);
      },
    }),

    'updateTrajectory (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) => api.gql(`mutation($id: ID!, $i: UpdateTrajectoryInput!) { updateTrajectory(id: $id, input: $i) { id notes endsOn buddy { id } } }`, { id, i: { notes: 'Gewijzigd', endsOn: '2027-12-31', buddyId: otherVolunteerId } }, token),
      effect: async ({ id }, data) => {
        expect(data.updateTrajectory).toEqual({ id, notes: 'Gewijzigd', endsOn: '2027-12-31', buddy: { id: otherVolunteerId } });
        expect(await trajectoryRow(id)).toEqual({ status: 'MATCHED', notes: 'Gewijzigd', ends_on: '2027-12-31' });
      },
      unchanged: async ({ id, notes }, result) => {
        expect(await trajectoryRow(id)).toEqual({ status: 'MATCHED', notes, ends_on: null });
        expectNoLeak(result, notes);
      },
    }),

    'changeTrajectoryStatus (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) => api.gql(`mutation($id: ID!, $s: TrajectoryStatus!, $n: String) { changeTrajectoryStatus(id: $id, status: $s, note: $n) { id status history { fromStatus toStatus note } } }`, { id, s: 'ACTIVE', n: 'Eerste afspraak gehad' }, token),
      effect: async ({ id }, data) => {
        expect(data.changeTrajectoryStatus).toEqual({ id, status: 'ACTIVE', history: [{ fromStatus: null, toStatus: 'MATCHED', note: null }, { fromStatus: 'MATCHED', toStatus: 'ACTIVE', note: 'Eerste afspraak gehad' }] });
        expect((await trajectoryRow(id)).status).toBe('ACTIVE');
      },
      unchanged: async ({ id, notes }, result) => {
        expect((await trajectoryRow(id)).status).toBe('MATCHED');
        expect(await count(`SELECT count(*) AS n FROM trajectory_status_change WHERE trajectory_id = $1`, [id])).toBe(1);
        expectNoLeak(result, notes);
      },
    }),

    'addTrajectoryFollowUp (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) =>
        api.gql(`mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id recordedOn outcomes note } }`, { id, i: { recordedOn: '2027-12-01', outcomes: ['FOUND_WORK', 'STAYED_MEMBER'], note: 'Werkt bij de bakker' } }, token),
      effect: async ({ id }, data) => {
        expect(data.addTrajectoryFollowUp).toEqual({ id: expect.any(String), recordedOn: '2027-12-01', outcomes: ['FOUND_WORK', 'STAYED_MEMBER'], note: 'Werkt bij de bakker' });
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE trajectory_id = $1`, [id])).toBe(1);
      },
      unchanged: async ({ id, notes }, result) => {
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE trajectory_id = $1`, [id])).toBe(0);
        expectNoLeak(result, notes);
      },
    }),

    trajectoryReport: operation<{ day: string }>({
      arrange: reportArrange,
      act: ({ day }, token) => api.gql(`query($f: Date!, $t: Date!) { trajectoryReport(from: $f, to: $t) { from to total byKind { key count } byReferralChannel { key count } byStatus { key count } } }`, { f: day, t: day }, token),
      effect: async ({ day }, data) => {
        const report = data.trajectoryReport;
        expect([report.from, report.to, report.total]).toEqual([day, day, 1]);
        // Every category appears, with 0 where nothing happened.
        expect(report.byKind).toContainEqual({ key: 'BUDDY', count: 1 });
        expect(report.byKind).toContainEqual({ key: 'INTERNSHIP', count: 0 });
        expect(report.byReferralChannel).toContainEqual({ key: 'FMDO', count: 1 });
        expect(report.byStatus).toContainEqual({ key: 'MATCHED', count: 1 });
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'BUDDY', 'FMDO');
      },
    }),

    trajectoryReportCsv: operation<{ day: string }>({
      arrange: reportArrange,
      act: ({ day }, token) => api.gql(`query($f: Date!, $t: Date!) { trajectoryReportCsv(from: $f, to: $t) }`, { f: day, t: day }, token),
      effect: async (_state, data) => {
        const rows = parse(data.trajectoryReportCsv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
        expect(rows).toContainEqual({ dimension: 'total', value: 'ALL', trajectories: '1' });
        expect(rows).toContainEqual({ dimension: 'kind', value: 'BUDDY', trajectories: '1' });
        expect(rows).toContainEqual({ dimension: 'referral_channel', value: 'FMDO', trajectories: '1' });
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'dimension', 'FMDO');
      },
    }),

    programmeReport: operation<{ day: string; month: string }>({
      arrange: programmeArrange,
      act: ({ day }, token) =>
        api.gql(`query($f: Date!, $t: Date!, $p: ID) { programmeReport(from: $f, to: $t, programmeId: $p) { programmeId programmeName month sessionsHeld seatsOffered confirmed attended noShows waitlisted } }`, { f: day, t: day, p: world.praattafelId }, token),
      effect: async ({ month }, data) => {
        expect(data.programmeReport).toEqual([{ programmeId: world.praattafelId, programmeName: 'Praattafel', month, sessionsHeld: 1, seatsOffered: 10, confirmed: 1, attended: 0, noShows: 0, waitlisted: 0 }]);
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'seatsOffered', world.praattafelId);
      },
    }),

    programmeReportCsv: operation<{ day: string; month: string }>({
      arrange: programmeArrange,
      act: ({ day }, token) => api.gql(`query($f: Date!, $t: Date!) { programmeReportCsv(from: $f, to: $t) }`, { f: day, t: day }, token),
      effect: async ({ month }, data) => {
        expect(parse(data.programmeReportCsv, { columns: true, delimiter: ';', bom: true })).toEqual([{ programme: 'Praattafel', month, sessions_held: '1', seats_offered: '10', confirmed: '1', attended: '0', no_shows: '0', waitlisted: '0' }]);
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'sessions_held', 'Praattafel');
      },
    }),
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    otherVolunteerId = (await asAdmin('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { ...OTHER_VOLUNTEER, password: FIXTURE_PASSWORD, roles: ['VOLUNTEER'] } })).createUser.id;
    // The newcomers come to a Praattafel in 2028 (away from the case days) through the city.
    const { id: sessionId } = (await asAdmin(CREATE_SESSION, { i: sessionInput(world, { title: 'Praattafel onthaal', startsAt: '2028-06-06T19:00:00+02:00', endsAt: '2028-06-06T20:30:00+02:00' }) })).createSession;
    const register = async (person: typeof NEWCOMER) =>
      (await asAdmin(REGISTER, { i: { sessionId, participant: { ...person, contactChannel: 'SMS', consentToContact: true } } })).registerParticipant.participant.id as string;
    newcomerId = await register(NEWCOMER);
    otherNewcomerId = await register(OTHER_NEWCOMER);
  });

  afterAll(() => api?.close());

  it('has an operation for every row of the matrix and a row for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
    // A row that expects `own` says what the caller sees.
    for (const [name, row] of Object.entries(MATRIX)) if ((row as Outcome[]).includes(O)) expect([name, typeof OPERATIONS[name as OperationName].own]).toEqual([name, 'function']);
  });

  it('has a row for every volunteers, shifts, trajectories and reports query and mutation of the schema', async () => {
    const schema = dataOf(await api.gql(`{ query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } } }`, {}, null));
    const areaFields = [...schema.query.fields, ...schema.mutation.fields].map((f: { name: string }) => f.name).filter((name: string) => /shift|volunteer|trajector|buddies|report|calendarFeed/i.test(name));
    const covered = new Set(Object.keys(MATRIX).map((row) => row.split(/[ (]/)[0]));
    // Shift.assignments is a field of a type, not an operation.
    expect(areaFields.sort()).toEqual([...covered].filter((name) => !name.includes('.')).sort());
    expect(areaFields).toHaveLength(35);
  });

  /**
   * A host may put a volunteer on their session's shift and a volunteer may hand theirs to a colleague,
   * but when and why that volunteer is away, or which other shift they hold, is for the volunteer
   * and coordinators: the refusal says only that the volunteer is not available then.
   */
  describe('what a refusal to put someone on a shift tells', () => {
    const day = DateTime.fromISO('2028-10-03', { zone: ZONE });
    const refusals = async (shiftId: string, assignmentId: string) => {
      const before = await snapshot(api);
      const results = {
        volunteer: await api.gql(SWAP, { a: assignmentId, v: otherVolunteerId }, world.tokens.volunteer),
        host: await api.gql(ASSIGN, { s: shiftId, v: otherVolunteerId }, world.tokens.host),
        coordinator: await api.gql(ASSIGN, { s: shiftId, v: otherVolunteerId }, world.tokens.coordinator),
      };
      for (const result of Object.values(results)) expect(errorOf(result).code).toBe('VOLUNTEER_UNAVAILABLE');
      expect(await snapshot(api)).toEqual(before);
      return results;
    };

    it('does not tell a host or a colleague when the volunteer is away', async () => {
      const session = await createSessionOn(day, 'Praattafel oktober');
      const shiftId = (await asAdmin(CREATE_SHIFT, { i: { sessionId: session.id, role: 'WELCOME', needed: 2 } })).createShift.id;
      const assignmentId = await assign(shiftId, volunteerId());
      await asAdmin(ADD_ABSENCE, { v: otherVolunteerId, i: { startsOn: '2028-10-02', endsOn: '2028-10-04', reason: 'Operatie aan de knie' } });

      const { volunteer, host, coordinator } = await refusals(shiftId, assignmentId);
      // A colleague asking is not even told which of the two it is.
      expect(errorOf(volunteer).extensions.reason).toBeUndefined();
      expect(errorOf(host).extensions).toMatchObject({ reason: 'AWAY' });
      for (const result of [volunteer, host]) {
        expectNoLeak(result, '2028-10-02', '2028-10-04', 'Operatie', OTHER_VOLUNTEER.displayName);
      }
      expect(errorOf(coordinator).message).toContain('away from 2028-10-02 to 2028-10-04');
      expectNoLeak(coordinator, 'Operatie');
    });

    it("does not tell a host or a colleague which other shift the volunteer holds", async () => {
      const later = day.plus({ days: 7 });
      const session = await createSessionOn(later, 'Praattafel later in oktober');
      const shiftId = (await asAdmin(CREATE_SHIFT, { i: { sessionId: session.id, role: 'WELCOME', needed: 2 } })).createShift.id;
      const assignmentId = await assign(shiftId, volunteerId());
      const elsewhere = (await asAdmin(CREATE_SHIFT, { i: { title: 'Tolken bij de huisarts', role: 'TRANSLATOR', needed: 1, startsAt: iso(later, '14:30'), endsAt: iso(later, '15:30') } })).createShift.id;
      await assign(elsewhere, otherVolunteerId);

      const { volunteer, host, coordinator } = await refusals(shiftId, assignmentId);
      expect(errorOf(volunteer).extensions.reason).toBeUndefined();
      expect(errorOf(host).extensions).toMatchObject({ reason: 'OVERLAP' });
      for (const result of [volunteer, host]) {
        expectNoLeak(result, 'huisarts', '14:30', elsewhere);
      }
      expect(errorOf(coordinator).message).toContain('Tolken bij de huisarts');
    });
  });

  describeScopeMatrix({ matrix: MATRIX, operations: OPERATIONS, snapshot: () => snapshot(api), tokenOf });
});
