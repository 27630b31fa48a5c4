import { CREATE_SERIES, CREATE_SESSION, createWorld, FixtureRole, sessionInput, World } from './fixtures';
import { casesOf, MatrixRow, operation, Operation, WHO, Who } from './scope-matrix';
import { dataOf, errorOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';

/**
 * Role scope of registrations: every registrations mutation and query, for every role of the
 * fixture world and for an anonymous caller. The MATRIX is the contract at a glance; each row
 * runs as a test.each over the roles, each case on fresh data of its own.
 *
 * Unless a row says otherwise the session under test is at school A's venue and hosted by `host`,
 * so `host`, `schoolContact` (school A) and the coordinators are responsible for it, while
 * `otherHost` and `otherSchoolContact` (school B) are not.
 */

/** hidden: the call succeeds but shows nothing (an empty list, null), as for a record that does not exist. */
type Outcome = 'allowed' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED';
type Row = MatrixRow<Outcome>;

const A: Outcome = 'allowed';
const H: Outcome = 'hidden';
const F: Outcome = 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';

// prettier-ignore
const MATRIX = {
  //                                                              anon admin coord host otherHost school otherSchool organiser volunteer
  'registerParticipant (new participant)':                        [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'registerParticipant (existing participantId)':                 [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'registerParticipant (centre session hosted by otherHost)':     [U,   A,    A,    F,   A,        F,     F,          F,        F],
  'registerParticipantForSeries (new participant)':               [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'registerParticipantForSeries (existing participantId)':        [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'cancelRegistration (the seat passes to the waiting list)':     [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'cancelSeriesRegistration':                                     [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'markAttendance (attended)':                                    [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'markAttendance (no-show)':                                     [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'setNoShowFlagThreshold':                                       [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'registration(id)':                                             [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'Session.registrations':                                        [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'Session.registrations(includeCancelled: true)':                [U,   A,    A,    A,   F,        A,     F,          F,        F],
  'participants(search)':                                         [U,   A,    A,    A,   H,        A,     H,          H,        H],
  'participant(id)':                                              [U,   A,    A,    A,   H,        A,     H,          H,        H],
  // Not personal data, but like every operation the access matrix does not open to anyone, it needs a login.
  'registrationSettings':                                         [U,   A,    A,    A,   A,        A,     A,          A,        A],
} satisfies Record<string, Row>;

type OperationName = keyof typeof MATRIX;

/** The test clock's own "now" (startTestApi's default); markAttendance cases move it past the start. */
const NOW = new Date('2026-08-15T10:00:00Z');
const STARTS_AT = '2026-09-08T19:00:00+02:00';
const DURING_THE_SESSION = new Date('2026-09-08T19:30:00+02:00');
const SERIES_RRULE = 'FREQ=WEEKLY;BYDAY=TU;COUNT=2';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status waitlistPosition seriesId session { id } participant { id firstName lastName } } }`;
const REGISTER_SERIES = `mutation($i: RegisterParticipantForSeriesInput!) { registerParticipantForSeries(input: $i) { id status seriesId session { id } participant { id lastName } } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const CANCEL_SERIES = `mutation($s: ID!, $p: ID!) { cancelSeriesRegistration(seriesId: $s, participantId: $p) { id status session { id } } }`;
const MARK = `mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { id status } }`;
const SET_THRESHOLD = `mutation($t: Int!) { setNoShowFlagThreshold(threshold: $t) { noShowFlagThreshold } }`;
const SETTINGS = `{ registrationSettings { noShowFlagThreshold } }`;
const REGISTRATION = `query($id: ID!) { registration(id: $id) { id status waitlistPosition seriesId session { id } participant { id firstName lastName noShowCount consecutiveNoShows registeredByOrganisation { id } } } }`;
const COUNTS = `query($id: ID!) { session(id: $id) { id capacity confirmedCount waitlistCount availableSeats } }`;

/** Every table a registrations mutation could touch. */
const TABLES = ['participant', 'registration', 'registration_event', 'session', 'app_setting'];

const snapshot = (api: TestApi) => tableSnapshot(api.dataSource, TABLES);

/** A new participant reachable only through their school (no phone or e-mail of their own). */
const newParticipant = (lastName: string, overrides: Record<string, unknown> = {}) => ({
  firstName: 'Amina',
  lastName,
  preferredLanguage: 'ar',
  contactChannel: 'VIA_ORGANISATION',
  consentToContact: false,
  ...overrides,
});

/** No data at all came back: the whole result, or each root field, is null. */
function expectNoData(result: GraphQLResult): void {
  if (result.data === null) return;
  for (const value of Object.values(result.data)) expect(value).toBeNull();
}

describe('registrations: role scope', () => {
  let api: TestApi;
  let world: World;

  const tokenOf = (who: Who): string | null => (who === 'anonymous' ? null : world.tokens[who]);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.admin).then(dataOf);
  const anonymously = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, null).then(dataOf);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await api.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  const eventKinds = async (registrationId: string): Promise<string[]> =>
    (
      await api.dataSource.query<{ kind: string }[]>(`SELECT kind FROM registration_event WHERE registration_id = $1 ORDER BY occurred_at, kind`, [
        registrationId,
      ])
    ).map((r) => r.kind);

  /** A session of its own for the case: school A, hosted by host, on 8 September unless overridden. */
  const createSession = async (title: string, overrides: Record<string, unknown> = {}): Promise<string> =>
    (
      await asAdmin(CREATE_SESSION, {
        i: sessionInput(world, { title, venueId: world.schoolVenueId, hostIds: [world.userIds.host], startsAt: STARTS_AT, ...overrides }),
      })
    ).createSession.id as string;
  /** A two-week series of its own: school A, hosted by host. */
  const createSeries = async (title: string): Promise<{ id: string; sessionIds: string[] }> => {
    const created = (
      await asAdmin(CREATE_SERIES, {
        i: {
          programmeId: world.praattafelId,
          venueId: world.schoolVenueId,
          title,
          rrule: SERIES_RRULE,
          firstStartsAt: STARTS_AT,
          durationMinutes: 90,
          hostIds: [world.userIds.host],
        },
      })
    ).createSessionSeries;
    return { id: created.id, sessionIds: created.sessions.map((s: { id: string }) => s.id) };
  };
  const registerAsAdmin = async (input: Record<string, unknown>): Promise<{ id: string; status: string; participant: { id: string } }> =>
    (await asAdmin(REGISTER, { i: input })).registerParticipant;
  const registration = async (id: string) => (await asAdmin(REGISTRATION, { id })).registration;
  const counts = async (id: string) => {
    const { confirmedCount, waitlistCount, availableSeats } = (await anonymously(COUNTS, { id })).session;
    return { confirmedCount, waitlistCount, availableSeats };
  };
  const threshold = async (): Promise<number> => (await asAdmin(SETTINGS)).registrationSettings.noShowFlagThreshold;

  const registerNewOperation = (where: () => Record<string, unknown>, organisation: () => string) =>
    operation<{ sessionId: string; lastName: string }>({
      arrange: async ({ tag }) => ({ sessionId: await createSession(`Tafel ${tag}`, where()), lastName: `Nieuw ${tag}` }),
      act: ({ sessionId, lastName }, token) => api.gql(REGISTER, { i: { sessionId, participant: newParticipant(lastName) } }, token),
      effect: async ({ sessionId, lastName }, data, { who }) => {
        expect(data.registerParticipant).toMatchObject({
          status: 'CONFIRMED',
          waitlistPosition: null,
          seriesId: null,
          session: { id: sessionId },
          participant: { firstName: 'Amina', lastName },
        });
        const stored = await registration(data.registerParticipant.id);
        // A school contact registers for their own school; anyone else for the organisation of the venue.
        expect(stored.participant.registeredByOrganisation).toEqual({ id: organisation() });
        expect(await counts(sessionId)).toEqual({ confirmedCount: 1, waitlistCount: 0, availableSeats: 9 });
        expect(await eventKinds(data.registerParticipant.id)).toEqual(['CONFIRMED']);
        expect(
          await count('SELECT count(*) AS n FROM participant WHERE last_name = $1 AND created_by_id = $2', [lastName, world.userIds[who as FixtureRole]]),
        ).toBe(1);
      },
      unchanged: async ({ sessionId, lastName }) => {
        expect(await counts(sessionId)).toEqual({ confirmedCount: 0, waitlistCount: 0, availableSeats: 10 });
        expect(await count('SELECT count(*) AS n FROM participant WHERE last_name = $1', [lastName])).toBe(0);
        expect(await count('SELECT count(*) AS n FROM registration WHERE session_id = $1', [sessionId])).toBe(0);
      },
    });

  const OPERATIONS: Record<OperationName, Operation<unknown>> = {
    'registerParticipant (new participant)': registerNewOperation(
      () => ({}),
      () => world.schoolId,
    ),
    'registerParticipant (centre session hosted by otherHost)': registerNewOperation(
      () => ({ venueId: world.centreVenueId, hostIds: [world.userIds.otherHost] }),
      () => world.centreId,
    ),

    'registerParticipant (existing participantId)': operation<{ sessionId: string; participantId: string }>({
      arrange: async ({ tag }) => {
        // Registered by school A at a session host hosts: someone every responsible role may pick.
        const first = await registerAsAdmin({ sessionId: await createSession(`Eerste ${tag}`), participant: newParticipant(`Bestaand ${tag}`) });
        return {
          sessionId: await createSession(`Tweede ${tag}`, { startsAt: '2026-09-15T19:00:00+02:00', endsAt: '2026-09-15T20:30:00+02:00' }),
          participantId: first.participant.id,
        };
      },
      act: ({ sessionId, participantId }, token) => api.gql(REGISTER, { i: { sessionId, participantId } }, token),
      effect: async ({ sessionId, participantId }, data) => {
        expect(data.registerParticipant).toMatchObject({ status: 'CONFIRMED', session: { id: sessionId }, participant: { id: participantId } });
        expect(await counts(sessionId)).toEqual({ confirmedCount: 1, waitlistCount: 0, availableSeats: 9 });
        expect(await count('SELECT count(*) AS n FROM registration WHERE participant_id = $1', [participantId])).toBe(2);
      },
      unchanged: async ({ sessionId, participantId }) => {
        expect(await counts(sessionId)).toEqual({ confirmedCount: 0, waitlistCount: 0, availableSeats: 10 });
        expect(await count('SELECT count(*) AS n FROM registration WHERE participant_id = $1', [participantId])).toBe(1);
      },
    }),

    'registerParticipantForSeries (new participant)': operation<{ seriesId: string; sessionIds: string[]; lastName: string }>({
      arrange: async ({ tag }) => {
        const series = await createSeries(`Reeks ${tag}`);
        return { seriesId: series.id, sessionIds: series.sessionIds, lastName: `Reeks ${tag}` };
      },
      act: ({ seriesId, lastName }, token) => api.gql(REGISTER_SERIES, { i: { seriesId, participant: newParticipant(lastName) } }, token),
      effect: async ({ seriesId, sessionIds, lastName }, data) => {
        const registrations = data.registerParticipantForSeries as {
          status: string;
          seriesId: string;
          session: { id: string };
          participant: { id: string; lastName: string };
        }[];
        expect(registrations.map((r) => r.session.id)).toEqual(sessionIds);
        for (const r of registrations)
          expect(r).toMatchObject({ status: 'CONFIRMED', seriesId, participant: { id: registrations[0].participant.id, lastName } });
        for (const id of sessionIds) expect(await counts(id)).toEqual({ confirmedCount: 1, waitlistCount: 0, availableSeats: 9 });
        expect(await count('SELECT count(*) AS n FROM participant WHERE last_name = $1', [lastName])).toBe(1);
      },
      unchanged: async ({ seriesId, sessionIds, lastName }) => {
        for (const id of sessionIds) expect(await counts(id)).toEqual({ confirmedCount: 0, waitlistCount: 0, availableSeats: 10 });
        expect(await count('SELECT count(*) AS n FROM registration WHERE series_id = $1', [seriesId])).toBe(0);
        expect(await count('SELECT count(*) AS n FROM participant WHERE last_name = $1', [lastName])).toBe(0);
      },
    }),

    'registerParticipantForSeries (existing participantId)': operation<{ seriesId: string; sessionIds: string[]; participantId: string }>({
      arrange: async ({ tag }) => {
        const first = await registerAsAdmin({ sessionId: await createSession(`Los ${tag}`), participant: newParticipant(`Bestaand ${tag}`) });
        const series = await createSeries(`Reeks ${tag}`);
        return { seriesId: series.id, sessionIds: series.sessionIds, participantId: first.participant.id };
      },
      act: ({ seriesId, participantId }, token) => api.gql(REGISTER_SERIES, { i: { seriesId, participantId } }, token),
      effect: async ({ seriesId, sessionIds, participantId }, data) => {
        expect(data.registerParticipantForSeries).toEqual(
          sessionIds.map((id) =>
            expect.objectContaining({ status: 'CONFIRMED', seriesId, session: { id }, participant: expect.objectContaining({ id: participantId }) }),
          ),
        );
        for (const id of sessionIds) expect(await counts(id)).toEqual({ confirmedCount: 1, waitlistCount: 0, availableSeats: 9 });
      },
      unchanged: async ({ seriesId, sessionIds, participantId }) => {
        for (const id of sessionIds) expect(await counts(id)).toEqual({ confirmedCount: 0, waitlistCount: 0, availableSeats: 10 });
        expect(await count('SELECT count(*) AS n FROM registration WHERE series_id = $1', [seriesId])).toBe(0);
        expect(await count('SELECT count(*) AS n FROM registration WHERE participant_id = $1', [participantId])).toBe(1);
      },
    }),

    'cancelRegistration (the seat passes to the waiting list)': operation<{ sessionId: string; seatedId: string; waitingId: string }>({
      arrange: async ({ tag }) => {
        const sessionId = await createSession(`Tafel ${tag}`, { capacity: 1 });
        const seated = await registerAsAdmin({ sessionId, participant: newParticipant(`Zit ${tag}`) });
        const waiting = await registerAsAdmin({ sessionId, participant: newParticipant(`Wacht ${tag}`) });
        expect([seated.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
        return { sessionId, seatedId: seated.id, waitingId: waiting.id };
      },
      act: ({ seatedId }, token) => api.gql(CANCEL, { id: seatedId }, token),
      effect: async ({ sessionId, seatedId, waitingId }, data) => {
        expect(data.cancelRegistration).toEqual({ id: seatedId, status: 'CANCELLED' });
        expect((await registration(seatedId)).status).toBe('CANCELLED');
        expect(await registration(waitingId)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
        expect(await counts(sessionId)).toEqual({ confirmedCount: 1, waitlistCount: 0, availableSeats: 0 });
        expect(await eventKinds(seatedId)).toEqual(['CONFIRMED', 'CANCELLED']);
        expect(await eventKinds(waitingId)).toEqual(['WAITLISTED', 'PROMOTED']);
      },
      unchanged: async ({ sessionId, seatedId, waitingId }) => {
        expect((await registration(seatedId)).status).toBe('CONFIRMED');
        expect(await registration(waitingId)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
        expect(await counts(sessionId)).toEqual({ confirmedCount: 1, waitlistCount: 1, availableSeats: 0 });
        expect(await eventKinds(seatedId)).toEqual(['CONFIRMED']);
      },
    }),

    cancelSeriesRegistration: operation<{ seriesId: string; sessionIds: string[]; participantId: string; registrationIds: string[] }>({
      arrange: async ({ tag }) => {
        const series = await createSeries(`Reeks ${tag}`);
        const registered = (await asAdmin(REGISTER_SERIES, { i: { seriesId: series.id, participant: newParticipant(`Reeks ${tag}`) } }))
          .registerParticipantForSeries as {
          id: string;
          participant: { id: string };
        }[];
        return {
          seriesId: series.id,
          sessionIds: series.sessionIds,
          participantId: registered[0].participant.id,
          registrationIds: registered.map((r) => r.id),
        };
      },
      act: ({ seriesId, participantId }, token) => api.gql(CANCEL_SERIES, { s: seriesId, p: participantId }, token),
      effect: async ({ sessionIds, registrationIds }, data) => {
        expect(data.cancelSeriesRegistration).toEqual(registrationIds.map((id, i) => ({ id, status: 'CANCELLED', session: { id: sessionIds[i] } })));
        for (const id of registrationIds) expect((await registration(id)).status).toBe('CANCELLED');
        for (const id of sessionIds) expect(await counts(id)).toEqual({ confirmedCount: 0, waitlistCount: 0, availableSeats: 10 });
      },
      unchanged: async ({ sessionIds, registrationIds }) => {
        for (const id of registrationIds) expect((await registration(id)).status).toBe('CONFIRMED');
        for (const id of sessionIds) expect(await counts(id)).toEqual({ confirmedCount: 1, waitlistCount: 0, availableSeats: 9 });
      },
    }),

    ...(Object.fromEntries(
      (
        [
          ['markAttendance (attended)', true, 'ATTENDED'],
          ['markAttendance (no-show)', false, 'NO_SHOW'],
        ] as const
      ).map(([name, attended, status]) => [
        name,
        operation<{ registrationId: string }>({
          arrange: async ({ tag }) => {
            const registered = await registerAsAdmin({ sessionId: await createSession(`Tafel ${tag}`), participant: newParticipant(`Aanwezig ${tag}`) });
            api.clock.set(DURING_THE_SESSION);
            return { registrationId: registered.id };
          },
          act: ({ registrationId }, token) => api.gql(MARK, { id: registrationId, a: attended }, token),
          effect: async ({ registrationId }, data) => {
            expect(data.markAttendance).toEqual({ id: registrationId, status });
            const stored = await registration(registrationId);
            expect(stored.status).toBe(status);
            expect(stored.participant.noShowCount).toBe(attended ? 0 : 1);
            expect(await eventKinds(registrationId)).toEqual(['CONFIRMED', status]);
          },
          unchanged: async ({ registrationId }) => {
            const stored = await registration(registrationId);
            expect(stored.status).toBe('CONFIRMED');
            expect(stored.participant.noShowCount).toBe(0);
            expect(await eventKinds(registrationId)).toEqual(['CONFIRMED']);
          },
        }),
      ]),
    ) as Record<'markAttendance (attended)' | 'markAttendance (no-show)', Operation<unknown>>),

    setNoShowFlagThreshold: operation<{ before: number; value: number }>({
      // A value per column, never the one in force, so every allowed case visibly changes it.
      arrange: async ({ column }) => ({ before: await threshold(), value: 4 + column }),
      act: ({ value }, token) => api.gql(SET_THRESHOLD, { t: value }, token),
      effect: async ({ value }, data, { who }) => {
        expect(data.setNoShowFlagThreshold).toEqual({ noShowFlagThreshold: value });
        expect(await threshold()).toBe(value);
        expect(
          await count(`SELECT count(*) AS n FROM app_setting WHERE key = 'registrations.noShowFlagThreshold' AND updated_by_id = $1`, [
            world.userIds[who as FixtureRole],
          ]),
        ).toBe(1);
      },
      unchanged: async ({ before }) => {
        expect(await threshold()).toBe(before);
      },
    }),

    'registration(id)': operation<{ sessionId: string; registrationId: string; lastName: string }>({
      arrange: async ({ tag }) => {
        const sessionId = await createSession(`Tafel ${tag}`);
        const lastName = `Privé ${tag}`;
        return { sessionId, registrationId: (await registerAsAdmin({ sessionId, participant: newParticipant(lastName) })).id, lastName };
      },
      act: ({ registrationId }, token) =>
        api.gql(`query($id: ID!) { registration(id: $id) { id status session { id } participant { id lastName } } }`, { id: registrationId }, token),
      effect: async ({ sessionId, registrationId, lastName }, data) => {
        expect(data.registration).toEqual({
          id: registrationId,
          status: 'CONFIRMED',
          session: { id: sessionId },
          participant: { id: expect.any(String), lastName },
        });
      },
      unchanged: async ({ lastName }, result) => {
        expect(JSON.stringify(result)).not.toContain(lastName);
      },
    }),

    ...(Object.fromEntries(
      (
        [
          ['Session.registrations', false],
          ['Session.registrations(includeCancelled: true)', true],
        ] as const
      ).map(([name, includeCancelled]) => [
        name,
        operation<{ sessionId: string; seatedId: string; waitingId: string; cancelledId: string; tag: string }>({
          arrange: async ({ tag }) => {
            const sessionId = await createSession(`Tafel ${tag}`, { capacity: 1 });
            const cancelled = await registerAsAdmin({ sessionId, participant: newParticipant(`Geannuleerd ${tag}`) });
            await asAdmin(CANCEL, { id: cancelled.id });
            const seated = await registerAsAdmin({ sessionId, participant: newParticipant(`Zit ${tag}`) });
            const waiting = await registerAsAdmin({ sessionId, participant: newParticipant(`Wacht ${tag}`) });
            return { sessionId, seatedId: seated.id, waitingId: waiting.id, cancelledId: cancelled.id, tag };
          },
          act: ({ sessionId }, token) =>
            api.gql(
              `query($id: ID!, $c: Boolean) { session(id: $id) { id confirmedCount registrations(includeCancelled: $c) { id status waitlistPosition participant { lastName } } } }`,
              { id: sessionId, c: includeCancelled },
              token,
            ),
          effect: async ({ seatedId, waitingId, cancelledId, tag }, data) => {
            expect(data.session.registrations).toEqual([
              { id: seatedId, status: 'CONFIRMED', waitlistPosition: null, participant: { lastName: `Zit ${tag}` } },
              { id: waitingId, status: 'WAITLISTED', waitlistPosition: 1, participant: { lastName: `Wacht ${tag}` } },
              ...(includeCancelled ? [{ id: cancelledId, status: 'CANCELLED', waitlistPosition: null, participant: { lastName: `Geannuleerd ${tag}` } }] : []),
            ]);
          },
          unchanged: async ({ tag }, result) => {
            expect(JSON.stringify(result)).not.toContain(tag);
          },
        }),
      ]),
    ) as Record<'Session.registrations' | 'Session.registrations(includeCancelled: true)', Operation<unknown>>),

    'participants(search)': operation<{ participantId: string; lastName: string }>({
      arrange: async ({ tag }) => {
        const lastName = `Gezocht ${tag}`;
        return {
          participantId: (await registerAsAdmin({ sessionId: await createSession(`Tafel ${tag}`), participant: newParticipant(lastName) })).participant.id,
          lastName,
        };
      },
      act: ({ lastName }, token) =>
        api.gql(`query($s: String) { participants(search: $s) { id firstName lastName registeredByOrganisation { id } } }`, { s: lastName }, token),
      effect: async ({ participantId, lastName }, data) => {
        expect(data.participants).toEqual([{ id: participantId, firstName: 'Amina', lastName, registeredByOrganisation: { id: world.schoolId } }]);
      },
      unchanged: async ({ lastName }, result) => {
        if (result.data) expect(result.data.participants).toEqual([]);
        expect(JSON.stringify(result)).not.toContain(lastName);
      },
    }),

    'participant(id)': operation<{ participantId: string; lastName: string }>({
      arrange: async ({ tag }) => {
        const lastName = `Opgevraagd ${tag}`;
        return {
          participantId: (await registerAsAdmin({ sessionId: await createSession(`Tafel ${tag}`), participant: newParticipant(lastName) })).participant.id,
          lastName,
        };
      },
      act: ({ participantId }, token) =>
        api.gql(`query($id: ID!) { participant(id: $id) { id firstName lastName contactChannel } }`, { id: participantId }, token),
      effect: async ({ participantId, lastName }, data) => {
        expect(data.participant).toEqual({ id: participantId, firstName: 'Amina', lastName, contactChannel: 'VIA_ORGANISATION' });
      },
      unchanged: async ({ lastName }, result) => {
        if (result.data) expect(result.data.participant).toBeNull();
        expect(JSON.stringify(result)).not.toContain(lastName);
      },
    }),

    registrationSettings: operation<null>({
      arrange: async () => null,
      act: (_state, token) => api.gql(SETTINGS, {}, token),
      effect: async (_state, data) => {
        expect(data.registrationSettings.noShowFlagThreshold).toEqual(expect.any(Number));
        expect(data.registrationSettings.noShowFlagThreshold).toBeGreaterThanOrEqual(1);
      },
      unchanged: async (_state, result) => {
        expect(JSON.stringify(result)).not.toContain('noShowFlagThreshold');
      },
    }),
  };

  beforeAll(async () => {
    api = await startTestApi({ now: NOW });
    world = await createWorld(api);
  });

  afterEach(() => api.clock.set(NOW));
  afterAll(() => api?.close());

  it('has an operation for every row of the matrix and a row for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(Object.keys(MATRIX) as OperationName[])('%s', (name) => {
    test.each(casesOf<Outcome>(MATRIX, name))('$who → $expected', async ({ expected, ...c }) => {
      const { who } = c;
      const op = OPERATIONS[name];
      const state = await op.arrange(c);
      const before = expected === 'allowed' ? null : await snapshot(api);
      const result = await op.act(state, tokenOf(who));
      expect(result.status).toBeLessThan(500);
      if (expected === 'allowed') {
        await op.effect(state, dataOf(result), c);
        return;
      }
      if (expected === 'hidden') {
        dataOf(result);
      } else {
        expect(errorOf(result).code).toBe(expected);
        expectNoData(result);
      }
      await op.unchanged(state, result, c);
      expect(await snapshot(api)).toEqual(before);
    });
  });

  describe('participants: who sees whom', () => {
    type Key = 'schoolA' | 'schoolB' | 'centre' | 'createdByHost';
    // prettier-ignore
    const SEES: Record<Who, Key[] | 'UNAUTHENTICATED'> = {
      anonymous:          'UNAUTHENTICATED',
      admin:              ['centre', 'createdByHost', 'schoolA', 'schoolB'],
      coordinator:        ['centre', 'createdByHost', 'schoolA', 'schoolB'],
      host:               ['createdByHost', 'schoolA'],
      otherHost:          ['createdByHost', 'schoolB'],
      schoolContact:      ['schoolA'],
      otherSchoolContact: ['schoolB'],
      organiser:          [],
      volunteer:          [],
    };
    const SEARCH = 'Zichtbaar';
    const ids = {} as Record<Key, string>;

    beforeAll(async () => {
      // Registered by school A's contact at school A (hosted by host).
      const schoolA = await api
        .gql(
          REGISTER,
          { i: { sessionId: await createSession('Zicht: school A'), participant: newParticipant(`${SEARCH} schoolA`) } },
          world.tokens.schoolContact,
        )
        .then(dataOf);
      ids.schoolA = schoolA.registerParticipant.participant.id;
      // Registered by school B's contact at school B (hosted by otherHost).
      const schoolBSession = await createSession('Zicht: school B', { venueId: world.otherSchoolVenueId, hostIds: [world.userIds.otherHost] });
      const schoolB = await api
        .gql(REGISTER, { i: { sessionId: schoolBSession, participant: newParticipant(`${SEARCH} schoolB`) } }, world.tokens.otherSchoolContact)
        .then(dataOf);
      ids.schoolB = schoolB.registerParticipant.participant.id;
      // Registered by a coordinator at a centre session nobody hosts.
      ids.centre = (
        await registerAsAdmin({
          sessionId: await createSession('Zicht: centrum', { venueId: world.centreVenueId, hostIds: [] }),
          participant: newParticipant(`${SEARCH} centre`),
        })
      ).participant.id;
      // Created by host for a series they hosted; the series then passes to otherHost, so host
      // still sees them as their creator and otherHost as the host of their sessions.
      const series = (
        await asAdmin(CREATE_SERIES, {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title: 'Zicht: reeks',
            rrule: SERIES_RRULE,
            firstStartsAt: '2026-09-10T19:00:00+02:00',
            durationMinutes: 90,
            hostIds: [world.userIds.host],
          },
        })
      ).createSessionSeries;
      const created = await api
        .gql(REGISTER_SERIES, { i: { seriesId: series.id, participant: newParticipant(`${SEARCH} createdByHost`) } }, world.tokens.host)
        .then(dataOf);
      ids.createdByHost = created.registerParticipantForSeries[0].participant.id;
      await asAdmin('mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { series { id } } }', {
        id: series.id,
        i: { hostIds: [world.userIds.otherHost] },
      });
    });

    test.each(WHO.map((who) => ({ who, expected: SEES[who] })))('participants: $who → $expected', async ({ who, expected }) => {
      const result = await api.gql(`query($s: String) { participants(search: $s, first: 50) { id lastName } }`, { s: SEARCH }, tokenOf(who));
      if (expected === 'UNAUTHENTICATED') {
        expect(errorOf(result).code).toBe('UNAUTHENTICATED');
        expect(result.data).toBeNull();
        return;
      }
      // Ordered by first name (all Amina), then last name.
      expect(dataOf(result).participants).toEqual(expected.map((key) => ({ id: ids[key], lastName: `${SEARCH} ${key}` })));
    });

    test.each(WHO.map((who) => ({ who, expected: SEES[who] })))('participant(id): $who → $expected', async ({ who, expected }) => {
      for (const key of Object.keys(ids) as Key[]) {
        const result = await api.gql(`query($id: ID!) { participant(id: $id) { id lastName } }`, { id: ids[key] }, tokenOf(who));
        if (expected === 'UNAUTHENTICATED') {
          expect(errorOf(result).code).toBe('UNAUTHENTICATED');
          expectNoData(result);
        } else {
          expect(dataOf(result).participant).toEqual(expected.includes(key) ? { id: ids[key], lastName: `${SEARCH} ${key}` } : null);
        }
      }
    });
  });

  describe('session counts are public; the people behind them are not', () => {
    let sessionId: string;
    const PHONE = '+32470998877';

    beforeAll(async () => {
      // A day of its own, so the schedule below shows only this session.
      sessionId = await createSession('Publiek: tellers', { capacity: 1, startsAt: '2026-09-23T19:00:00+02:00', endsAt: '2026-09-23T20:30:00+02:00' });
      await registerAsAdmin({
        sessionId,
        participant: newParticipant('Publiek zit', { phone: '0470 99 88 77', contactChannel: 'SMS', consentToContact: true }),
      });
      await registerAsAdmin({ sessionId, participant: newParticipant('Publiek wacht') });
    });

    test.each(WHO)('counts: %s', async (who) => {
      const data = dataOf(await api.gql(COUNTS, { id: sessionId }, tokenOf(who)));
      expect(data.session).toEqual({ id: sessionId, capacity: 1, confirmedCount: 1, waitlistCount: 1, availableSeats: 0 });
    });

    test('the public schedule carries the counts for anonymous readers', async () => {
      const data = await anonymously(
        `{ sessions(filter: { from: "2026-09-23T00:00:00+02:00", to: "2026-09-24T00:00:00+02:00" }, first: 100) { edges { node { id confirmedCount waitlistCount availableSeats } } } }`,
      );
      expect(data.sessions.edges.map((e: { node: unknown }) => e.node)).toEqual([{ id: sessionId, confirmedCount: 1, waitlistCount: 1, availableSeats: 0 }]);
    });

    test('anonymous readers asking the schedule for registrations get UNAUTHENTICATED and no personal data', async () => {
      const result = await api.gql(
        `{ sessions(filter: { from: "2026-09-23T00:00:00+02:00", to: "2026-09-24T00:00:00+02:00" }, first: 100) { edges { node { id registrations { id participant { firstName lastName phone } } } } } }`,
        {},
        null,
      );
      expect(result.errors!.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['UNAUTHENTICATED']));
      expect(new Set(result.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['UNAUTHENTICATED']));
      const body = JSON.stringify(result);
      for (const secret of ['Publiek zit', 'Publiek wacht', PHONE, 'Amina']) expect(body).not.toContain(secret);
    });

    test('a registration id alone shows nothing anonymously', async () => {
      const [{ id }] = await api.dataSource.query<{ id: string }[]>(`SELECT r.id FROM registration r WHERE r.session_id = $1 LIMIT 1`, [sessionId]);
      const result = await api.gql(`query($id: ID!) { registration(id: $id) { id participant { phone } } }`, { id }, null);
      expect(errorOf(result).code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result)).not.toContain(PHONE);
    });
  });
});
