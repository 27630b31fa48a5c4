import { CREATE_SESSION, createWorld, type World } from './fixtures';
import { dataOf, errorOf, startTestApi, type TestApi } from './test-api';

const SCHEDULE = `query($from: DateTime!, $to: DateTime!) {
  sessions(first: 100, filter: { from: $from, to: $to, includeCancelled: true }) { edges { node { id title status cancellationReason helpLanguages } } }
}`;

interface Node {
  id: string;
  title: string;
  status: string;
  cancellationReason: string | null;
  helpLanguages: string[];
}

/** What the public schedule asks the API: the languages hosts help in, and cancelled sessions until they would have ended. */
describe('the public schedule query', () => {
  let api: TestApi;
  let world: World;
  let tableId: string;
  let babbelId: string;

  beforeAll(async () => {
    api = await startTestApi({ now: new Date('2026-09-09T08:00:00Z') });
    world = await createWorld(api);
    const admin = world.tokens.admin;
    dataOf(
      await api.gql(
        'mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id } }',
        { id: world.praattafelId, i: { languages: ['nl', 'uk'] } },
        admin,
      ),
    );
    const profile = (volunteerId: string, languages: string[]) =>
      api
        .gql(
          'mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id } }',
          { v: volunteerId, i: { languages } },
          admin,
        )
        .then(dataOf);
    await profile(world.userIds.volunteer, ['ar', 'tr', 'nl', 'uk']);
    const session = async (input: Record<string, unknown>) => dataOf(await api.gql(CREATE_SESSION, { i: input }, admin)).createSession.id as string;
    tableId = await session({
      programmeId: world.praattafelId,
      venueId: world.centreVenueId,
      title: 'Praattafel',
      startsAt: '2026-09-09T19:00:00+02:00',
      endsAt: '2026-09-09T20:30:00+02:00',
      hostIds: [world.userIds.host],
    });
    babbelId = await session({
      programmeId: world.schoolbabbelId,
      venueId: world.schoolVenueId,
      title: 'Schoolbabbel',
      startsAt: '2026-09-10T08:45:00+02:00',
      endsAt: '2026-09-10T10:15:00+02:00',
      hostIds: [world.userIds.host, world.userIds.volunteer],
    });
  });
  afterAll(() => api.close());

  const schedule = async (from: string) =>
    dataOf(await api.gql<{ sessions: { edges: { node: Node }[] } }>(SCHEDULE, { from, to: '2026-09-20T22:00:00Z' })).sessions.edges.map((edge) => edge.node);

  it("lists the languages besides Dutch that the programme and the hosts' volunteer profiles help in", async () => {
    const nodes = await schedule('2026-09-09T08:00:00Z');
    expect(nodes.map((node) => [node.title, node.helpLanguages])).toEqual([
      ['Praattafel', ['uk']],
      // The programme offers none; the volunteer host speaks Arabic, Turkish and Ukrainian (Dutch is no help language).
      ['Schoolbabbel', ['ar', 'tr', 'uk']],
    ]);
  });

  it('keeps a cancelled session on the public list, with its reason, until it would have ended', async () => {
    dataOf(
      await api.gql(
        'mutation($id: ID!, $r: String) { cancelSession(id: $id, reason: $r) { id } }',
        { id: tableId, r: 'De zaal is niet vrij.' },
        world.tokens.admin,
      ),
    );
    const now = await schedule('2026-09-09T08:00:00Z');
    expect(now.map((node) => [node.title, node.status, node.cancellationReason])).toEqual([
      ['Praattafel', 'CANCELLED', 'De zaal is niet vrij.'],
      ['Schoolbabbel', 'SCHEDULED', null],
    ]);
    // During what would have been the session it is still there; once it would have ended, it goes.
    expect((await schedule('2026-09-09T18:00:00Z')).map((node) => node.id)).toEqual([tableId, babbelId]);
    expect((await schedule('2026-09-09T18:30:00Z')).map((node) => node.id)).toEqual([babbelId]);
    // Without includeCancelled the list stays as it was: only what takes place.
    const plain = dataOf(await api.gql('{ sessions(filter: { from: "2026-09-09T08:00:00Z" }) { edges { node { id } } } }')).sessions.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(plain).toEqual([babbelId]);
  });

  it('lets a volunteer who co-hosts a session read who comes, not mark them, and not read other sessions', async () => {
    const admin = world.tokens.admin;
    const registered = dataOf(
      await api.gql(
        'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }',
        { i: { sessionId: babbelId, participant: { firstName: 'Hamid', preferredLanguage: 'prs', contactChannel: 'NONE', consentToContact: false } } },
        admin,
      ),
    ).registerParticipant.id as string;
    const WHO = 'query($id: ID!) { session(id: $id) { registrations { id participant { firstName } } } }';
    const seen = dataOf(await api.gql(WHO, { id: babbelId }, world.tokens.volunteer)).session.registrations;
    expect(seen).toEqual([{ id: registered, participant: { firstName: 'Hamid' } }]);
    expect(errorOf(await api.gql(WHO, { id: tableId }, world.tokens.volunteer)).code).toBe('FORBIDDEN');
    api.clock.set(new Date('2026-09-10T07:00:00Z'));
    const mark = await api.gql('mutation($id: ID!) { markAttendance(registrationId: $id, attended: true) { id } }', { id: registered }, world.tokens.volunteer);
    expect(errorOf(mark).code).toBe('FORBIDDEN');
  });
});
