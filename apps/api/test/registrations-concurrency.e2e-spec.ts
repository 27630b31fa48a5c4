import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, GraphQLResult, startTestApi, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const CAPACITY = `mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { capacity } }`;
const ROUNDS = 5;

interface Row {
  id: string;
  status: string;
  arrival: string;
}

/**
 * Invariants 1 and 2 (docs/architecture.md#invariant-1, #invariant-2) with real concurrent HTTP requests on two API instances that
 * share one PostgreSQL: seats are never given out twice, and the waiting list stays FIFO.
 */
describe('registrations under concurrency, on two API replicas', () => {
  let replicas: TestApi[];
  let world: World;
  let token: string;

  beforeAll(async () => {
    const first = await startTestApi();
    replicas = [first, await startTestApi({ sharing: first })];
    world = await createWorld(first);
    token = world.tokens.coordinator;
  });
  afterAll(async () => {
    await replicas[1]?.close();
    await replicas[0]?.close();
  });

  const api = (i: number) => replicas[i % replicas.length];

  async function newSession(capacity: number, title: string): Promise<string> {
    const input = sessionInput(world, { title, capacity, hostIds: [world.userIds.host] });
    return dataOf(await api(0).gql(CREATE_SESSION, { i: input }, token)).createSession.id;
  }

  function registerNew(i: number, sessionId: string): Promise<GraphQLResult> {
    const participant = { firstName: `Deelnemer ${i}`, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
    return api(i).gql(REGISTER, { i: { sessionId, participant } }, token);
  }

  /** The session's registrations in order of arrival, straight from the database. */
  async function rows(sessionId: string): Promise<Row[]> {
    return api(0).dataSource.query(`SELECT r.id, r.status, r.arrival::text AS arrival FROM registration r WHERE r.session_id = $1 ORDER BY r.arrival`, [
      sessionId,
    ]);
  }

  /**
   * Seats go to the earliest arrivals that are still live, and the waiting list is everyone after
   * them, in order. More seated than capacity happens only after capacity was lowered.
   */
  async function expectFifoState(sessionId: string, capacity: number): Promise<void> {
    const live = (await rows(sessionId)).filter((r) => r.status !== 'CANCELLED');
    const seated = Math.max(Math.min(capacity, live.length), live.filter((r) => r.status === 'CONFIRMED').length);
    expect(live.slice(0, seated).every((r) => r.status === 'CONFIRMED')).toBe(true);
    expect(live.slice(seated).every((r) => r.status === 'WAITLISTED')).toBe(true);
    const listed = dataOf(
      await api(1).gql(
        'query($id: ID!) { session(id: $id) { confirmedCount waitlistCount availableSeats registrations { id status waitlistPosition } } }',
        { id: sessionId },
        token,
      ),
    ).session;
    expect(listed.confirmedCount).toBe(seated);
    expect(listed.waitlistCount).toBe(live.length - seated);
    expect(listed.availableSeats).toBe(Math.max(0, capacity - seated));
    const waitlist = listed.registrations.filter((r: { status: string }) => r.status === 'WAITLISTED');
    expect(waitlist.map((r: { id: string }) => r.id)).toEqual(live.slice(seated).map((r) => r.id));
    expect(waitlist.map((r: { waitlistPosition: number }) => r.waitlistPosition)).toEqual(waitlist.map((_: unknown, i: number) => i + 1));
  }

  for (let round = 1; round <= ROUNDS; round += 1) {
    it(`round ${round}: 200 concurrent registrations give exactly 10 seats, then 50 concurrent cancellations keep FIFO`, async () => {
      const sessionId = await newSession(10, `Drukke praattafel ${round}`);
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => registerNew(i, sessionId)));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const statuses = results.map((r) => r.data!.registerParticipant.status as string);
      expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10);
      expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(190);
      const all = await rows(sessionId);
      expect(all).toHaveLength(200);
      expect(all.slice(0, 10).every((r) => r.status === 'CONFIRMED')).toBe(true);
      await expectFifoState(sessionId, 10);

      // 8 of the 10 seats and 42 places on the waiting list are given back at the same time.
      const confirmed = all.filter((r) => r.status === 'CONFIRMED');
      const waitlisted = all.filter((r) => r.status === 'WAITLISTED');
      const shuffledWaitlist = [...waitlisted].sort(() => Math.random() - 0.5);
      const toCancel = [...confirmed.slice(0, 8), ...shuffledWaitlist.slice(0, 42)];
      const cancellations = await Promise.all(toCancel.map((r, i) => api(i).gql(CANCEL, { id: r.id }, token)));
      expect(cancellations.filter((r) => r.errors)).toEqual([]);
      expect(cancellations.every((r) => r.data!.cancelRegistration.status === 'CANCELLED')).toBe(true);
      await expectFifoState(sessionId, 10);
      const after = await rows(sessionId);
      expect(after.filter((r) => r.status === 'CANCELLED')).toHaveLength(50);
      expect(after.filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);

      // Every seat handed back was passed on, and recorded for the notifications in the same transaction:
      // one PROMOTED event per cancelled registration that held a seat when it was cancelled.
      const [events] = await api(0).dataSource.query(
        `SELECT count(*) FILTER (WHERE kind = 'PROMOTED')::int AS promoted,
                count(DISTINCT registration_id) FILTER (WHERE kind = 'CANCELLED' AND registration_id IN (
                  SELECT registration_id FROM registration_event WHERE session_id = $1 AND kind IN ('CONFIRMED', 'PROMOTED')))::int AS seats_given_back
           FROM registration_event WHERE session_id = $1`,
        [sessionId],
      );
      expect(events.promoted).toBe(events.seats_given_back);
      expect(events.promoted).toBeGreaterThanOrEqual(8);
    });
  }

  it('capacity changes up and down during concurrent registrations never seat anyone while the session is full', async () => {
    const sessionId = await newSession(10, 'Capaciteit wisselt');
    const samples: { capacity: number; seated: number; waitlisted: number; capacityChanges: number }[] = [];
    // Counts up when a capacity change starts and again when it ends: an even, unchanged count means capacity stood still.
    let capacityChanges = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        // One statement, one snapshot: capacity and counts are consistent with each other.
        const changesBefore = capacityChanges;
        const [sample] = await api(0).dataSource.query(
          `SELECT s.capacity,
                  count(r.id) FILTER (WHERE r.status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW'))::int AS seated,
                  count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
             FROM session s LEFT JOIN registration r ON r.session_id = s.id WHERE s.id = $1 GROUP BY s.capacity`,
          [sessionId],
        );
        samples.push({ ...sample, capacityChanges: changesBefore === capacityChanges ? changesBefore : -1 });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const capacities = [14, 6, 20, 8, 25, 12, 30, 5, 18, 22];
    const work = [
      ...Array.from({ length: 120 }, (_, i) => registerNew(1000 + i, sessionId)),
      ...capacities.map((c, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 15)).then(async () => {
          capacityChanges += 1;
          const result = await api(i).gql(CAPACITY, { id: sessionId, c }, token);
          capacityChanges += 1;
          return result;
        }),
      ),
    ];
    const results = await Promise.all(work);
    sampling = false;
    await sampler;
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(samples.length).toBeGreaterThan(5);
    for (const sample of samples) {
      // Invariant 2 (docs/architecture.md#invariant-2): nobody waits while a seat is free.
      expect(sample.waitlisted === 0 || sample.seated >= sample.capacity).toBe(true);
    }
    for (let i = 1; i < samples.length; i += 1) {
      const [before, now] = [samples[i - 1], samples[i]];
      // Only where capacity stood still in between: a raise and a lowering between two samples are invisible.
      if (before.capacityChanges < 0 || before.capacityChanges % 2 === 1 || before.capacityChanges !== now.capacityChanges) continue;
      // Invariant 1 (docs/architecture.md#invariant-1): while full (also after lowering below the seated count) no seat is given out.
      if (now.seated > before.seated) expect(now.seated).toBeLessThanOrEqual(now.capacity);
    }
    const finalCapacity = dataOf(await api(1).gql('query($id: ID!) { session(id: $id) { capacity } }', { id: sessionId })).session.capacity;
    await expectFifoState(sessionId, finalCapacity);
    // Lowering below the confirmed count never un-confirms anyone; raising it seats the waiting list at once.
    const seatedBefore = (await rows(sessionId)).filter((r) => r.status === 'CONFIRMED').length;
    dataOf(await api(0).gql(CAPACITY, { id: sessionId, c: 3 }, token));
    expect((await rows(sessionId)).filter((r) => r.status === 'CONFIRMED')).toHaveLength(seatedBefore);
    dataOf(await api(1).gql(CAPACITY, { id: sessionId, c: 40 }, token));
    await expectFifoState(sessionId, 40);
  });
});
