import { PersonalLinks, SeatOffersService } from '@app/registrations';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from './fixtures';
import { dataOf, GraphQLResult, startTestApi, TestApi } from './test-api';

const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const ACCEPT = `mutation($t: String!) { confirmMyRegistration(token: $t) { id status } }`;
const DECLINE = `mutation($t: String!) { declineSeatOffer(token: $t) { id status } }`;
const CAPACITY = 10;
const ROUNDS = 2;
/** What a refused operation may answer: nothing offered to answer (any more), or an offer that ran out. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT']);
const SEAT_TAKING = `('CONFIRMED', 'PROMOTED', 'OFFERED')`;
const SEAT_ENDING = `('CANCELLED', 'OFFER_DECLINED', 'OFFER_EXPIRED')`;

interface Row {
  id: string;
  status: string;
  arrival: string;
}

type Operation = { kind: 'register' | 'cancel' | 'accept' | 'decline' | 'sweep'; run: () => Promise<GraphQLResult | { swept: true }> };

/**
 * Issue 21 acceptance: 200 concurrent mixed accept / decline / cancel / register operations on one
 * session close to its start, on two API replicas sharing one PostgreSQL, while expiry sweeps run:
 * seats (OFFERED included) never exceed capacity, offers go in FIFO order, nobody is offered twice,
 * and every request gets an answer. Accept and decline go through the personal-link mutations.
 */
describe('seat offers under concurrency, on two API replicas', () => {
  let replicas: TestApi[];
  let world: World;
  let token: string;
  let links: PersonalLinks;
  // 5 hours before the session of sessionInput (2026-09-08 19:00 Brussels): inside the 24 h window.
  const now = new Date('2026-09-08T12:00:00Z');

  beforeAll(async () => {
    const first = await startTestApi({ now });
    replicas = [first, await startTestApi({ sharing: first, now })];
    world = await createWorld(first);
    token = world.tokens.coordinator;
    links = first.app.get(PersonalLinks);
  });
  afterAll(async () => {
    await replicas[1]?.close();
    await replicas[0]?.close();
  });

  const api = (i: number) => replicas[i % replicas.length];
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

  function registerNew(i: number, sessionId: string): Promise<GraphQLResult> {
    const participant = { firstName: `Ouder ${i}`, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
    return api(i).gql(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, token);
  }

  async function rows(sessionId: string): Promise<Row[]> {
    return api(0).dataSource.query(`SELECT id, status, arrival::text AS arrival FROM registration WHERE session_id = $1 ORDER BY arrival`, [sessionId]);
  }

  async function seatedNow(sessionId: string): Promise<{ seated: number; waitlisted: number }> {
    const [counts] = await api(0).dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW'))::int AS seated,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
         FROM registration WHERE session_id = $1`,
      [sessionId],
    );
    return counts;
  }

  for (let round = 1; round <= ROUNDS; round += 1) {
    it(`round ${round}: 200 mixed operations keep 0 overbooked, FIFO offers, nobody offered twice, every request answered`, async () => {
      const input = sessionInput(world, { title: `Schoolbabbel met aanbod ${round}`, capacity: CAPACITY, hostIds: [world.userIds.host] });
      const sessionId = dataOf(await api(0).gql(CREATE_SESSION, { i: input }, token)).createSession.id as string;
      for (let i = 0; i < 70; i += 1) dataOf(await registerNew(round * 1000 + i, sessionId));
      const before = await rows(sessionId);
      const confirmed = before.filter((r) => r.status === 'CONFIRMED');
      expect(confirmed).toHaveLength(CAPACITY);
      // Five seats come free: five offers are open when the storm starts, two of them already ran out (the sweeps race for those).
      for (const r of confirmed.slice(0, 5)) dataOf(await api(0).gql(CANCEL, { id: r.id }, token));
      const offered = (await rows(sessionId)).filter((r) => r.status === 'OFFERED');
      expect(offered).toHaveLength(5);
      await api(0).dataSource.query(`UPDATE registration SET seat_offer_expires_at = $2 WHERE id = ANY($1::uuid[])`, [
        offered.slice(0, 2).map((r) => r.id),
        new Date(now.getTime() - 60_000),
      ]);

      const existing = before.map((r) => r.id);
      // Answers go mostly to the front of the waiting list, where the offers land during the storm.
      const front = before
        .filter((r) => r.status === 'WAITLISTED')
        .slice(0, 30)
        .map((r) => r.id);
      const operations: Operation[] = [
        ...Array.from({ length: 50 }, (_, i): Operation => ({ kind: 'register', run: () => registerNew(round * 1000 + 500 + i, sessionId) })),
        ...Array.from({ length: 45 }, (_, i): Operation => ({ kind: 'cancel', run: () => api(i).gql(CANCEL, { id: pick(existing) }, token) })),
        ...Array.from({ length: 50 }, (_, i): Operation => ({ kind: 'accept', run: () => api(i).gql(ACCEPT, { t: links.tokenFor(pick(front)) }, null) })),
        ...Array.from({ length: 50 }, (_, i): Operation => ({ kind: 'decline', run: () => api(i).gql(DECLINE, { t: links.tokenFor(pick(front)) }, null) })),
        ...Array.from({ length: 5 }, (_, i): Operation => ({
          kind: 'sweep',
          run: () =>
            api(i)
              .app.get(SeatOffersService)
              .expireDue()
              .then(() => ({ swept: true as const })),
        })),
      ].sort(() => Math.random() - 0.5);
      expect(operations).toHaveLength(200);

      const samples: { seated: number; waitlisted: number }[] = [];
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          samples.push(await seatedNow(sessionId));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const results = await Promise.all(operations.map((operation) => operation.run().then((result) => ({ kind: operation.kind, result }))));
      sampling = false;
      await sampler;

      // Every operation answered: data, or a refusal with its code; never a server error.
      for (const { kind, result } of results) {
        if ('swept' in result) continue;
        expect({ kind, status: result.status }).toEqual({ kind, status: 200 });
        const code = result.errors?.[0]?.extensions?.code as string | undefined;
        if (code !== undefined) expect({ kind, code, refused: REFUSALS.has(code) }).toEqual({ kind, code, refused: true });
        if (kind === 'register') expect(result.errors).toBeUndefined();
      }
      expect(results.filter(({ kind, result }) => kind === 'accept' && !('swept' in result) && !result.errors).length).toBeGreaterThan(0);

      // 0 overbooked, during the storm and after it; nobody waits while a seat is free.
      expect(samples.length).toBeGreaterThan(3);
      for (const sample of [...samples, await seatedNow(sessionId)]) {
        expect(sample.seated).toBeLessThanOrEqual(CAPACITY);
        expect(sample.waitlisted === 0 || sample.seated === CAPACITY).toBe(true);
      }

      // The event log agrees: seats taken minus seats ended is what is seated, within capacity.
      const [log] = await api(0).dataSource.query(
        `SELECT count(DISTINCT registration_id) FILTER (WHERE kind IN ${SEAT_TAKING})::int AS taken,
                count(DISTINCT registration_id) FILTER (WHERE kind IN ${SEAT_ENDING} AND registration_id IN (
                  SELECT registration_id FROM registration_event WHERE session_id = $1 AND kind IN ${SEAT_TAKING}))::int AS ended
           FROM registration_event WHERE session_id = $1`,
        [sessionId],
      );
      const after = await rows(sessionId);
      const seated = after.filter((r) => ['CONFIRMED', 'OFFERED'].includes(r.status));
      expect(log.taken - log.ended).toBe(seated.length);
      expect(seated.length).toBeLessThanOrEqual(CAPACITY);

      // Nobody is offered twice, and each registration takes a seat at most once.
      const repeated = await api(0).dataSource.query(
        `SELECT registration_id, count(*)::int AS n FROM registration_event
          WHERE session_id = $1 AND kind IN ${SEAT_TAKING} GROUP BY registration_id HAVING count(*) > 1`,
        [sessionId],
      );
      expect(repeated).toEqual([]);

      // FIFO: everyone offered a seat (or promoted) arrived before everyone still waiting.
      const given: { arrival: string }[] = await api(0).dataSource.query(
        `SELECT r.arrival::text AS arrival FROM registration_event e JOIN registration r ON r.id = e.registration_id
          WHERE e.session_id = $1 AND e.kind IN ('OFFERED', 'PROMOTED')`,
        [sessionId],
      );
      const waiting = after.filter((r) => r.status === 'WAITLISTED');
      expect(given.length).toBeGreaterThan(5);
      if (waiting.length > 0) {
        const lastGiven = given.reduce((max, r) => (BigInt(r.arrival) > max ? BigInt(r.arrival) : max), 0n);
        expect(lastGiven < BigInt(waiting[0].arrival)).toBe(true);
      }
      // The offers that ran out were ended once each, by one of the sweeps (or answered first).
      const endings = await api(0).dataSource.query(
        `SELECT registration_id, count(*)::int AS n FROM registration_event
          WHERE session_id = $1 AND kind IN ${SEAT_ENDING} GROUP BY registration_id HAVING count(*) > 1`,
        [sessionId],
      );
      expect(endings).toEqual([]);
      const expired = await api(0).dataSource.query(`SELECT registration_id FROM registration_event WHERE session_id = $1 AND kind = 'OFFER_EXPIRED'`, [
        sessionId,
      ]);
      expect(expired.length).toBeLessThanOrEqual(2);
      expect((await rows(sessionId)).filter((r) => offered.slice(0, 2).some((o) => o.id === r.id && r.status === 'OFFERED'))).toEqual([]);
    });
  }
});
