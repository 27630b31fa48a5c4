/**
 * `npm run bench:public-cache`: the public schedule with the response cache, against the SQL of
 * the same answer run directly.
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, seeds the Kortrijk demo,
 * starts the real API in this process and measures, for a fixed time each,
 *   (a) the web app's public schedule request as it sends it: a GET by persisted-query id
 *       (PublicSchedule, the two weeks from the start of this minute), anonymous, answered from
 *       the API's Redis response cache once warm (the first request fills it);
 *   (b) the same answer from plain `pg`: one hand-written statement (bench/shared/public-schedule.ts)
 *       that joins what the page shows and counts the seats, per request, uncached: what a competent
 *       implementation without a cache would do;
 *   (c) (a) with a write every 100 reads: a registerParticipant through the API (as the admin),
 *       which retires the cache, so the next read runs the API's whole query again;
 *   (d) (b) with the same writes, sent as plain-pg INSERTs of a participant and a registration.
 * It checks every answer: (a) equals (b) at the start; in (c) every read shows at least the
 * registrations whose mutation had returned when the read was sent (no stale free-seat count).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { seedKortrijkDemo } from '../../scripts/demo-seed';
import { callGraphql, graphqlHeaders, postGraphql } from '../shared/graphql';
import { MEASURE_MS, Measured, Measurement, measure, runLoad, WARM_UP_MS } from '../shared/load';
import { normalisePublicSchedule, PublicSchedulePage, publicSchedulePersisted, publicSchedulePg } from '../shared/public-schedule';
import { Column, formatComparison, MACHINE } from '../shared/report';
import { migrate, runAndExit, withBenchServices } from '../shared/services';
import { StatementCounter } from '../shared/statements';

const CONCURRENCY = 8;
const WRITE_EVERY = 100;
const DATABASE = 'oefenkansen_bench_public_cache';
const REGISTER = 'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }';

function window(): { from: Date; to: Date } {
  const from = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return { from, to: new Date(from.getTime() + 14 * 86_400_000) };
}

/** The GET the web app sends (client.ts): persisted id, variables, the header CSRF prevention asks for. */
function graphqlClient(url: string, from: Date, to: Date): () => Promise<PublicSchedulePage> {
  const { id } = publicSchedulePersisted();
  const params = new URLSearchParams({
    operationName: 'PublicSchedule',
    variables: JSON.stringify({ from: from.toISOString(), to: to.toISOString(), after: null }),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }),
  });
  const target = `${url}?${params.toString()}`;
  const headers = { accept: 'application/graphql-response+json, application/json', 'x-apollo-operation-name': 'PublicSchedule' };
  return async () => {
    const response = await fetch(target, { headers });
    const body = (await response.json()) as { data?: { sessions: PublicSchedulePage }; errors?: unknown };
    if (response.status !== 200 || body.errors || !body.data) throw new Error(`GET failed (${response.status}): ${JSON.stringify(body.errors)}`);
    return body.data.sessions;
  };
}

/** Registrations that had returned, per session, and the check that a read started after them shows them. */
class SeatLedger {
  private readonly returned = new Map<string, number>();
  constructor(private readonly baseline: Map<string, number>) {}

  /** Seated plus waiting as a page shows it: seated = capacity - free, as nobody is seated beyond capacity here. */
  static occupancy(page: PublicSchedulePage, capacities: Map<string, number>): Map<string, number> {
    return new Map(page.edges.map(({ node }) => [node.id, capacities.get(node.id)! - node.availableSeats + node.waitlistCount]));
  }
  snapshot(): Map<string, number> {
    return new Map(this.returned);
  }
  recordReturned(sessionId: string): void {
    this.returned.set(sessionId, (this.returned.get(sessionId) ?? 0) + 1);
  }
  /** Throws on a stale answer: one that misses a registration whose mutation returned before the read was sent. */
  check(sent: Map<string, number>, shown: Map<string, number>): void {
    for (const [sessionId, count] of sent) {
      const expected = this.baseline.get(sessionId)! + count;
      if ((shown.get(sessionId) ?? -1) < expected)
        throw new Error(`stale seat count for ${sessionId}: shows ${shown.get(sessionId)}, ${expected} had returned`);
    }
  }
}

function participant(): Record<string, unknown> {
  return {
    firstName: 'Bench',
    phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    preferredLanguage: 'nl',
    contactChannel: 'SMS',
    consentToContact: true,
  };
}

const COLUMNS: Column<Measurement>[] = [
  { header: 'req/s', width: 10, cell: (m) => m.perSecond.toFixed(1) },
  { header: 'p50 ms', width: 10, cell: (m) => m.p50.toFixed(2) },
  { header: 'p95 ms', width: 10, cell: (m) => m.p95.toFixed(2) },
  { header: 'requests', width: 11, cell: (m) => String(m.requests) },
];

function main(): Promise<number> {
  return withBenchServices(DATABASE, async ({ config, startApi, openPool }) => {
    console.log('Migrating and seeding the Kortrijk demo data …');
    await migrate(config);
    await seedKortrijkDemo(config);
    const api = await startApi();
    const pool = openPool(CONCURRENCY);
    const pgStatements = new StatementCounter();
    const { from, to } = window();
    const cached = graphqlClient(api.url, from, to);
    const direct = publicSchedulePg(pool, from, to, pgStatements);

    // The first request fills the cache: its statements are the uncached cost; the second sends none.
    const { result: sample, statements: missStatements } = await api.statements.record(cached);
    const { statements: hitStatements } = await api.statements.record(cached);
    const { result: pgSample, statements: pgStatementsOfOne } = await pgStatements.record(direct);
    if (JSON.stringify(normalisePublicSchedule(sample)) !== JSON.stringify(normalisePublicSchedule(pgSample))) {
      throw new Error('the cached GraphQL answer and the pg baseline differ: the baseline no longer gives the same answer');
    }
    if (sample.edges.length < 10) throw new Error(`expected a schedule of some size, got ${sample.edges.length} sessions`);
    const sessionIds = sample.edges.filter(({ node }) => node.status === 'SCHEDULED').map(({ node }) => node.id);
    const capacities = new Map(
      (
        await pool.query<{ id: string; capacity: number }>('SELECT id, capacity FROM session WHERE id = ANY($1::uuid[])', [sample.edges.map((e) => e.node.id)])
      ).rows.map((row) => [row.id, row.capacity]),
    );

    const load = (operation: () => Promise<unknown>) => (durationMs: number) => runLoad(CONCURRENCY, durationMs, () => operation);
    const cachedResult = await measure('GraphQL GET, cache warm', 'req/s', load(cached), api.statements);
    const pgResult = await measure('pg direct', 'req/s', load(direct), pgStatements);

    // With writes: every WRITE_EVERY-th operation registers someone for one of the window's sessions.
    const token = (
      await callGraphql<{ login: { token: string } }>(api.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: config.adminEmail,
        p: config.adminPassword,
      })
    ).login.token;
    const headers = graphqlHeaders(token);
    const ledger = new SeatLedger(SeatLedger.occupancy(await cached(), capacities));
    let operations = 0;
    let writes = 0;
    let checkedReads = 0;
    const withWrites = (): (() => Promise<unknown>) => {
      operations += 1;
      if (operations % WRITE_EVERY === 0) {
        const sessionId = sessionIds[writes++ % sessionIds.length];
        return async () => {
          await postGraphql(api.url, headers, JSON.stringify({ query: REGISTER, variables: { i: { sessionId, participant: participant() } } }));
          ledger.recordReturned(sessionId);
        };
      }
      return async () => {
        const sent = ledger.snapshot();
        ledger.check(sent, SeatLedger.occupancy(await cached(), capacities));
        checkedReads += 1;
      };
    };
    const cachedWritesResult = await measure(
      'GraphQL GET, a registration every 100',
      'req/s',
      (durationMs) => runLoad(CONCURRENCY, durationMs, withWrites),
      api.statements,
    );

    let pgOperations = 0;
    const pgWithWrites = (): (() => Promise<unknown>) => {
      pgOperations += 1;
      if (pgOperations % WRITE_EVERY !== 0) return direct;
      const sessionId = sessionIds[pgOperations % sessionIds.length];
      return async () => {
        // What the API's registration does at the least: the participant and the registration, in one round trip.
        const sql = `WITH p AS (INSERT INTO participant (first_name, phone, preferred_language, contact_channel, consent_to_contact)
                     VALUES ('Bench', $2, 'nl', 'SMS', true) RETURNING id)
                     INSERT INTO registration (session_id, participant_id, status) SELECT $1, p.id, 'WAITLISTED' FROM p`;
        pgStatements.logQuery(sql);
        await pool.query(sql, [sessionId, `+3248${randomUUID().replace(/\D/g, '').slice(0, 7).padEnd(7, '0')}`]);
      };
    };
    const pgWritesResult = await measure('pg direct, a write every 100', 'req/s', (durationMs) => runLoad(CONCURRENCY, durationMs, pgWithWrites), pgStatements);

    report(sample, missStatements, hitStatements.length, pgStatementsOfOne.length, cachedResult, pgResult, cachedWritesResult, pgWritesResult, {
      writes,
      checkedReads,
    });
    return 0;
  });
}

function report(
  sample: PublicSchedulePage,
  missStatements: string[],
  hitStatements: number,
  pgStatementsOfOne: number,
  cached: Measured<Measurement>,
  pg: Measured<Measurement>,
  cachedWrites: Measured<Measurement>,
  pgWrites: Measured<Measurement>,
  checks: { writes: number; checkedReads: number },
): void {
  const baseline = { row: `pg direct (${pgStatementsOfOne} statement)`, ratio: 'the hand-written SQL of the same answer' };
  console.log(`
Public schedule with the response cache: PublicSchedule (${sample.edges.length} sessions) as a GET by persisted id, anonymous,
${CONCURRENCY} concurrent clients, ${MEASURE_MS / 1000} s per side after a ${WARM_UP_MS / 1000} s warm-up; client, API and pg driver share this
one Node process (${MACHINE}). A cache hit sends ${hitStatements} SQL statements; the miss below fills it.

Cache warm:
${formatComparison({ request: 'cache miss', rate: 'requests/s', columns: COLUMNS, sampleStatements: missStatements, graphql: cached, pg, baseline })}

A registration every ${WRITE_EVERY} requests (through the API; on the pg side an INSERT), ${checks.writes} writes, ${checks.checkedReads} reads checked, none stale:
${formatComparison({ request: 'cache miss', rate: 'requests/s', columns: COLUMNS, sampleStatements: [], graphql: cachedWrites, pg: pgWrites, baseline })}
`);
}

runAndExit(main);
