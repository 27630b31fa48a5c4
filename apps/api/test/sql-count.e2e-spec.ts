import { Client } from 'pg';
import { at, BOOK_STAND, CREATE_PLOT, createFestival, SATURDAY } from './festival-fixtures';
import { CREATE_SERIES, createWorld, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';

const NESTED_PAGE = `query($first: Int!, $after: String) {
  sessions(first: $first, after: $after, filter: { from: "2026-09-01T00:00:00+02:00" }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title startsAt capacity status confirmedCount waitlistCount availableSeats programme { id name defaultCapacity } venue { id name organisation { id name kind venues { id } } } hosts { id displayName organisation { id } } } }
  }
}`;

/**
 * Counts the SQL statements the API sends while running one GraphQL request, at the pg driver
 * (every TypeORM query, raw or built, goes through Client#query), so nothing can slip past.
 */
async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === 'string' ? first : (first?.text ?? '?'));
    return original.apply(this, args) as never;
  });
  try {
    return { result: await work(), statements };
  } finally {
    spy.mockRestore();
  }
}

describe('DataLoaders keep the SQL count of a page of sessions constant', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    // 3 series × 30 weeks at different venues, programmes and hosts: enough for pages of 50.
    const plans = [
      { venueId: world.schoolVenueId, programmeId: world.schoolbabbelId, hostIds: [world.userIds.host], day: 'TU', first: '2026-09-01T08:45:00+02:00' },
      {
        venueId: world.otherSchoolVenueId,
        programmeId: world.schoolbabbelId,
        hostIds: [world.userIds.otherHost, world.userIds.volunteer],
        day: 'WE',
        first: '2026-09-02T08:45:00+02:00',
      },
      {
        venueId: world.centreVenueId,
        programmeId: world.praattafelId,
        hostIds: [world.userIds.host, world.userIds.coordinator],
        day: 'TH',
        first: '2026-09-03T19:00:00+02:00',
      },
    ];
    for (const plan of plans) {
      const input = {
        programmeId: plan.programmeId,
        venueId: plan.venueId,
        title: `Tafel ${plan.day}`,
        rrule: `FREQ=WEEKLY;BYDAY=${plan.day};COUNT=30`,
        firstStartsAt: plan.first,
        durationMinutes: 90,
        hostIds: plan.hostIds,
      };
      dataOf(await api.gql(CREATE_SERIES, { i: input }, world.tokens.coordinator));
    }
  });
  afterAll(() => api.close());

  it('costs the same number of statements for 10 and for 50 sessions, on the first and a later page', async () => {
    const ten = await countStatements(() => api.gql(NESTED_PAGE, { first: 10 }));
    const fifty = await countStatements(() => api.gql(NESTED_PAGE, { first: 50 }));
    const tenData = dataOf(ten.result).sessions;
    const fiftyData = dataOf(fifty.result).sessions;
    expect(tenData.edges).toHaveLength(10);
    expect(fiftyData.edges).toHaveLength(50);
    expect(fiftyData.totalCount).toBe(90);
    // The nested fields are really there (hosts of several users, organisations with venues).
    expect(fiftyData.edges.some((e: { node: { hosts: unknown[] } }) => e.node.hosts.length === 2)).toBe(true);
    expect(fiftyData.edges[0].node.venue.organisation.venues.length).toBeGreaterThan(0);

    expect(fifty.statements.length).toBe(ten.statements.length);
    // page with its totalCount + seat counts + programmes + venues + organisations + venues of organisations + hosts with their accounts
    expect(fifty.statements).toHaveLength(7);

    const next = await countStatements(() => api.gql(NESTED_PAGE, { first: 50, after: fiftyData.pageInfo.endCursor }));
    const nextData = dataOf(next.result).sessions;
    expect(nextData.edges).toHaveLength(40);
    expect(nextData.pageInfo.hasNextPage).toBe(false);
    expect(next.statements.length).toBe(ten.statements.length);
  });

  it('costs a constant number of statements for a series with all its sessions and their hosts', async () => {
    const query = `{ sessions(first: 3) { edges { node { seriesId } } } }`;
    const seriesId = dataOf(await api.gql(query)).sessions.edges[0].node.seriesId;
    const nested = `query($id: ID!) { sessionSeries(id: $id) { hosts { id } programme { name } venue { name } sessions { id venue { name } programme { name } hosts { displayName } } } }`;
    const { result, statements } = await countStatements(() => api.gql(nested, { id: seriesId }));
    expect(dataOf(result).sessionSeries.sessions).toHaveLength(30);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it('costs a constant number of statements for the attendee lists of a page of sessions', async () => {
    const page = dataOf(await api.gql(`{ sessions(first: 50) { edges { node { id } } } }`)).sessions.edges.map(
      (e: { node: { id: string } }) => e.node.id as string,
    );
    // One seat per session, so the second person waits: the waiting-list positions are resolved too.
    await api.dataSource.query(`UPDATE session SET capacity = 1 WHERE id = ANY($1::uuid[])`, [page]);
    for (const [i, sessionId] of page.entries()) {
      for (const name of [`Ouder ${i}a`, `Ouder ${i}b`]) {
        const participant = { firstName: name, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
        dataOf(
          await api.gql(
            `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`,
            { i: { sessionId, participant } },
            world.tokens.coordinator,
          ),
        );
      }
    }
    const attendees = `query($first: Int!) { sessions(first: $first) { edges { node { id confirmedCount waitlistCount
      registrations { status waitlistPosition createdAt participant { firstName preferredLanguage noShowCount consecutiveNoShows flaggedForNoShows registeredByOrganisation { name } } } } } } }`;
    const ten = await countStatements(() => api.gql(attendees, { first: 10 }, world.tokens.coordinator));
    const fifty = await countStatements(() => api.gql(attendees, { first: 50 }, world.tokens.coordinator));
    const nodes = dataOf(fifty.result).sessions.edges.map((e: { node: { registrations: { waitlistPosition: number | null }[] } }) => e.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.every((n: { registrations: { waitlistPosition: number | null }[] }) => n.registrations.map((r) => r.waitlistPosition).join() === ',1')).toBe(
      true,
    );
    expect(fifty.statements.length).toBe(ten.statements.length);
    expect(fifty.statements.length).toBeLessThanOrEqual(12);
  });

  it('books a stand in nine statements and refuses a taken slot in two, without a transaction', async () => {
    const festival = await createFestival(api, world, { name: 'KortRIJK aan Culturen 2027 (statements)' });
    const book = `mutation($i: BookStandInput!) { bookStand(input: $i) { id status } }`;
    const slot = { plotId: festival.plots.A1, organisationId: world.associationId, startsAt: at(SATURDAY, '11:00'), endsAt: at(SATURDAY, '15:00') };
    const booked = await countStatements(() => api.gql(book, { i: slot }, world.tokens.organiser));
    expect(dataOf(booked.result).bookStand.status).toBe('REQUESTED');
    // auth + the facts without locks; START, the edition and advisory locks with the audit settings,
    // the facts under them, the INSERT, the association's organisers, one outbox row for its one organiser, COMMIT
    expect(booked.statements.length).toBeLessThanOrEqual(9);
    const overlapping = { ...slot, startsAt: at(SATURDAY, '14:00'), endsAt: at(SATURDAY, '16:00') };
    const refused = await countStatements(() => api.gql(book, { i: overlapping }, world.tokens.organiser));
    expect(errorOf(refused.result).code).toBe('STAND_UNAVAILABLE');
    // auth + the facts: the live booking in the way is read with them, so no transaction starts
    expect(refused.statements.length).toBeLessThanOrEqual(2);
  });

  it('registers a new participant in six statements: user, transaction, lock, participant, arrival, commit', async () => {
    const sessionId = dataOf(await api.gql(`{ sessions(first: 1) { edges { node { id } } } }`)).sessions.edges[0].node.id as string;
    const participant = { firstName: 'Nieuwe ouder', preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
    const { result, statements } = await countStatements(() =>
      api.gql(
        `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status } }`,
        { i: { sessionId, participant } },
        world.tokens.coordinator,
      ),
    );
    expect(['CONFIRMED', 'WAITLISTED']).toContain(dataOf(result).registerParticipant.status);
    // The lock also sets the audit scope, and the arrival writes the registration, its event and its
    // link and reads what the outbox and the alerts need (arrival-sql): nothing else goes to the database.
    expect(statements.length).toBeLessThanOrEqual(6);
  });

  it('costs a constant number of statements for stand bookings with their plots, associations and applications, and for the plan', async () => {
    const festival = await createFestival(api, world);
    const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const apply = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { application { id } } }`;
    const associations: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const id = (
        await coordinator('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', {
          i: { name: `Vereniging ${i}`, kind: 'ASSOCIATION' },
        })
      ).createOrganisation.id;
      const plotId = (await coordinator(CREATE_PLOT, { i: { editionId: festival.editionId, code: `S${i}` } })).createStandPlot.id;
      associations.push(id);
      const slot = { plotId, startsAt: at(SATURDAY, '11:00'), endsAt: at(SATURDAY, '15:00') };
      if (i % 2 === 0)
        await coordinator(apply, { i: { editionId: festival.editionId, organisationId: id, offering: 'FOOD', community: `Gemeenschap ${i}`, slots: [slot] } });
      else await coordinator(BOOK_STAND, { i: { ...slot, organisationId: id } });
    }
    const nested = `query($e: ID!, $o: ID) { standBookings(editionId: $e, filter: { organisationId: $o }) { id plot { code } organisation { name venues { id } } edition { name plots { id } } application { community bookings { id plot { code } } } } }`;
    const one = await countStatements(() => api.gql(nested, { e: festival.editionId, o: associations[0] }, world.tokens.coordinator));
    const all = await countStatements(() => api.gql(nested, { e: festival.editionId, o: null }, world.tokens.coordinator));
    expect(dataOf(one.result).standBookings).toHaveLength(1);
    expect(dataOf(all.result).standBookings).toHaveLength(12);
    expect(dataOf(all.result).standBookings.filter((b: { application: unknown }) => b.application)).toHaveLength(6);
    expect(all.statements.length).toBe(one.statements.length);

    const plan = `query($e: ID!) { standAvailability(editionId: $e) { edition { name } days { rows { plot { code } cells { state booking { plot { code } organisation { name } } } } } } }`;
    const planned = await countStatements(() => api.gql(plan, { e: festival.editionId }, world.tokens.coordinator));
    const cells = dataOf(planned.result).standAvailability.days.flatMap((d: { rows: { cells: { booking: unknown }[] }[] }) => d.rows.flatMap((r) => r.cells));
    expect(cells.filter((c: { booking: unknown }) => c.booking)).toHaveLength(12);
    // auth + edition + blocks + plots + bookings + plots of bookings + organisations
    expect(planned.statements.length).toBeLessThanOrEqual(8);
  });
});
