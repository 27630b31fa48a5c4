/**
 * `npm run bench:register`: what the GraphQL API costs on top of the SQL it runs, for the one write
 * that matters most: registering a new participant for a session (registerParticipant).
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, creates a venue, a programme
 * and sessions of capacity 10 over GraphQL as the admin, logs in as a coordinator, starts the real
 * API in this process and measures, for a fixed time each and on sessions of their own,
 *   (a) registerParticipant mutations over HTTP: the token's user read by the guard, then one
 *       transaction of the session lock (which also reads the scope and sets the audit triggers'
 *       actor/operation/request), the participant INSERT with its duplicate lookup, and one
 *       statement that counts the seats, inserts the registration, its event and its personal link
 *       row and returns what the outbox and the capacity alerts need; and
 *   (b) the same registration written by hand with plain `pg`, as a competent implementation with
 *       the same invariants would: the user check, BEGIN, the lock with scope and audit settings,
 *       the participant INSERT, the arrival statement (the API's exported LOCK_SESSION_FOR_ARRIVAL_SQL
 *       and INSERT_ARRIVAL_SQL: the leanest text for that work, with the same link hash), the
 *       capacity-alert transitions when one begins (upsert, staff, their notifications) and COMMIT.
 *       No outbox row: the participant has no contact channel, so neither side writes one.
 * The API must not send more statements than (b); both sides' sample registrations must leave the
 * same participant, registration, event, link and audit-log rows.
 * Both spread new participants over the same number of sessions in the same pseudo-random order, so
 * the first ten per session are confirmed, the rest waitlisted, and concurrent requests for one
 * session queue on its row lock: that queueing is part of the price of a registration. While pg
 * runs, the GraphQL side's rows are parked in side tables, so both sides start on empty tables.
 * Afterwards it checks over all sessions that no session holds more seated participants than its
 * capacity and that every waiting list is in order of arrival without duplicate positions; a
 * benchmark that broke those invariants would be measuring the wrong thing, so it then fails.
 */
import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { AppConfig } from '@app/config';
import { INSERT_ARRIVAL_SQL, LOCK_SESSION_FOR_ARRIVAL_SQL, PersonalLinks, SEATED_REGISTRATION_STATUSES, WAITLIST_LONG_THRESHOLD } from '@app/registrations';
import { seededRandom } from '@app/testing';
import { graphqlHeaders, postGraphql } from '../shared/graphql';
import { MEASURE_MS, Measured, Measurement, measure, Phase, runLoad, WARM_UP_MS } from '../shared/load';
import { Column, formatComparison, MACHINE } from '../shared/report';
import { migrate, runAndExit, withBenchServices } from '../shared/services';
import { StatementCounter } from '../shared/statements';

/**
 * 24 sessions of 10 seats per side: few enough that the seats run out early in the measured run even
 * when the API is slow, so most registrations are waitlisted as on a popular table, and enough that
 * 12 clients mostly hit different sessions while some still queue on the same session's lock.
 */
const SESSIONS_PER_SIDE = 24;
const CAPACITY = 10;
const CONCURRENCY = 12;
const DATABASE = 'oefenkansen_bench_register';
const COORDINATOR = { email: 'coordinator@oefenkansen.bench', password: 'bench-coordinator-password' };

const REGISTER_MUTATION = `mutation Register($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { id status }
}`;

interface RegistrationMeasurement extends Measurement {
  confirmed: number;
  waitlisted: number;
}

/** One registration attempt: which session, and a participant name nobody else uses. */
type Register = (sessionId: string, firstName: string) => Promise<string>;

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  return postGraphql<T>(url, graphqlHeaders(token), JSON.stringify({ query, variables }));
}

interface World {
  coordinatorId: string;
  coordinatorToken: string;
  /**
   * Each phase registers on sessions nobody else touched, so every phase starts with empty sessions;
   * the two sample registrations get one each, as their rows are parked and restored with the rest.
   */
  sessions: { graphqlSample: string; pgSample: string; graphqlWarmUp: string[]; graphql: string[]; pgWarmUp: string[]; pg: string[] };
}

/** Everything through the public API as the configured admin, as a coordinator would set it up. */
async function createWorld(url: string, config: AppConfig): Promise<World> {
  const admin = (
    await gql<{ login: { token: string } }>(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: config.adminEmail,
      p: config.adminPassword,
    })
  ).login.token;
  const { createOrganisation } = await gql<{ createOrganisation: { id: string } }>(
    url,
    'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
    { i: { name: 'Wijkcentrum Bench', kind: 'NEIGHBOURHOOD_CENTRE' } },
    admin,
  );
  const { createVenue } = await gql<{ createVenue: { id: string } }>(
    url,
    'mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }',
    { i: { organisationId: createOrganisation.id, name: 'Ontmoetingsruimte', address: 'Leiestraat 1, 8500 Kortrijk' } },
    admin,
  );
  const { createProgramme } = await gql<{ createProgramme: { id: string } }>(
    url,
    'mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }',
    { i: { name: 'Praattafel', kind: 'TABLE', defaultCapacity: CAPACITY } },
    admin,
  );
  const { createUser } = await gql<{ createUser: { id: string } }>(
    url,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email: COORDINATOR.email, password: COORDINATOR.password, displayName: 'Bench coordinator', roles: ['COORDINATOR'] } },
    admin,
  );

  // A week ahead, one every two hours: all open for registration whatever the real clock says.
  const firstStart = Date.now() + 7 * 24 * 3_600_000;
  let next = 0;
  const createSessions = async (label: string, count = SESSIONS_PER_SIDE) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const startsAt = new Date(firstStart + next++ * 2 * 3_600_000);
      const input = {
        programmeId: createProgramme.id,
        venueId: createVenue.id,
        title: `Praattafel ${label} ${i + 1}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * 60_000),
        capacity: CAPACITY,
        hostIds: [],
      };
      ids.push(
        (await gql<{ createSession: { id: string } }>(url, 'mutation($i: CreateSessionInput!) { createSession(input: $i) { id } }', { i: input }, admin))
          .createSession.id,
      );
    }
    return ids;
  };
  const [graphqlSample, pgSample] = await createSessions('sample', 2);
  const sessions = {
    graphqlSample,
    pgSample,
    graphqlWarmUp: await createSessions('graphql warm-up'),
    graphql: await createSessions('graphql'),
    pgWarmUp: await createSessions('pg warm-up'),
    pg: await createSessions('pg'),
  };

  const coordinatorToken = (
    await gql<{ login: { token: string } }>(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: COORDINATOR.email,
      p: COORDINATOR.password,
    })
  ).login.token;
  return { coordinatorId: createUser.id, coordinatorToken, sessions };
}

// ---------------------------------------------------------------------------------------------
// (a) GraphQL over HTTP
// ---------------------------------------------------------------------------------------------

function graphqlRegister(url: string, token: string): Register {
  const headers = graphqlHeaders(token);
  return async (sessionId, firstName) => {
    // What a registration desk sends for a walk-in with no phone or e-mail: the minimum the form needs.
    const participant = { firstName, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
    const body = JSON.stringify({ query: REGISTER_MUTATION, variables: { input: { sessionId, participant } } });
    return (await postGraphql<{ registerParticipant: { status: string } }>(url, headers, body)).registerParticipant.status;
  };
}

// ---------------------------------------------------------------------------------------------
// (b) a hand-written registration with plain pg
// ---------------------------------------------------------------------------------------------

// What the API's guard checks of the token's user on every request, outside the transaction.
const USER_SQL = `SELECT id, active, roles, organisation_id, token_version FROM app_user WHERE id = $1`;
// A new participant, flagged (never merged) with the oldest one that looks like the same person.
const INSERT_PARTICIPANT_SQL = `INSERT INTO participant (first_name, last_name, phone, email, preferred_language, contact_channel, consent_to_contact,
                            registered_by_organisation_id, created_by_id, consent_recorded_at, consent_recorded_by_id, possible_duplicate_of_id)
   VALUES ($1::varchar, $2::varchar, $3::varchar, NULL, $4, $5, $6, $7::uuid, $8::uuid, now(), $8::uuid,
           (SELECT id FROM participant
             WHERE ($3::varchar IS NOT NULL AND phone = $3::varchar)
                OR (registered_by_organisation_id = $7::uuid AND lower(first_name) = lower($1::varchar) AND lower(coalesce(last_name, '')) = lower(coalesce($2::varchar, '')))
             ORDER BY created_at LIMIT 1))
   RETURNING id`;
const ALERT_UPSERT_SQL = `INSERT INTO session_alert (session_id, condition, active, episodes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, condition) DO UPDATE SET active = EXCLUDED.active, episodes = EXCLUDED.episodes`;
const SESSION_STAFF_SQL = `SELECT user_id AS id FROM session_host WHERE session_id = $1
     UNION SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[])`;
const STAFF_NOTIFICATION_SQL = `INSERT INTO notification (kind, channel, user_id, language, session_id, payload, due_at, dedupe_key)
     VALUES ($1, 'EMAIL', $2, 'nl', $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`;
const ALERTS: { kind: string; holds: (capacity: number, seated: number, waitlisted: number) => boolean }[] = [
  { kind: 'SESSION_FULL', holds: (capacity, seated) => seated >= capacity },
  { kind: 'WAITLIST_LONG', holds: (_capacity, _seated, waitlisted) => waitlisted >= WAITLIST_LONG_THRESHOLD },
];

const SEATED = [...SEATED_REGISTRATION_STATUSES];

interface ArrivalRow {
  status: string;
  seated_after: number;
  waitlisted_after: number;
  session_capacity: number;
  session_status: string;
  alerts: { condition: string; active: boolean; episodes: number }[];
}

function pgRegister(pool: Pool, coordinatorId: string, links: PersonalLinks, statements: StatementCounter): Register {
  const on = <R extends QueryResultRow = any>(client: Pool | PoolClient, sql: string, params: unknown[] = []) => {
    statements.logQuery(sql);
    return client.query<R>(sql, params);
  };
  return async (sessionId, firstName) => {
    const user = (await on(pool, USER_SQL, [coordinatorId])).rows[0];
    if (!user?.active) throw new Error('coordinator not found or inactive');
    const client = await pool.connect();
    try {
      await on(client, 'BEGIN');
      // The lock, the session's scope and the audit triggers' settings (actor, operation, request) at once.
      const session = (await on(client, LOCK_SESSION_FOR_ARRIVAL_SQL, [sessionId, coordinatorId, 'registerParticipant', randomUUID()])).rows[0];
      if (!session) throw new Error(`session ${sessionId} not found`);
      // The remaining checks (a coordinator may register; scheduled and not started) need no SQL.
      if (session.status !== 'SCHEDULED' || session.starts_at.getTime() <= Date.now()) throw new Error(`session ${sessionId} is not open`);
      // A coordinator has no organisation of their own: the participant is the venue's organisation's.
      const organisationId = user.organisation_id ?? session.organisation_id;
      const participant = (
        await on<{ id: string }>(client, INSERT_PARTICIPANT_SQL, [firstName, null, null, 'nl', 'NONE', false, organisationId, coordinatorId])
      ).rows[0];
      // A brand-new participant holds no registration anywhere: no duplicate-registration read (the unique index stays the guard).
      const id = randomUUID();
      const linkHash = links.hashOf(links.tokenFor(id));
      const arrivalParameters = [sessionId, participant.id, coordinatorId, null, session.capacity, SEATED, id, linkHash];
      const arrival = (await on<ArrivalRow>(client, INSERT_ARRIVAL_SQL, arrivalParameters)).rows[0];
      // Contact channel NONE without consent: no message and no reminders to put in the outbox.
      for (const alert of ALERTS) {
        const state = arrival.alerts.find((row) => row.condition === alert.kind) ?? { active: false, episodes: 0 };
        const holds = arrival.session_status === 'SCHEDULED' && alert.holds(arrival.session_capacity, arrival.seated_after, arrival.waitlisted_after);
        if (holds === state.active) continue;
        const episodes = holds ? state.episodes + 1 : state.episodes;
        await on(client, ALERT_UPSERT_SQL, [sessionId, alert.kind, holds, episodes]);
        if (!holds) continue;
        for (const { id: userId } of (await on<{ id: string }>(client, SESSION_STAFF_SQL, [sessionId])).rows) {
          await on(client, STAFF_NOTIFICATION_SQL, [alert.kind, userId, sessionId, '{}', new Date(), `${alert.kind}|${sessionId}|${episodes}|${userId}`]);
        }
      }
      await on(client, 'COMMIT');
      return arrival.status;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

/** Both sides draw the same sequence of session indexes from the same seed. */
function sessionPicker(sessionIds: string[], seed: number): () => string {
  const random = seededRandom(seed);
  return () => sessionIds[Math.floor(random() * sessionIds.length)];
}

/** Registrations over `sessionIds` in the order both sides share, each participant named only once. */
async function runRegistrations(register: Register, sessionIds: string[], namePrefix: string, durationMs: number): Promise<RegistrationMeasurement> {
  const pick = sessionPicker(sessionIds, 20_260_302);
  const statuses = { CONFIRMED: 0, WAITLISTED: 0 } as Record<string, number>;
  let sequence = 0;
  const nextRegistration = () => {
    const sessionId = pick();
    const name = `${namePrefix} ${++sequence}`;
    return () => register(sessionId, name);
  };
  const measurement = await runLoad(CONCURRENCY, durationMs, nextRegistration, (status) => (statuses[status] = (statuses[status] ?? 0) + 1));
  return { ...measurement, confirmed: statuses.CONFIRMED, waitlisted: statuses.WAITLISTED };
}

function measureRegistrations(
  label: string,
  register: Register,
  warmUpSessions: string[],
  sessions: string[],
  statements: StatementCounter,
): Promise<Measured<RegistrationMeasurement>> {
  // The warm-up runs on sessions of its own, so the measured run still finds every seat free.
  const load = (durationMs: number, phase: Phase) =>
    phase === 'warm-up' ? runRegistrations(register, warmUpSessions, `${label} warm-up`, durationMs) : runRegistrations(register, sessions, label, durationMs);
  return measure(label, 'registrations/s', load, statements);
}

/**
 * The participants, registrations and events the GraphQL phase wrote go aside while pg runs and
 * come back afterwards. The duplicate lookup reads the whole participant table, so without this
 * the side measured second would pay for the first side's rows and the comparison would be skewed.
 */
const PARKED_TABLES = ['participant', 'registration', 'registration_event', 'registration_link'];

async function parkRegistrations(pool: Pool): Promise<void> {
  for (const table of PARKED_TABLES) await pool.query(`CREATE TABLE bench_parked_${table} AS SELECT * FROM ${table}`);
  // TRUNCATE rather than DELETE: fresh heap and index files, as the GraphQL side had them.
  // No ANALYZE: TRUNCATE resets the tables' size estimates to "never analysed", as after migrating.
  // CASCADE reaches only tables empty in this bench (the Picnik trajectories, children, participants' notifications).
  await pool.query(`TRUNCATE ${PARKED_TABLES.join(', ')} CASCADE`);
}

async function restoreRegistrations(pool: Pool): Promise<void> {
  for (const table of PARKED_TABLES) {
    await pool.query(`INSERT INTO ${table} SELECT * FROM bench_parked_${table}`);
    await pool.query(`DROP TABLE bench_parked_${table}`);
  }
}

interface Invariants {
  sessions: number;
  overbooked: number;
  /** Sessions where someone is waitlisted while a later arrival holds a seat. */
  outOfOrder: number;
  /** WAITLISTED events whose recorded position another event of the same session also got. */
  duplicatePositions: number;
  /** WAITLISTED events whose recorded position differs from the registration's rank by arrival. */
  wrongPositions: number;
  registrations: number;
}

async function checkInvariants(pool: Pool): Promise<Invariants> {
  const { rows } = await pool.query<Invariants>(
    `WITH per_session AS (
       SELECT s.id, s.capacity,
              count(r.id) FILTER (WHERE r.status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW')) AS seated,
              max(r.arrival) FILTER (WHERE r.status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW')) AS last_seated,
              min(r.arrival) FILTER (WHERE r.status = 'WAITLISTED') AS first_waiting,
              count(r.id) AS registrations
         FROM session s LEFT JOIN registration r ON r.session_id = s.id
        GROUP BY s.id, s.capacity
     ),
     ranked AS (
       SELECT r.id, r.session_id, row_number() OVER (PARTITION BY r.session_id ORDER BY r.arrival) AS position
         FROM registration r WHERE r.status = 'WAITLISTED'
     ),
     positions AS (
       SELECT e.session_id, e.waitlist_position, ranked.position
         FROM registration_event e JOIN ranked ON ranked.id = e.registration_id
        WHERE e.kind = 'WAITLISTED'
     )
     SELECT (SELECT count(*)::int FROM per_session) AS sessions,
            (SELECT count(*)::int FROM per_session WHERE seated > capacity) AS overbooked,
            (SELECT count(*)::int FROM per_session WHERE first_waiting < last_seated) AS "outOfOrder",
            (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM positions GROUP BY session_id, waitlist_position HAVING count(*) > 1) d) AS "duplicatePositions",
            (SELECT count(*)::int FROM positions WHERE waitlist_position IS DISTINCT FROM position) AS "wrongPositions",
            (SELECT coalesce(sum(registrations), 0)::int FROM per_session) AS registrations`,
  );
  return rows[0];
}

const COLUMNS: Column<RegistrationMeasurement>[] = [
  { header: 'regs/s', width: 10, cell: (m) => m.perSecond.toFixed(1) },
  { header: 'p50 ms', width: 10, cell: (m) => m.p50.toFixed(2) },
  { header: 'p99 ms', width: 10, cell: (m) => m.p99.toFixed(2) },
  { header: 'requests', width: 10, cell: (m) => String(m.requests) },
  { header: 'confirmed', width: 11, cell: (m) => String(m.confirmed) },
  { header: 'waitlisted', width: 12, cell: (m) => String(m.waitlisted) },
];

function report(
  sampleStatements: string[],
  pgStatementCount: number,
  graphql: Measured<RegistrationMeasurement>,
  pg: Measured<RegistrationMeasurement>,
  invariants: Invariants,
): void {
  const baseline = { row: `hand-written pg (${pgStatementCount} st.)`, ratio: 'a hand-written pg registration' };
  const comparison = formatComparison({ request: 'registration', rate: 'registrations/s', columns: COLUMNS, sampleStatements, graphql, pg, baseline });
  console.log(`
Registration benchmark: registerParticipant with a new participant, ${CONCURRENCY} concurrent clients, spread over
${SESSIONS_PER_SIDE} sessions of capacity ${CAPACITY} per side; ${MEASURE_MS / 1000} s per side after a ${WARM_UP_MS / 1000} s warm-up; client, API and pg driver
share this one Node process (${MACHINE}).

${comparison}

Invariants over all ${invariants.sessions} sessions and ${invariants.registrations} registrations, after both phases:
overbooked sessions: ${invariants.overbooked}
waitlist FIFO: ${invariants.outOfOrder} sessions with a waitlisted arrival before a seated one, ${invariants.duplicatePositions} duplicate waitlist positions, ${invariants.wrongPositions} positions differing from arrival order
`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** Whether the invariants held. */
function main(): Promise<boolean> {
  return withBenchServices(DATABASE, async ({ config, startApi, openPool }) => {
    console.log('Migrating …');
    await migrate(config);
    const api = await startApi();
    console.log(`Creating ${4 * SESSIONS_PER_SIDE + 2} sessions over GraphQL as the admin and logging in as a coordinator …`);
    const world = await createWorld(api.url, config);

    // The pg side gets as many connections as the API has, so neither can queue on more of them.
    const pool = openPool(api.poolSize);
    const pgStatements = new StatementCounter();
    const graphql = graphqlRegister(api.url, world.coordinatorToken);
    // tokenFor and hashOf read only the configuration: the same link hash the API derives.
    const links = new PersonalLinks(config, undefined as never, undefined as never);
    const direct = pgRegister(pool, world.coordinatorId, links, pgStatements);

    // One registration on its own, recording its statements: the list printed in the report.
    const { result: sampleStatus, statements } = await api.statements.record(() => graphql(world.sessions.graphqlSample, 'Sample graphql'));
    const { result: pgSampleStatus, statements: pgSampleStatements } = await pgStatements.record(() => direct(world.sessions.pgSample, 'Sample pg'));
    // Not the same texts any more: the pg side is a hand-written baseline, not a replay of the API's
    // statements. What must hold is that the API needs no more round trips than that baseline, and
    // that both leave the same rows (requireSameRows). A change that adds a statement to the API's
    // registration shows up here.
    if (statements.length > pgSampleStatements.length) {
      throw new Error(
        `the API sent ${statements.length} SQL statements for one registration, the hand-written pg side ${pgSampleStatements.length}:\n` +
          statements.map((sql, i) => `  ${i + 1}. ${sql.replace(/\s+/g, ' ').trim().slice(0, 140)}`).join('\n'),
      );
    }
    await requireSameRows(pool, sampleStatus, pgSampleStatus);

    const graphqlResult = await measureRegistrations('GraphQL over HTTP', graphql, world.sessions.graphqlWarmUp, world.sessions.graphql, api.statements);
    await parkRegistrations(pool);
    const pgResult = await measureRegistrations('pg direct', direct, world.sessions.pgWarmUp, world.sessions.pg, pgStatements);
    await restoreRegistrations(pool);

    const invariants = await checkInvariants(pool);
    report(statements, pgSampleStatements.length, graphqlResult, pgResult, invariants);
    return invariants.overbooked === 0 && invariants.outOfOrder === 0 && invariants.duplicatePositions === 0 && invariants.wrongPositions === 0;
  });
}

/**
 * The two sample registrations, one per side and each the first on its session, must leave the
 * same rows behind (ids, names and times aside): otherwise the pg side is not doing the API's work.
 */
async function requireSameRows(pool: Pool, graphqlStatus: string, pgStatus: string): Promise<void> {
  const { rows } = await pool.query(
    `SELECT p.first_name,
            to_jsonb(p) - '{id,created_at,updated_at,first_name,consent_recorded_at}'::text[] AS participant,
            to_jsonb(r) - '{id,created_at,updated_at,arrival,session_id,participant_id}'::text[] AS registration,
            (SELECT jsonb_agg(to_jsonb(e) - '{id,occurred_at,registration_id,session_id,participant_id}'::text[]) FROM registration_event e WHERE e.registration_id = r.id) AS events,
            (SELECT jsonb_agg(jsonb_build_object('expiresAtSessionEnd', l.expires_at = s.ends_at, 'revoked', l.revoked_at IS NOT NULL))
               FROM registration_link l JOIN session s ON s.id = r.session_id WHERE l.registration_id = r.id) AS links,
            (SELECT jsonb_agg(jsonb_build_object('action', a.action, 'kind', a.subject_kind, 'operation', a.operation, 'actor', a.actor_user_id IS NOT NULL,
                                                 'request', a.request_id IS NOT NULL) ORDER BY a.subject_kind, a.action)
               FROM audit_log_entry a WHERE a.subject_id IN (p.id, r.id)) AS audit
       FROM participant p JOIN registration r ON r.participant_id = p.id
      WHERE p.first_name IN ('Sample graphql', 'Sample pg') ORDER BY p.first_name`,
  );
  const [fromGraphql, fromPg] = rows;
  const comparable = (row: (typeof rows)[number]) =>
    JSON.stringify({ participant: row.participant, registration: row.registration, events: row.events, links: row.links, audit: row.audit });
  if (graphqlStatus !== pgStatus || rows.length !== 2 || comparable(fromGraphql) !== comparable(fromPg)) {
    throw new Error(`GraphQL and pg wrote different rows: the pg side no longer mirrors the API\n${JSON.stringify(rows, null, 2)}`);
  }
}

runAndExit(async () => {
  const invariantsHold = await main();
  if (!invariantsHold) console.error('An invariant was broken: seats or the waiting list are wrong under concurrency.');
  return invariantsHold ? 0 : 1;
});
