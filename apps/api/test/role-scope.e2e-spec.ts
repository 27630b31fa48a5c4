import { ClosuresService } from '@app/scheduling';
import { CREATE_SERIES, CREATE_SESSION, createWorld, FixtureRole, sessionInput, World } from './fixtures';
import { casesOf, MatrixRow, operation, Operation, WHO, Who } from './scope-matrix';
import { dataOf, errorOf, startTestApi, TEST_ADMIN, TestApi } from './test-api';

/**
 * Role scope of every mutation and of the scoped reads, for every role of the fixture world and
 * for an anonymous caller. The MATRIX below is the whole contract at a glance; each row is run
 * with a test.each over the roles, each case on fresh data of its own.
 */

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT';
type Row = MatrixRow<Outcome>;

const A: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const B: Outcome = 'BAD_USER_INPUT';

// "host" is the host of the session/series under test; "schoolContact" is school A's contact, and
// school A is the organisation under test. BAD_USER_INPUT: the role may, the input may not.
// prettier-ignore
const MATRIX = {
  //                                                     anon admin coord host otherHost school otherSchool organiser volunteer
  'createUser (HOST)':                                  [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createUser (ADMIN)':                                 [U,   A,    F,    F,   F,        F,     F,          F,        F],
  'createUser (SCHOOL_CONTACT of school A)':            [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createUser (SCHOOL_CONTACT of a centre)':            [U,   B,    B,    F,   F,        F,     F,          F,        F],
  'createOrganisation':                                 [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createVenue':                                        [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createProgramme':                                    [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'updateProgramme':                                    [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createSession (hostIds omitted)':                    [U,   A,    A,    A,   A,        F,     F,          F,        F],
  'createSession (hostIds: [host])':                    [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'createSessionSeries (hostIds omitted)':              [U,   A,    A,    A,   A,        F,     F,          F,        F],
  'createSessionSeries (hostIds: [host])':              [U,   A,    A,    A,   F,        F,     F,          F,        F],
  "updateSessionSeries (host's series: title)":         [U,   A,    A,    A,   F,        F,     F,          F,        F],
  "updateSessionSeries (host's series: hostIds → [otherHost])": [U, A, A,    F,   F,        F,     F,          F,        F],
  "cancelSession (host's session)":                     [U,   A,    A,    A,   F,        F,     F,          F,        F],
  "updateSessionCapacity (host's session)":             [U,   A,    A,    A,   F,        F,     F,          F,        F],
  "moveSession (host's session)":                       [U,   A,    A,    A,   F,        F,     F,          F,        F],
  'addClosureDay (school A)':                           [U,   A,    A,    F,   F,        A,     F,          F,        F],
  "removeClosureDay (school A's own day)":              [U,   A,    A,    F,   F,        A,     F,          F,        F],
  'removeClosureDay (standard school holiday)':         [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'programmes(includeInactive: true)':                  [U,   A,    A,    F,   F,        F,     F,          F,        F],
} satisfies Record<string, Row>;

type OperationName = keyof typeof MATRIX;

const USER_EMAIL: Record<FixtureRole, string> = {
  admin: TEST_ADMIN.email,
  coordinator: 'coordinator@test.oefenkansen.be',
  host: 'host@test.oefenkansen.be',
  otherHost: 'otherhost@test.oefenkansen.be',
  schoolContact: 'schoolcontact@test.oefenkansen.be',
  otherSchoolContact: 'otherschoolcontact@test.oefenkansen.be',
  organiser: 'organiser@test.oefenkansen.be',
  volunteer: 'volunteer@test.oefenkansen.be',
};

const USER_ROLES: Record<FixtureRole, string[]> = {
  admin: ['ADMIN'],
  coordinator: ['COORDINATOR'],
  host: ['HOST'],
  otherHost: ['HOST'],
  schoolContact: ['SCHOOL_CONTACT'],
  otherSchoolContact: ['SCHOOL_CONTACT'],
  organiser: ['FESTIVAL_ORGANISER'],
  volunteer: ['VOLUNTEER'],
};

const NEW_USER_PASSWORD = 'a-long-password-for-2026';
const SERIES_RRULE = 'FREQ=WEEKLY;BYDAY=TU;COUNT=2';

const SESSION_VIEW = `id title status capacity startsAt cancellationReason hosts { id }`;
const SERIES_VIEW = `id title hosts { id } sessions { id title hosts { id } }`;

describe('role scope', () => {
  let api: TestApi;
  let world: World;
  /** Sessions in October 2026 for the mySessions scope (no other case schedules in October). */
  let scoped: Record<'schoolByHost' | 'otherSchoolByOtherHost' | 'centreByHostAndVolunteer' | 'schoolUnhosted', string>;
  let publicSeriesId: string;
  let publicClosureDayId: string;
  let retiredProgrammeId: string;

  const tokenOf = (who: Who): string | null => (who === 'anonymous' ? null : world.tokens[who]);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.admin).then(dataOf);
  const anonymously = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, null).then(dataOf);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await api.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  const isCoordinator = (who: Who) => who === 'admin' || who === 'coordinator';

  const createSessionAsAdmin = async (overrides: Record<string, unknown>): Promise<string> =>
    (await asAdmin(CREATE_SESSION, { i: sessionInput(world, overrides) })).createSession.id as string;
  const createSeriesAsAdmin = async (title: string, hostIds: string[]): Promise<string> =>
    (await asAdmin(CREATE_SERIES, { i: seriesInput(title, { hostIds }) })).createSessionSeries.id as string;
  const seriesInput = (title: string, overrides: Record<string, unknown> = {}) => ({
    programmeId: world.praattafelId,
    venueId: world.centreVenueId,
    title,
    rrule: SERIES_RRULE,
    firstStartsAt: '2026-09-08T19:00:00+02:00',
    durationMinutes: 90,
    ...overrides,
  });
  const readSession = async (id: string) => (await anonymously(`query($id: ID!) { session(id: $id) { ${SESSION_VIEW} } }`, { id })).session;
  const readSeries = async (id: string) => (await asAdmin(`query($id: ID!) { sessionSeries(id: $id) { ${SERIES_VIEW} } }`, { id })).sessionSeries;
  const ownClosureDays = async (organisationId: string, from: string, to: string): Promise<{ id: string; date: string; label: string; kind: string }[]> =>
    (
      await anonymously(`query($f: Date!, $t: Date!, $o: ID) { closureDays(from: $f, to: $t, organisationId: $o) { id date label kind organisationId } }`, {
        f: from,
        t: to,
        o: organisationId,
      })
    ).closureDays;
  const programmeByName = async (name: string) =>
    (
      (await asAdmin('{ programmes(includeInactive: true) { id name defaultCapacity active } }')).programmes as {
        id: string;
        name: string;
        defaultCapacity: number;
      }[]
    ).find((p) => p.name === name);

  const createUserOperation = (roles: string[], organisation: () => string | null) =>
    operation<{ email: string }>({
      arrange: async ({ tag }) => ({ email: `new-${tag}@test.oefenkansen.be`.toLowerCase() }),
      act: ({ email }, token) =>
        api.gql(
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id email roles organisation { id } } }',
          { i: { email, password: NEW_USER_PASSWORD, displayName: 'Nieuwe gebruiker', roles, organisationId: organisation() } },
          token,
        ),
      effect: async ({ email }, data) => {
        expect(data.createUser).toMatchObject({ email, roles, organisation: organisation() ? { id: organisation() } : null });
        expect(await count('SELECT count(*) AS n FROM app_user WHERE email = $1', [email])).toBe(1);
        const token = await api.login(email, NEW_USER_PASSWORD);
        expect((await api.gql('{ me { id roles } }', {}, token).then(dataOf)).me).toEqual({ id: data.createUser.id, roles });
      },
      unchanged: async ({ email }) => {
        expect(await count('SELECT count(*) AS n FROM app_user WHERE email = $1', [email])).toBe(0);
      },
    });

  const createSessionOperation = (hostIds: () => string[] | undefined) =>
    operation<{ title: string }>({
      arrange: async ({ tag }) => ({ title: `Tafel ${tag}` }),
      act: ({ title }, token) => api.gql(CREATE_SESSION, { i: sessionInput(world, { title, ...(hostIds() ? { hostIds: hostIds() } : {}) }) }, token),
      effect: async ({ title }, data, { who }) => {
        const expectedHosts = hostIds() ?? (isCoordinator(who) ? [] : [world.userIds[who as FixtureRole]]);
        const session = await readSession(data.createSession.id);
        expect(session).toMatchObject({ title, status: 'SCHEDULED', capacity: 10 });
        expect(session.hosts.map((h: { id: string }) => h.id).sort()).toEqual([...expectedHosts].sort());
      },
      unchanged: async ({ title }) => {
        expect(await count('SELECT count(*) AS n FROM session WHERE title = $1', [title])).toBe(0);
      },
    });

  const createSeriesOperation = (hostIds: () => string[] | undefined) =>
    operation<{ title: string }>({
      arrange: async ({ tag }) => ({ title: `Reeks ${tag}` }),
      act: ({ title }, token) => api.gql(CREATE_SERIES, { i: seriesInput(title, hostIds() ? { hostIds: hostIds() } : {}) }, token),
      effect: async ({ title }, data, { who }) => {
        const expectedHosts = hostIds() ?? (isCoordinator(who) ? [] : [world.userIds[who as FixtureRole]]);
        const series = await readSeries(data.createSessionSeries.id);
        expect(series.title).toBe(title);
        expect(series.hosts.map((h: { id: string }) => h.id).sort()).toEqual([...expectedHosts].sort());
        expect(series.sessions).toHaveLength(2);
        for (const session of series.sessions) expect(session.hosts.map((h: { id: string }) => h.id).sort()).toEqual([...expectedHosts].sort());
      },
      unchanged: async ({ title }) => {
        expect(await count('SELECT count(*) AS n FROM session_series WHERE title = $1', [title])).toBe(0);
        expect(await count('SELECT count(*) AS n FROM session WHERE title = $1', [title])).toBe(0);
      },
    });

  const OPERATIONS: Record<OperationName, Operation<unknown>> = {
    'createUser (HOST)': createUserOperation(['HOST'], () => null),
    'createUser (ADMIN)': createUserOperation(['ADMIN'], () => null),
    'createUser (SCHOOL_CONTACT of school A)': createUserOperation(['SCHOOL_CONTACT'], () => world.schoolId),
    'createUser (SCHOOL_CONTACT of a centre)': createUserOperation(['SCHOOL_CONTACT'], () => world.centreId),

    createOrganisation: operation<{ name: string }>({
      arrange: async ({ tag }) => ({ name: `Organisatie ${tag}` }),
      act: ({ name }, token) =>
        api.gql('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id name kind } }', { i: { name, kind: 'PARTNER' } }, token),
      effect: async ({ name }, data) => {
        const organisations = (await anonymously('{ organisations { id name kind } }')).organisations;
        expect(organisations).toContainEqual({ id: data.createOrganisation.id, name, kind: 'PARTNER' });
      },
      unchanged: async ({ name }) => {
        const organisations = (await anonymously('{ organisations { name } }')).organisations as { name: string }[];
        expect(organisations.map((o) => o.name)).not.toContain(name);
      },
    }),

    createVenue: operation<{ name: string }>({
      arrange: async ({ tag }) => ({ name: `Zaal ${tag}` }),
      act: ({ name }, token) =>
        api.gql(
          'mutation($i: CreateVenueInput!) { createVenue(input: $i) { id name organisation { id } } }',
          { i: { organisationId: world.centreId, name, address: 'Overleiestraat 1, 8500 Kortrijk' } },
          token,
        ),
      effect: async ({ name }, data) => {
        expect(data.createVenue.organisation.id).toBe(world.centreId);
        const organisations = (await anonymously('{ organisations { id venues { id name } } }')).organisations as {
          id: string;
          venues: { id: string; name: string }[];
        }[];
        expect(organisations.find((o) => o.id === world.centreId)!.venues).toContainEqual({ id: data.createVenue.id, name });
      },
      unchanged: async ({ name }) => {
        expect(await count('SELECT count(*) AS n FROM venue WHERE name = $1', [name])).toBe(0);
      },
    }),

    createProgramme: operation<{ name: string }>({
      arrange: async ({ tag }) => ({ name: `Programma ${tag}` }),
      act: ({ name }, token) =>
        api.gql('mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id name } }', { i: { name, kind: 'TABLE', defaultCapacity: 8 } }, token),
      effect: async ({ name }, data) => {
        const programmes = (await anonymously('{ programmes { id name defaultCapacity active } }')).programmes;
        expect(programmes).toContainEqual({ id: data.createProgramme.id, name, defaultCapacity: 8, active: true });
      },
      unchanged: async ({ name }) => {
        expect(await count('SELECT count(*) AS n FROM programme WHERE name = $1', [name])).toBe(0);
      },
    }),

    updateProgramme: operation<{ id: string; name: string }>({
      arrange: async ({ tag }) => {
        const name = `Programma ${tag}`;
        const created = await asAdmin('mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }', {
          i: { name, kind: 'TABLE', defaultCapacity: 8 },
        });
        return { id: created.createProgramme.id, name };
      },
      act: ({ id, name }, token) =>
        api.gql(
          'mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id name defaultCapacity } }',
          { id, i: { name: `${name} (hernoemd)`, defaultCapacity: 9 } },
          token,
        ),
      effect: async ({ id, name }) => {
        expect(await programmeByName(`${name} (hernoemd)`)).toEqual({ id, name: `${name} (hernoemd)`, defaultCapacity: 9, active: true });
      },
      unchanged: async ({ id, name }) => {
        expect(await programmeByName(name)).toEqual({ id, name, defaultCapacity: 8, active: true });
      },
    }),

    'createSession (hostIds omitted)': createSessionOperation(() => undefined),
    'createSession (hostIds: [host])': createSessionOperation(() => [world.userIds.host]),
    'createSessionSeries (hostIds omitted)': createSeriesOperation(() => undefined),
    'createSessionSeries (hostIds: [host])': createSeriesOperation(() => [world.userIds.host]),

    "updateSessionSeries (host's series: title)": operation<{ id: string; title: string }>({
      arrange: async ({ tag }) => {
        const title = `Reeks ${tag}`;
        return { id: await createSeriesAsAdmin(title, [world.userIds.host]), title };
      },
      act: ({ id, title }, token) =>
        api.gql(
          'mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { updatedSessions series { id title } } }',
          { id, i: { title: `${title} (nieuw)` } },
          token,
        ),
      effect: async ({ id, title }, data) => {
        expect(data.updateSessionSeries.updatedSessions).toBe(2);
        const series = await readSeries(id);
        expect(series.title).toBe(`${title} (nieuw)`);
        expect(series.sessions.map((s: { title: string }) => s.title)).toEqual([`${title} (nieuw)`, `${title} (nieuw)`]);
      },
      unchanged: async ({ id, title }) => {
        const series = await readSeries(id);
        expect(series.title).toBe(title);
        expect(series.sessions.map((s: { title: string }) => s.title)).toEqual([title, title]);
      },
    }),

    "updateSessionSeries (host's series: hostIds → [otherHost])": operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await createSeriesAsAdmin(`Reeks ${tag}`, [world.userIds.host]) }),
      act: ({ id }, token) =>
        api.gql(
          'mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { series { id } } }',
          { id, i: { hostIds: [world.userIds.otherHost] } },
          token,
        ),
      effect: async ({ id }) => {
        const series = await readSeries(id);
        expect(series.hosts).toEqual([{ id: world.userIds.otherHost }]);
        for (const session of series.sessions) expect(session.hosts).toEqual([{ id: world.userIds.otherHost }]);
      },
      unchanged: async ({ id }) => {
        const series = await readSeries(id);
        expect(series.hosts).toEqual([{ id: world.userIds.host }]);
        for (const session of series.sessions) expect(session.hosts).toEqual([{ id: world.userIds.host }]);
      },
    }),

    "cancelSession (host's session)": operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await createSessionAsAdmin({ title: `Tafel ${tag}`, hostIds: [world.userIds.host] }) }),
      act: ({ id }, token) => api.gql('mutation($id: ID!, $r: String) { cancelSession(id: $id, reason: $r) { id status } }', { id, r: 'Gastheer ziek' }, token),
      effect: async ({ id }) => {
        expect(await readSession(id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Gastheer ziek' });
      },
      unchanged: async ({ id }) => {
        expect(await readSession(id)).toMatchObject({ status: 'SCHEDULED', cancellationReason: null });
      },
    }),

    "updateSessionCapacity (host's session)": operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await createSessionAsAdmin({ title: `Tafel ${tag}`, hostIds: [world.userIds.host] }) }),
      act: ({ id }, token) => api.gql('mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { id capacity } }', { id, c: 15 }, token),
      effect: async ({ id }) => {
        expect((await readSession(id)).capacity).toBe(15);
      },
      unchanged: async ({ id }) => {
        expect((await readSession(id)).capacity).toBe(10);
      },
    }),

    "moveSession (host's session)": operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await createSessionAsAdmin({ title: `Tafel ${tag}`, hostIds: [world.userIds.host] }) }),
      act: ({ id }, token) =>
        api.gql(
          'mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { id startsAt } }',
          { id, s: '2026-09-10T19:00:00+02:00', e: '2026-09-10T20:30:00+02:00' },
          token,
        ),
      effect: async ({ id }) => {
        expect((await readSession(id)).startsAt).toBe('2026-09-10T19:00:00+02:00');
      },
      unchanged: async ({ id }) => {
        expect((await readSession(id)).startsAt).toBe('2026-09-08T19:00:00+02:00');
      },
    }),

    'addClosureDay (school A)': operation<{ date: string; label: string }>({
      arrange: async ({ tag, column }) => ({ date: `2026-11-${String(2 + column).padStart(2, '0')}`, label: `Vrije dag ${tag}` }),
      act: ({ date, label }, token) =>
        api.gql(
          'mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id date label kind organisationId } }',
          { i: { organisationId: world.schoolId, date, label } },
          token,
        ),
      effect: async ({ date, label }, data) => {
        expect(data.addClosureDay).toMatchObject({ date, label, kind: 'ORGANISATION', organisationId: world.schoolId });
        expect(await ownClosureDays(world.schoolId, date, date)).toContainEqual({
          id: data.addClosureDay.id,
          date,
          label,
          kind: 'ORGANISATION',
          organisationId: world.schoolId,
        });
      },
      unchanged: async ({ date }) => {
        expect((await ownClosureDays(world.schoolId, date, date)).filter((d) => d.kind === 'ORGANISATION')).toEqual([]);
      },
    }),

    "removeClosureDay (school A's own day)": operation<{ id: string; date: string }>({
      arrange: async ({ tag, column }) => {
        const date = `2026-12-${String(1 + column).padStart(2, '0')}`;
        const added = await asAdmin('mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }', {
          i: { organisationId: world.schoolId, date, label: `Vrije dag ${tag}` },
        });
        return { id: added.addClosureDay.id, date };
      },
      act: ({ id }, token) => api.gql('mutation($id: ID!) { removeClosureDay(id: $id) }', { id }, token),
      effect: async ({ id, date }, data) => {
        expect(data.removeClosureDay).toBe(true);
        expect((await ownClosureDays(world.schoolId, date, date)).map((d) => d.id)).not.toContain(id);
      },
      unchanged: async ({ id, date }) => {
        expect((await ownClosureDays(world.schoolId, date, date)).map((d) => d.id)).toContain(id);
      },
    }),

    'removeClosureDay (standard school holiday)': operation<{ id: string; date: string }>({
      arrange: async ({ column }) => {
        // A different standard day per column, so the two allowed cases do not remove the same one.
        const days = (await ownClosureDays(world.schoolId, '2027-01-01', '2027-08-31')).filter((d) => d.kind === 'SCHOOL_HOLIDAYS');
        return { id: days[column].id, date: days[column].date };
      },
      act: ({ id }, token) => api.gql('mutation($id: ID!) { removeClosureDay(id: $id) }', { id }, token),
      effect: async ({ id, date }) => {
        expect((await ownClosureDays(world.schoolId, date, date)).map((d) => d.id)).not.toContain(id);
      },
      unchanged: async ({ id, date }) => {
        expect((await ownClosureDays(world.schoolId, date, date)).map((d) => d.id)).toContain(id);
      },
    }),

    // A read: "nothing changed" here means nothing leaked.
    'programmes(includeInactive: true)': operation<null>({
      arrange: async () => null,
      act: (_state, token) => api.gql('{ programmes(includeInactive: true) { id name active } }', {}, token),
      effect: async (_state, data) => {
        expect(data.programmes).toContainEqual({ id: retiredProgrammeId, name: 'Dialoogtafel (afgeschaft)', active: false });
      },
      unchanged: async (_state, result) => {
        expect(result.data).toBeNull();
        expect(JSON.stringify(result)).not.toContain('afgeschaft');
      },
    }),
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);

    // The standard Flemish calendars for school year 2026-27 (normally filled by the first series that skips holidays).
    const closures = api.app.get(ClosuresService);
    await api.dataSource.transaction((manager) => closures.ensureStandardCalendars(manager, [2026]));

    const october = (day: number) => ({
      startsAt: `2026-10-${String(day).padStart(2, '0')}T19:00:00+02:00`,
      endsAt: `2026-10-${String(day).padStart(2, '0')}T20:30:00+02:00`,
    });
    scoped = {
      schoolByHost: await createSessionAsAdmin({ title: 'Scope: school A, host', venueId: world.schoolVenueId, hostIds: [world.userIds.host], ...october(6) }),
      otherSchoolByOtherHost: await createSessionAsAdmin({
        title: 'Scope: school B, otherHost',
        venueId: world.otherSchoolVenueId,
        hostIds: [world.userIds.otherHost],
        ...october(7),
      }),
      centreByHostAndVolunteer: await createSessionAsAdmin({
        title: 'Scope: centre, host + volunteer',
        venueId: world.centreVenueId,
        hostIds: [world.userIds.host, world.userIds.volunteer],
        ...october(8),
      }),
      schoolUnhosted: await createSessionAsAdmin({ title: 'Scope: school A, no host', venueId: world.schoolVenueId, hostIds: [], ...october(9) }),
    };
    publicSeriesId = (
      await asAdmin(CREATE_SERIES, { i: seriesInput('Publieke reeks', { firstStartsAt: '2026-09-01T19:00:00+02:00', hostIds: [world.userIds.host] }) })
    ).createSessionSeries.id;
    publicClosureDayId = (
      await asAdmin('mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }', {
        i: { organisationId: world.schoolId, date: '2027-01-15', label: 'Pedagogische studiedag' },
      })
    ).addClosureDay.id;
    retiredProgrammeId = (
      await asAdmin('mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }', {
        i: { name: 'Dialoogtafel (afgeschaft)', kind: 'TABLE', defaultCapacity: 8 },
      })
    ).createProgramme.id;
    await asAdmin('mutation($id: ID!) { updateProgramme(id: $id, input: { active: false }) { id } }', { id: retiredProgrammeId });
  });

  afterAll(() => api.close());

  describe.each(Object.keys(MATRIX) as OperationName[])('%s', (name) => {
    test.each(casesOf<Outcome>(MATRIX, name))('$who → $expected', async ({ expected, ...c }) => {
      const { who } = c;
      const op = OPERATIONS[name];
      const state = await op.arrange(c);
      const result = await op.act(state, tokenOf(who));
      if (expected === 'allowed') {
        await op.effect(state, dataOf(result), c);
      } else {
        expect(errorOf(result).code).toBe(expected);
        expect(result.data).toBeNull();
        await op.unchanged(state, result, c);
      }
    });
  });

  describe('mySessions: a host sees the sessions they host, a school contact their school’s, coordinators all', () => {
    type Key = keyof typeof scoped;
    // prettier-ignore
    const SCOPE: Record<Who, Key[] | 'UNAUTHENTICATED'> = {
      anonymous:          'UNAUTHENTICATED',
      admin:              ['schoolByHost', 'otherSchoolByOtherHost', 'centreByHostAndVolunteer', 'schoolUnhosted'],
      coordinator:        ['schoolByHost', 'otherSchoolByOtherHost', 'centreByHostAndVolunteer', 'schoolUnhosted'],
      host:               ['schoolByHost', 'centreByHostAndVolunteer'],
      otherHost:          ['otherSchoolByOtherHost'],
      schoolContact:      ['schoolByHost', 'schoolUnhosted'],
      otherSchoolContact: ['otherSchoolByOtherHost'],
      organiser:          [],
      volunteer:          ['centreByHostAndVolunteer'],
    };
    const MY_SESSIONS = `query($f: SessionFilter) { mySessions(filter: $f, first: 100) { totalCount edges { node { id } } } }`;
    const OCTOBER = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' };

    test.each(WHO.map((who) => ({ who, expected: SCOPE[who] })))('$who → $expected', async ({ who, expected }) => {
      const result = await api.gql(MY_SESSIONS, { f: OCTOBER }, tokenOf(who));
      if (expected === 'UNAUTHENTICATED') {
        expect(errorOf(result).code).toBe('UNAUTHENTICATED');
        expect(result.data).toBeNull();
        return;
      }
      const { mySessions } = dataOf(result);
      expect(mySessions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected.map((key) => scoped[key]));
      expect(mySessions.totalCount).toBe(expected.length);
    });

    test('a filter cannot widen the scope: school A’s contact asking for school B gets nothing', async () => {
      const result = await api.gql(MY_SESSIONS, { f: { ...OCTOBER, organisationId: world.otherSchoolId } }, world.tokens.schoolContact);
      expect(dataOf(result).mySessions).toEqual({ totalCount: 0, edges: [] });
    });
  });

  describe('me: the logged-in user, null when anonymous', () => {
    const organisationOf = (who: FixtureRole): string | null =>
      ({ schoolContact: world.schoolId, otherSchoolContact: world.otherSchoolId, organiser: world.associationId })[who as string] ?? null;

    test.each(WHO)('%s', async (who) => {
      const result = await api.gql('{ me { id email roles organisation { id } } }', {}, tokenOf(who));
      if (who === 'anonymous') {
        expect(dataOf(result).me).toBeNull();
        return;
      }
      const organisationId = organisationOf(who);
      expect(dataOf(result).me).toEqual({
        id: world.userIds[who],
        email: USER_EMAIL[who],
        roles: USER_ROLES[who],
        organisation: organisationId ? { id: organisationId } : null,
      });
    });
  });

  describe('User.email: hosts are public by name, their e-mail address only for logged-in users', () => {
    const HOSTS_WITH_EMAIL = `query($id: ID!) { session(id: $id) { id hosts { id displayName email } } }`;

    test.each(WHO.map((who) => ({ who, expected: who === 'anonymous' ? U : A })))('$who → $expected', async ({ who, expected }) => {
      const result = await api.gql(HOSTS_WITH_EMAIL, { id: scoped.schoolByHost }, tokenOf(who));
      if (expected === 'allowed') {
        expect(dataOf(result).session.hosts).toEqual([{ id: world.userIds.host, displayName: 'host', email: USER_EMAIL.host }]);
      } else {
        expect(errorOf(result).code).toBe(expected);
        expect(JSON.stringify(result)).not.toContain(USER_EMAIL.host);
      }
    });

    test('anonymous readers see the hosts’ names without e-mail', async () => {
      const data = await anonymously(`query($id: ID!) { session(id: $id) { hosts { id displayName } } }`, { id: scoped.schoolByHost });
      expect(data.session.hosts).toEqual([{ id: world.userIds.host, displayName: 'host' }]);
    });

    test('login answers with the user’s own e-mail before a token is in use', async () => {
      const data = await anonymously('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id email } } }', {
        e: USER_EMAIL.host,
        p: 'fixture-password-2026',
      });
      expect(data.login.user).toEqual({ id: world.userIds.host, email: USER_EMAIL.host });
    });
  });

  describe('public reads work for everyone, without a token too', () => {
    const PUBLIC_READS = `query($session: ID!, $series: ID!, $org: ID) {
      programmes { id }
      organisations { id venues { id } }
      sessions(filter: { from: "2026-10-01T00:00:00+02:00", to: "2026-11-01T00:00:00+01:00" }, first: 100) { totalCount edges { node { id hosts { displayName } venue { id } programme { id } } } }
      session(id: $session) { id title status }
      sessionSeries(id: $series) { id title hosts { displayName } sessions { id } }
      closureDays(from: "2027-01-15", to: "2027-01-15", organisationId: $org) { id kind label }
    }`;

    test.each(WHO)('%s', async (who) => {
      const data = dataOf(await api.gql(PUBLIC_READS, { session: scoped.schoolUnhosted, series: publicSeriesId, org: world.schoolId }, tokenOf(who)));
      expect(data.programmes.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([world.praattafelId, world.schoolbabbelId]));
      expect(data.programmes.map((p: { id: string }) => p.id)).not.toContain(retiredProgrammeId);
      expect(data.organisations.find((o: { id: string }) => o.id === world.schoolId).venues).toEqual([{ id: world.schoolVenueId }]);
      expect(data.sessions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        scoped.schoolByHost,
        scoped.otherSchoolByOtherHost,
        scoped.centreByHostAndVolunteer,
        scoped.schoolUnhosted,
      ]);
      expect(data.session).toEqual({ id: scoped.schoolUnhosted, title: 'Scope: school A, no host', status: 'SCHEDULED' });
      expect(data.sessionSeries).toMatchObject({ id: publicSeriesId, title: 'Publieke reeks', hosts: [{ displayName: 'host' }] });
      expect(data.sessionSeries.sessions).toHaveLength(2);
      expect(data.closureDays).toEqual([{ id: publicClosureDayId, kind: 'ORGANISATION', label: 'Pedagogische studiedag' }]);
    });

    test('a rejected token still reads the public schedule but cannot change anything', async () => {
      const bogus = 'not-a-valid-token';
      expect(dataOf(await api.gql(`query($id: ID!) { session(id: $id) { id } }`, { id: scoped.schoolUnhosted }, bogus)).session).toEqual({
        id: scoped.schoolUnhosted,
      });
      const result = await api.gql('mutation { createOrganisation(input: { name: "Met een vals token", kind: PARTNER }) { id } }', {}, bogus);
      expect(errorOf(result).code).toBe('UNAUTHENTICATED');
      expect(await count('SELECT count(*) AS n FROM organisation WHERE name = $1', ['Met een vals token'])).toBe(0);
    });
  });
});
