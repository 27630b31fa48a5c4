import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';

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

/** What exists before the table runs: a standalone session and a weekly series, both in September 2026. */
interface Ctx {
  world: World;
  sessionId: string;
  seriesId: string;
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

const venueInput = (world: World, overrides: Record<string, unknown> = {}) => ({ organisationId: world.centreId, name: 'Zaal Boven', address: 'Overleiestraat 2, 8500 Kortrijk', ...overrides });
const programmeInput = (overrides: Record<string, unknown> = {}) => ({ name: 'Taalcafé', kind: 'TABLE', defaultCapacity: 15, ...overrides });
const userInput = (overrides: Record<string, unknown> = {}) => ({ email: 'nieuwe.host@test.oefenkansen.be', password: 'a-long-enough-password', displayName: 'Nieuwe host', roles: ['HOST'], ...overrides });
const closureInput = (world: World, overrides: Record<string, unknown> = {}) => ({ organisationId: world.schoolId, date: '2026-10-05', label: 'Pedagogische studiedag', ...overrides });

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
  { name: 'createVenue: unknown organisationId', query: CREATE_VENUE, variables: (ctx) => ({ i: venueInput(ctx.world, { organisationId: UNKNOWN_ID }) }), code: 'NOT_FOUND' },
  { name: 'createUser: unknown organisationId', query: CREATE_USER, variables: () => ({ i: userInput({ organisationId: UNKNOWN_ID }) }), code: 'NOT_FOUND' },
  { name: 'addClosureDay: unknown organisationId', query: ADD_CLOSURE_DAY, variables: (ctx) => ({ i: closureInput(ctx.world, { organisationId: UNKNOWN_ID }) }), code: 'NOT_FOUND' },
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
    { name: `createVenue: organisationId ${JSON.stringify(bad)}`, query: CREATE_VENUE, variables: (ctx) => ({ i: venueInput(ctx.world, { organisationId: bad }) }), code: 'BAD_USER_INPUT' },
    { name: `createUser: organisationId ${JSON.stringify(bad)}`, query: CREATE_USER, variables: () => ({ i: userInput({ organisationId: bad }) }), code: 'BAD_USER_INPUT' },
    { name: `addClosureDay: organisationId ${JSON.stringify(bad)}`, query: ADD_CLOSURE_DAY, variables: (ctx) => ({ i: closureInput(ctx.world, { organisationId: bad }) }), code: 'BAD_USER_INPUT' },
    { name: `updateProgramme: id ${JSON.stringify(bad)}`, query: UPDATE_PROGRAMME, variables: () => ({ id: bad, i: { name: 'Anders' } }), code: 'BAD_USER_INPUT' },
  ]),
  { name: 'sessions: filter venueId "abc"', query: SESSIONS, variables: () => ({ f: { venueId: 'abc' } }), code: 'BAD_USER_INPUT' },

  // --- Time ranges ---
  session('endsAt before startsAt', () => ({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T18:00:00+02:00' }), 'BAD_USER_INPUT'),
  session('endsAt equal to startsAt', () => ({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T19:00:00+02:00' }), 'BAD_USER_INPUT'),
  session('endsAt equal to startsAt, written in another offset', () => ({ startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T17:00:00Z' }), 'BAD_USER_INPUT'),

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
  { name: 'addClosureDay: date 2026-02-30', query: ADD_CLOSURE_DAY, variables: (ctx) => ({ i: closureInput(ctx.world, { date: '2026-02-30' }) }), code: 'BAD_USER_INPUT' },
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
  { name: 'createProgramme: defaultCapacity 0', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ defaultCapacity: 0 }) }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: defaultCapacity 1001', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ defaultCapacity: 1001 }) }), code: 'BAD_USER_INPUT' },
  { name: 'updateProgramme: defaultCapacity 0', query: UPDATE_PROGRAMME, variables: (ctx) => ({ id: ctx.world.praattafelId, i: { defaultCapacity: 0 } }), code: 'BAD_USER_INPUT' },
  { name: 'createVenue: capacityLimit 0', query: CREATE_VENUE, variables: (ctx) => ({ i: venueInput(ctx.world, { capacityLimit: 0 }) }), code: 'BAD_USER_INPUT' },

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
  { name: 'createOrganisation: 10,000-character name', query: CREATE_ORGANISATION, variables: () => ({ i: { name: LONG, kind: 'SCHOOL' } }), code: 'BAD_USER_INPUT' },
  { name: 'createOrganisation: whitespace-only name', query: CREATE_ORGANISATION, variables: () => ({ i: { name: '   ', kind: 'SCHOOL' } }), code: 'BAD_USER_INPUT' },
  { name: 'createOrganisation: unknown kind', query: CREATE_ORGANISATION, variables: () => ({ i: { name: 'Basisschool X', kind: 'CASTLE' } }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: 10,000-character name', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ name: LONG }) }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: empty name', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ name: '' }) }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: name of an existing programme', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ name: 'Praattafel' }) }), code: 'CONFLICT' },
  { name: 'createVenue: 10,000-character address', query: CREATE_VENUE, variables: (ctx) => ({ i: venueInput(ctx.world, { address: LONG }) }), code: 'BAD_USER_INPUT' },
  { name: 'createVenue: 10,000-character name', query: CREATE_VENUE, variables: (ctx) => ({ i: venueInput(ctx.world, { name: LONG }) }), code: 'BAD_USER_INPUT' },
  { name: 'createVenue: whitespace-only address', query: CREATE_VENUE, variables: (ctx) => ({ i: venueInput(ctx.world, { address: ' ' }) }), code: 'BAD_USER_INPUT' },
  { name: 'addClosureDay: 10,000-character label', query: ADD_CLOSURE_DAY, variables: (ctx) => ({ i: closureInput(ctx.world, { label: LONG }) }), code: 'BAD_USER_INPUT' },
  { name: 'cancelSession: 10,000-character reason', query: CANCEL_SESSION, variables: (ctx) => ({ id: ctx.sessionId, reason: LONG }), code: 'BAD_USER_INPUT' },

  // --- Users ---
  { name: 'createUser: invalid e-mail', query: CREATE_USER, variables: () => ({ i: userInput({ email: 'not-an-email' }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: e-mail with a space', query: CREATE_USER, variables: () => ({ i: userInput({ email: 'nieuwe host@test.oefenkansen.be' }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: 11-character password', query: CREATE_USER, variables: () => ({ i: userInput({ password: 'x'.repeat(11) }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: duplicate e-mail', query: CREATE_USER, variables: () => ({ i: userInput({ email: 'host@test.oefenkansen.be' }) }), code: 'CONFLICT' },
  { name: 'createUser: duplicate e-mail in other case and with spaces', query: CREATE_USER, variables: () => ({ i: userInput({ email: '  Host@Test.Oefenkansen.BE ' }) }), code: 'CONFLICT' },
  { name: 'createUser: no roles', query: CREATE_USER, variables: () => ({ i: userInput({ roles: [] }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: unknown role', query: CREATE_USER, variables: () => ({ i: userInput({ roles: ['KING'] }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: SCHOOL_CONTACT without organisation', query: CREATE_USER, variables: () => ({ i: userInput({ roles: ['SCHOOL_CONTACT'] }) }), code: 'BAD_USER_INPUT' },
  { name: 'createUser: whitespace-only displayName', query: CREATE_USER, variables: () => ({ i: userInput({ displayName: '  ' }) }), code: 'BAD_USER_INPUT' },

  // --- Durations and reminders ---
  series('durationMinutes 0', () => ({ durationMinutes: 0 }), 'BAD_USER_INPUT'),
  series('durationMinutes 100000', () => ({ durationMinutes: 100_000 }), 'BAD_USER_INPUT'),
  series('durationMinutes -90', () => ({ durationMinutes: -90 }), 'BAD_USER_INPUT'),
  updateSeries('durationMinutes 0', { durationMinutes: 0 }, 'BAD_USER_INPUT'),
  updateSeries('durationMinutes 100000', { durationMinutes: 100_000 }, 'BAD_USER_INPUT'),
  { name: 'createProgramme: reminderOffsetsMinutes [-60]', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ reminderOffsetsMinutes: [-60] }) }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: reminderOffsetsMinutes [1440, -1]', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ reminderOffsetsMinutes: [1440, -1] }) }), code: 'BAD_USER_INPUT' },
  { name: 'updateProgramme: reminderOffsetsMinutes [-1]', query: UPDATE_PROGRAMME, variables: (ctx) => ({ id: ctx.world.praattafelId, i: { reminderOffsetsMinutes: [-1] } }), code: 'BAD_USER_INPUT' },
  { name: 'createProgramme: language tag "Nederlands"', query: CREATE_PROGRAMME, variables: () => ({ i: programmeInput({ languages: ['Nederlands'] }) }), code: 'BAD_USER_INPUT' },

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
  { name: 'sessions: filter to before from', query: SESSIONS, variables: () => ({ f: { from: '2026-10-01T00:00:00+02:00', to: '2026-09-01T00:00:00+02:00' } }), code: 'BAD_USER_INPUT' },
  { name: 'mySessions: filter to before from', query: MY_SESSIONS, variables: () => ({ f: { from: '2026-10-01T00:00:00+02:00', to: '2026-09-01T00:00:00+02:00' } }), code: 'BAD_USER_INPUT' },
  { name: 'mySessions: first 1000', query: MY_SESSIONS, variables: () => ({ first: 1000 }), code: 'BAD_USER_INPUT' },
];

/** Every table a mutation could touch. */
const TABLES = ['organisation', 'venue', 'programme', 'app_user', 'session_series', 'session', 'session_host', 'session_series_host', 'closure_calendar', 'closure_day'];

interface Snapshot {
  counts: Record<string, number>;
  sessionMd5: string;
  tableMd5: Record<string, string>;
}

async function snapshot(api: TestApi): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  const tableMd5: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await api.dataSource.query<{ n: number; md5: string }[]>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS md5 FROM ${table} t`);
    counts[table] = row.n;
    tableMd5[table] = row.md5;
  }
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
    const created = dataOf(await api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: sessionInput(world, { hostIds: [world.userIds.host] }) }, token));
    const createdSeries = dataOf(await api.gql<{ createSessionSeries: { id: string; sessions: unknown[] } }>(CREATE_SERIES, { i: seriesInput(world, { hostIds: [world.userIds.host] }) }, token));
    expect(createdSeries.createSessionSeries.sessions).toHaveLength(5);
    ctx = { world, sessionId: created.createSession.id, seriesId: createdSeries.createSessionSeries.id };
    before = await snapshot(api);
    expect(before.counts.session).toBe(6);
    expect(before.counts.session_host).toBe(6);
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
    await response.text();
    expect(response.status).toBe(413);
    expect(await snapshot(api)).toEqual(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": "mutation { createOrganisation(',
    });
    await response.text();
    expect(response.status).toBe(400);
    expect(await snapshot(api)).toEqual(before);
  });

  it('still accepts valid input afterwards (the cases failed for their input, not for the set-up)', async () => {
    const result = await api.gql(CREATE_SESSION, { i: sessionInput(ctx.world, { title: 'Praattafel extra', startsAt: '2026-09-09T19:00:00+02:00', endsAt: '2026-09-09T20:30:00+02:00' }) }, token);
    expect(dataOf(result).createSession.title).toBe('Praattafel extra');
    const capacity = await api.gql(UPDATE_CAPACITY, { id: ctx.sessionId, c: 20 }, token);
    expect(dataOf(capacity).updateSessionCapacity.capacity).toBe(20);
  });
});
