import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, GraphQLResult, startTestApi, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id } } }`;
const MOVE = `mutation($r: ID!, $to: ID!) { moveRegistration(registrationId: $r, toSessionId: $to) { id status waitlistPosition session { id } participant { id } } }`;

interface Row {
  id: string;
  participant_id: string;
  status: string;
}

describe('moveRegistration', () => {
  let api: TestApi;
  let world: World;
  let token: string;
  let serial = 0;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    token = world.tokens.coordinator;
  });
  afterAll(() => api?.close());

  async function newSession(capacity: number, overrides: Record<string, unknown> = {}): Promise<string> {
    serial += 1;
    const input = sessionInput(world, { title: `Tafel ${serial}`, capacity, ...overrides });
    return dataOf(await api.gql(CREATE_SESSION, { i: input }, token)).createSession.id;
  }

  function registerNew(sessionId: string): Promise<GraphQLResult> {
    serial += 1;
    const participant = { firstName: `Deelnemer ${serial}`, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
    return api.gql(REGISTER, { i: { sessionId, participant } }, token);
  }

  async function registered(sessionId: string): Promise<{ id: string; status: string; participant: { id: string } }> {
    return dataOf(await registerNew(sessionId)).registerParticipant;
  }

  const move = (registrationId: string, toSessionId: string) => api.gql(MOVE, { r: registrationId, to: toSessionId }, token);

  function rows(sessionId: string): Promise<Row[]> {
    return api.dataSource.query(`SELECT id, participant_id, status FROM registration WHERE session_id = $1 ORDER BY arrival`, [sessionId]);
  }

  it('seats the participant in the other session and gives their old seat to the first on the waiting list', async () => {
    const from = await newSession(1);
    const to = await newSession(2);
    const moving = await registered(from);
    const waiting = await registered(from);
    expect(waiting.status).toBe('WAITLISTED');

    const moved = dataOf(await move(moving.id, to)).moveRegistration;

    expect(moved).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null, session: { id: to }, participant: { id: moving.participant.id } });
    expect((await rows(from)).map((r) => [r.id, r.status])).toEqual([
      [moving.id, 'CANCELLED'],
      [waiting.id, 'CONFIRMED'],
    ]);
    expect((await rows(to)).map((r) => r.status)).toEqual(['CONFIRMED']);
  });

  it('puts them at the end of a full session’s waiting list', async () => {
    const from = await newSession(5);
    const to = await newSession(1);
    await registered(to);
    await registered(to);
    const moving = await registered(from);

    const moved = dataOf(await move(moving.id, to)).moveRegistration;

    expect(moved).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect((await rows(to)).map((r) => r.status)).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
  });

  it('refuses another programme, the same session and a session they are already in, at toSessionId, changing nothing', async () => {
    const from = await newSession(5);
    const other = await newSession(5, { programmeId: world.schoolbabbelId });
    const to = await newSession(5);
    const moving = await registered(from);
    const already = await api.gql(REGISTER, { i: { sessionId: to, participantId: moving.participant.id } }, token);
    expect(dataOf(already).registerParticipant.status).toBe('CONFIRMED');
    const before = [await rows(from), await rows(other), await rows(to)];

    for (const [target, code] of [
      [other, 'BAD_USER_INPUT'],
      [from, 'BAD_USER_INPUT'],
      [to, 'ALREADY_REGISTERED'],
    ] as const) {
      const refused = await move(moving.id, target);
      expect(refused.errors?.[0].extensions).toMatchObject({ code, field: 'toSessionId' });
    }
    const unknown = await move(moving.id, '00000000-0000-4000-8000-000000000000');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect([await rows(from), await rows(other), await rows(to)]).toEqual(before);
  });

  it('refuses a cancelled registration and a cancelled target', async () => {
    const from = await newSession(5);
    const to = await newSession(5);
    const moving = await registered(from);
    dataOf(await api.gql(`mutation($id: ID!) { cancelSession(id: $id, reason: "Ziek") { id } }`, { id: to }, token));
    expect((await move(moving.id, to)).errors?.[0].extensions).toMatchObject({ code: 'SESSION_CANCELLED', field: 'toSessionId' });
    dataOf(await api.gql(`mutation($id: ID!) { cancelRegistration(id: $id) { id } }`, { id: moving.id }, token));
    expect((await move(moving.id, await newSession(5))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registrationId' });
  });

  it('never overbooks: concurrent moves both ways and registrations keep seats ≤ capacity and the waiting lists FIFO', async () => {
    const a = await newSession(6);
    const b = await newSession(3);
    const inA = await Promise.all(Array.from({ length: 6 }, () => registered(a)));
    const inB = await Promise.all(Array.from({ length: 3 }, () => registered(b)));

    const results = await Promise.all([
      ...inA.map((r) => move(r.id, b)),
      ...inB.map((r) => move(r.id, a)),
      ...Array.from({ length: 4 }, () => registerNew(b)),
      ...Array.from({ length: 4 }, () => registerNew(a)),
    ]);

    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    for (const [sessionId, capacity] of [
      [a, 6],
      [b, 3],
    ] as const) {
      const live = (await rows(sessionId)).filter((r) => r.status !== 'CANCELLED');
      const seated = live.filter((r) => r.status === 'CONFIRMED');
      expect(seated.length).toBe(capacity);
      // FIFO: every seat went to an earlier arrival than anyone still waiting.
      expect(live.slice(0, capacity).every((r) => r.status === 'CONFIRMED')).toBe(true);
      expect(live.slice(capacity).every((r) => r.status === 'WAITLISTED')).toBe(true);
      expect(new Set(live.map((r) => r.participant_id)).size).toBe(live.length);
    }
    const listed = dataOf(
      await api.gql(`query($id: ID!) { session(id: $id) { confirmedCount waitlistCount registrations { status waitlistPosition } } }`, { id: b }, token),
    ).session;
    const waiting = listed.registrations.filter((r: { status: string }) => r.status === 'WAITLISTED');
    expect(waiting.map((r: { waitlistPosition: number }) => r.waitlistPosition)).toEqual(waiting.map((_: unknown, i: number) => i + 1));
    expect(listed.confirmedCount).toBe(3);
  });
});
