import { parse } from 'csv-parse/sync';
import { at, BOOK_STAND, bookingInput, CREATE_EDITION, CREATE_PLOT, Festival, SATURDAY } from './festival-fixtures';
import { createWorld, FixtureRole, World } from './fixtures';
import { describeScopeMatrix, ScopedOperation, MatrixRow, ScopeOutcome, scopedOperation, OUTCOME, tableSnapshot, Who } from './scope-matrix';
import { dataOf, GraphQLResult, startTestApi, TestApi } from './test-api';

/**
 * Role scope of KortRIJK aan Culturen: every festival query and mutation, for every role of the
 * fixture world and for an anonymous caller. The MATRIX is the contract at a glance (it mirrors
 * libs/festival/src/festival-policy.ts); each row runs as a test.each over the roles, each case on
 * an edition of its own (2027, 14-17 May, default opening hours), so bookings of one case never
 * meet the plots, times or per-day plot limit of another.
 *
 * "own association" is world.associationId, whose FESTIVAL_ORGANISER is `organiser`; "another
 * association" is a second association without organisers of its own.
 */

/**
 * own: the call succeeds but shows only the caller's association's bookings and applications.
 * hidden: the call succeeds but shows nothing (null), as for a record that does not exist.
 */
type Outcome = ScopeOutcome;
type Row = MatrixRow<Outcome>;

const { A, O, H, F, U } = OUTCOME;

// prettier-ignore
const MATRIX = {
  //                                                              anon admin coord host otherHost school otherSchool organiser volunteer
  // Public: the festival's days, editions, plots and opening hours need no login.
  'festivalDates':                                                [A,   A,    A,    A,   A,        A,     A,          A,        A],
  'festivalEditions':                                             [A,   A,    A,    A,   A,        A,     A,          A,        A],
  'festivalEdition (with plots and openingHours)':                [A,   A,    A,    A,   A,        A,     A,          A,        A],
  // The stand plan: coordinators see everything, an organiser their own association's.
  'standBookings':                                                [U,   A,    A,    F,   F,        F,     F,          O,        F],
  'standBookings(filter: { organisationId: another association })': [U, A,    A,    F,   F,        F,     F,          H,        F],
  "standBooking (own association's booking)":                     [U,   A,    A,    F,   F,        F,     F,          A,        F],
  "standBooking (another association's booking)":                 [U,   A,    A,    F,   F,        F,     F,          H,        F],
  'standApplications':                                            [U,   A,    A,    F,   F,        F,     F,          O,        F],
  'standAvailability':                                            [U,   A,    A,    F,   F,        F,     F,          O,        F],
  'confirmedStandsCsv':                                           [U,   A,    A,    F,   F,        F,     F,          F,        F],
  // Running the edition: coordinators only.
  'createFestivalEdition':                                        [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'updateFestivalEdition':                                        [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'setFestivalOpeningHours':                                      [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'createStandPlot':                                              [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'updateStandPlot':                                              [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'copyStandPlots':                                               [U,   A,    A,    F,   F,        F,     F,          F,        F],
  // Applying and booking: coordinators for anyone, an organiser for their own association.
  'applyForStand (own association)':                              [U,   A,    A,    F,   F,        F,     F,          A,        F],
  'applyForStand (another association)':                          [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'bookStand (own association)':                                  [U,   A,    A,    F,   F,        F,     F,          A,        F],
  'bookStand (another association)':                              [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'cancelStandBooking (own association)':                         [U,   A,    A,    F,   F,        F,     F,          A,        F],
  'cancelStandBooking (another association)':                     [U,   A,    A,    F,   F,        F,     F,          F,        F],
  // Deciding on bookings: coordinators only, also for the organiser's own association.
  "confirmStandBooking (own association's request)":              [U,   A,    A,    F,   F,        F,     F,          F,        F],
  "refuseStandBooking (own association's request)":               [U,   A,    A,    F,   F,        F,     F,          F,        F],
  "moveStandBooking (own association's request)":                 [U,   A,    A,    F,   F,        F,     F,          F,        F],
} satisfies Record<string, Row>;

type OperationName = keyof typeof MATRIX;

const operation = scopedOperation;

const EDITION_DAYS = { startsOn: '2027-05-14', endsOn: '2027-05-17' };
/** The default opening hours of the 2027 edition: Friday 2, Saturday 3, Sunday 3, Monday 2 blocks. */
const DEFAULT_BLOCKS = 10;
const OTHER_ASSOCIATION = 'Syrische Gemeenschap Kortrijk';

const BOOKING_VIEW = `id status day startsAt endsAt reason plot { code } organisation { id name }`;
const EDITION_VIEW = `id name startsOn endsOn siteName maxPlotsPerOrganisationPerDay plots { code hasPower hasWater widthMetres mapX active } openingHours { day startsAt endsAt }`;
const APPLY = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { application { id community countryCode organisation { id } } bookings { id status plot { code } } } }`;
const CONFIRM = `mutation($id: ID!) { confirmStandBooking(id: $id) { id status decidedAt } }`;
const REFUSE = `mutation($id: ID!, $r: String!) { refuseStandBooking(id: $id, reason: $r) { id status reason } }`;
const MOVE = `mutation($id: ID!, $i: MoveStandBookingInput!) { moveStandBooking(id: $id, input: $i) { id status startsAt endsAt plot { code } } }`;
const CANCEL = `mutation($id: ID!, $r: String) { cancelStandBooking(id: $id, reason: $r) { id status reason } }`;
const AVAILABILITY = `query($e: ID!, $d: Date) { standAvailability(editionId: $e, day: $d) {
  edition { id } days { date rows { plot { code } cells { startsAt state mine booking { id organisation { id name } } } } } } }`;

/** Every table a festival mutation could touch. */
const TABLES = ['festival_edition', 'festival_opening_block', 'stand_plot', 'stand_application', 'stand_booking', 'notification'];

const snapshot = (api: TestApi) => tableSnapshot(api.dataSource, TABLES);

const isCoordinator = (who: Who) => who === 'admin' || who === 'coordinator';

describe('festival: role scope', () => {
  let api: TestApi;
  let world: World;
  let otherAssociationId: string;

  const tokenOf = (who: Who): string | null => (who === 'anonymous' ? null : world.tokens[who]);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.admin).then(dataOf);
  const anonymously = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, null).then(dataOf);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await api.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  const userOf = (who: Who) => world.userIds[who as FixtureRole];

  /** An edition of the case's own, with the given plots (P1 at the left of the map, P2 next to it…). */
  const freshFestival = async (tag: string, codes: string[] = ['P1']): Promise<Festival & { name: string }> => {
    const name = `Culturen ${tag}`;
    const editionId = (await asAdmin(CREATE_EDITION, { i: { name, ...EDITION_DAYS } })).createFestivalEdition.id as string;
    const created = await Promise.all(
      codes.map(async (code, index) => [
        code,
        (await asAdmin(CREATE_PLOT, { i: { editionId, code, mapX: 10 + index * 20, mapY: 40 } })).createStandPlot.id as string,
      ]),
    );
    return { editionId, plots: Object.fromEntries(created), name };
  };
  /** A slot asked for by the organiser of the own association: REQUESTED. */
  const requested = async (festival: Festival, code = 'P1', from = '11:00', to = '15:00'): Promise<string> =>
    dataOf(await api.gql(BOOK_STAND, { i: bookingInput(festival, world, code, from, to) }, world.tokens.organiser)).bookStand.id;
  /** A slot booked by the city for an association: CONFIRMED at once. */
  const confirmedFor = async (organisationId: string, festival: Festival, code = 'P1', from = '11:00', to = '15:00'): Promise<string> =>
    (await asAdmin(BOOK_STAND, { i: { ...bookingInput(festival, world, code, from, to), organisationId } })).bookStand.id;
  const stored = async (id: string) => {
    const [row] = await api.dataSource.query<
      { status: string; plot_id: string; starts_at: Date; ends_at: Date; reason: string | null; decided_by_id: string | null; requested_by_id: string | null }[]
    >(`SELECT status, plot_id, starts_at, ends_at, reason, decided_by_id, requested_by_id FROM stand_booking WHERE id = $1`, [id]);
    return row;
  };
  /** The outbox rows about one booking, as kind:status. */
  const messages = async (bookingId: string): Promise<string[]> =>
    (
      await api.dataSource.query<{ kind: string; status: string }[]>(
        `SELECT kind, status FROM notification WHERE stand_booking_id = $1 ORDER BY kind, status`,
        [bookingId],
      )
    ).map((m) => `${m.kind}:${m.status}`);
  const reminders = (editionId: string) =>
    count(`SELECT count(*) AS n FROM notification WHERE kind = 'STAND_REMINDER' AND payload->>'editionId' = $1`, [editionId]);
  const bookingsOfEdition = (editionId: string) => count(`SELECT count(*) AS n FROM stand_booking WHERE edition_id = $1`, [editionId]);
  const applicationsOfEdition = (editionId: string) => count(`SELECT count(*) AS n FROM stand_application WHERE edition_id = $1`, [editionId]);
  const readEdition = async (id: string) => (await anonymously(`query($id: ID!) { festivalEdition(id: $id) { ${EDITION_VIEW} } }`, { id })).festivalEdition;
  /** None of the secrets appears anywhere in a result (data, errors and their extensions). */
  const expectNoLeak = (result: GraphQLResult | Record<string, unknown>, ...secrets: string[]) => {
    const body = JSON.stringify(result);
    for (const secret of secrets) expect(body).not.toContain(secret);
  };

  /** An application of the own association (by its organiser) and one of another association (by the city), a slot each on Saturday. */
  type TwoApplications = {
    festival: Festival;
    own: { id: string; bookingId: string; community: string };
    other: { id: string; bookingId: string; community: string };
  };
  const twoApplications = async (tag: string): Promise<TwoApplications> => {
    const festival = await freshFestival(tag, ['P1', 'P2']);
    const apply = async (token: string, organisationId: string, code: string, community: string) => {
      const slot = { plotId: festival.plots[code], startsAt: at(SATURDAY, '11:00'), endsAt: at(SATURDAY, '15:00') };
      const applied = dataOf(
        await api.gql(APPLY, { i: { editionId: festival.editionId, organisationId, offering: 'FOOD', community, countryCode: 'SY', slots: [slot] } }, token),
      ).applyForStand;
      return { id: applied.application.id as string, bookingId: applied.bookings[0].id as string, community };
    };
    // The own association applies first: applications are listed oldest first.
    const own = await apply(world.tokens.organiser, world.associationId, 'P1', `Afghaanse gemeenschap ${tag}`);
    const other = await apply(world.tokens.admin, otherAssociationId, 'P2', `Syrische gemeenschap ${tag}`);
    return { festival, own, other };
  };

  /** The own association's request on P1 and another association's confirmed booking on P2, both Saturday 11:00-15:00. */
  type TwoBookings = { festival: Festival; ownId: string; otherId: string };
  const twoBookings = async (tag: string): Promise<TwoBookings> => {
    const festival = await freshFestival(tag, ['P1', 'P2']);
    const [ownId, otherId] = await Promise.all([requested(festival, 'P1'), confirmedFor(otherAssociationId, festival, 'P2')]);
    return { festival, ownId, otherId };
  };
  const ownView = (id: string) => ({
    id,
    status: 'REQUESTED',
    day: SATURDAY,
    startsAt: at(SATURDAY, '11:00'),
    endsAt: at(SATURDAY, '15:00'),
    reason: null,
    plot: { code: 'P1' },
    organisation: { id: world.associationId, name: 'Afghaanse Vereniging' },
  });
  const otherView = (id: string) => ({
    id,
    status: 'CONFIRMED',
    day: SATURDAY,
    startsAt: at(SATURDAY, '11:00'),
    endsAt: at(SATURDAY, '15:00'),
    reason: null,
    plot: { code: 'P2' },
    organisation: { id: otherAssociationId, name: OTHER_ASSOCIATION },
  });
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

  const applyOperation = (organisation: () => string) =>
    operation<{ festival: Festival; community: string }>({
      arrange: async ({ tag }) => ({ festival: await freshFestival(tag), community: `Gemeenschap ${tag}` }),
      act: ({ festival, community }, token) =>
        api.gql(
          APPLY,
          {
            i: {
              editionId: festival.editionId,
              organisationId: organisation(),
              offering: 'FOOD_AND_CULTURE',
              community,
              countryCode: 'af',
              slots: [{ plotId: festival.plots.P1, startsAt: at(SATURDAY, '11:00'), endsAt: at(SATURDAY, '15:00') }],
            },
          },
          token,
        ),
      effect: async ({ festival, community }, data, { who }) => {
        const status = isCoordinator(who) ? 'CONFIRMED' : 'REQUESTED';
        expect(data.applyForStand).toEqual({
          application: { id: expect.any(String), community, countryCode: 'AF', organisation: { id: organisation() } },
          bookings: [{ id: expect.any(String), status, plot: { code: 'P1' } }],
        });
        const bookingId = data.applyForStand.bookings[0].id;
        expect(await stored(bookingId)).toMatchObject({ status, plot_id: festival.plots.P1, requested_by_id: userOf(who) });
        expect(await applicationsOfEdition(festival.editionId)).toBe(1);
        expect(await bookingsOfEdition(festival.editionId)).toBe(1);
        // The association's organisers hear of it; another association has none.
        const expected = organisation() === world.associationId ? [isCoordinator(who) ? 'STAND_CONFIRMED:PENDING' : 'STAND_APPLICATION_RECEIVED:PENDING'] : [];
        expect(await messages(bookingId)).toEqual(expected);
      },
      unchanged: async ({ festival, community }) => {
        expect(await applicationsOfEdition(festival.editionId)).toBe(0);
        expect(await bookingsOfEdition(festival.editionId)).toBe(0);
        expect(await count(`SELECT count(*) AS n FROM stand_application WHERE community = $1`, [community])).toBe(0);
      },
    });

  const bookOperation = (organisation: () => string) =>
    operation<{ festival: Festival }>({
      arrange: async ({ tag }) => ({ festival: await freshFestival(tag) }),
      act: ({ festival }, token) =>
        api.gql(BOOK_STAND, { i: { ...bookingInput(festival, world, 'P1', '15:00', '19:00'), organisationId: organisation() } }, token),
      effect: async ({ festival }, data, { who }) => {
        const status = isCoordinator(who) ? 'CONFIRMED' : 'REQUESTED';
        expect(data.bookStand).toEqual({
          id: expect.any(String),
          status,
          startsAt: at(SATURDAY, '15:00'),
          endsAt: at(SATURDAY, '19:00'),
          day: SATURDAY,
          plot: { id: festival.plots.P1, code: 'P1' },
          organisation: { id: organisation() },
        });
        expect(await stored(data.bookStand.id)).toMatchObject({ status, requested_by_id: userOf(who), decided_by_id: isCoordinator(who) ? userOf(who) : null });
        expect(await bookingsOfEdition(festival.editionId)).toBe(1);
      },
      unchanged: async ({ festival }) => {
        expect(await bookingsOfEdition(festival.editionId)).toBe(0);
      },
    });

  const OPERATIONS: Record<OperationName, ScopedOperation<unknown>> = {
    festivalDates: operation<null>({
      arrange: async () => null,
      act: (_state, token) => api.gql('{ festivalDates(year: 2027) { startsOn endsOn } }', {}, token),
      effect: async (_state, data) => {
        expect(data.festivalDates).toEqual(EDITION_DAYS);
      },
      unchanged: async () => undefined,
    }),

    festivalEditions: operation<{ id: string; name: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag);
        return { id: festival.editionId, name: festival.name };
      },
      act: (_state, token) => api.gql('{ festivalEditions { id name startsOn endsOn siteName } }', {}, token),
      effect: async ({ id, name }, data) => {
        expect(data.festivalEditions).toContainEqual({ id, name, ...EDITION_DAYS, siteName: 'Grote Markt' });
      },
      unchanged: async () => undefined,
    }),

    'festivalEdition (with plots and openingHours)': operation<{ id: string; name: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag, ['P1', 'P2']);
        return { id: festival.editionId, name: festival.name };
      },
      act: ({ id }, token) => api.gql(`query($id: ID!) { festivalEdition(id: $id) { ${EDITION_VIEW} } }`, { id }, token),
      effect: async ({ id, name }, data) => {
        expect(data.festivalEdition).toMatchObject({ id, name, ...EDITION_DAYS, siteName: 'Grote Markt', maxPlotsPerOrganisationPerDay: 2 });
        expect(data.festivalEdition.plots.map((p: { code: string; mapX: number }) => [p.code, p.mapX])).toEqual([
          ['P1', 10],
          ['P2', 30],
        ]);
        expect(data.festivalEdition.openingHours).toHaveLength(DEFAULT_BLOCKS);
        expect(data.festivalEdition.openingHours.filter((b: { day: string }) => b.day === SATURDAY)).toEqual([
          { day: SATURDAY, startsAt: at(SATURDAY, '11:00'), endsAt: at(SATURDAY, '15:00') },
          { day: SATURDAY, startsAt: at(SATURDAY, '15:00'), endsAt: at(SATURDAY, '19:00') },
          { day: SATURDAY, startsAt: at(SATURDAY, '19:00'), endsAt: at(SATURDAY, '23:00') },
        ]);
      },
      unchanged: async () => undefined,
    }),

    standBookings: operation<TwoBookings>({
      arrange: async ({ tag }) => twoBookings(tag),
      act: ({ festival }, token) => api.gql(`query($e: ID!) { standBookings(editionId: $e) { ${BOOKING_VIEW} } }`, { e: festival.editionId }, token),
      effect: async ({ ownId, otherId }, data) => {
        // Same start: ordered by id.
        expect(data.standBookings).toEqual(byId([ownView(ownId), otherView(otherId)]));
      },
      own: async ({ ownId, otherId }, data) => {
        expect(data.standBookings).toEqual([ownView(ownId)]);
        expectNoLeak(data, otherId, otherAssociationId, OTHER_ASSOCIATION);
      },
      unchanged: async ({ ownId, otherId }, result) => {
        expectNoLeak(result, ownId, otherId, 'Afghaanse Vereniging', OTHER_ASSOCIATION);
      },
    }),

    'standBookings(filter: { organisationId: another association })': operation<TwoBookings>({
      arrange: async ({ tag }) => twoBookings(tag),
      act: ({ festival }, token) =>
        api.gql(
          `query($e: ID!, $f: StandBookingFilter) { standBookings(editionId: $e, filter: $f) { ${BOOKING_VIEW} } }`,
          { e: festival.editionId, f: { organisationId: otherAssociationId } },
          token,
        ),
      effect: async ({ otherId }, data) => {
        expect(data.standBookings).toEqual([otherView(otherId)]);
      },
      // A filter cannot widen an organiser's scope: asking for another association shows nothing.
      unchanged: async ({ ownId, otherId }, result) => {
        if (result.data) expect(result.data.standBookings).toEqual([]);
        expectNoLeak(result, ownId, otherId, OTHER_ASSOCIATION);
      },
    }),

    "standBooking (own association's booking)": operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await requested(await freshFestival(tag)) }),
      act: ({ id }, token) => api.gql(`query($id: ID!) { standBooking(id: $id) { ${BOOKING_VIEW} } }`, { id }, token),
      effect: async ({ id }, data) => {
        expect(data.standBooking).toEqual(ownView(id));
      },
      unchanged: async ({ id }, result) => {
        expectNoLeak(result, id, 'Afghaanse Vereniging');
      },
    }),

    "standBooking (another association's booking)": operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await confirmedFor(otherAssociationId, await freshFestival(tag, ['P1', 'P2']), 'P2') }),
      act: ({ id }, token) => api.gql(`query($id: ID!) { standBooking(id: $id) { ${BOOKING_VIEW} } }`, { id }, token),
      effect: async ({ id }, data) => {
        expect(data.standBooking).toEqual(otherView(id));
      },
      // For an organiser of another association it is as if the booking did not exist.
      unchanged: async ({ id }, result) => {
        if (result.data) expect(result.data.standBooking).toBeNull();
        expectNoLeak(result, id, OTHER_ASSOCIATION);
      },
    }),

    standApplications: operation<TwoApplications>({
      arrange: async ({ tag }) => twoApplications(tag),
      act: ({ festival }, token) =>
        api.gql(
          `query($e: ID!) { standApplications(editionId: $e) { id community offering organisation { id } bookings { id status } } }`,
          { e: festival.editionId },
          token,
        ),
      effect: async ({ own, other }, data) => {
        expect(data.standApplications).toEqual([
          {
            id: own.id,
            community: own.community,
            offering: 'FOOD',
            organisation: { id: world.associationId },
            bookings: [{ id: own.bookingId, status: 'REQUESTED' }],
          },
          {
            id: other.id,
            community: other.community,
            offering: 'FOOD',
            organisation: { id: otherAssociationId },
            bookings: [{ id: other.bookingId, status: 'CONFIRMED' }],
          },
        ]);
      },
      own: async ({ own, other }, data) => {
        expect(data.standApplications).toEqual([
          {
            id: own.id,
            community: own.community,
            offering: 'FOOD',
            organisation: { id: world.associationId },
            bookings: [{ id: own.bookingId, status: 'REQUESTED' }],
          },
        ]);
        expectNoLeak(data, other.id, other.bookingId, other.community);
      },
      unchanged: async ({ own, other }, result) => {
        expectNoLeak(result, own.id, own.community, other.id, other.community);
      },
    }),

    standAvailability: operation<TwoBookings>({
      arrange: async ({ tag }) => twoBookings(tag),
      act: ({ festival }, token) => api.gql(AVAILABILITY, { e: festival.editionId, d: SATURDAY }, token),
      effect: async ({ festival, ownId, otherId }, data) => {
        expect(data.standAvailability.edition).toEqual({ id: festival.editionId });
        const [day] = data.standAvailability.days;
        expect(data.standAvailability.days).toHaveLength(1);
        expect(day.date).toBe(SATURDAY);
        const cells = (code: string) => day.rows.find((row: { plot: { code: string } }) => row.plot.code === code).cells;
        // Coordinators belong to no association: nothing is "mine", every booking is shown.
        expect(cells('P1').map((c: { state: string; mine: boolean; booking: unknown }) => [c.state, c.mine, c.booking])).toEqual([
          ['REQUESTED', false, { id: ownId, organisation: { id: world.associationId, name: 'Afghaanse Vereniging' } }],
          ['FREE', false, null],
          ['FREE', false, null],
        ]);
        expect(cells('P2').map((c: { state: string; mine: boolean; booking: unknown }) => [c.state, c.mine, c.booking])).toEqual([
          ['CONFIRMED', false, { id: otherId, organisation: { id: otherAssociationId, name: OTHER_ASSOCIATION } }],
          ['FREE', false, null],
          ['FREE', false, null],
        ]);
      },
      // The organiser sees that P2 is taken, not by whom.
      own: async ({ ownId, otherId }, data) => {
        const [day] = data.standAvailability.days;
        const cells = (code: string) => day.rows.find((row: { plot: { code: string } }) => row.plot.code === code).cells;
        expect(cells('P1').map((c: { state: string; mine: boolean; booking: unknown }) => [c.state, c.mine, c.booking])).toEqual([
          ['REQUESTED', true, { id: ownId, organisation: { id: world.associationId, name: 'Afghaanse Vereniging' } }],
          ['FREE', false, null],
          ['FREE', false, null],
        ]);
        expect(cells('P2').map((c: { state: string; mine: boolean; booking: unknown }) => [c.state, c.mine, c.booking])).toEqual([
          ['CONFIRMED', false, null],
          ['FREE', false, null],
          ['FREE', false, null],
        ]);
        expectNoLeak(data, otherId, otherAssociationId, OTHER_ASSOCIATION);
      },
      unchanged: async ({ ownId, otherId }, result) => {
        expectNoLeak(result, ownId, otherId, 'Afghaanse Vereniging', OTHER_ASSOCIATION, 'REQUESTED', 'CONFIRMED');
      },
    }),

    confirmedStandsCsv: operation<{ festival: Festival }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag, ['P1', 'P2']);
        await Promise.all([confirmedFor(world.associationId, festival, 'P1'), requested(festival, 'P2', '15:00', '19:00')]);
        return { festival };
      },
      act: ({ festival }, token) => api.gql('query($e: ID!) { confirmedStandsCsv(editionId: $e) }', { e: festival.editionId }, token),
      effect: async (_state, data) => {
        const rows = parse(data.confirmedStandsCsv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
        // Confirmed only: the request on P2 is not on the logistics list.
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          day: SATURDAY,
          from: '11:00',
          to: '15:00',
          plot: 'P1',
          association: 'Afghaanse Vereniging',
          contacts: 'organiser@test.oefenkansen.be',
        });
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'Afghaanse Vereniging', 'organiser@test.oefenkansen.be', 'day,from,to');
      },
    }),

    createFestivalEdition: operation<{ name: string }>({
      arrange: async ({ tag }) => ({ name: `Nieuwe editie ${tag}` }),
      act: ({ name }, token) =>
        api.gql(
          CREATE_EDITION,
          {
            i: {
              name,
              ...EDITION_DAYS,
              siteName: 'Schouwburgplein',
              maxPlotsPerOrganisationPerDay: 3,
              openingHours: [{ date: SATURDAY, from: '12:00', to: '18:00' }],
            },
          },
          token,
        ),
      effect: async ({ name }, data) => {
        expect(data.createFestivalEdition).toMatchObject({
          name,
          ...EDITION_DAYS,
          siteName: 'Schouwburgplein',
          openingHours: [{ day: SATURDAY, startsAt: at(SATURDAY, '12:00'), endsAt: at(SATURDAY, '18:00') }],
        });
        expect(await readEdition(data.createFestivalEdition.id)).toMatchObject({
          name,
          siteName: 'Schouwburgplein',
          maxPlotsPerOrganisationPerDay: 3,
          plots: [],
        });
        expect(await count(`SELECT count(*) AS n FROM festival_edition WHERE name = $1`, [name])).toBe(1);
      },
      unchanged: async ({ name }) => {
        expect(await count(`SELECT count(*) AS n FROM festival_edition WHERE name = $1`, [name])).toBe(0);
      },
    }),

    updateFestivalEdition: operation<{ id: string; name: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag);
        return { id: festival.editionId, name: festival.name };
      },
      act: ({ id, name }, token) =>
        api.gql(
          `mutation($id: ID!, $i: UpdateFestivalEditionInput!) { updateFestivalEdition(id: $id, input: $i) { id name siteName maxPlotsPerOrganisationPerDay } }`,
          { id, i: { name: `${name} (nieuw)`, siteName: 'Schouwburgplein', maxPlotsPerOrganisationPerDay: 3 } },
          token,
        ),
      effect: async ({ id, name }) => {
        expect(await readEdition(id)).toMatchObject({ id, name: `${name} (nieuw)`, siteName: 'Schouwburgplein', maxPlotsPerOrganisationPerDay: 3 });
      },
      unchanged: async ({ id, name }) => {
        expect(await readEdition(id)).toMatchObject({ id, name, siteName: 'Grote Markt', maxPlotsPerOrganisationPerDay: 2 });
      },
    }),

    setFestivalOpeningHours: operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: (await freshFestival(tag)).editionId }),
      act: ({ id }, token) =>
        api.gql(
          `mutation($e: ID!, $h: [OpeningBlockInput!]!) { setFestivalOpeningHours(editionId: $e, openingHours: $h) { id openingHours { day startsAt endsAt } } }`,
          { e: id, h: [{ date: SATURDAY, from: '12:00', to: '18:00' }] },
          token,
        ),
      effect: async ({ id }) => {
        expect((await readEdition(id)).openingHours).toEqual([{ day: SATURDAY, startsAt: at(SATURDAY, '12:00'), endsAt: at(SATURDAY, '18:00') }]);
        expect(await count(`SELECT count(*) AS n FROM festival_opening_block WHERE edition_id = $1`, [id])).toBe(1);
      },
      unchanged: async ({ id }) => {
        expect((await readEdition(id)).openingHours).toHaveLength(DEFAULT_BLOCKS);
      },
    }),

    createStandPlot: operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: (await freshFestival(tag, [])).editionId }),
      act: ({ id }, token) => api.gql(CREATE_PLOT, { i: { editionId: id, code: 'Z9', hasPower: true, widthMetres: 4, mapX: 12, mapY: 80 } }, token),
      effect: async ({ id }, data) => {
        expect(data.createStandPlot).toEqual({ id: expect.any(String), code: 'Z9', active: true });
        expect((await readEdition(id)).plots).toEqual([{ code: 'Z9', hasPower: true, hasWater: false, widthMetres: 4, mapX: 12, active: true }]);
      },
      unchanged: async ({ id }) => {
        expect((await readEdition(id)).plots).toEqual([]);
      },
    }),

    updateStandPlot: operation<{ editionId: string; plotId: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag);
        return { editionId: festival.editionId, plotId: festival.plots.P1 };
      },
      act: ({ plotId }, token) =>
        api.gql(
          `mutation($id: ID!, $i: UpdateStandPlotInput!) { updateStandPlot(id: $id, input: $i) { id code active } }`,
          { id: plotId, i: { code: 'P1b', hasWater: true, widthMetres: 4.5, active: false } },
          token,
        ),
      effect: async ({ editionId }) => {
        expect((await readEdition(editionId)).plots).toEqual([{ code: 'P1b', hasPower: false, hasWater: true, widthMetres: 4.5, mapX: 10, active: false }]);
      },
      unchanged: async ({ editionId }) => {
        expect((await readEdition(editionId)).plots).toEqual([{ code: 'P1', hasPower: false, hasWater: false, widthMetres: 3, mapX: 10, active: true }]);
      },
    }),

    copyStandPlots: operation<{ fromId: string; toId: string }>({
      arrange: async ({ tag }) => {
        const [from, to] = await Promise.all([freshFestival(`${tag} (vorig jaar)`, ['P1', 'P2']), freshFestival(tag, [])]);
        return { fromId: from.editionId, toId: to.editionId };
      },
      act: ({ fromId, toId }, token) =>
        api.gql(`mutation($f: ID!, $t: ID!) { copyStandPlots(fromEditionId: $f, toEditionId: $t) { code mapX } }`, { f: fromId, t: toId }, token),
      effect: async ({ fromId, toId }, data) => {
        expect(data.copyStandPlots).toEqual([
          { code: 'P1', mapX: 10 },
          { code: 'P2', mapX: 30 },
        ]);
        expect((await readEdition(toId)).plots.map((p: { code: string }) => p.code)).toEqual(['P1', 'P2']);
        expect((await readEdition(fromId)).plots.map((p: { code: string }) => p.code)).toEqual(['P1', 'P2']);
      },
      unchanged: async ({ toId }) => {
        expect((await readEdition(toId)).plots).toEqual([]);
      },
    }),

    'applyForStand (own association)': applyOperation(() => world.associationId),
    'applyForStand (another association)': applyOperation(() => otherAssociationId),
    'bookStand (own association)': bookOperation(() => world.associationId),
    'bookStand (another association)': bookOperation(() => otherAssociationId),

    'cancelStandBooking (own association)': operation<{ festival: Festival; id: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag);
        return { festival, id: await requested(festival) };
      },
      act: ({ id }, token) => api.gql(CANCEL, { id, r: 'Te weinig vrijwilligers' }, token),
      effect: async ({ festival, id }, data, { who }) => {
        expect(data.cancelStandBooking).toEqual({ id, status: 'CANCELLED', reason: 'Te weinig vrijwilligers' });
        expect(await stored(id)).toMatchObject({ status: 'CANCELLED', decided_by_id: userOf(who) });
        // The pending acknowledgement is withdrawn; only a cancellation by the city is told to the organisers.
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:CANCELLED', ...(isCoordinator(who) ? ['STAND_CANCELLED:PENDING'] : [])]);
        // The plot is free again.
        await requested(festival);
      },
      unchanged: async ({ id }) => {
        expect(await stored(id)).toMatchObject({ status: 'REQUESTED', decided_by_id: null, reason: null });
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:PENDING']);
      },
    }),

    'cancelStandBooking (another association)': operation<{ id: string }>({
      arrange: async ({ tag }) => ({ id: await confirmedFor(otherAssociationId, await freshFestival(tag)) }),
      act: ({ id }, token) => api.gql(CANCEL, { id, r: 'Plein afgesloten' }, token),
      effect: async ({ id }, data, { who }) => {
        expect(data.cancelStandBooking).toEqual({ id, status: 'CANCELLED', reason: 'Plein afgesloten' });
        expect(await stored(id)).toMatchObject({ status: 'CANCELLED', decided_by_id: userOf(who), reason: 'Plein afgesloten' });
      },
      unchanged: async ({ id }) => {
        expect(await stored(id)).toMatchObject({ status: 'CONFIRMED', decided_by_id: world.userIds.admin, reason: null });
      },
    }),

    "confirmStandBooking (own association's request)": operation<{ festival: Festival; id: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag);
        return { festival, id: await requested(festival) };
      },
      act: ({ id }, token) => api.gql(CONFIRM, { id }, token),
      effect: async ({ festival, id }, data, { who }) => {
        expect(data.confirmStandBooking).toEqual({ id, status: 'CONFIRMED', decidedAt: expect.any(String) });
        expect(await stored(id)).toMatchObject({ status: 'CONFIRMED', decided_by_id: userOf(who) });
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:PENDING', 'STAND_CONFIRMED:PENDING']);
        // A week and a day before Saturday opens.
        expect(await reminders(festival.editionId)).toBe(2);
      },
      unchanged: async ({ festival, id }) => {
        expect(await stored(id)).toMatchObject({ status: 'REQUESTED', decided_by_id: null });
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:PENDING']);
        expect(await reminders(festival.editionId)).toBe(0);
      },
    }),

    "refuseStandBooking (own association's request)": operation<{ id: string; reason: string }>({
      arrange: async ({ tag }) => ({ id: await requested(await freshFestival(tag)), reason: `Geen stroom op P1 (${tag})` }),
      act: ({ id, reason }, token) => api.gql(REFUSE, { id, r: reason }, token),
      effect: async ({ id, reason }, data, { who }) => {
        expect(data.refuseStandBooking).toEqual({ id, status: 'CANCELLED', reason });
        expect(await stored(id)).toMatchObject({ status: 'CANCELLED', reason, decided_by_id: userOf(who) });
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:CANCELLED', 'STAND_REFUSED:PENDING']);
      },
      unchanged: async ({ id, reason }, result) => {
        expect(await stored(id)).toMatchObject({ status: 'REQUESTED', reason: null, decided_by_id: null });
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:PENDING']);
        expectNoLeak(result, reason);
      },
    }),

    "moveStandBooking (own association's request)": operation<{ festival: Festival; id: string }>({
      arrange: async ({ tag }) => {
        const festival = await freshFestival(tag, ['P1', 'P2']);
        return { festival, id: await requested(festival, 'P1') };
      },
      act: ({ festival, id }, token) =>
        api.gql(MOVE, { id, i: { plotId: festival.plots.P2, startsAt: at(SATURDAY, '15:00'), endsAt: at(SATURDAY, '19:00') } }, token),
      effect: async ({ festival, id }, data) => {
        expect(data.moveStandBooking).toEqual({
          id,
          status: 'REQUESTED',
          startsAt: at(SATURDAY, '15:00'),
          endsAt: at(SATURDAY, '19:00'),
          plot: { code: 'P2' },
        });
        const row = await stored(id);
        expect([row.status, row.plot_id, row.starts_at.toISOString()]).toEqual(['REQUESTED', festival.plots.P2, new Date(at(SATURDAY, '15:00')).toISOString()]);
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:PENDING', 'STAND_MOVED:PENDING']);
      },
      unchanged: async ({ festival, id }) => {
        const row = await stored(id);
        expect([row.status, row.plot_id, row.starts_at.toISOString(), row.ends_at.toISOString()]).toEqual([
          'REQUESTED',
          festival.plots.P1,
          new Date(at(SATURDAY, '11:00')).toISOString(),
          new Date(at(SATURDAY, '15:00')).toISOString(),
        ]);
        expect(await messages(id)).toEqual(['STAND_APPLICATION_RECEIVED:PENDING']);
      },
    }),
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    otherAssociationId = (
      await asAdmin('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name: OTHER_ASSOCIATION, kind: 'ASSOCIATION' } })
    ).createOrganisation.id;
  });

  afterAll(() => api?.close());

  it('has an operation for every row of the matrix and a row for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
    // A row that expects `own` says what an organiser sees.
    for (const [name, row] of Object.entries(MATRIX))
      if ((row as Outcome[]).includes(O)) expect([name, typeof OPERATIONS[name as OperationName].own]).toEqual([name, 'function']);
  });

  it('has a row for every festival query and mutation of the schema', async () => {
    const schema = await anonymously(`{ query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } } }`);
    const festivalFields = [...schema.query.fields, ...schema.mutation.fields]
      .map((f: { name: string }) => f.name)
      .filter((name: string) => /festival|stand/i.test(name));
    const covered = new Set(Object.keys(MATRIX).map((row) => row.split(/[ (]/)[0]));
    expect(festivalFields.sort()).toEqual([...covered].sort());
    expect(festivalFields).toHaveLength(20);
  });

  describeScopeMatrix({ matrix: MATRIX, operations: OPERATIONS, snapshot: () => snapshot(api), tokenOf });
});
