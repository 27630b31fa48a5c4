import { CREATE_SERIES, CREATE_SESSION, createWorld, FixtureRole, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

/**
 * Every error code of the registrations feature comes from a test here, with a stable
 * extensions.code (never a 500 or INTERNAL_SERVER_ERROR), and leaves the database exactly as it
 * was: count and md5 of every row of participant, registration, registration_event, session and
 * app_setting are compared before and after each case. Cases run as a coordinator unless they
 * say otherwise, so authorisation is not the reason a request is refused (see
 * registrations-scope.e2e-spec.ts for that).
 */

/** Well-formed (v4) but belongs to nothing. */
const UNKNOWN_ID = '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40';
const LONG = 'x'.repeat(10_000);
const NOW = new Date('2026-08-15T10:00:00Z');

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id } } }`;
const REGISTER_SERIES = `mutation($i: RegisterParticipantForSeriesInput!) { registerParticipantForSeries(input: $i) { id status participant { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const CANCEL_SERIES = `mutation($s: ID!, $p: ID!) { cancelSeriesRegistration(seriesId: $s, participantId: $p) { id status } }`;
const MARK = `mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { id status } }`;
const SET_THRESHOLD = `mutation($t: Int!) { setNoShowFlagThreshold(threshold: $t) { noShowFlagThreshold } }`;
const PARTICIPANTS = `query($s: String, $first: Int) { participants(search: $s, first: $first) { id } }`;
const PARTICIPANT = `query($id: ID!) { participant(id: $id) { id } }`;
const REGISTRATION = `query($id: ID!) { registration(id: $id) { id } }`;

/** What exists before the table runs (all at school A and hosted by host unless said otherwise). */
interface Ctx {
  world: World;
  /** 8 Sep 19:00, one seat: `seated` has it, `waiting` is first on the waiting list. */
  fullSessionId: string;
  seatedRegistrationId: string;
  seatedParticipantId: string;
  waitingRegistrationId: string;
  waitingParticipantId: string;
  /** 9 Sep 19:00, ten seats, one registration that was cancelled. */
  openSessionId: string;
  cancelledRegistrationId: string;
  /** 10 Sep 19:00, cancelled after someone had registered. */
  cancelledSessionId: string;
  registrationOnCancelledSessionId: string;
  /** Tuesdays 15 and 22 Sep. */
  seriesId: string;
  /** Registered by school B's contact at school B (hosted by otherHost). */
  otherSchoolParticipantId: string;
  /** Registered by a coordinator at a centre session nobody hosts. */
  centreParticipantId: string;
}

interface Case {
  name: string;
  code: string;
  /** Who asks; a coordinator unless given. */
  as?: FixtureRole;
  /** The clock during the request (reset afterwards). */
  at?: string;
  /** Data of the case's own, made before the "before" snapshot. */
  arrange?: (ctx: Ctx, as: (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>) => Promise<Record<string, string>>;
  query: string;
  variables: (ctx: Ctx, arranged: Record<string, string>) => Record<string, unknown>;
  /** An id the caller may not see reads exactly like one that does not exist. */
  message?: RegExp;
}

/** A new participant with a channel that needs nothing of them. */
const person = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Fatima',
  lastName: 'Nieuw',
  preferredLanguage: 'ar',
  contactChannel: 'NONE',
  consentToContact: false,
  ...overrides,
});

const registerNew = (name: string, overrides: Record<string, unknown>, code = 'BAD_USER_INPUT'): Case => ({
  name: `registerParticipant: ${name}`,
  query: REGISTER,
  variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participant: person(overrides) } }),
  code,
});

const seriesNew = (name: string, overrides: Record<string, unknown>, code = 'BAD_USER_INPUT'): Case => ({
  name: `registerParticipantForSeries: ${name}`,
  query: REGISTER_SERIES,
  variables: (ctx) => ({ i: { seriesId: ctx.seriesId, participant: person(overrides) } }),
  code,
});

const DOES_NOT_EXIST = /does not exist/;

const CASES: Case[] = [
  // --- ALREADY_REGISTERED: one live registration per participant and session ---
  {
    name: 'registerParticipant: a new participant, then the same participant again by participantId',
    arrange: async (ctx, as) => ({
      participantId: (await as(REGISTER, { i: { sessionId: ctx.openSessionId, participant: person({ firstName: 'Yusuf', lastName: 'Tweemaal' }) } }))
        .registerParticipant.participant.id,
    }),
    query: REGISTER,
    variables: (ctx, { participantId }) => ({ i: { sessionId: ctx.openSessionId, participantId } }),
    code: 'ALREADY_REGISTERED',
  },
  {
    name: 'registerParticipant: the seated participant again',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.fullSessionId, participantId: ctx.seatedParticipantId } }),
    code: 'ALREADY_REGISTERED',
  },
  {
    name: 'registerParticipant: the waitlisted participant again',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.fullSessionId, participantId: ctx.waitingParticipantId } }),
    code: 'ALREADY_REGISTERED',
  },
  {
    name: 'registerParticipant: the seated participant again, by the session’s host',
    as: 'host',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.fullSessionId, participantId: ctx.seatedParticipantId } }),
    code: 'ALREADY_REGISTERED',
  },
  {
    name: 'registerParticipant: the waitlisted participant again, by the school’s contact',
    as: 'schoolContact',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.fullSessionId, participantId: ctx.waitingParticipantId } }),
    code: 'ALREADY_REGISTERED',
  },

  // --- SESSION_CANCELLED ---
  {
    name: 'registerParticipant: a new participant on a cancelled session',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.cancelledSessionId, participant: person() } }),
    code: 'SESSION_CANCELLED',
  },
  {
    name: 'registerParticipant: an existing participant on a cancelled session',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.cancelledSessionId, participantId: ctx.seatedParticipantId } }),
    code: 'SESSION_CANCELLED',
  },
  {
    name: 'markAttendance: on a cancelled session, during its planned time',
    at: '2026-09-10T19:30:00+02:00',
    query: MARK,
    variables: (ctx) => ({ id: ctx.registrationOnCancelledSessionId, a: true }),
    code: 'SESSION_CANCELLED',
  },
  {
    name: 'markAttendance: on a cancelled session, before its planned start',
    query: MARK,
    variables: (ctx) => ({ id: ctx.registrationOnCancelledSessionId, a: false }),
    code: 'SESSION_CANCELLED',
  },

  // --- SESSION_IN_PAST ---
  {
    name: 'registerParticipant: a new participant after the start',
    at: '2026-09-09T19:30:00+02:00',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participant: person() } }),
    code: 'SESSION_IN_PAST',
  },
  {
    name: 'registerParticipant: a new participant at the very minute of the start',
    at: '2026-09-09T19:00:00+02:00',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participant: person() } }),
    code: 'SESSION_IN_PAST',
  },
  {
    name: 'registerParticipant: an existing participant the day after',
    at: '2026-09-10T09:00:00+02:00',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: ctx.seatedParticipantId } }),
    code: 'SESSION_IN_PAST',
  },
  {
    name: 'cancelRegistration: a seated registration after the start',
    at: '2026-09-08T19:30:00+02:00',
    query: CANCEL,
    variables: (ctx) => ({ id: ctx.seatedRegistrationId }),
    code: 'SESSION_IN_PAST',
  },
  {
    name: 'cancelRegistration: a waitlisted registration after the start',
    at: '2026-09-08T19:30:00+02:00',
    query: CANCEL,
    variables: (ctx) => ({ id: ctx.waitingRegistrationId }),
    code: 'SESSION_IN_PAST',
  },
  {
    name: 'cancelRegistration: a seated registration at the very minute of the start',
    at: '2026-09-08T19:00:00+02:00',
    query: CANCEL,
    variables: (ctx) => ({ id: ctx.seatedRegistrationId }),
    code: 'SESSION_IN_PAST',
  },

  // --- NOT_FOUND ---
  {
    name: 'registerParticipant: unknown sessionId',
    query: REGISTER,
    variables: () => ({ i: { sessionId: UNKNOWN_ID, participant: person() } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  {
    name: 'registerParticipant: unknown participantId',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: UNKNOWN_ID } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  {
    name: 'registerParticipantForSeries: unknown seriesId',
    query: REGISTER_SERIES,
    variables: () => ({ i: { seriesId: UNKNOWN_ID, participant: person() } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  {
    name: 'registerParticipantForSeries: unknown participantId',
    query: REGISTER_SERIES,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, participantId: UNKNOWN_ID } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  { name: 'cancelRegistration: unknown registration id', query: CANCEL, variables: () => ({ id: UNKNOWN_ID }), code: 'NOT_FOUND', message: DOES_NOT_EXIST },
  {
    name: 'markAttendance: unknown registration id',
    at: '2026-09-08T19:30:00+02:00',
    query: MARK,
    variables: () => ({ id: UNKNOWN_ID, a: true }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  {
    name: 'cancelSeriesRegistration: unknown participantId',
    query: CANCEL_SERIES,
    variables: (ctx) => ({ s: ctx.seriesId, p: UNKNOWN_ID }),
    code: 'NOT_FOUND',
  },
  {
    name: 'cancelSeriesRegistration: unknown seriesId',
    query: CANCEL_SERIES,
    variables: (ctx) => ({ s: UNKNOWN_ID, p: ctx.seatedParticipantId }),
    code: 'NOT_FOUND',
  },
  {
    name: 'cancelSeriesRegistration: a participant not registered in the series',
    query: CANCEL_SERIES,
    variables: (ctx) => ({ s: ctx.seriesId, p: ctx.seatedParticipantId }),
    code: 'NOT_FOUND',
  },
  {
    name: 'registerParticipant: school A’s contact with a participant of school B',
    as: 'schoolContact',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: ctx.otherSchoolParticipantId } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  {
    name: 'registerParticipantForSeries: school A’s contact with a participant of school B',
    as: 'schoolContact',
    query: REGISTER_SERIES,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, participantId: ctx.otherSchoolParticipantId } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },
  {
    name: 'registerParticipant: the host with a participant of a session they do not host',
    as: 'host',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: ctx.centreParticipantId } }),
    code: 'NOT_FOUND',
    message: DOES_NOT_EXIST,
  },

  // --- BAD_USER_INPUT: who to register ---
  {
    name: 'registerParticipant: both participantId and participant',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: ctx.seatedParticipantId, participant: person() } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipant: neither participantId nor participant',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipant: participantId null and participant null',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: null, participant: null } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipantForSeries: both participantId and participant',
    query: REGISTER_SERIES,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, participantId: ctx.seatedParticipantId, participant: person() } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipantForSeries: neither participantId nor participant',
    query: REGISTER_SERIES,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId } }),
    code: 'BAD_USER_INPUT',
  },

  // --- BAD_USER_INPUT: the new participant ---
  registerNew('phone "abc"', { phone: 'abc' }),
  registerNew('phone "12"', { phone: '12' }),
  registerNew('phone of 40 digits', { phone: '0'.repeat(40) }),
  registerNew('preferredLanguage "xx"', { preferredLanguage: 'xx' }),
  registerNew('preferredLanguage empty', { preferredLanguage: '' }),
  registerNew('SMS without phone', { contactChannel: 'SMS', consentToContact: true }),
  registerNew('SMS without consent', { contactChannel: 'SMS', phone: '0470 12 34 99', consentToContact: false }),
  registerNew('EMAIL without email', { contactChannel: 'EMAIL', consentToContact: true }),
  registerNew('EMAIL without consent', { contactChannel: 'EMAIL', email: 'fatima@example.be', consentToContact: false }),
  registerNew('invalid email', { email: 'not-an-email' }),
  registerNew('email with a space', { email: 'fatima nieuw@example.be' }),
  registerNew('contactChannel PIGEON', { contactChannel: 'PIGEON' }),
  registerNew('10,000-character firstName', { firstName: LONG }),
  registerNew('empty firstName', { firstName: '' }),
  registerNew('whitespace-only firstName', { firstName: '   ' }),
  registerNew('firstName with a NUL character', { firstName: 'Fat\u0000ima' }),
  registerNew('10,000-character lastName', { lastName: LONG }),
  seriesNew('phone "abc"', { phone: 'abc' }),
  seriesNew('preferredLanguage "xx"', { preferredLanguage: 'xx' }),
  seriesNew('empty firstName', { firstName: '' }),

  // --- BAD_USER_INPUT: malformed ids ---
  {
    name: 'registerParticipant: sessionId "abc"',
    query: REGISTER,
    variables: () => ({ i: { sessionId: 'abc', participant: person() } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipant: participantId "abc"',
    query: REGISTER,
    variables: (ctx) => ({ i: { sessionId: ctx.openSessionId, participantId: 'abc' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipantForSeries: seriesId "abc"',
    query: REGISTER_SERIES,
    variables: () => ({ i: { seriesId: 'abc', participant: person() } }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'cancelRegistration: id "abc"', query: CANCEL, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },
  { name: 'cancelSeriesRegistration: seriesId ""', query: CANCEL_SERIES, variables: (ctx) => ({ s: '', p: ctx.seatedParticipantId }), code: 'BAD_USER_INPUT' },
  { name: 'markAttendance: registrationId "abc"', query: MARK, variables: () => ({ id: 'abc', a: true }), code: 'BAD_USER_INPUT' },
  { name: 'registration: id "abc"', query: REGISTRATION, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },
  { name: 'participant: id "abc"', query: PARTICIPANT, variables: () => ({ id: 'abc' }), code: 'BAD_USER_INPUT' },

  // --- BAD_USER_INPUT: attendance ---
  { name: 'markAttendance: before the session started', query: MARK, variables: (ctx) => ({ id: ctx.seatedRegistrationId, a: true }), code: 'BAD_USER_INPUT' },
  {
    name: 'markAttendance: a minute before the start',
    at: '2026-09-08T18:59:00+02:00',
    query: MARK,
    variables: (ctx) => ({ id: ctx.seatedRegistrationId, a: false }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'markAttendance: a WAITLISTED registration',
    at: '2026-09-08T19:30:00+02:00',
    query: MARK,
    variables: (ctx) => ({ id: ctx.waitingRegistrationId, a: true }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'markAttendance: a CANCELLED registration',
    at: '2026-09-09T19:30:00+02:00',
    query: MARK,
    variables: (ctx) => ({ id: ctx.cancelledRegistrationId, a: false }),
    code: 'BAD_USER_INPUT',
  },

  // --- BAD_USER_INPUT: settings and paging ---
  { name: 'setNoShowFlagThreshold: 0', query: SET_THRESHOLD, variables: () => ({ t: 0 }), code: 'BAD_USER_INPUT' },
  { name: 'setNoShowFlagThreshold: 21', query: SET_THRESHOLD, variables: () => ({ t: 21 }), code: 'BAD_USER_INPUT' },
  { name: 'setNoShowFlagThreshold: -1', query: SET_THRESHOLD, variables: () => ({ t: -1 }), code: 'BAD_USER_INPUT' },
  { name: 'participants: first 0', query: PARTICIPANTS, variables: () => ({ first: 0 }), code: 'BAD_USER_INPUT' },
  { name: 'participants: first 51', query: PARTICIPANTS, variables: () => ({ first: 51 }), code: 'BAD_USER_INPUT' },
  { name: 'participants: first -1', query: PARTICIPANTS, variables: () => ({ first: -1 }), code: 'BAD_USER_INPUT' },
  { name: 'participants: 10,000-character search', query: PARTICIPANTS, variables: () => ({ s: LONG }), code: 'BAD_USER_INPUT' },

  // --- BAD_USER_INPUT: a series with nothing left to register for ---
  {
    name: 'registerParticipantForSeries: a series whose last session has started (new participant)',
    at: '2026-09-22T19:00:00+02:00',
    query: REGISTER_SERIES,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, participant: person() } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'registerParticipantForSeries: a series that has ended (existing participant)',
    at: '2026-10-01T09:00:00+02:00',
    query: REGISTER_SERIES,
    variables: (ctx) => ({ i: { seriesId: ctx.seriesId, participantId: ctx.seatedParticipantId } }),
    code: 'BAD_USER_INPUT',
  },
];

/** Every table a registrations mutation could touch. */
const TABLES = ['participant', 'registration', 'registration_event', 'session', 'app_setting'];

const snapshot = (api: TestApi) => tableSnapshot(api.dataSource, TABLES);

describe('registrations: every error code, and nothing changes', () => {
  let api: TestApi;
  let ctx: Ctx;

  const as = (role: FixtureRole) => (query: string, variables: Record<string, unknown>) => api.gql(query, variables, ctx.world.tokens[role]).then(dataOf);

  beforeAll(async () => {
    api = await startTestApi({ now: NOW });
    const world = await createWorld(api);
    const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const day = (d: number) => ({
      startsAt: `2026-09-${String(d).padStart(2, '0')}T19:00:00+02:00`,
      endsAt: `2026-09-${String(d).padStart(2, '0')}T20:30:00+02:00`,
    });
    const session = async (title: string, overrides: Record<string, unknown>) =>
      (await coordinator(CREATE_SESSION, { i: sessionInput(world, { title, venueId: world.schoolVenueId, hostIds: [world.userIds.host], ...overrides }) }))
        .createSession.id as string;
    const register = async (input: Record<string, unknown>) =>
      (await coordinator(REGISTER, { i: input })).registerParticipant as { id: string; status: string; participant: { id: string } };

    const fullSessionId = await session('Vol', { capacity: 1, ...day(8) });
    const seated = await register({ sessionId: fullSessionId, participant: person({ firstName: 'Amina', lastName: 'Zit' }) });
    const waiting = await register({ sessionId: fullSessionId, participant: person({ firstName: 'Bilal', lastName: 'Wacht' }) });
    expect([seated.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

    const openSessionId = await session('Open', { capacity: 10, ...day(9) });
    const cancelled = await register({ sessionId: openSessionId, participant: person({ firstName: 'Chadi', lastName: 'Afgemeld' }) });
    await coordinator(CANCEL, { id: cancelled.id });

    const cancelledSessionId = await session('Geannuleerd', day(10));
    const onCancelled = await register({ sessionId: cancelledSessionId, participant: person({ firstName: 'Dana', lastName: 'Pech' }) });
    await coordinator('mutation($id: ID!) { cancelSession(id: $id, reason: "Refter in gebruik") { id } }', { id: cancelledSessionId });

    const series = (
      await coordinator(CREATE_SERIES, {
        i: {
          programmeId: world.praattafelId,
          venueId: world.schoolVenueId,
          title: 'Reeks',
          rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
          firstStartsAt: '2026-09-15T19:00:00+02:00',
          durationMinutes: 90,
          hostIds: [world.userIds.host],
        },
      })
    ).createSessionSeries;
    expect(series.sessions).toHaveLength(2);

    const otherSchoolSessionId = (
      await coordinator(CREATE_SESSION, {
        i: sessionInput(world, { title: 'School B', venueId: world.otherSchoolVenueId, hostIds: [world.userIds.otherHost], ...day(11) }),
      })
    ).createSession.id;
    const otherSchool = await api
      .gql(
        REGISTER,
        { i: { sessionId: otherSchoolSessionId, participant: person({ firstName: 'Emre', lastName: 'School B' }) } },
        world.tokens.otherSchoolContact,
      )
      .then(dataOf);

    const centreSessionId = (
      await coordinator(CREATE_SESSION, { i: sessionInput(world, { title: 'Centrum', venueId: world.centreVenueId, hostIds: [], ...day(12) }) })
    ).createSession.id;
    const centre = await register({ sessionId: centreSessionId, participant: person({ firstName: 'Farah', lastName: 'Centrum' }) });

    ctx = {
      world,
      fullSessionId,
      seatedRegistrationId: seated.id,
      seatedParticipantId: seated.participant.id,
      waitingRegistrationId: waiting.id,
      waitingParticipantId: waiting.participant.id,
      openSessionId,
      cancelledRegistrationId: cancelled.id,
      cancelledSessionId,
      registrationOnCancelledSessionId: onCancelled.id,
      seriesId: series.id,
      otherSchoolParticipantId: otherSchool.registerParticipant.participant.id,
      centreParticipantId: centre.participant.id,
    };
  });

  afterEach(() => api.clock.set(NOW));
  afterAll(() => api?.close());

  it('has unique case names', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it('produces every error code of the feature', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(['ALREADY_REGISTERED', 'SESSION_CANCELLED', 'SESSION_IN_PAST', 'NOT_FOUND', 'BAD_USER_INPUT']));
  });

  it.each(CASES)('$name → $code', async ({ query, variables, code, as: role = 'coordinator', at, arrange, message }) => {
    const arranged = arrange ? await arrange(ctx, as(role)) : {};
    if (at) api.clock.set(new Date(at));
    const before = await snapshot(api);

    const result = await api.gql(query, variables(ctx, arranged), ctx.world.tokens[role]);

    expect(result.status).toBeLessThan(500);
    const error = errorOf(result);
    expect(result.errors!.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message ?? /\S/) });
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();

    expect(await snapshot(api)).toEqual(before);
  });

  describe('what is accepted', () => {
    const REGISTER_VIEW = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id phone consentToContact consentRecordedAt possibleDuplicateOf { id } } } }`;
    const PARTICIPANT_VIEW = `query($id: ID!) { participant(id: $id) { id firstName phone possibleDuplicateOf { id firstName phone } } }`;
    let firstId: string;

    test('phone "0470 12 34 56" is stored as +32470123456', async () => {
      const before = await snapshot(api);
      const result = await api.gql(
        REGISTER_VIEW,
        {
          i: {
            sessionId: ctx.openSessionId,
            participant: person({ firstName: 'Gulalai', lastName: 'Telefoon', phone: '0470 12 34 56', contactChannel: 'SMS', consentToContact: true }),
          },
        },
        ctx.world.tokens.coordinator,
      );
      const { registerParticipant } = dataOf(result);
      expect(registerParticipant).toMatchObject({
        status: 'CONFIRMED',
        participant: {
          phone: '+32470123456',
          consentToContact: true,
          consentRecordedAt: expect.stringMatching(/^2026-08-15T12:00:00/),
          possibleDuplicateOf: null,
        },
      });
      firstId = registerParticipant.participant.id;
      const [row] = await api.dataSource.query<{ phone: string }[]>(`SELECT phone FROM participant WHERE id = $1`, [firstId]);
      expect(row.phone).toBe('+32470123456');
      const after = await snapshot(api);
      expect([after.participant.n, after.registration.n]).toEqual([before.participant.n + 1, before.registration.n + 1]);
    });

    test('a new participant with the same phone is created, flagged as a possible duplicate for the coordinator', async () => {
      const before = await snapshot(api);
      const result = await api.gql(
        REGISTER_VIEW,
        {
          i: {
            sessionId: ctx.fullSessionId,
            participant: person({ firstName: 'Hamid', lastName: 'Dubbel', phone: '+32 470 12 34 56', contactChannel: 'SMS', consentToContact: true }),
          },
        },
        ctx.world.tokens.coordinator,
      );
      const { registerParticipant } = dataOf(result);
      expect(registerParticipant).toMatchObject({ status: 'WAITLISTED', participant: { phone: '+32470123456', possibleDuplicateOf: { id: firstId } } });
      expect(registerParticipant.participant.id).not.toBe(firstId);
      const after = await snapshot(api);
      expect(after.participant.n).toBe(before.participant.n + 1);

      const seen = dataOf(await api.gql(PARTICIPANT_VIEW, { id: registerParticipant.participant.id }, ctx.world.tokens.coordinator)).participant;
      expect(seen).toEqual({
        id: registerParticipant.participant.id,
        firstName: 'Hamid',
        phone: '+32470123456',
        possibleDuplicateOf: { id: firstId, firstName: 'Gulalai', phone: '+32470123456' },
      });
      // Searching the phone as typed finds both, so the coordinator can decide.
      const found = dataOf(
        await api.gql(`query($s: String) { participants(search: $s) { id } }`, { s: '0470 12 34 56' }, ctx.world.tokens.coordinator),
      ).participants;
      expect(found.map((p: { id: string }) => p.id).sort()).toEqual([firstId, registerParticipant.participant.id].sort());
    });

    test('the duplicate flag never shows a participant the caller may not see', async () => {
      const schoolBSession = (
        await api
          .gql(
            CREATE_SESSION,
            {
              i: sessionInput(ctx.world, {
                title: 'School B, later',
                venueId: ctx.world.otherSchoolVenueId,
                hostIds: [ctx.world.userIds.otherHost],
                startsAt: '2026-09-25T19:00:00+02:00',
                endsAt: '2026-09-25T20:30:00+02:00',
              }),
            },
            ctx.world.tokens.coordinator,
          )
          .then(dataOf)
      ).createSession.id;
      const result = await api.gql(
        REGISTER_VIEW,
        {
          i: {
            sessionId: schoolBSession,
            participant: person({ firstName: 'Ilham', lastName: 'Ander', phone: '0470123456', contactChannel: 'SMS', consentToContact: true }),
          },
        },
        ctx.world.tokens.otherSchoolContact,
      );
      const { registerParticipant } = dataOf(result);
      expect(registerParticipant.participant.possibleDuplicateOf).toBeNull();
      expect(JSON.stringify(result)).not.toContain(firstId);
      const asCoordinator = dataOf(await api.gql(PARTICIPANT_VIEW, { id: registerParticipant.participant.id }, ctx.world.tokens.coordinator)).participant;
      expect(asCoordinator.possibleDuplicateOf.id).toBe(firstId);
    });

    test('the cases failed for their input, not for the set-up: the same requests with good input succeed', async () => {
      const coordinator = ctx.world.tokens.coordinator;
      expect(
        dataOf(await api.gql(REGISTER, { i: { sessionId: ctx.openSessionId, participantId: ctx.seatedParticipantId } }, coordinator)).registerParticipant
          .status,
      ).toBe('CONFIRMED');
      expect(
        dataOf(await api.gql(REGISTER_SERIES, { i: { seriesId: ctx.seriesId, participantId: ctx.waitingParticipantId } }, coordinator))
          .registerParticipantForSeries,
      ).toHaveLength(2);
      expect(dataOf(await api.gql(SET_THRESHOLD, { t: 20 }, coordinator)).setNoShowFlagThreshold.noShowFlagThreshold).toBe(20);
      expect(dataOf(await api.gql(PARTICIPANTS, { first: 50 }, coordinator)).participants.length).toBeGreaterThan(0);
      api.clock.set(new Date('2026-09-08T19:30:00+02:00'));
      expect(dataOf(await api.gql(MARK, { id: ctx.seatedRegistrationId, a: true }, coordinator)).markAttendance.status).toBe('ATTENDED');
    });
  });
});
