import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, startTestApi, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id } } }`;

/**
 * A school contact who clicks "Inschrijven" twice (or twice in two tabs) for the same new parent
 * must not give that parent two places: the school's known parent with the same phone and first
 * name is reused, so the second registration is ALREADY_REGISTERED (README, "One parent, one record").
 */
describe('a new parent the school already knows is the same participant', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  const schoolSession = async (title: string) =>
    dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { title, programmeId: world.schoolbabbelId, venueId: world.schoolVenueId, capacity: 3, hostIds: [world.userIds.host] }) },
        world.tokens.coordinator,
      ),
    ).createSession.id as string;
  const parent = (overrides: Record<string, unknown> = {}) => ({
    firstName: 'Amina',
    lastName: 'Haddad',
    phone: '0470 12 34 56',
    preferredLanguage: 'ar',
    contactChannel: 'VIA_ORGANISATION',
    consentToContact: false,
    ...overrides,
  });
  const participantsWithPhone = async (phone: string) =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE phone = $1`, [phone]))[0].n as number;

  it('10 simultaneous identical new-parent registrations: 1 registration, 9 ALREADY_REGISTERED, 1 participant', async () => {
    const sessionId = await schoolSession('Schoolbabbel dubbel');
    const phone = '0471 22 33 44';
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.gql(REGISTER, { i: { sessionId, participant: parent({ phone }) } }, world.tokens.schoolContact)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(9).fill('ALREADY_REGISTERED'));
    const registrations = await api.dataSource.query(`SELECT status FROM registration WHERE session_id = $1`, [sessionId]);
    expect(registrations).toEqual([{ status: 'CONFIRMED' }]);
    expect(await participantsWithPhone('+32471223344')).toBe(1);
  });

  it('matches on phone (however it is typed) and the first name folded for case and accents; another session reuses the participant', async () => {
    const first = await schoolSession('Schoolbabbel 1');
    const second = await schoolSession('Schoolbabbel 2');
    const registered = dataOf(
      await api.gql(REGISTER, { i: { sessionId: first, participant: parent({ firstName: 'Zoë', phone: '0472 11 22 33' }) } }, world.tokens.schoolContact),
    ).registerParticipant;
    const again = await api.gql(
      REGISTER,
      { i: { sessionId: first, participant: parent({ firstName: ' zoe ', lastName: null, phone: '+32 472 11 22 33' }) } },
      world.tokens.schoolContact,
    );
    expect(again.errors?.[0].extensions?.code).toBe('ALREADY_REGISTERED');
    expect(again.errors?.[0].extensions?.registrationId).toBe(registered.id);
    const next = dataOf(
      await api.gql(REGISTER, { i: { sessionId: second, participant: parent({ firstName: 'ZOE', phone: '0472/112233' }) } }, world.tokens.schoolContact),
    ).registerParticipant;
    expect(next.participant.id).toBe(registered.participant.id);
    expect(await participantsWithPhone('+32472112233')).toBe(1);
  });

  it('a family member sharing the phone, or a parent without a phone, is a new participant', async () => {
    const sessionId = await schoolSession('Schoolbabbel gezin');
    const mother = dataOf(
      await api.gql(REGISTER, { i: { sessionId, participant: parent({ firstName: 'Fatima', phone: '0473 00 11 22' }) } }, world.tokens.schoolContact),
    ).registerParticipant;
    const father = dataOf(
      await api.gql(REGISTER, { i: { sessionId, participant: parent({ firstName: 'Youssef', phone: '0473 00 11 22' }) } }, world.tokens.schoolContact),
    ).registerParticipant;
    expect(father.participant.id).not.toBe(mother.participant.id);
    const noPhone = dataOf(
      await api.gql(REGISTER, { i: { sessionId, participant: parent({ firstName: 'Fatima', phone: null }) } }, world.tokens.schoolContact),
    ).registerParticipant;
    expect(noPhone.participant.id).not.toBe(mother.participant.id);
  });
});
