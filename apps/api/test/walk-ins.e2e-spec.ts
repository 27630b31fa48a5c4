import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const WALK_IN = `mutation($i: RegisterWalkInInput!) {
  registerWalkIn(input: $i) { id status walkIn children participant { id firstName anonymous preferredLanguage } }
}`;
const LIST = `query($id: ID!) { session(id: $id) { capacity confirmedCount availableSeats registrations { id status walkIn children participant { firstName anonymous } } } }`;
const REPORT = `query($p: ID) { programmeReport(from: "2026-09-01", to: "2026-09-30", programmeId: $p) { month sessionsHeld attended walkIns confirmed } }`;
const SEARCH = `query($s: String) { participants(search: $s) { id } }`;

/** The sessions of these tests: 19:00–20:30 in Brussels (17:00Z) on Tuesday 8 September 2026. */
const DURING = new Date('2026-09-08T17:30:00Z');
const HOUR_BEFORE = new Date('2026-09-08T16:00:00Z');
const THREE_HOURS_BEFORE = new Date('2026-09-08T14:00:00Z');
const LATE_THAT_EVENING = new Date('2026-09-08T21:30:00Z'); // 23:30 in Brussels: still the session's day
const DAY_AFTER = new Date('2026-09-09T08:00:00Z');
const BEFORE_ALL = new Date('2026-08-15T10:00:00Z');

const TABLES = ['registration', 'participant', 'registration_event', 'notification'] as const;

const parent = (firstName: string, extra: Record<string, unknown> = {}) => ({
  firstName,
  preferredLanguage: 'ar',
  contactChannel: 'NONE',
  consentToContact: false,
  ...extra,
});

describe('walk-ins: someone at the door, added by a host or a coordinator as ATTENDED', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi({ now: BEFORE_ALL });
    world = await createWorld(api);
  });
  afterEach(() => api.clock.set(BEFORE_ALL));
  afterAll(() => api.close());

  async function session(capacity: number, overrides: Record<string, unknown> = {}): Promise<string> {
    api.clock.set(BEFORE_ALL);
    const input = sessionInput(world, { capacity, hostIds: [world.userIds.host], ...overrides });
    return dataOf(await api.gql(CREATE_SESSION, { i: input }, world.tokens.coordinator)).createSession.id;
  }
  const walkIn = (input: Record<string, unknown>, token = world.tokens.host) => api.gql(WALK_IN, { i: input }, token);
  const list = async (id: string) => dataOf(await api.gql(LIST, { id }, world.tokens.coordinator)).session;
  /** Booked seats (capacity counts these) and walk-ins on an extra chair, straight from the table. */
  async function seats(sessionId: string): Promise<{ booked: number; beyond: number }> {
    const [row] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW') AND NOT beyond_capacity)::int AS booked,
              count(*) FILTER (WHERE beyond_capacity)::int AS beyond
         FROM registration WHERE session_id = $1`,
      [sessionId],
    );
    return row;
  }

  it('adds an anonymous walk-in during the session: ATTENDED, a count only, in the list and the report, never searchable or messaged', async () => {
    const id = await session(5, { programmeId: world.schoolbabbelId });
    const notificationsBefore = (await tableSnapshot(api.dataSource, ['notification'])).notification.n;
    api.clock.set(DURING);
    const added = dataOf(await walkIn({ sessionId: id, preferredLanguage: 'prs' })).registerWalkIn;
    expect(added).toMatchObject({ status: 'ATTENDED', walkIn: true, children: 0, participant: { firstName: '', anonymous: true, preferredLanguage: 'prs' } });

    const [row] = await api.dataSource.query(`SELECT phone, email, contact_channel, consent_to_contact FROM participant WHERE id = $1`, [added.participant.id]);
    expect(row).toEqual({ phone: null, email: null, contact_channel: 'NONE', consent_to_contact: false });
    expect((await list(id)).registrations).toEqual([
      { id: added.id, status: 'ATTENDED', walkIn: true, children: 0, participant: { firstName: '', anonymous: true } },
    ]);
    const searched = dataOf(await api.gql(SEARCH, { s: null }, world.tokens.host)).participants.map((p: { id: string }) => p.id);
    expect(searched).not.toContain(added.participant.id);
    expect((await tableSnapshot(api.dataSource, ['notification'])).notification.n).toBe(notificationsBefore);

    const report = dataOf(await api.gql(REPORT, { p: world.schoolbabbelId }, world.tokens.coordinator)).programmeReport;
    expect(report).toEqual([{ month: '2026-09', sessionsHeld: 1, attended: 1, walkIns: 1, confirmed: 1 }]);
  });

  it('adds a named walk-in with children; a new participant is validated as for registerParticipant', async () => {
    const id = await session(5);
    api.clock.set(DURING);
    const added = dataOf(await walkIn({ sessionId: id, participant: parent('Farid', { phone: '0470 11 22 33' }), children: 2 })).registerWalkIn;
    expect(added).toMatchObject({ status: 'ATTENDED', walkIn: true, children: 2, participant: { firstName: 'Farid', anonymous: false } });

    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await walkIn({ sessionId: id, participant: parent('Gul', { phone: '12' }) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'participant.phone' },
    });
    expect(errorOf(await walkIn({ sessionId: id, children: 11 }))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'children' } });
    expect(errorOf(await walkIn({ sessionId: id, children: -1 }))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'children' } });
    expect(errorOf(await walkIn({ sessionId: id, participantId: added.participant.id, participant: parent('Farid') }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
  });

  it('marks a booked participant ATTENDED instead of a second registration, and refuses them once they are', async () => {
    const id = await session(5);
    const booked = dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId: id, participant: parent('Hana') } }, world.tokens.host)).registerParticipant;
    const [{ participant_id }] = await api.dataSource.query(`SELECT participant_id FROM registration WHERE id = $1`, [booked.id]);

    api.clock.set(HOUR_BEFORE);
    const came = dataOf(await walkIn({ sessionId: id, participantId: participant_id, children: 1 })).registerWalkIn;
    expect(came).toMatchObject({ id: booked.id, status: 'ATTENDED', walkIn: false, children: 1 });
    expect((await list(id)).registrations).toHaveLength(1);

    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await walkIn({ sessionId: id, participantId: participant_id }))).toMatchObject({
      code: 'ALREADY_REGISTERED',
      extensions: { registrationId: booked.id },
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
  });

  it('takes a free seat while there is one, then sits beyond capacity: the booked seats never exceed it', async () => {
    const id = await session(2);
    dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId: id, participant: parent('Iman') } }, world.tokens.host));
    // An hour before the start the online registration is still open: the walk-in takes the last seat.
    api.clock.set(HOUR_BEFORE);
    dataOf(await walkIn({ sessionId: id }));
    expect(await seats(id)).toEqual({ booked: 2, beyond: 0 });
    expect(await list(id)).toMatchObject({ capacity: 2, confirmedCount: 2, availableSeats: 0 });
    const waiting = dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId: id, participant: parent('Jamal') } }, world.tokens.host)).registerParticipant;
    expect(waiting.status).toBe('WAITLISTED');

    api.clock.set(DURING);
    for (let i = 0; i < 3; i += 1) dataOf(await walkIn({ sessionId: id }));
    expect(await seats(id)).toEqual({ booked: 2, beyond: 3 });
    expect(await list(id)).toMatchObject({ confirmedCount: 2, availableSeats: 0 });

    // Jamal, still on the waiting list, turns up too: his own registration comes in as a walk-in.
    const [{ participant_id }] = await api.dataSource.query(`SELECT participant_id FROM registration WHERE id = $1`, [waiting.id]);
    const jamal = dataOf(await walkIn({ sessionId: id, participantId: participant_id })).registerWalkIn;
    expect(jamal).toMatchObject({ id: waiting.id, status: 'ATTENDED', walkIn: true });
    expect(await seats(id)).toEqual({ booked: 2, beyond: 4 });
  });

  it('never registers an anonymous walk-in again: their id is NOT_FOUND for registerParticipant and registerWalkIn', async () => {
    const id = await session(5);
    const next = await session(5, { startsAt: '2026-09-15T19:00:00+02:00', endsAt: '2026-09-15T20:30:00+02:00' });
    api.clock.set(DURING);
    const anonymousId = dataOf(await walkIn({ sessionId: id })).registerWalkIn.participant.id;
    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await walkIn({ sessionId: id, participantId: anonymousId })).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId: next, participantId: anonymousId } }, world.tokens.host)).code).toBe('NOT_FOUND');
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
  });

  it('keeps the booked seats within capacity when walk-ins and online registrations race an hour before the start', async () => {
    const id = await session(4);
    api.clock.set(HOUR_BEFORE);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? walkIn({ sessionId: id, children: i % 3 })
          : api.gql(REGISTER_PARTICIPANT, { i: { sessionId: id, participant: parent(`Race${i}`) } }, world.tokens.host),
      ),
    );
    for (const result of results) dataOf(result);
    const [row] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW') AND NOT beyond_capacity)::int AS booked,
              count(*) FILTER (WHERE beyond_capacity)::int AS beyond,
              count(*) FILTER (WHERE beyond_capacity AND NOT walk_in)::int AS beyond_not_walk_in,
              count(*) FILTER (WHERE walk_in AND status <> 'ATTENDED')::int AS walk_ins_not_attended,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waiting
         FROM registration WHERE session_id = $1`,
      [id],
    );
    // Four seats: whoever came first took them; the other walk-ins sit beyond capacity, the other registrations wait.
    expect(row).toMatchObject({ booked: 4, beyond_not_walk_in: 0, walk_ins_not_attended: 0 });
    expect(row.beyond + row.waiting).toBe(8);
    expect(await list(id)).toMatchObject({ confirmedCount: 4, availableSeats: 0 });
  });

  it('refuses the same call the day after, and three hours before the start, with WALK_IN_CLOSED; nothing changes', async () => {
    const id = await session(5);
    api.clock.set(LATE_THAT_EVENING);
    dataOf(await walkIn({ sessionId: id }));
    for (const now of [DAY_AFTER, THREE_HOURS_BEFORE]) {
      api.clock.set(now);
      const before = await tableSnapshot(api.dataSource, TABLES);
      const error = errorOf(await walkIn({ sessionId: id, participant: parent('Karim'), children: 1 }));
      expect(error).toMatchObject({
        code: 'WALK_IN_CLOSED',
        extensions: { field: 'sessionId', opensAt: '2026-09-08T15:00:00.000Z', closesAt: '2026-09-08T21:59:59.999Z' },
      });
      expect(error.message).toContain('two hours before the start until the end of the session');
      expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    }
  });

  it('lets only the session’s hosts and coordinators in: a host of another session and a school contact are FORBIDDEN', async () => {
    const id = await session(5, { venueId: world.schoolVenueId });
    api.clock.set(DURING);
    const before = await tableSnapshot(api.dataSource, TABLES);
    for (const token of [world.tokens.otherHost, world.tokens.schoolContact, world.tokens.volunteer]) {
      expect(errorOf(await walkIn({ sessionId: id }, token)).code).toBe('FORBIDDEN');
    }
    expect(errorOf(await walkIn({ sessionId: id }, null as unknown as string)).code).toBe('UNAUTHENTICATED');
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    expect(dataOf(await walkIn({ sessionId: id }, world.tokens.coordinator)).registerWalkIn.status).toBe('ATTENDED');
  });

  it('refuses a cancelled session with SESSION_CANCELLED', async () => {
    const id = await session(5);
    dataOf(await api.gql(`mutation($id: ID!) { cancelSession(id: $id, reason: "Ziek") { id } }`, { id }, world.tokens.coordinator));
    api.clock.set(DURING);
    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await walkIn({ sessionId: id }))).toMatchObject({ code: 'SESSION_CANCELLED' });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
  });
});
