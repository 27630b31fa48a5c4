import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';

const PAGE = `query($filter: SessionFilter, $first: Int, $after: String) {
  sessions(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id startsAt status venue { id } programme { id } } }
  }
}`;

interface Edge {
  cursor: string;
  node: { id: string; startsAt: string; status: string; venue: { id: string }; programme: { id: string } };
}

describe('the public schedule and session changes', () => {
  let api: TestApi;
  let world: World;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    const series = async (key: string, venueId: string, programmeId: string, day: string, first: string, count: number) => {
      const input = { programmeId, venueId, title: key, rrule: `FREQ=WEEKLY;BYDAY=${day};COUNT=${count}`, firstStartsAt: first, durationMinutes: 60 };
      ids[key] = dataOf(await api.gql(CREATE_SERIES, { i: input }, world.tokens.coordinator)).createSessionSeries.sessions.map((s: { id: string }) => s.id);
    };
    await series('schoolA', world.schoolVenueId, world.schoolbabbelId, 'MO', '2026-09-07T08:45:00+02:00', 12);
    await series('schoolB', world.otherSchoolVenueId, world.schoolbabbelId, 'MO', '2026-09-07T08:45:00+02:00', 12);
    await series('centre', world.centreVenueId, world.praattafelId, 'TU', '2026-09-08T19:00:00+02:00', 13);
  });
  afterAll(() => api.close());

  async function allPages(filter: Record<string, unknown>, first: number): Promise<{ edges: Edge[]; totalCount: number; pages: number }> {
    const edges: Edge[] = [];
    let after: string | null = null;
    let totalCount = -1;
    let pages = 0;
    for (;;) {
      const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] } = dataOf(
        await api.gql(PAGE, { filter, first, after }),
      ).sessions;
      pages += 1;
      totalCount = page.totalCount;
      edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage) return { edges, totalCount, pages };
      after = page.pageInfo.endCursor;
    }
  }

  it('pages through every session once, in start order, with an exact totalCount, without logging in', async () => {
    const { edges, totalCount, pages } = await allPages({}, 7);
    expect(totalCount).toBe(37);
    expect(edges).toHaveLength(37);
    expect(pages).toBe(6);
    expect(new Set(edges.map((e) => e.node.id)).size).toBe(37);
    const starts = edges.map((e) => new Date(e.node.startsAt).getTime());
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // Two sessions start at the same instant every Monday: the id breaks the tie, so none is skipped.
    expect(edges.filter((e) => e.node.startsAt === '2026-09-07T08:45:00+02:00')).toHaveLength(2);
  });

  it.each([
    ['programme', () => ({ programmeId: world.praattafelId }), 13],
    ['venue', () => ({ venueId: world.otherSchoolVenueId }), 12],
    ['organisation', () => ({ organisationId: world.schoolId }), 12],
    ['time range', () => ({ from: '2026-09-14T00:00:00+02:00', to: '2026-09-21T00:00:00+02:00' }), 3],
    ['programme and time range', () => ({ programmeId: world.schoolbabbelId, from: '2026-11-01T00:00:00+01:00' }), 8],
  ])('filters by %s', async (_name, filter, expected) => {
    const { edges, totalCount } = await allPages(filter(), 5);
    expect(totalCount).toBe(expected);
    expect(edges).toHaveLength(expected);
  });

  it('cancels a session with a reason: it leaves the schedule unless cancelled ones are asked for', async () => {
    const id = ids.centre[3];
    const cancelled = dataOf(
      await api.gql(
        'mutation($id: ID!) { cancelSession(id: $id, reason: "Wijkcentrum gesloten") { id status cancellationReason } }',
        { id },
        world.tokens.coordinator,
      ),
    ).cancelSession;
    expect(cancelled).toEqual({ id, status: 'CANCELLED', cancellationReason: 'Wijkcentrum gesloten' });
    expect((await allPages({ programmeId: world.praattafelId }, 50)).totalCount).toBe(12);
    const withCancelled = await allPages({ programmeId: world.praattafelId, includeCancelled: true }, 50);
    expect(withCancelled.totalCount).toBe(13);
    expect(withCancelled.edges.find((e) => e.node.id === id)?.node.status).toBe('CANCELLED');
    // Cancelling twice is harmless.
    expect(dataOf(await api.gql('mutation($id: ID!) { cancelSession(id: $id) { status } }', { id }, world.tokens.coordinator)).cancelSession.status).toBe(
      'CANCELLED',
    );
  });

  it('refuses to cancel a session that has started (SESSION_IN_PAST)', async () => {
    api.clock.set(new Date('2026-09-07T07:00:00Z'));
    try {
      const result = await api.gql('mutation($id: ID!) { cancelSession(id: $id) { status } }', { id: ids.schoolA[0] }, world.tokens.coordinator);
      expect(errorOf(result).code).toBe('SESSION_IN_PAST');
      const after = dataOf(await api.gql('query($id: ID!) { session(id: $id) { status } }', { id: ids.schoolA[0] })).session;
      expect(after.status).toBe('SCHEDULED');
    } finally {
      api.clock.set(new Date('2026-08-15T10:00:00Z'));
    }
  });

  it('changes the capacity of one session within what the venue holds', async () => {
    const id = ids.schoolA[1];
    const update = (capacity: number) =>
      api.gql('mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { capacity } }', { id, c: capacity }, world.tokens.coordinator);
    expect(dataOf(await update(20)).updateSessionCapacity.capacity).toBe(20);
    const tooMany = errorOf(await update(41));
    expect(tooMany.code).toBe('BAD_USER_INPUT');
    expect(tooMany.message).toMatch(/40/);
    expect(dataOf(await api.gql('query($id: ID!) { session(id: $id) { capacity } }', { id })).session.capacity).toBe(20);
  });

  it('creates a single session with the programme default capacity and its hosts', async () => {
    const created = dataOf(
      await api.gql(CREATE_SESSION, { i: sessionInput(world, { hostIds: [world.userIds.host] }) }, world.tokens.coordinator),
    ).createSession;
    expect(created).toMatchObject({
      capacity: 10,
      status: 'SCHEDULED',
      startsAt: '2026-09-08T19:00:00+02:00',
      endsAt: '2026-09-08T20:30:00+02:00',
      hosts: [{ id: world.userIds.host }],
    });
  });

  it('shows a host only their own sessions in mySessions, and a school contact only their school', async () => {
    const mine = `{ mySessions(first: 100) { totalCount edges { node { id venue { id } } } } }`;
    const host = dataOf(await api.gql(mine, {}, world.tokens.host)).mySessions;
    expect(host.totalCount).toBe(1);
    const school = dataOf(await api.gql(mine, {}, world.tokens.schoolContact)).mySessions;
    expect(school.totalCount).toBe(12);
    expect(school.edges.every((e: Edge) => e.node.venue.id === world.schoolVenueId)).toBe(true);
    expect(dataOf(await api.gql(mine, {}, world.tokens.organiser)).mySessions.totalCount).toBe(0);
    expect(errorOf(await api.gql(mine)).code).toBe('UNAUTHENTICATED');
  });
});
