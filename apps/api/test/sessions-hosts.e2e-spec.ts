import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const ASSIGN = `mutation($s: ID!, $u: ID!) { assignSessionHost(sessionId: $s, userId: $u) { hosts { id } } }`;
const UNASSIGN = `mutation($s: ID!, $u: ID!) { unassignSessionHost(sessionId: $s, userId: $u) { hosts { id } } }`;
const MOVE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!, $v: ID) { moveSession(id: $id, startsAt: $s, endsAt: $e, venueId: $v) { startsAt venue { id } } }`;

describe('session hosts and moving a session to another venue', () => {
  let api: TestApi;
  let world: World;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    token = world.tokens.coordinator;
  });
  afterAll(() => api?.close());

  const newSession = async (overrides: Record<string, unknown> = {}) =>
    dataOf(await api.gql(CREATE_SESSION, { i: sessionInput(world, { hostIds: [world.userIds.host], ...overrides }) }, token)).createSession.id as string;

  it('assigns and unassigns hosts; refuses who cannot host, and a host not on the session, at userId', async () => {
    const sessionId = await newSession();
    const assigned = dataOf(await api.gql(ASSIGN, { s: sessionId, u: world.userIds.volunteer }, token)).assignSessionHost;
    expect(assigned.hosts.map((h: { id: string }) => h.id).sort()).toEqual([world.userIds.host, world.userIds.volunteer].sort());
    const before = await tableSnapshot(api.dataSource, ['session_host']);
    const notAHost = await api.gql(ASSIGN, { s: sessionId, u: world.userIds.schoolContact }, token);
    expect(notAHost.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const notOnIt = await api.gql(UNASSIGN, { s: sessionId, u: world.userIds.otherHost }, token);
    expect(notOnIt.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect((await api.gql(ASSIGN, { s: sessionId, u: world.userIds.otherHost }, world.tokens.host)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await tableSnapshot(api.dataSource, ['session_host'])).toEqual(before);
    const unassigned = dataOf(await api.gql(UNASSIGN, { s: sessionId, u: world.userIds.host }, token)).unassignSessionHost;
    expect(unassigned.hosts.map((h: { id: string }) => h.id)).toEqual([world.userIds.volunteer]);
    const candidates = dataOf(await api.gql(`{ sessionHostCandidates { id } }`, {}, token)).sessionHostCandidates.map((u: { id: string }) => u.id);
    expect(candidates).toEqual(expect.arrayContaining([world.userIds.host, world.userIds.otherHost, world.userIds.volunteer]));
    expect(candidates).not.toContain(world.userIds.schoolContact);
  });

  it('moves a session to another venue, telling the registered people, and refuses an unknown venue', async () => {
    const sessionId = await newSession({ title: 'Verhuizende tafel' });
    const participant = { firstName: 'Amina', phone: '0470 12 34 56', preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true };
    dataOf(await api.gql(`mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`, { i: { sessionId, participant } }, token));
    const slot = { s: '2026-09-08T19:00:00+02:00', e: '2026-09-08T20:30:00+02:00' };
    const moved = dataOf(await api.gql(MOVE, { id: sessionId, ...slot, v: world.schoolVenueId }, token)).moveSession;
    expect(moved.venue.id).toBe(world.schoolVenueId);
    const [told] = await api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM notification WHERE session_id = $1 AND kind = 'SESSION_MOVED'`, [
      sessionId,
    ]);
    expect(told.n).toBe(1);
    const unknown = await api.gql(MOVE, { id: sessionId, ...slot, v: '00000000-0000-4000-8000-000000000000' }, token);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
