import { at, BOOK_STAND, bookingInput, CREATE_EDITION, CREATE_PLOT, createFestival, Festival, SATURDAY } from './festival-fixtures';
import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

/**
 * Bad input gets a clear GraphQL error with a stable extensions.code (never a 500 or
 * INTERNAL_SERVER_ERROR) and changes nothing in the database. Every case runs as a coordinator,
 * so authorisation is never the reason a request is refused.
 */

/** Well-formed (v4) but belongs to nothing. */
const UNKNOWN_ID = '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40';
const LONG = 'x'.repeat(10_000);

const UPDATE_SERIES = `mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { createdSessions updatedSessions removedSessions } }`;
const CANCEL_SESSION = `mutation($id: ID!, $reason: String) { cancelSession(id: $id, reason: $reason) { id status } }`;
const UPDATE_CAPACITY = `mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { id capacity } }`;
const CREATE_ORGANISATION = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
const CREATE_VENUE = `mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }`;
const CREATE_PROGRAMME = `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`;
const UPDATE_PROGRAMME = `mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
const ADD_CLOSURE_DAY = `mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }`;
const SESSIONS = `query($f: SessionFilter, $first: Int, $after: String) { sessions(filter: $f, first: $first, after: $after) { totalCount edges { cursor } } }`;
const MY_SESSIONS = `query($f: SessionFilter, $first: Int, $after: String) { mySessions(filter: $f, first: $first, after: $after) { totalCount edges { cursor } } }`;
const CLOSURE_DAYS = `query($from: Date!, $to: Date!) { closureDays(from: $from, to: $to) { id } }`;
const UPDATE_EDITION = `mutation($id: ID!, $i: UpdateFestivalEditionInput!) { updateFestivalEdition(id: $id, input: $i) { id } }`;
const SET_OPENING_HOURS = `mutation($e: ID!, $h: [OpeningBlockInput!]!) { setFestivalOpeningHours(editionId: $e, openingHours: $h) { id } }`;
const UPDATE_PLOT = `mutation($id: ID!, $i: UpdateStandPlotInput!) { updateStandPlot(id: $id, input: $i) { id } }`;
const APPLY_FOR_STAND = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { application { id } bookings { id } } }`;
const CONFIRM_STAND = `mutation($id: ID!) { confirmStandBooking(id: $id) { id } }`;
const REFUSE_STAND = `mutation($id: ID!, $r: String!) { refuseStandBooking(id: $id, reason: $r) { id } }`;
const MOVE_STAND = `mutation($id: ID!, $i: MoveStandBookingInput!) { moveStandBooking(id: $id, input: $i) { id } }`;
const CANCEL_STAND = `mutation($id: ID!, $r: String) { cancelStandBooking(id: $id, reason: $r) { id } }`;
const STAND_AVAILABILITY = `query($e: ID!, $d: Date) { standAvailability(editionId: $e, day: $d) { days { date } } }`;
const STAND_BOOKINGS = `query($e: ID!, $f: StandBookingFilter) { standBookings(editionId: $e, filter: $f) { id } }`;
const STANDS_CSV = `query($e: ID!, $d: Date) { confirmedStandsCsv(editionId: $e, day: $d) }`;
const VOLUNTEER_PROFILE = `query($v: ID) { volunteerProfile(volunteerId: $v) { id } }`;
const SAVE_PROFILE = `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id } }`;
const ADD_ABSENCE = `mutation($v: ID!, $i: AbsenceInput!) { addVolunteerAbsence(volunteerId: $v, input: $i) { id } }`;
const REMOVE_ABSENCE = `mutation($id: ID!) { removeVolunteerAbsence(id: $id) }`;
const ISSUE_FEED = `mutation($v: ID!) { issueCalendarFeed(volunteerId: $v) }`;
const CREATE_SHIFT = `mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`;
const CREATE_SERIES_SHIFTS = `mutation($i: CreateSeriesShiftsInput!) { createSeriesShifts(input: $i) { id } }`;
const CANCEL_SHIFT = `mutation($id: ID!) { cancelShift(id: $id) { id } }`;
const ASSIGN_VOLUNTEER = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }`;
const DROP_SHIFT = `mutation($a: ID!) { dropShift(assignmentId: $a) { id } }`;
const SWAP_SHIFT = `mutation($a: ID!, $v: ID!) { swapShift(assignmentId: $a, toVolunteerId: $v) { id } }`;
const MARK_SHIFT = `mutation($a: ID!, $x: Boolean!) { markShiftAttendance(assignmentId: $a, attended: $x) { id } }`;
const SHIFTS = `query($f: ShiftFilter) { shifts(filter: $f) { id } }`;
const SUGGEST_VOLUNTEERS = `query($s: ID!, $l: Int) { suggestVolunteers(shiftId: $s, limit: $l) { score } }`;
const CREATE_TRAJECTORY = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`;
const UPDATE_TRAJECTORY = `mutation($id: ID!, $i: UpdateTrajectoryInput!) { updateTrajectory(id: $id, input: $i) { id } }`;
const CHANGE_TRAJECTORY_STATUS = `mutation($id: ID!, $s: TrajectoryStatus!) { changeTrajectoryStatus(id: $id, status: $s) { id } }`;
const ADD_FOLLOW_UP = `mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id } }`;
const TRAJECTORIES = `query($f: TrajectoryFilter) { trajectories(filter: $f) { id } }`;
const SUGGEST_BUDDIES = `query($p: ID!, $n: String, $l: Int) { suggestBuddies(participantId: $p, neighbourhood: $n, limit: $l) { score } }`;
const TRAJECTORY_REPORT = `query($f: Date!, $t: Date!) { trajectoryReport(from: $f, to: $t) { total } }`;
const TRAJECTORY_REPORT_CSV = `query($f: Date!, $t: Date!) { trajectoryReportCsv(from: $f, to: $t) }`;
const PROGRAMME_REPORT = `query($f: Date!, $t: Date!, $p: ID) { programmeReport(from: $f, to: $t, programmeId: $p) { month } }`;
const PROGRAMME_REPORT_CSV = `query($f: Date!, $t: Date!, $p: ID) { programmeReportCsv(from: $f, to: $t, programmeId: $p) }`;

/**
 * What exists before the table runs: a standalone session and a weekly series, both in September 2026;
 * the 2027 festival (plots A1..A4) with the organiser's request for A1 on Saturday 11:00-15:00; a
 * shift of two places at the standalone session with the volunteer on it; a newcomer registered
 * for that session, with a trajectory (MATCHED, from 1 September 2026) the volunteer is buddy of.
 */
interface Ctx {
  world: World;
  sessionId: string;
  seriesId: string;
  festival: Festival;
  requestId: string;
  shiftId: string;
  assignmentId: string;
  participantId: string;
  trajectoryId: string;
}

interface Case {
  name: string;
  query: string | ((ctx: Ctx) => string);
  variables: (ctx: Ctx) => Record<string, unknown>;
  code: string;
}

function seriesInput(world: World, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programmeId: world.praattafelId,
    venueId: world.centreVenueId,
    title: 'Praattafel dinsdag',
    rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=5',
    firstStartsAt: '2026-09-08T19:00:00+02:00',
    durationMinutes: 90,
    ...overrides,
  };
}

const venueInput = (world: World, overrides: Record<string, unknown> = {}) => ({
  organisationId: world.centreId,
  name: 'Zaal Boven',
  address: 'Overleiestraat 2, 8500 Kortrijk',
  ...overrides,
});
const programmeInput = (overrides: Record<string, unknown> = {}) => ({ name: 'Taalcafé', kind: 'TABLE', defaultCapacity: 15, ...overrides });
const userInput = (overrides: Record<string, unknown> = {}) => ({
  email: 'nieuwe.host@test.oefenkansen.be',
  password: 'a-long-enough-password',
  displayName: 'Nieuwe host',
  roles: ['HOST'],
  ...overrides,
});
const closureInput = (world: World, overrides: Record<string, unknown> = {}) => ({
  organisationId: world.schoolId,
  date: '2026-10-05',
  label: 'Pedagogische studiedag',
  ...overrides,
});

const session = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `createSession: ${name}`,
  query: CREATE_SESSION,
  variables: (ctx) => ({ i: sessionInput(ctx.world, overrides(ctx)) }),
  code,
});
const series = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `createSessionSeries: ${name}`,
  query: CREATE_SERIES,
  variables: (ctx) => ({ i: seriesInput(ctx.world, overrides(ctx)) }),
  code,
});
const updateSeries = (name: string, input: Record<string, unknown>, code: string, id?: string): Case => ({
  name: `updateSessionSeries: ${name}`,
  query: UPDATE_SERIES,
  variables: (ctx) => ({ id: id ?? ctx.seriesId, i: input }),
  code,
});

/** A festival edition that would be valid: the Sinksenfeesten of 2028. */
const editionInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'KortRIJK aan Culturen 2028',
  startsOn: '2028-06-02',
  endsOn: '2028-06-05',
  ...overrides,
});
const edition = (name: string, overrides: Record<string, unknown>, code: string): Case => ({
  name: `createFestivalEdition: ${name}`,
  query: CREATE_EDITION,
  variables: () => ({ i: editionInput(overrides) }),
  code,
});
const openingHours = (name: string, blocks: Record<string, unknown>[], code: string, overrides: Record<string, unknown> = {}): Case =>
  edition(name, { openingHours: blocks, ...overrides }, code);
const plot = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `createStandPlot: ${name}`,
  query: CREATE_PLOT,
  variables: (ctx) => ({ i: { editionId: ctx.festival.editionId, code: 'B1', ...overrides(ctx) } }),
  code,
});
/** A free slot (A2, Saturday 15:00-19:00) the coordinator could book, but for the override. */
const book = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `bookStand: ${name}`,
  query: BOOK_STAND,
  variables: (ctx) => ({ i: { ...bookingInput(ctx.festival, ctx.world, 'A2', '15:00', '19:00'), ...overrides(ctx) } }),
  code,
});
const slot = (ctx: Ctx, code = 'A2', from = '15:00', to = '19:00') => ({
  plotId: ctx.festival.plots[code],
  startsAt: at(SATURDAY, from),
  endsAt: at(SATURDAY, to),
});
const apply = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `applyForStand: ${name}`,
  query: APPLY_FOR_STAND,
  variables: (ctx) => ({
    i: {
      editionId: ctx.festival.editionId,
      organisationId: ctx.world.associationId,
      offering: 'FOOD',
      community: 'Syrische gemeenschap Kortrijk',
      countryCode: 'SY',
      slots: [slot(ctx)],
      ...overrides(ctx),
    },
  }),
  code,
});

/** What the coordinator could save on the volunteer's profile, but for the override. */
const profile = (name: string, input: Record<string, unknown>, code: string, volunteerId?: (ctx: Ctx) => string): Case => ({
  name: `saveVolunteerProfile: ${name}`,
  query: SAVE_PROFILE,
  variables: (ctx) => ({ v: volunteerId?.(ctx) ?? ctx.world.userIds.volunteer, i: { phone: '0470 12 34 56', languages: ['nl', 'ar'], ...input } }),
  code,
});
/** A 2-hour need outside any session on 1 October 2026 that the coordinator could create, but for the override. */
const shift = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `createShift: ${name}`,
  query: CREATE_SHIFT,
  variables: (ctx) => ({
    i: { title: 'Opbouw praattafel', role: 'SETUP', needed: 2, startsAt: '2026-10-01T08:00:00+02:00', endsAt: '2026-10-01T10:00:00+02:00', ...overrides(ctx) },
  }),
  code,
});
/** A buddy trajectory for the newcomer that would be valid, but for the override. */
const trajectory = (name: string, overrides: (ctx: Ctx) => Record<string, unknown>, code: string): Case => ({
  name: `createTrajectory: ${name}`,
  query: CREATE_TRAJECTORY,
  variables: (ctx) => ({ i: { participantId: ctx.participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-10-01', ...overrides(ctx) } }),
  code,
});

const MALFORMED_IDS = ['abc', ''];

const CASES: Case[] = [
  // --- Ids that are well-formed but belong to nothing ---
  session('unknown programmeId', () => ({ programmeId: UNKNOWN_ID }), 'NOT_FOUND'),
  session('unknown venueId', () => ({ venueId: UNKNOWN_ID }), 'NOT_FOUND'),
  session('unknown hostIds entry', () => ({ hostIds: [UNKNOWN_ID] }), 'NOT_FOUND'),
  session('unknown hostIds entry next to a real host', (ctx) => ({ hostIds: [ctx.world.userIds.host, UNKNOWN_ID] }), 'NOT_FOUND'),
  series('unknown programmeId', () => ({ programmeId: UNKNOWN_ID }), 'NOT_FOUND'),
  series('unknown venueId', () => ({ venueId: UNKNOWN_ID }), 'NOT_FOUND'),
  series('unknown hostIds entry', () => ({ hostIds: [UNKNOWN_ID] }), 'NOT_FOUND'),
  { name: 'cancelSession: unknown session id', query: CANCEL_SESSION, variables: () => ({ id: UNKNOWN_ID, reason: 'ziek' }), code: 'NOT_FOUND' },
  { name: 'updateSessionCapacity: unknown session id', query: UPDATE_CAPACITY, variables: () => ({ id: UNKNOWN_ID, c: 8 }), code: 'NOT_FOUND' },
  updateSeries('unknown series id', { title: 'Nieuwe titel' }, 'NOT_FOUND', UNKNOWN_ID),
  updateSeries('unknown hostIds entry', { hostIds: [UNKNOWN_ID] }, 'NOT_FOUND'),
  {
    name: 'createVenue: unknown organisationId',
    query: CREATE_VENUE,
    variables: (ctx) => ({ i: venueInput(ctx.world, { organisationId: UNKNOWN_ID }) }),
    code: 'NOT_FOUND',
  },
  { name: 'createUser: unknown organisationId', query: CREATE_USER, variables: () => ({ i: userInput({ organisationId: UNKNOWN_ID }) }), code: 'NOT_FOUND' },
  {
    name: 'addClosureDay: unknown organisationId',
    query: ADD_CLOSURE_DAY,
    variables: (ctx) => ({ i: closureInput(ctx.world, { organisationId: UNKNOWN_ID }) }),
    code: 'NOT_FOUND',
  },
  { name: 'updateProgramme: unknown programme id', query: UPDATE_PROGRAMME, variables: () => ({ id: UNKNOWN_ID, i: { name: 'Anders' } }), code: 'NOT_FOUND' },

  // --- Malformed ids ---
  ...MALFORMED_IDS.flatMap((bad): Case[] => [
    session(`programmeId ${JSON.stringify(bad)}`, () => ({ programmeId: bad }), 'BAD_USER_INPUT'),
    session(`venueId ${JSON.stringify(bad)}`, () => ({ venueId: bad }), 'BAD_USER_INPUT'),
    session(`hostIds [${JSON.stringify(bad)}]`, () => ({ hostIds: [bad] }), 'BAD_USER_INPUT'),
    series(`programmeId ${JSON.stringify(bad)}`, () => ({ programmeId: bad }), 'BAD_USER_INPUT'),
    series(`hostIds [${JSON.stringify(bad)}]`, () => ({ hostIds: [bad] }), 'BAD_USER_INPUT'),
    { name: `cancelSession: id ${JSON.stringify(bad)}`, query: CANCEL_SESSION, variables: () => ({ id: bad }), code: 'BAD_USER_INPUT' },
    { name: `updateSessionCapacity: id ${JSON.stringify(bad)}`, query: UPDATE_CAPACITY, variables: () => ({ id: bad, c: 8 }), code: 'BAD_USER_INPUT' },
    updateSeries(`id ${JSON.stringify(bad)}`, { title: 'Nieuwe titel' }, 'BAD_USER_INPUT', bad),
    updateSeries(`hostIds [${JSON.stringify(bad)}]`, { hostIds: [bad] }, 'BAD_USER_INPUT'),
    {
      name: `createVenue: organisationId ${JSON.stringify(bad)}`,
      query: CREATE_VENUE,
      variables: (ctx) => ({ i: venueInput(ctx.world, { organisationId: bad }) }),
      code: 'BAD_USER_INPUT',
    },
    {
      name: `createUser: organisationId ${JSON.stringify(bad)}`,
      query: CREATE_USER,
      variables: () => ({ i: userInput({ organisationId: bad }) }),
      code: 'BAD_USER_INPUT',
    },
    {
      name: `addClosureDay: organisationId ${JSON.stringify(bad)}`,
      query: ADD_CLOSURE_DAY,
      variables: (ctx) => ({ i: closureInput(ctx.world, { organisationId: bad }) }),
      code: 'BAD_USER_INPUT',
    },
    {
      name: `updateProgramme: id ${JSON.stringify(bad)}`,
      query: UPDATE_PROGRAMME,
      variables: () => ({ id: bad, i: { name: 'Anders' } }),
      code: 'BAD_USER_INPUT',
    },
  ]),
  { name: 'sessions: filter venueId "abc"', query: SESSIONS, variables: () => ({ f: { venueId: 'abc' } }), code: 'BAD_USER_INPUT' },

  // --- Time ranges ---
  session('endsAt before startsAt', () => ({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T18:00:00+02:00' }), 'BAD_USER_INPUT'),
  session('endsAt equal to startsAt', () => ({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T19:00:00+02:00' }), 'BAD_USER_INPUT'),
  session(
    'endsAt equal to startsAt, written in another offset',
    () => ({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T17:00:00Z' }),
    'BAD_USER_INPUT',
  ),

  // --- DateTime scalar ---
  session('startsAt without offset', () => ({ startsAt: '2026-09-08T19:00:00' }), 'BAD_USER_INPUT'),
  session('endsAt without offset', () => ({ endsAt: '2026-09-08T20:30:00' }), 'BAD_USER_INPUT'),
  session('startsAt on 30 February', () => ({ startsAt: '2026-02-30T10:00:00+01:00' }), 'BAD_USER_INPUT'),
  session('startsAt at minute 60', () => ({ startsAt: '2026-09-08T19:60:00+02:00' }), 'BAD_USER_INPUT'),
  session('startsAt with offset +25:00', () => ({ startsAt: '2026-09-08T19:00:00+25:00', endsAt: '2026-09-08T20:30:00+25:00' }), 'BAD_USER_INPUT'),
  session('startsAt with offset +02:99', () => ({ startsAt: '2026-09-08T19:00:00+02:99', endsAt: '2026-09-08T20:30:00+02:99' }), 'BAD_USER_INPUT'),
  session('startsAt with a zone name instead of an offset', () => ({ startsAt: '2026-09-08T19:00:00 CET' }), 'BAD_USER_INPUT'),
  session('startsAt with offset +0200 (no colon)', () => ({ startsAt: '2026-09-08T19:00:00+0200' }), 'BAD_USER_INPUT'),
  session('startsAt with a bare "+"', () => ({ startsAt: '2026-09-08T19:00:00+' }), 'BAD_USER_INPUT'),
  session('startsAt as a number', () => ({ startsAt: 1788886800000 }), 'BAD_USER_INPUT'),
  session('startsAt as an empty string', () => ({ startsAt: '' }), 'BAD_USER_INPUT'),
  {
    name: 'createSession: startsAt without offset, written inline in the query',
    query: (ctx) =>
      `mutation { createSession(input: { programmeId: "${ctx.world.praattafelId}", venueId: "${ctx.world.centreVenueId}", title: "Praattafel", startsAt: "2026-09-08T19:00:00", endsAt: "2026-09-08T20:30:00+02:00" }) { id } }`,
    variables: () => ({}),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createSession: startsAt on 30 February, written inline in the query',
    query: (ctx) =>
      `mutation { createSession(input: { programmeId: "${ctx.world.praattafelId}", venueId: "${ctx.world.centreVenueId}", title: "Praattafel", startsAt: "2026-02-30T10:00:00+01:00", endsAt: "2026-09-08T20:30:00+02:00" }) { id } }`,
    variables: () => ({}),
    code: 'BAD_USER_INPUT',
  },
  series('firstStartsAt without offset', () => ({ firstStartsAt: '2026-09-08T19:00:00' }), 'BAD_USER_INPUT'),
  series('firstStartsAt on 30 February', () => ({ firstStartsAt: '2026-02-30T10:00:00+01:00' }), 'BAD_USER_INPUT'),
  series('firstStartsAt with offset +25:00', () => ({ firstStartsAt: '2026-09-08T19:00:00+25:00' }), 'BAD_USER_INPUT'),
  updateSeries('firstStartsAt without offset', { firstStartsAt: '2026-09-15T19:00:00' }, 'BAD_USER_INPUT'),
  { name: 'sessions: filter from without offset', query: SESSIONS, variables: () => ({ f: { from: '2026-09-01T00:00:00' } }), code: 'BAD_USER_INPUT' },
  {
    name: 'addClosureDay: date 2026-02-30',
    query: ADD_CLOSURE_DAY,
    variables: (ctx) => ({ i: closureInput(ctx.world, { date: '2026-02-30' }) }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'closureDays: to before from', query: CLOSURE_DAYS, variables: () => ({ from: '2026-10-01', to: '2026-09-01' }), code: 'BAD_USER_INPUT' },

  // --- RRULE ---
  series('rrule FREQ=SOMETIMES', () => ({ rrule: 'FREQ=SOMETIMES' }), 'BAD_USER_INPUT'),
  series('rrule BYDAY=TU without FREQ', () => ({ rrule: 'BYDAY=TU' }), 'BAD_USER_INPUT'),
  series('rrule COUNT=100000', () => ({ rrule: 'FREQ=WEEKLY;COUNT=100000' }), 'BAD_USER_INPUT'),
  series('rrule with DTSTART on a line of its own', () => ({ rrule: 'DTSTART:20260908T170000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU' }), 'BAD_USER_INPUT'),
  series('rrule with DTSTART inside', () => ({ rrule: 'FREQ=WEEKLY;DTSTART=20260908T170000Z;BYDAY=TU' }), 'BAD_USER_INPUT'),
  series('rrule FREQ=HOURLY', () => ({ rrule: 'FREQ=HOURLY;COUNT=5' }), 'BAD_USER_INPUT'),
  series('rrule INTERVAL=0', () => ({ rrule: 'FREQ=WEEKLY;INTERVAL=0;COUNT=5' }), 'BAD_USER_INPUT'),
  series('rrule empty', () => ({ rrule: '' }), 'BAD_USER_INPUT'),
  series('rrule BYDAY=XX', () => ({ rrule: 'FREQ=WEEKLY;BYDAY=XX' }), 'BAD_USER_INPUT'),
  updateSeries('rrule FREQ=SOMETIMES', { rrule: 'FREQ=SOMETIMES' }, 'BAD_USER_INPUT'),
  updateSeries('rrule COUNT=100000', { rrule: 'FREQ=WEEKLY;COUNT=100000' }, 'BAD_USER_INPUT'),

  // --- Capacities ---
  session('capacity 0', () => ({ capacity: 0 }), 'BAD_USER_INPUT'),
  session('capacity -1', () => ({ capacity: -1 }), 'BAD_USER_INPUT'),
  session('capacity 1001', () => ({ capacity: 1001 }), 'BAD_USER_INPUT'),
  session('capacity 41 in a room for 40', () => ({ capacity: 41 }), 'BAD_USER_INPUT'),
  session('capacity 2^31 (beyond GraphQL Int)', () => ({ capacity: 2 ** 31 }), 'BAD_USER_INPUT'),
  session('capacity 1.5', () => ({ capacity: 1.5 }), 'BAD_USER_INPUT'),
  series('capacity 0', () => ({ capacity: 0 }), 'BAD_USER_INPUT'),
  series('capacity 1001', () => ({ capacity: 1001 }), 'BAD_USER_INPUT'),
  updateSeries('capacity 0', { capacity: 0 }, 'BAD_USER_INPUT'),
  { name: 'updateSessionCapacity: capacity 0', query: UPDATE_CAPACITY, variables: (ctx) => ({ id: ctx.sessionId, c: 0 }), code: 'BAD_USER_INPUT' },
  { name: 'updateSessionCapacity: capacity -1', query: UPDATE_CAPACITY, variables: (ctx) => ({ id: ctx.sessionId, c: -1 }), code: 'BAD_USER_INPUT' },
  { name: 'updateSessionCapacity: capacity 1001', query: UPDATE_CAPACITY, variables: (ctx) => ({ id: ctx.sessionId, c: 1001 }), code: 'BAD_USER_INPUT' },
  {
    name: 'createProgramme: defaultCapacity 0',
    query: CREATE_PROGRAMME,
    variables: () => ({ i: programmeInput({ defaultCapacity: 0 }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createProgramme: defaultCapacity 1001',
    query: CREATE_PROGRAMME,
    variables: () => ({ i: programmeInput({ defaultCapacity: 1001 }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateProgramme: defaultCapacity 0',
    query: UPDATE_PROGRAMME,
    variables: (ctx) => ({ id: ctx.world.praattafelId, i: { defaultCapacity: 0 } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createVenue: capacityLimit 0',
    query: CREATE_VENUE,
    variables: (ctx) => ({ i: venueInput(ctx.world, { capacityLimit: 0 }) }),
    code: 'BAD_USER_INPUT',
  },

  // --- Text lengths and blanks ---
  session('10,000-character title', () => ({ title: LONG }), 'BAD_USER_INPUT'),
  session('empty title', () => ({ title: '' }), 'BAD_USER_INPUT'),
  session('whitespace-only title', () => ({ title: '  \t\n ' }), 'BAD_USER_INPUT'),
  session('title with a NUL character', () => ({ title: 'Praat\u0000tafel' }), 'BAD_USER_INPUT'),
  series('10,000-character title', () => ({ title: LONG }), 'BAD_USER_INPUT'),
  series('empty title', () => ({ title: '' }), 'BAD_USER_INPUT'),
  series('whitespace-only title', () => ({ title: '   ' }), 'BAD_USER_INPUT'),
  updateSeries('10,000-character title', { title: LONG }, 'BAD_USER_INPUT'),
  updateSeries('whitespace-only title', { title: '   ' }, 'BAD_USER_INPUT'),
  {
    name: 'createOrganisation: 10,000-character name',
    query: CREATE_ORGANISATION,
    variables: () => ({ i: { name: LONG, kind: 'SCHOOL' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createOrganisation: whitespace-only name',
    query: CREATE_ORGANISATION,
    variables: () => ({ i: { name: '   ', kind: 'SCHOOL' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createOrganisation: unknown kind',
    query: CREATE_ORGANISATION,
    variables: () => ({ i: { name: 'Basisschool X', kind: 'CASTLE' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createOrganisation: phone "12"',
    query: CREATE_ORGANISATION,
    variables: () => ({ i: { name: 'Basisschool X', kind: 'SCHOOL', phone: '12' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createOrganisation: phone "bel het secretariaat"',
    query: CREATE_ORGANISATION,
    variables: () => ({ i: { name: 'Basisschool X', kind: 'SCHOOL', phone: 'bel het secretariaat' } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'createProgramme: 10,000-character name', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ name: LONG }) }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: empty name', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ name: '' }) }), code: 'BAD_USER_INPUT' },
  {
    name: 'createProgramme: name of an existing programme',
    query: CREATE_PROGRAMME,
    variables: () => ({ i: programmeInput({ name: 'Praattafel' }) }),
    code: 'CONFLICT',
  },
  {
    name: 'createVenue: 10,000-character address',
    query: CREATE_VENUE,
    variables: (ctx) => ({ i: venueInput(ctx.world, { address: LONG }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createVenue: 10,000-character name',
    query: CREATE_VENUE,
    variables: (ctx) => ({ i: venueInput(ctx.world, { name: LONG }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createVenue: whitespace-only address',
    query: CREATE_VENUE,
    variables: (ctx) => ({ i: venueInput(ctx.world, { address: ' ' }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addClosureDay: 10,000-character label',
    query: ADD_CLOSURE_DAY,
    variables: (ctx) => ({ i: closureInput(ctx.world, { label: LONG }) }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'cancelSession: 10,000-character reason', query: CANCEL_SESSION, variables: (ctx) => ({ id: ctx.sessionId, reason: LONG }), code: 'BAD_USER_INPUT' },

  // --- Users ---
  { name: 'createUser: invalid e-mail', query: CREATE_USER, variables: () => ({ i: userInput({ email: 'not-an-email' }) }), code: 'BAD_USER_INPUT' },
  {
    name: 'createUser: e-mail with a space',
    query: CREATE_USER,
    variables: () => ({ i: userInput({ email: 'nieuwe host@test.oefenkansen.be' }) }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'createUser: 11-character password', query: CREATE_USER, variables: () => ({ i: userInput({ password: 'x'.repeat(11) }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: duplicate e-mail', query: CREATE_USER, variables: () => ({ i: userInput({ email: 'host@test.oefenkansen.be' }) }), code: 'CONFLICT' },
  {
    name: 'createUser: duplicate e-mail in other case and with spaces',
    query: CREATE_USER,
    variables: () => ({ i: userInput({ email: '  Host@Test.Oefenkansen.BE ' }) }),
    code: 'CONFLICT',
  },
  { name: 'createUser: no roles', query: CREATE_USER, variables: () => ({ i: userInput({ roles: [] }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: unknown role', query: CREATE_USER, variables: () => ({ i: userInput({ roles: ['KING'] }) }), code: 'BAD_USER_INPUT' },
  {
    name: 'createUser: SCHOOL_CONTACT without organisation',
    query: CREATE_USER,
    variables: () => ({ i: userInput({ roles: ['SCHOOL_CONTACT'] }) }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'createUser: whitespace-only displayName', query: CREATE_USER, variables: () => ({ i: userInput({ displayName: '  ' }) }), code: 'BAD_USER_INPUT' },

  // --- Durations and reminders ---
  series('durationMinutes 0', () => ({ durationMinutes: 0 }), 'BAD_USER_INPUT'),
  series('durationMinutes 100000', () => ({ durationMinutes: 100_000 }), 'BAD_USER_INPUT'),
  series('durationMinutes -90', () => ({ durationMinutes: -90 }), 'BAD_USER_INPUT'),
  updateSeries('durationMinutes 0', { durationMinutes: 0 }, 'BAD_USER_INPUT'),
  updateSeries('durationMinutes 100000', { durationMinutes: 100_000 }, 'BAD_USER_INPUT'),
  {
    name: 'createProgramme: reminderOffsetsMinutes [-60]',
    query: CREATE_PROGRAMME,
    variables: () => ({ i: programmeInput({ reminderOffsetsMinutes: [-60] }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createProgramme: reminderOffsetsMinutes [1440, -1]',
    query: CREATE_PROGRAMME,
    variables: () => ({ i: programmeInput({ reminderOffsetsMinutes: [1440, -1] }) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateProgramme: reminderOffsetsMinutes [-1]',
    query: UPDATE_PROGRAMME,
    variables: (ctx) => ({ id: ctx.world.praattafelId, i: { reminderOffsetsMinutes: [-1] } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createProgramme: language tag "Nederlands"',
    query: CREATE_PROGRAMME,
    variables: () => ({ i: programmeInput({ languages: ['Nederlands'] }) }),
    code: 'BAD_USER_INPUT',
  },

  // --- Paging and filters ---
  { name: 'sessions: first 0', query: SESSIONS, variables: () => ({ first: 0 }), code: 'BAD_USER_INPUT' },
  { name: 'sessions: first -1', query: SESSIONS, variables: () => ({ first: -1 }), code: 'BAD_USER_INPUT' },
  { name: 'sessions: first 1000', query: SESSIONS, variables: () => ({ first: 1000 }), code: 'BAD_USER_INPUT' },
  { name: 'sessions: after "garbage-cursor"', query: SESSIONS, variables: () => ({ after: 'garbage-cursor' }), code: 'BAD_USER_INPUT' },
  {
    name: 'sessions: after a forged cursor whose id is not a uuid',
    query: SESSIONS,
    variables: () => ({ after: Buffer.from(`2026-09-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url') }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'sessions: after a forged cursor with a year PostgreSQL cannot hold',
    query: SESSIONS,
    variables: () => ({ after: Buffer.from(`-271821-04-20T00:00:00.000Z|${UNKNOWN_ID}`).toString('base64url') }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'sessions: filter to before from',
    query: SESSIONS,
    variables: () => ({ f: { from: '2026-10-01T00:00:00+02:00', to: '2026-09-01T00:00:00+02:00' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'mySessions: filter to before from',
    query: MY_SESSIONS,
    variables: () => ({ f: { from: '2026-10-01T00:00:00+02:00', to: '2026-09-01T00:00:00+02:00' } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'mySessions: first 1000', query: MY_SESSIONS, variables: () => ({ first: 1000 }), code: 'BAD_USER_INPUT' },

  // --- Festival editions ---
  edition('endsOn before startsOn', { endsOn: '2028-06-01' }, 'BAD_USER_INPUT'),
  edition('lasting 15 days', { endsOn: '2028-06-16' }, 'BAD_USER_INPUT'),
  edition('in 1999', { name: 'Sinksenfeesten 1999', startsOn: '1999-05-21', endsOn: '1999-05-24' }, 'BAD_USER_INPUT'),
  edition('in 2101', { startsOn: '2101-05-20', endsOn: '2101-05-23' }, 'BAD_USER_INPUT'),
  edition('startsOn 2028-02-30', { startsOn: '2028-02-30' }, 'BAD_USER_INPUT'),
  edition('201-character name', { name: 'x'.repeat(201) }, 'BAD_USER_INPUT'),
  edition('empty name', { name: '' }, 'BAD_USER_INPUT'),
  edition('whitespace-only name', { name: ' \t ' }, 'BAD_USER_INPUT'),
  edition('name with control characters', { name: 'KortRIJK\u0007aan\u0000Culturen' }, 'BAD_USER_INPUT'),
  edition('siteMapUrl "javascript:alert(1)"', { siteMapUrl: 'javascript:alert(1)' }, 'BAD_USER_INPUT'),
  edition('siteMapUrl that is no address', { siteMapUrl: 'plan van het plein' }, 'BAD_USER_INPUT'),
  edition('maxPlotsPerOrganisationPerDay 0', { maxPlotsPerOrganisationPerDay: 0 }, 'BAD_USER_INPUT'),
  edition('maxPlotsPerOrganisationPerDay -1', { maxPlotsPerOrganisationPerDay: -1 }, 'BAD_USER_INPUT'),
  edition('applicationDeadline after the festival', { applicationDeadline: '2028-06-07T12:00:00+02:00' }, 'BAD_USER_INPUT'),
  edition('applicationDeadline without offset', { applicationDeadline: '2028-05-01T23:59:00' }, 'BAD_USER_INPUT'),
  openingHours('opening hours from "25:00"', [{ date: '2028-06-03', from: '25:00', to: '26:00' }], 'BAD_USER_INPUT'),
  openingHours('opening hours from "7pm"', [{ date: '2028-06-03', from: '7pm', to: '23:00' }], 'BAD_USER_INPUT'),
  openingHours('opening hours to "24:30"', [{ date: '2028-06-03', from: '19:00', to: '24:30' }], 'BAD_USER_INPUT'),
  openingHours('opening hours from "11:00:00"', [{ date: '2028-06-03', from: '11:00:00', to: '15:00' }], 'BAD_USER_INPUT'),
  // 26 March 2028: Brussels clocks jump from 02:00 to 03:00.
  openingHours('opening hours from 02:30 on the night clocks go forward', [{ date: '2028-03-26', from: '02:30', to: '04:00' }], 'BAD_USER_INPUT', {
    startsOn: '2028-03-24',
    endsOn: '2028-03-27',
  }),
  openingHours('opening hours on a day outside the edition', [{ date: '2028-06-06', from: '11:00', to: '15:00' }], 'BAD_USER_INPUT'),
  openingHours('opening hours ending before they start', [{ date: '2028-06-03', from: '15:00', to: '11:00' }], 'BAD_USER_INPUT'),
  openingHours(
    'overlapping opening blocks',
    [
      { date: '2028-06-03', from: '11:00', to: '15:00' },
      { date: '2028-06-03', from: '14:00', to: '18:00' },
    ],
    'BAD_USER_INPUT',
  ),
  openingHours('no opening blocks', [], 'BAD_USER_INPUT'),
  { name: 'updateFestivalEdition: unknown id', query: UPDATE_EDITION, variables: () => ({ id: UNKNOWN_ID, i: { name: 'Anders' } }), code: 'NOT_FOUND' },
  { name: 'updateFestivalEdition: id "abc"', query: UPDATE_EDITION, variables: () => ({ id: 'abc', i: { name: 'Anders' } }), code: 'BAD_USER_INPUT' },
  {
    name: 'updateFestivalEdition: whitespace-only name',
    query: UPDATE_EDITION,
    variables: (ctx) => ({ id: ctx.festival.editionId, i: { name: '   ' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateFestivalEdition: siteMapUrl "javascript:alert(1)"',
    query: UPDATE_EDITION,
    variables: (ctx) => ({ id: ctx.festival.editionId, i: { siteMapUrl: 'javascript:alert(1)' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateFestivalEdition: maxPlotsPerOrganisationPerDay 0',
    query: UPDATE_EDITION,
    variables: (ctx) => ({ id: ctx.festival.editionId, i: { maxPlotsPerOrganisationPerDay: 0 } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'setFestivalOpeningHours: unknown editionId',
    query: SET_OPENING_HOURS,
    variables: () => ({ e: UNKNOWN_ID, h: [{ date: SATURDAY, from: '11:00', to: '23:00' }] }),
    code: 'NOT_FOUND',
  },
  {
    name: 'setFestivalOpeningHours: a day outside the edition',
    query: SET_OPENING_HOURS,
    variables: (ctx) => ({ e: ctx.festival.editionId, h: [{ date: '2027-05-18', from: '11:00', to: '15:00' }] }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'setFestivalOpeningHours: from "7pm"',
    query: SET_OPENING_HOURS,
    variables: (ctx) => ({ e: ctx.festival.editionId, h: [{ date: SATURDAY, from: '7pm', to: '23:00' }] }),
    code: 'BAD_USER_INPUT',
  },
  // The organiser's request (Saturday 11:00-15:00) would fall outside.
  {
    name: 'setFestivalOpeningHours: leaving a live booking outside',
    query: SET_OPENING_HOURS,
    variables: (ctx) => ({ e: ctx.festival.editionId, h: [{ date: SATURDAY, from: '12:00', to: '23:00' }] }),
    code: 'CONFLICT',
  },
  {
    name: 'festivalDates: year 1999',
    query: `query($y: Int!) { festivalDates(year: $y) { startsOn } }`,
    variables: () => ({ y: 1999 }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'festivalEdition: id "abc"', query: `query($id: ID!) { festivalEdition(id: $id) { id } }`, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },

  // --- Stand plots ---
  plot('code ""', () => ({ code: '' }), 'BAD_USER_INPUT'),
  plot('whitespace-only code', () => ({ code: '   ' }), 'BAD_USER_INPUT'),
  plot('21-character code', () => ({ code: 'B'.repeat(21) }), 'BAD_USER_INPUT'),
  plot('code "<b>A5</b>"', () => ({ code: '<b>A5</b>' }), 'BAD_USER_INPUT'),
  plot('code of an existing plot', () => ({ code: 'A1' }), 'CONFLICT'),
  plot('mapX 101', () => ({ mapX: 101 }), 'BAD_USER_INPUT'),
  plot('mapY -1', () => ({ mapY: -1 }), 'BAD_USER_INPUT'),
  plot('widthMetres -1', () => ({ widthMetres: -1 }), 'BAD_USER_INPUT'),
  plot('widthMetres 0', () => ({ widthMetres: 0 }), 'BAD_USER_INPUT'),
  plot('widthMetres 1e308', () => ({ widthMetres: 1e308 }), 'BAD_USER_INPUT'),
  plot('widthMetres "NaN"', () => ({ widthMetres: 'NaN' }), 'BAD_USER_INPUT'),
  plot('depthMetres "Infinity"', () => ({ depthMetres: 'Infinity' }), 'BAD_USER_INPUT'),
  plot('2,000-character description', () => ({ description: 'x'.repeat(2000) }), 'BAD_USER_INPUT'),
  plot('unknown editionId', () => ({ editionId: UNKNOWN_ID }), 'NOT_FOUND'),
  plot('editionId "abc"', () => ({ editionId: 'abc' }), 'BAD_USER_INPUT'),
  {
    name: 'createStandPlot: widthMetres NaN, written inline in the query',
    query: (ctx) => `mutation { createStandPlot(input: { editionId: "${ctx.festival.editionId}", code: "B1", widthMetres: NaN }) { id } }`,
    variables: () => ({}),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'updateStandPlot: unknown id', query: UPDATE_PLOT, variables: () => ({ id: UNKNOWN_ID, i: { active: false } }), code: 'NOT_FOUND' },
  { name: 'updateStandPlot: mapX 101', query: UPDATE_PLOT, variables: (ctx) => ({ id: ctx.festival.plots.A2, i: { mapX: 101 } }), code: 'BAD_USER_INPUT' },
  {
    name: 'updateStandPlot: code taken by another plot',
    query: UPDATE_PLOT,
    variables: (ctx) => ({ id: ctx.festival.plots.A2, i: { code: 'A1' } }),
    code: 'CONFLICT',
  },
  {
    name: 'copyStandPlots: from an edition into itself',
    query: `mutation($f: ID!, $t: ID!) { copyStandPlots(fromEditionId: $f, toEditionId: $t) { id } }`,
    variables: (ctx) => ({ f: ctx.festival.editionId, t: ctx.festival.editionId }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'copyStandPlots: unknown toEditionId',
    query: `mutation($f: ID!, $t: ID!) { copyStandPlots(fromEditionId: $f, toEditionId: $t) { id } }`,
    variables: (ctx) => ({ f: ctx.festival.editionId, t: UNKNOWN_ID }),
    code: 'NOT_FOUND',
  },

  // --- Stand bookings ---
  book('plotId "abc"', () => ({ plotId: 'abc' }), 'BAD_USER_INPUT'),
  book('unknown plotId', () => ({ plotId: UNKNOWN_ID }), 'NOT_FOUND'),
  book('organisationId "abc"', () => ({ organisationId: 'abc' }), 'BAD_USER_INPUT'),
  book('unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), 'NOT_FOUND'),
  book('startsAt without offset', () => ({ startsAt: '2027-05-15T15:00:00' }), 'BAD_USER_INPUT'),
  book('endsAt equal to startsAt', () => ({ endsAt: at(SATURDAY, '15:00') }), 'BAD_USER_INPUT'),
  book('endsAt before startsAt', () => ({ endsAt: at(SATURDAY, '14:00') }), 'BAD_USER_INPUT'),
  book('before the festival opens that day', () => ({ startsAt: at(SATURDAY, '09:00') }), 'OUTSIDE_OPENING_HOURS'),
  book('on a day after the festival', () => ({ startsAt: at('2027-05-18', '15:00'), endsAt: at('2027-05-18', '19:00') }), 'OUTSIDE_OPENING_HOURS'),
  book('in the past', () => ({ startsAt: '2026-05-23T15:00:00+02:00', endsAt: '2026-05-23T19:00:00+02:00' }), 'BAD_USER_INPUT'),
  book(
    "overlapping the organiser's request",
    (ctx) => ({ plotId: ctx.festival.plots.A1, startsAt: at(SATURDAY, '14:00'), endsAt: at(SATURDAY, '16:00') }),
    'STAND_UNAVAILABLE',
  ),
  apply('no slots', () => ({ slots: [] }), 'BAD_USER_INPUT'),
  apply('31 slots', (ctx) => ({ slots: Array.from({ length: 31 }, () => slot(ctx)) }), 'BAD_USER_INPUT'),
  apply('countryCode "SYR"', () => ({ countryCode: 'SYR' }), 'BAD_USER_INPUT'),
  apply('countryCode "S1"', () => ({ countryCode: 'S1' }), 'BAD_USER_INPUT'),
  apply('empty community', () => ({ community: '' }), 'BAD_USER_INPUT'),
  apply('201-character community', () => ({ community: 'x'.repeat(201) }), 'BAD_USER_INPUT'),
  apply('unknown offering', () => ({ offering: 'DANCE' }), 'BAD_USER_INPUT'),
  apply('unknown editionId', () => ({ editionId: UNKNOWN_ID }), 'NOT_FOUND'),
  apply('slot plotId "abc"', (ctx) => ({ slots: [{ ...slot(ctx), plotId: 'abc' }] }), 'BAD_USER_INPUT'),
  apply('a slot on an unknown plot', (ctx) => ({ slots: [slot(ctx), { ...slot(ctx), plotId: UNKNOWN_ID }] }), 'NOT_FOUND'),
  // Asking twice for one plot is a mistake in the request, not a taken plot.
  apply('two slots overlapping on one plot', (ctx) => ({ slots: [slot(ctx, 'A2', '15:00', '19:00'), slot(ctx, 'A2', '16:00', '20:00')] }), 'BAD_USER_INPUT'),
  { name: 'confirmStandBooking: unknown id', query: CONFIRM_STAND, variables: () => ({ id: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'confirmStandBooking: id "abc"', query: CONFIRM_STAND, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },
  { name: 'refuseStandBooking: empty reason', query: REFUSE_STAND, variables: (ctx) => ({ id: ctx.requestId, r: '' }), code: 'BAD_USER_INPUT' },
  { name: 'refuseStandBooking: whitespace-only reason', query: REFUSE_STAND, variables: (ctx) => ({ id: ctx.requestId, r: '  \n ' }), code: 'BAD_USER_INPUT' },
  {
    name: 'refuseStandBooking: 501-character reason',
    query: REFUSE_STAND,
    variables: (ctx) => ({ id: ctx.requestId, r: 'x'.repeat(501) }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'refuseStandBooking: unknown id', query: REFUSE_STAND, variables: () => ({ id: UNKNOWN_ID, r: 'Geen plaats' }), code: 'NOT_FOUND' },
  {
    name: 'moveStandBooking: unknown id',
    query: MOVE_STAND,
    variables: (ctx) => ({ id: UNKNOWN_ID, i: { plotId: ctx.festival.plots.A3 } }),
    code: 'NOT_FOUND',
  },
  { name: 'moveStandBooking: id "abc"', query: MOVE_STAND, variables: (ctx) => ({ id: 'abc', i: { plotId: ctx.festival.plots.A3 } }), code: 'BAD_USER_INPUT' },
  { name: 'moveStandBooking: unknown plotId', query: MOVE_STAND, variables: (ctx) => ({ id: ctx.requestId, i: { plotId: UNKNOWN_ID } }), code: 'NOT_FOUND' },
  {
    name: 'moveStandBooking: endsAt before the booking starts',
    query: MOVE_STAND,
    variables: (ctx) => ({ id: ctx.requestId, i: { endsAt: at(SATURDAY, '10:00') } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'moveStandBooking: outside the opening hours',
    query: MOVE_STAND,
    variables: (ctx) => ({ id: ctx.requestId, i: { startsAt: at(SATURDAY, '22:00'), endsAt: at(SATURDAY, '23:30') } }),
    code: 'OUTSIDE_OPENING_HOURS',
  },
  { name: 'cancelStandBooking: unknown id', query: CANCEL_STAND, variables: () => ({ id: UNKNOWN_ID }), code: 'NOT_FOUND' },
  {
    name: 'cancelStandBooking: 501-character reason',
    query: CANCEL_STAND,
    variables: (ctx) => ({ id: ctx.requestId, r: 'x'.repeat(501) }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'standAvailability: day 2027-02-30',
    query: STAND_AVAILABILITY,
    variables: (ctx) => ({ e: ctx.festival.editionId, d: '2027-02-30' }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'standAvailability: unknown editionId', query: STAND_AVAILABILITY, variables: () => ({ e: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'standBookings: editionId "abc"', query: STAND_BOOKINGS, variables: () => ({ e: 'abc' }), code: 'BAD_USER_INPUT' },
  {
    name: 'standBookings: filter organisationId "abc"',
    query: STAND_BOOKINGS,
    variables: (ctx) => ({ e: ctx.festival.editionId, f: { organisationId: 'abc' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'standBookings: unknown status',
    query: STAND_BOOKINGS,
    variables: (ctx) => ({ e: ctx.festival.editionId, f: { status: 'MAYBE' } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'confirmedStandsCsv: unknown editionId', query: STANDS_CSV, variables: () => ({ e: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'confirmedStandsCsv: day "15 mei"', query: STANDS_CSV, variables: (ctx) => ({ e: ctx.festival.editionId, d: '15 mei' }), code: 'BAD_USER_INPUT' },

  // --- Volunteer profiles, periods away, calendar feeds ---
  profile('phone "abc"', { phone: 'abc' }, 'BAD_USER_INPUT'),
  profile('phone "0470 12" (too short)', { phone: '0470 12' }, 'BAD_USER_INPUT'),
  profile('31-character phone', { phone: '0'.repeat(31) }, 'BAD_USER_INPUT'),
  profile('unknown language "xx"', { languages: ['nl', 'xx'] }, 'BAD_USER_INPUT'),
  profile('language tag "Nederlands"', { languages: ['Nederlands'] }, 'BAD_USER_INPUT'),
  profile('26 languages', { languages: Array.from({ length: 26 }, () => 'nl') }, 'BAD_USER_INPUT'),
  profile('weekday 8', { availableWeekdays: [1, 8] }, 'BAD_USER_INPUT'),
  profile('weekday 0', { availableWeekdays: [0] }, 'BAD_USER_INPUT'),
  profile('8 weekdays', { availableWeekdays: [1, 2, 3, 4, 5, 6, 7, 1] }, 'BAD_USER_INPUT'),
  profile('unknown daypart', { availableDayparts: ['NIGHT'] }, 'BAD_USER_INPUT'),
  profile('unknown skill', { skills: ['JUGGLING'] }, 'BAD_USER_INPUT'),
  profile('11 skills', { skills: Array.from({ length: 11 }, () => 'BUDDY') }, 'BAD_USER_INPUT'),
  profile('101-character neighbourhood', { neighbourhood: 'x'.repeat(101) }, 'BAD_USER_INPUT'),
  profile('screeningStatus "DONE"', { screeningStatus: 'DONE' }, 'BAD_USER_INPUT'),
  profile('screeningDate 2026-02-30', { screeningDate: '2026-02-30' }, 'BAD_USER_INPUT'),
  profile('screeningDate ahead (2030-01-01)', { screeningDate: '2030-01-01' }, 'BAD_USER_INPUT'),
  profile('a 201-character training', { trainings: ['x'.repeat(201)] }, 'BAD_USER_INPUT'),
  profile('an empty training', { trainings: [''] }, 'BAD_USER_INPUT'),
  profile('31 trainings', { trainings: Array.from({ length: 31 }, (_, i) => `Opleiding ${i}`) }, 'BAD_USER_INPUT'),
  profile('volunteerId "abc"', {}, 'BAD_USER_INPUT', () => 'abc'),
  profile('unknown volunteerId', {}, 'NOT_FOUND', () => UNKNOWN_ID),
  profile('volunteerId of a host', {}, 'NOT_FOUND', (ctx) => ctx.world.userIds.host),
  { name: 'volunteerProfile: volunteerId "abc"', query: VOLUNTEER_PROFILE, variables: () => ({ v: 'abc' }), code: 'BAD_USER_INPUT' },
  {
    name: 'addVolunteerAbsence: endsOn before startsOn',
    query: ADD_ABSENCE,
    variables: (ctx) => ({ v: ctx.world.userIds.volunteer, i: { startsOn: '2026-10-10', endsOn: '2026-10-09' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addVolunteerAbsence: startsOn "10 oktober"',
    query: ADD_ABSENCE,
    variables: (ctx) => ({ v: ctx.world.userIds.volunteer, i: { startsOn: '10 oktober', endsOn: '2026-10-12' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addVolunteerAbsence: 201-character reason',
    query: ADD_ABSENCE,
    variables: (ctx) => ({ v: ctx.world.userIds.volunteer, i: { startsOn: '2026-10-10', endsOn: '2026-10-12', reason: 'x'.repeat(201) } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addVolunteerAbsence: unknown volunteerId',
    query: ADD_ABSENCE,
    variables: () => ({ v: UNKNOWN_ID, i: { startsOn: '2026-10-10', endsOn: '2026-10-12' } }),
    code: 'NOT_FOUND',
  },
  {
    name: 'addVolunteerAbsence: volunteerId "abc"',
    query: ADD_ABSENCE,
    variables: () => ({ v: 'abc', i: { startsOn: '2026-10-10', endsOn: '2026-10-12' } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'removeVolunteerAbsence: unknown id', query: REMOVE_ABSENCE, variables: () => ({ id: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'removeVolunteerAbsence: id "abc"', query: REMOVE_ABSENCE, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },
  { name: 'issueCalendarFeed: unknown volunteerId', query: ISSUE_FEED, variables: () => ({ v: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'issueCalendarFeed: volunteerId of a host', query: ISSUE_FEED, variables: (ctx) => ({ v: ctx.world.userIds.host }), code: 'NOT_FOUND' },
  { name: 'issueCalendarFeed: volunteerId "abc"', query: ISSUE_FEED, variables: () => ({ v: 'abc' }), code: 'BAD_USER_INPUT' },

  // --- Shifts ---
  shift('needed 0', () => ({ needed: 0 }), 'BAD_USER_INPUT'),
  shift('needed 101', () => ({ needed: 101 }), 'BAD_USER_INPUT'),
  shift('needed -1', () => ({ needed: -1 }), 'BAD_USER_INPUT'),
  shift('endsAt before startsAt', () => ({ endsAt: '2026-10-01T07:00:00+02:00' }), 'BAD_USER_INPUT'),
  shift('endsAt equal to startsAt', () => ({ endsAt: '2026-10-01T08:00:00+02:00' }), 'BAD_USER_INPUT'),
  shift('lasting 25 hours', () => ({ endsAt: '2026-10-02T09:00:00+02:00' }), 'BAD_USER_INPUT'),
  shift('starting in the past', () => ({ startsAt: '2026-08-01T08:00:00+02:00', endsAt: '2026-08-01T10:00:00+02:00' }), 'SESSION_IN_PAST'),
  shift('startsAt without offset', () => ({ startsAt: '2026-10-01T08:00:00' }), 'BAD_USER_INPUT'),
  shift('outside a session without times', () => ({ startsAt: null, endsAt: null }), 'BAD_USER_INPUT'),
  shift('outside a session without title', () => ({ title: null }), 'BAD_USER_INPUT'),
  shift('201-character title', () => ({ title: 'x'.repeat(201) }), 'BAD_USER_INPUT'),
  shift('1,001-character notes', () => ({ notes: 'x'.repeat(1001) }), 'BAD_USER_INPUT'),
  shift('unknown language "xx"', () => ({ languages: ['xx'] }), 'BAD_USER_INPUT'),
  shift('unknown role', () => ({ role: 'JUGGLER' }), 'BAD_USER_INPUT'),
  shift('unknown sessionId', () => ({ sessionId: UNKNOWN_ID, startsAt: null, endsAt: null }), 'NOT_FOUND'),
  shift('sessionId "abc"', () => ({ sessionId: 'abc', startsAt: null, endsAt: null }), 'BAD_USER_INPUT'),
  shift('endsAt before the session starts', (ctx) => ({ sessionId: ctx.sessionId, startsAt: null, endsAt: '2026-09-08T18:00:00+02:00' }), 'BAD_USER_INPUT'),
  shift('unknown editionId', () => ({ editionId: UNKNOWN_ID }), 'NOT_FOUND'),
  shift('editionId "abc"', () => ({ editionId: 'abc' }), 'BAD_USER_INPUT'),
  shift('unknown plotId', (ctx) => ({ editionId: ctx.festival.editionId, plotId: UNKNOWN_ID }), 'NOT_FOUND'),
  {
    name: 'createSeriesShifts: unknown seriesId',
    query: CREATE_SERIES_SHIFTS,
    variables: () => ({ i: { seriesId: UNKNOWN_ID, role: 'WELCOME', needed: 1 } }),
    code: 'NOT_FOUND',
  },
  {
    name: 'createSeriesShifts: seriesId "abc"',
    query: CREATE_SERIES_SHIFTS,
    variables: () => ({ i: { seriesId: 'abc', role: 'WELCOME', needed: 1 } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createSeriesShifts: needed 0',
    query: CREATE_SERIES_SHIFTS,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, role: 'WELCOME', needed: 0 } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createSeriesShifts: 201-character title',
    query: CREATE_SERIES_SHIFTS,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, role: 'WELCOME', needed: 1, title: 'x'.repeat(201) } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'cancelShift: unknown id', query: CANCEL_SHIFT, variables: () => ({ id: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'cancelShift: id "abc"', query: CANCEL_SHIFT, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },
  {
    name: 'assignVolunteer: unknown shiftId',
    query: ASSIGN_VOLUNTEER,
    variables: (ctx) => ({ s: UNKNOWN_ID, v: ctx.world.userIds.volunteer }),
    code: 'NOT_FOUND',
  },
  { name: 'assignVolunteer: volunteerId "abc"', query: ASSIGN_VOLUNTEER, variables: (ctx) => ({ s: ctx.shiftId, v: 'abc' }), code: 'BAD_USER_INPUT' },
  {
    name: 'assignVolunteer: volunteerId of a host',
    query: ASSIGN_VOLUNTEER,
    variables: (ctx) => ({ s: ctx.shiftId, v: ctx.world.userIds.host }),
    code: 'NOT_FOUND',
  },
  {
    name: 'assignVolunteer: a volunteer already on the shift',
    query: ASSIGN_VOLUNTEER,
    variables: (ctx) => ({ s: ctx.shiftId, v: ctx.world.userIds.volunteer }),
    code: 'ALREADY_REGISTERED',
  },
  { name: 'dropShift: unknown assignmentId', query: DROP_SHIFT, variables: () => ({ a: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'dropShift: assignmentId "abc"', query: DROP_SHIFT, variables: () => ({ a: 'abc' }), code: 'BAD_USER_INPUT' },
  {
    name: 'swapShift: to the volunteer already on it',
    query: SWAP_SHIFT,
    variables: (ctx) => ({ a: ctx.assignmentId, v: ctx.world.userIds.volunteer }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'swapShift: to a host', query: SWAP_SHIFT, variables: (ctx) => ({ a: ctx.assignmentId, v: ctx.world.userIds.host }), code: 'NOT_FOUND' },
  { name: 'swapShift: toVolunteerId "abc"', query: SWAP_SHIFT, variables: (ctx) => ({ a: ctx.assignmentId, v: 'abc' }), code: 'BAD_USER_INPUT' },
  { name: 'swapShift: unknown assignmentId', query: SWAP_SHIFT, variables: (ctx) => ({ a: UNKNOWN_ID, v: ctx.world.userIds.volunteer }), code: 'NOT_FOUND' },
  { name: 'markShiftAttendance: before the shift began', query: MARK_SHIFT, variables: (ctx) => ({ a: ctx.assignmentId, x: true }), code: 'BAD_USER_INPUT' },
  { name: 'markShiftAttendance: unknown assignmentId', query: MARK_SHIFT, variables: () => ({ a: UNKNOWN_ID, x: true }), code: 'NOT_FOUND' },
  { name: 'shifts: filter sessionId "abc"', query: SHIFTS, variables: () => ({ f: { sessionId: 'abc' } }), code: 'BAD_USER_INPUT' },
  { name: 'shifts: filter from "morgen"', query: SHIFTS, variables: () => ({ f: { from: 'morgen' } }), code: 'BAD_USER_INPUT' },
  { name: 'suggestVolunteers: limit 0', query: SUGGEST_VOLUNTEERS, variables: (ctx) => ({ s: ctx.shiftId, l: 0 }), code: 'BAD_USER_INPUT' },
  { name: 'suggestVolunteers: limit 51', query: SUGGEST_VOLUNTEERS, variables: (ctx) => ({ s: ctx.shiftId, l: 51 }), code: 'BAD_USER_INPUT' },
  { name: 'suggestVolunteers: unknown shiftId', query: SUGGEST_VOLUNTEERS, variables: () => ({ s: UNKNOWN_ID }), code: 'NOT_FOUND' },
  { name: 'suggestVolunteers: shiftId "abc"', query: SUGGEST_VOLUNTEERS, variables: () => ({ s: 'abc' }), code: 'BAD_USER_INPUT' },

  // --- Picnik trajectories ---
  trajectory('endsOn before startsOn', () => ({ endsOn: '2026-09-30' }), 'BAD_USER_INPUT'),
  trajectory('unknown participantId', () => ({ participantId: UNKNOWN_ID }), 'NOT_FOUND'),
  trajectory('participantId "abc"', () => ({ participantId: 'abc' }), 'BAD_USER_INPUT'),
  trajectory('buddyId of a host (no volunteer)', (ctx) => ({ buddyId: ctx.world.userIds.host }), 'BAD_USER_INPUT'),
  trajectory('unknown buddyId', () => ({ buddyId: UNKNOWN_ID }), 'BAD_USER_INPUT'),
  trajectory('buddyId "abc"', () => ({ buddyId: 'abc' }), 'BAD_USER_INPUT'),
  trajectory('unknown hostOrganisationId', () => ({ hostOrganisationId: UNKNOWN_ID }), 'NOT_FOUND'),
  trajectory('unknown kind', () => ({ kind: 'HOLIDAY' }), 'BAD_USER_INPUT'),
  trajectory('unknown referralChannel', () => ({ referralChannel: 'RADIO' }), 'BAD_USER_INPUT'),
  trajectory('startsOn 2026-02-30', () => ({ startsOn: '2026-02-30' }), 'BAD_USER_INPUT'),
  trajectory('2,001-character notes', () => ({ notes: 'x'.repeat(2001) }), 'BAD_USER_INPUT'),
  trajectory(
    'participantId and a new participant both',
    () => ({ participant: { firstName: 'Amina', preferredLanguage: 'ar', contactChannel: 'NONE', consentToContact: false } }),
    'BAD_USER_INPUT',
  ),
  trajectory(
    'a new participant without a first name',
    () => ({ participantId: null, participant: { firstName: ' ', preferredLanguage: 'ar', contactChannel: 'NONE', consentToContact: false } }),
    'BAD_USER_INPUT',
  ),
  {
    name: 'updateTrajectory: endsOn before it starts',
    query: UPDATE_TRAJECTORY,
    variables: (ctx) => ({ id: ctx.trajectoryId, i: { endsOn: '2026-08-31' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateTrajectory: buddyId of a host',
    query: UPDATE_TRAJECTORY,
    variables: (ctx) => ({ id: ctx.trajectoryId, i: { buddyId: ctx.world.userIds.host } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'updateTrajectory: unknown id', query: UPDATE_TRAJECTORY, variables: () => ({ id: UNKNOWN_ID, i: { notes: 'Nieuw' } }), code: 'NOT_FOUND' },
  { name: 'updateTrajectory: id "abc"', query: UPDATE_TRAJECTORY, variables: () => ({ id: 'abc', i: { notes: 'Nieuw' } }), code: 'BAD_USER_INPUT' },
  {
    name: 'changeTrajectoryStatus: MATCHED straight to FOLLOW_UP',
    query: CHANGE_TRAJECTORY_STATUS,
    variables: (ctx) => ({ id: ctx.trajectoryId, s: 'FOLLOW_UP' }),
    code: 'CONFLICT',
  },
  {
    name: 'changeTrajectoryStatus: unknown status',
    query: CHANGE_TRAJECTORY_STATUS,
    variables: (ctx) => ({ id: ctx.trajectoryId, s: 'PAUSED' }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'changeTrajectoryStatus: unknown id', query: CHANGE_TRAJECTORY_STATUS, variables: () => ({ id: UNKNOWN_ID, s: 'ACTIVE' }), code: 'NOT_FOUND' },
  {
    name: 'changeTrajectoryStatus: CLOSED without an outcome',
    query: CHANGE_TRAJECTORY_STATUS,
    variables: (ctx) => ({ id: ctx.trajectoryId, s: 'CLOSED' }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'planTrajectoryFollowUp: dueOn before it starts',
    query: `mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id } }`,
    variables: (ctx) => ({ id: ctx.trajectoryId, i: { dueOn: '2026-08-31' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'completeTrajectoryFollowUp: unknown id',
    query: `mutation($f: ID!, $i: CompleteFollowUpInput!) { completeTrajectoryFollowUp(followUpId: $f, input: $i) { id } }`,
    variables: () => ({ f: UNKNOWN_ID, i: { recordedOn: '2026-12-01', outcomes: [] } }),
    code: 'NOT_FOUND',
  },
  {
    name: 'addTrajectoryFollowUp: recordedOn before it starts',
    query: ADD_FOLLOW_UP,
    variables: (ctx) => ({ id: ctx.trajectoryId, i: { recordedOn: '2026-08-31', outcomes: ['FOUND_WORK'] } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addTrajectoryFollowUp: 11 outcomes',
    query: ADD_FOLLOW_UP,
    variables: (ctx) => ({ id: ctx.trajectoryId, i: { recordedOn: '2026-12-01', outcomes: Array.from({ length: 11 }, () => 'OTHER') } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addTrajectoryFollowUp: unknown outcome',
    query: ADD_FOLLOW_UP,
    variables: (ctx) => ({ id: ctx.trajectoryId, i: { recordedOn: '2026-12-01', outcomes: ['RETIRED'] } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'addTrajectoryFollowUp: unknown id',
    query: ADD_FOLLOW_UP,
    variables: () => ({ id: UNKNOWN_ID, i: { recordedOn: '2026-12-01', outcomes: [] } }),
    code: 'NOT_FOUND',
  },
  { name: 'trajectories: filter participantId "abc"', query: TRAJECTORIES, variables: () => ({ f: { participantId: 'abc' } }), code: 'BAD_USER_INPUT' },
  { name: 'trajectories: filter startsFrom "september"', query: TRAJECTORIES, variables: () => ({ f: { startsFrom: 'september' } }), code: 'BAD_USER_INPUT' },
  { name: 'trajectory: id "abc"', query: `query($id: ID!) { trajectory(id: $id) { id } }`, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },
  { name: 'suggestBuddies: limit 0', query: SUGGEST_BUDDIES, variables: (ctx) => ({ p: ctx.participantId, l: 0 }), code: 'BAD_USER_INPUT' },
  { name: 'suggestBuddies: limit 51', query: SUGGEST_BUDDIES, variables: (ctx) => ({ p: ctx.participantId, l: 51 }), code: 'BAD_USER_INPUT' },
  {
    name: 'suggestBuddies: 101-character neighbourhood',
    query: SUGGEST_BUDDIES,
    variables: (ctx) => ({ p: ctx.participantId, n: 'x'.repeat(101) }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'suggestBuddies: unknown participantId', query: SUGGEST_BUDDIES, variables: () => ({ p: UNKNOWN_ID }), code: 'NOT_FOUND' },

  // --- Reports ---
  { name: 'trajectoryReport: to before from', query: TRAJECTORY_REPORT, variables: () => ({ f: '2026-09-30', t: '2026-09-01' }), code: 'BAD_USER_INPUT' },
  { name: 'trajectoryReport: from 2026-13-01', query: TRAJECTORY_REPORT, variables: () => ({ f: '2026-13-01', t: '2026-12-31' }), code: 'BAD_USER_INPUT' },
  { name: 'trajectoryReport: from "01/09/2026"', query: TRAJECTORY_REPORT, variables: () => ({ f: '01/09/2026', t: '2026-12-31' }), code: 'BAD_USER_INPUT' },
  {
    name: 'trajectoryReport: to with a time',
    query: TRAJECTORY_REPORT,
    variables: () => ({ f: '2026-09-01', t: '2026-12-31T00:00:00+01:00' }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'trajectoryReportCsv: to before from',
    query: TRAJECTORY_REPORT_CSV,
    variables: () => ({ f: '2026-09-30', t: '2026-09-01' }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'programmeReport: programmeId "abc"',
    query: PROGRAMME_REPORT,
    variables: () => ({ f: '2026-09-01', t: '2026-09-30', p: 'abc' }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'programmeReport: to before from', query: PROGRAMME_REPORT, variables: () => ({ f: '2026-09-30', t: '2026-09-01' }), code: 'BAD_USER_INPUT' },
  { name: 'programmeReport: from 2026-02-29', query: PROGRAMME_REPORT, variables: () => ({ f: '2026-02-29', t: '2026-09-01' }), code: 'BAD_USER_INPUT' },
  {
    name: 'programmeReportCsv: programmeId "abc"',
    query: PROGRAMME_REPORT_CSV,
    variables: () => ({ f: '2026-09-01', t: '2026-09-30', p: 'abc' }),
    code: 'BAD_USER_INPUT',
  },
];

/** Every table a mutation could touch. */
const TABLES = [
  'organisation',
  'venue',
  'programme',
  'app_user',
  'session_series',
  'session',
  'session_host',
  'session_series_host',
  'closure_calendar',
  'closure_day',
  'festival_edition',
  'festival_opening_block',
  'stand_plot',
  'stand_application',
  'stand_booking',
  'notification',
  'participant',
  'volunteer_profile',
  'volunteer_absence',
  'shift',
  'shift_assignment',
  'trajectory',
  'trajectory_status_change',
  'trajectory_follow_up',
];

interface Snapshot {
  counts: Record<string, number>;
  sessionMd5: string;
  tableMd5: Record<string, string>;
}

async function snapshot(api: TestApi): Promise<Snapshot> {
  const tables = await tableSnapshot(api.dataSource, TABLES);
  const counts = Object.fromEntries(Object.entries(tables).map(([table, { n }]) => [table, n]));
  const tableMd5 = Object.fromEntries(Object.entries(tables).map(([table, { md5 }]) => [table, md5]));
  const [{ md5 }] = await api.dataSource.query<{ md5: string }[]>(`SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY id), '')) AS md5 FROM session t`);
  return { counts, sessionMd5: md5, tableMd5 };
}

describe('bad input', () => {
  let api: TestApi;
  let ctx: Ctx;
  let before: Snapshot;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    const world = await createWorld(api);
    token = world.tokens.coordinator;
    const created = dataOf(
      await api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: sessionInput(world, { hostIds: [world.userIds.host] }) }, token),
    );
    const createdSeries = dataOf(
      await api.gql<{ createSessionSeries: { id: string; sessions: unknown[] } }>(
        CREATE_SERIES,
        { i: seriesInput(world, { hostIds: [world.userIds.host] }) },
        token,
      ),
    );
    expect(createdSeries.createSessionSeries.sessions).toHaveLength(5);
    const festival = await createFestival(api, world);
    const request = dataOf(
      await api.gql<{ bookStand: { id: string; status: string } }>(
        BOOK_STAND,
        { i: bookingInput(festival, world, 'A1', '11:00', '15:00') },
        world.tokens.organiser,
      ),
    );
    expect(request.bookStand.status).toBe('REQUESTED');
    const sessionId = created.createSession.id;
    // The volunteer's profile exists (so a refused change would show in its fingerprint) and they take a place on a shift.
    dataOf(await api.gql(SAVE_PROFILE, { v: world.userIds.volunteer, i: { phone: '0470 11 22 33', languages: ['nl'], screeningStatus: 'RECEIVED' } }, token));
    const shiftId = dataOf(await api.gql<{ createShift: { id: string } }>(CREATE_SHIFT, { i: { sessionId, role: 'WELCOME', needed: 2 } }, token)).createShift
      .id;
    const assignmentId = dataOf(await api.gql<{ assignVolunteer: { id: string } }>(ASSIGN_VOLUNTEER, { s: shiftId, v: world.userIds.volunteer }, token))
      .assignVolunteer.id;
    const registered = dataOf(
      await api.gql<{ registerParticipant: { participant: { id: string } } }>(
        `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { participant { id } } }`,
        { i: { sessionId, participant: { firstName: 'Amina', preferredLanguage: 'ar', contactChannel: 'VIA_ORGANISATION', consentToContact: false } } },
        token,
      ),
    );
    const participantId = registered.registerParticipant.participant.id;
    const trajectoryId = dataOf(
      await api.gql<{ createTrajectory: { id: string } }>(
        CREATE_TRAJECTORY,
        { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', buddyId: world.userIds.volunteer, startsOn: '2026-09-01' } },
        token,
      ),
    ).createTrajectory.id;
    ctx = {
      world,
      sessionId,
      seriesId: createdSeries.createSessionSeries.id,
      festival,
      requestId: request.bookStand.id,
      shiftId,
      assignmentId,
      participantId,
      trajectoryId,
    };
    before = await snapshot(api);
    expect(before.counts.session).toBe(6);
    expect(before.counts.session_host).toBe(6);
    expect([before.counts.shift, before.counts.shift_assignment, before.counts.trajectory, before.counts.trajectory_status_change]).toEqual([1, 1, 1, 1]);
  });
  afterAll(() => api?.close());

  it('has unique case names', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name → $code', async ({ query, variables, code }) => {
    const result = await api.gql(typeof query === 'function' ? query(ctx) : query, variables(ctx), token);

    expect(result.status).not.toBeGreaterThanOrEqual(500);
    const error = errorOf(result);
    expect(result.errors!.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(/\S/) });
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();

    expect(await snapshot(api)).toEqual(before);
  });

  it('answers a JSON body over 100 kB with 413, not 500, and creates nothing', async () => {
    const body = JSON.stringify({ query: CREATE_ORGANISATION, variables: { i: { name: 'x'.repeat(150_000), kind: 'SCHOOL' } } });
    expect(body.length).toBeGreaterThan(100 * 1024);
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is over 100 kB', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(await snapshot(api)).toEqual(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": "mutation { createOrganisation(',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(await snapshot(api)).toEqual(before);
  });

  it('still accepts valid input afterwards (the cases failed for their input, not for the set-up)', async () => {
    const result = await api.gql(
      CREATE_SESSION,
      { i: sessionInput(ctx.world, { title: 'Praattafel extra', startsAt: '2026-09-09T19:00:00+02:00', endsAt: '2026-09-09T20:30:00+02:00' }) },
      token,
    );
    expect(dataOf(result).createSession.title).toBe('Praattafel extra');
    const capacity = await api.gql(UPDATE_CAPACITY, { id: ctx.sessionId, c: 20 }, token);
    expect(dataOf(capacity).updateSessionCapacity.capacity).toBe(20);
    const booked = await api.gql(BOOK_STAND, { i: bookingInput(ctx.festival, ctx.world, 'A2', '15:00', '19:00') }, token);
    expect(dataOf(booked).bookStand.status).toBe('CONFIRMED');
    const plotted = await api.gql(CREATE_PLOT, { i: { editionId: ctx.festival.editionId, code: 'B1', widthMetres: 4, mapX: 90 } }, token);
    expect(dataOf(plotted).createStandPlot.code).toBe('B1');
    const edited = await api.gql(CREATE_EDITION, { i: editionInput({ openingHours: [{ date: '2028-06-03', from: '11:00', to: '24:00' }] }) }, token);
    expect(dataOf(edited).createFestivalEdition.openingHours).toEqual([
      { day: '2028-06-03', startsAt: '2028-06-03T11:00:00+02:00', endsAt: '2028-06-04T00:00:00+02:00' },
    ]);
    const refused = await api.gql(REFUSE_STAND, { id: ctx.requestId, r: 'A1 is voor de foodtrucks' }, token);
    expect(dataOf(refused).refuseStandBooking.id).toBe(ctx.requestId);
  });

  it('still accepts valid volunteer, shift, trajectory and report input afterwards', async () => {
    const saved = await api.gql(
      `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { phone languages availableWeekdays trainings } }`,
      {
        v: ctx.world.userIds.volunteer,
        i: { phone: '0470 12 34 56', languages: Array.from({ length: 25 }, () => 'NL'), availableWeekdays: [7, 1], trainings: ['x'.repeat(200)] },
      },
      token,
    );
    expect(dataOf(saved).saveVolunteerProfile).toEqual({ phone: '+32470123456', languages: ['nl'], availableWeekdays: [1, 7], trainings: ['x'.repeat(200)] });
    const away = await api.gql(ADD_ABSENCE, { v: ctx.world.userIds.volunteer, i: { startsOn: '2026-10-10', endsOn: '2026-10-10' } }, token);
    expect(dataOf(away).addVolunteerAbsence.id).toEqual(expect.any(String));
    const created = await api.gql(
      CREATE_SHIFT,
      { i: { title: 'Opbouw praattafel', role: 'SETUP', needed: 100, startsAt: '2026-10-01T08:00:00+02:00', endsAt: '2026-10-02T08:00:00+02:00' } },
      token,
    );
    expect(dataOf(created).createShift.id).toEqual(expect.any(String));
    const suggested = await api.gql(SUGGEST_VOLUNTEERS, { s: ctx.shiftId, l: 50 }, token);
    expect(dataOf(suggested).suggestVolunteers).toEqual([]);
    const started = await api.gql(
      CREATE_TRAJECTORY,
      { i: { participantId: ctx.participantId, kind: 'INTERNSHIP', referralChannel: 'SELF', startsOn: '2026-10-01', endsOn: '2026-10-01' } },
      token,
    );
    expect(dataOf(started).createTrajectory.id).toEqual(expect.any(String));
    const report = await api.gql(TRAJECTORY_REPORT, { f: '2026-09-01', t: '2026-10-01' }, token);
    expect(dataOf(report).trajectoryReport.total).toBe(2);
    const programmes = await api.gql(PROGRAMME_REPORT, { f: '2026-09-01', t: '2026-09-01', p: ctx.world.praattafelId }, token);
    expect(dataOf(programmes).programmeReport).toEqual([]);
  });
});
