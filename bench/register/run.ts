/**
 * `npm run bench:register`: what the GraphQL API costs on top of the SQL it runs, for the one write
 * that matters most: registering a new participant for a session (registerParticipant).
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, creates a venue, a programme
 * and sessions of capacity 10 over GraphQL as the admin, logs in as a coordinator, starts the real
 * API in this process and measures, for a fixed time each and on sessions of their own,
 *   (a) registerParticipant mutations over HTTP, and
 *   (b) the same SQL statements, in the same transaction, with plain `pg`.
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
import { WAITLIST_LONG_THRESHOLD } from '@app/registrations';
import { SEAT_COUNTS_SQL, SEATED_REGISTRATION_STATUSES } from '@app/registrations';
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
// (b) the same statements with plain pg
// ---------------------------------------------------------------------------------------------

// The texts below are TypeORM's own for these calls (print them with --sql), so PostgreSQL parses,
// plans and returns exactly what it does for the API; only the round trips' origin differs.
const USER_SQL =
  'SELECT "UserEntity"."id" AS "UserEntity_id", "UserEntity"."created_at" AS "UserEntity_created_at", "UserEntity"."updated_at" AS "UserEntity_updated_at", "UserEntity"."email" AS "UserEntity_email", "UserEntity"."password_hash" AS "UserEntity_password_hash", "UserEntity"."display_name" AS "UserEntity_display_name", "UserEntity"."roles" AS "UserEntity_roles", "UserEntity"."organisation_id" AS "UserEntity_organisation_id", "UserEntity"."active" AS "UserEntity_active", "UserEntity"."preferred_language" AS "UserEntity_preferred_language", "UserEntity"."token_version" AS "UserEntity_token_version", "UserEntity"."erased_at" AS "UserEntity_erased_at", "UserEntity"."erased_by_id" AS "UserEntity_erased_by_id" FROM "app_user" "UserEntity" WHERE (("UserEntity"."id" = $1)) LIMIT 1';
const LOCK_SESSION_SQL =
  'SELECT "SessionEntity"."id" AS "SessionEntity_id", "SessionEntity"."created_at" AS "SessionEntity_created_at", "SessionEntity"."updated_at" AS "SessionEntity_updated_at", "SessionEntity"."programme_id" AS "SessionEntity_programme_id", "SessionEntity"."venue_id" AS "SessionEntity_venue_id", "SessionEntity"."series_id" AS "SessionEntity_series_id", "SessionEntity"."title" AS "SessionEntity_title", "SessionEntity"."starts_at" AS "SessionEntity_starts_at", "SessionEntity"."ends_at" AS "SessionEntity_ends_at", "SessionEntity"."capacity" AS "SessionEntity_capacity", "SessionEntity"."status" AS "SessionEntity_status", "SessionEntity"."cancellation_reason" AS "SessionEntity_cancellation_reason", "SessionEntity"."cancelled_at" AS "SessionEntity_cancelled_at" FROM "session" "SessionEntity" WHERE (("SessionEntity"."id" = $1)) LIMIT 1 FOR UPDATE';
const SCOPE_SQL = `SELECT s.id, v.organisation_id, ARRAY(SELECT sh.user_id FROM session_host sh WHERE sh.session_id = s.id) AS host_ids
       FROM session s JOIN venue v ON v.id = s.venue_id WHERE s.id = ANY($1::uuid[])`;
const DUPLICATE_SQL = `SELECT id FROM participant
        WHERE ($1::text IS NOT NULL AND phone = $1)
           OR (registered_by_organisation_id = $4::uuid AND lower(first_name) = lower($2) AND lower(coalesce(last_name, '')) = lower(coalesce($3, '')))
        ORDER BY created_at LIMIT 1`;
const INSERT_PARTICIPANT_SQL =
  'INSERT INTO "participant"("id", "created_at", "updated_at", "first_name", "last_name", "phone", "email", "preferred_language", "contact_channel", "consent_to_contact", "consent_recorded_at", "consent_recorded_by_id", "referral_channel", "registered_by_organisation_id", "created_by_id", "possible_duplicate_of_id", "erased_at", "erased_by_id") VALUES (DEFAULT, DEFAULT, DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, DEFAULT, DEFAULT) RETURNING "id", "created_at", "updated_at", "consent_to_contact"';
// Before the first write of a transaction the API tells the audit triggers who acts (libs/privacy).
const AUDIT_SCOPE_SQL = `SELECT set_config('oefenkansen.actor_user_id', $1, $4), set_config('oefenkansen.operation', $2, $4), set_config('oefenkansen.request_id', $3, $4)`;
const LIVE_REGISTRATION_SQL =
  'SELECT "RegistrationEntity"."id" AS "RegistrationEntity_id", "RegistrationEntity"."created_at" AS "RegistrationEntity_created_at", "RegistrationEntity"."updated_at" AS "RegistrationEntity_updated_at", "RegistrationEntity"."session_id" AS "RegistrationEntity_session_id", "RegistrationEntity"."participant_id" AS "RegistrationEntity_participant_id", "RegistrationEntity"."status" AS "RegistrationEntity_status", "RegistrationEntity"."arrival" AS "RegistrationEntity_arrival", "RegistrationEntity"."registered_by_id" AS "RegistrationEntity_registered_by_id", "RegistrationEntity"."series_id" AS "RegistrationEntity_series_id", "RegistrationEntity"."cancelled_at" AS "RegistrationEntity_cancelled_at", "RegistrationEntity"."attendance_marked_at" AS "RegistrationEntity_attendance_marked_at" FROM "registration" "RegistrationEntity" WHERE (("RegistrationEntity"."session_id" = $1) AND ("RegistrationEntity"."participant_id" = $2) AND ("RegistrationEntity"."status" IN ($3, $4, $5, $6))) LIMIT 1';
const COUNT_SQL = SEAT_COUNTS_SQL;
const INSERT_REGISTRATION_SQL =
  'INSERT INTO "registration"("id", "created_at", "updated_at", "session_id", "participant_id", "status", "registered_by_id", "series_id", "cancelled_at", "attendance_marked_at") VALUES (DEFAULT, DEFAULT, DEFAULT, $1, $2, $3, $4, $5, DEFAULT, DEFAULT) RETURNING "id", "created_at", "updated_at", "arrival"';
const INSERT_EVENT_SQL =
  'INSERT INTO "registration_event"("id", "kind", "registration_id", "session_id", "participant_id", "waitlist_position", "actor_id", "occurred_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "occurred_at"';

// What the notifications outbox and the capacity alerts read and write in the same transaction.
const RECIPIENTS_SQL = `SELECT r.id AS registration_id, r.session_id, p.id AS participant_id, p.contact_channel, p.phone, p.email, p.consent_to_contact,
              p.preferred_language, s.starts_at, pr.reminder_offsets_minutes
         FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id JOIN programme pr ON pr.id = s.programme_id
        WHERE r.id = ANY($1::uuid[])`;
const ALERT_SESSIONS_SQL = `SELECT id, capacity, status FROM session WHERE id = ANY($1::uuid[])`;
const ALERT_STATES_SQL = `SELECT session_id, condition, active, episodes FROM session_alert WHERE session_id = ANY($1::uuid[])`;
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
const LIVE = ['CONFIRMED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW'];

function pgRegister(pool: Pool, coordinatorId: string, statements: StatementCounter): Register {
  const on = <R extends QueryResultRow = any>(client: Pool | PoolClient, sql: string, params: unknown[] = []) => {
    statements.logQuery(sql);
    return client.query<R>(sql, params);
  };
  return async (sessionId, firstName) => {
    // The API reads the token's user on every request, outside the transaction, before any resolver runs.
    const user = (await on(pool, USER_SQL, [coordinatorId])).rows[0];
    if (!user?.UserEntity_active) throw new Error('coordinator not found or inactive');
    const client = await pool.connect();
    try {
      await on(client, 'START TRANSACTION');
      const session = (await on(client, LOCK_SESSION_SQL, [sessionId])).rows[0];
      if (!session) throw new Error(`session ${sessionId} not found`);
      const scope = (await on<{ organisation_id: string }>(client, SCOPE_SQL, [[sessionId]])).rows[0];
      // The API's remaining checks (coordinator may register; session scheduled and not started) need no SQL.
      if (session.SessionEntity_status !== 'SCHEDULED' || session.SessionEntity_starts_at.getTime() <= Date.now())
        throw new Error(`session ${sessionId} is not open`);
      // A coordinator has no organisation of their own: the participant is the venue's organisation's.
      const organisationId = user.UserEntity_organisation_id ?? scope.organisation_id;
      const [duplicate] = (await on<{ id: string }>(client, DUPLICATE_SQL, [null, firstName, null, organisationId])).rows;
      await on(client, AUDIT_SCOPE_SQL, [coordinatorId, 'registerParticipant', randomUUID(), true]);
      const participant = (
        await on<{ id: string }>(client, INSERT_PARTICIPANT_SQL, [
          firstName,
          null,
          null,
          null,
          'nl',
          'NONE',
          false,
          new Date(),
          coordinatorId,
          null,
          organisationId,
          coordinatorId,
          duplicate?.id ?? null,
        ])
      ).rows[0];
      if ((await on(client, LIVE_REGISTRATION_SQL, [sessionId, participant.id, ...LIVE])).rows.length) throw new Error('already registered');
      const { seated, waitlisted } = (await on<{ seated: number; waitlisted: number }>(client, COUNT_SQL, [[sessionId], SEATED])).rows[0] ?? {
        seated: 0,
        waitlisted: 0,
      };
      const status = seated < session.SessionEntity_capacity ? 'CONFIRMED' : 'WAITLISTED';
      const registration = (await on<{ id: string }>(client, INSERT_REGISTRATION_SQL, [sessionId, participant.id, status, coordinatorId, null])).rows[0];
      await on(client, INSERT_EVENT_SQL, [status, registration.id, sessionId, participant.id, status === 'WAITLISTED' ? waitlisted + 1 : null, coordinatorId]);
      // Contact channel NONE: the outbox reads the recipient and writes nothing for them.
      await on(client, RECIPIENTS_SQL, [[registration.id]]);
      const load = (await on<{ capacity: number; status: string }>(client, ALERT_SESSIONS_SQL, [[sessionId]])).rows[0];
      const counts = (await on<{ seated: number; waitlisted: number }>(client, COUNT_SQL, [[sessionId], SEATED])).rows[0] ?? { seated: 0, waitlisted: 0 };
      const states = (await on<{ condition: string; active: boolean; episodes: number }>(client, ALERT_STATES_SQL, [[sessionId]])).rows;
      for (const alert of ALERTS) {
        const state = states.find((row) => row.condition === alert.kind) ?? { active: false, episodes: 0 };
        const holds = load.status === 'SCHEDULED' && alert.holds(load.capacity, counts.seated, counts.waitlisted);
        if (holds === state.active) continue;
        const episodes = holds ? state.episodes + 1 : state.episodes;
        await on(client, ALERT_UPSERT_SQL, [sessionId, alert.kind, holds, episodes]);
        if (!holds) continue;
        for (const { id } of (await on<{ id: string }>(client, SESSION_STAFF_SQL, [sessionId])).rows) {
          await on(client, STAFF_NOTIFICATION_SQL, [alert.kind, id, sessionId, '{}', new Date(), `${alert.kind}|${sessionId}|${episodes}|${id}`]);
        }
      }
      await on(client, 'COMMIT');
      return status;
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
  const timed = async (durationMs: number, phase: Phase) => {
    if (process.env.TMP_PRINT) console.error(`TMP ${label} ${phase} start ${process.hrtime.bigint() / 1000n}`);
    try { return await load(durationMs, phase); } finally { if (process.env.TMP_PRINT) console.error(`TMP ${label} ${phase} end ${process.hrtime.bigint() / 1000n}`); }
  };
  return measure(label, 'registrations/s', timed, statements);
}

/**
 * The participants, registrations and events the GraphQL phase wrote go aside while pg runs and
 * come back afterwards. The duplicate lookup reads the whole participant table, so without this
 * the side measured second would pay for the first side's rows and the comparison would be skewed.
 */
const PARKED_TABLES = ['participant', 'registration', 'registration_event'];

async function parkRegistrations(pool: Pool): Promise<void> {
  for (const table of PARKED_TABLES) await pool.query(`CREATE TABLE bench_parked_${table} AS SELECT * FROM ${table}`);
  // TRUNCATE rather than DELETE: fresh heap and index files, as the GraphQL side had them.
  // No ANALYZE: TRUNCATE resets the tables' size estimates to "never analysed", as after migrating.
  // CASCADE reaches only the Picnik trajectory tables (they reference participant), empty in this bench.
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

function report(sampleStatements: string[], graphql: Measured<RegistrationMeasurement>, pg: Measured<RegistrationMeasurement>, invariants: Invariants): void {
  const comparison = formatComparison({ request: 'registration', rate: 'registrations/s', columns: COLUMNS, sampleStatements, graphql, pg });
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
    const direct = pgRegister(pool, world.coordinatorId, pgStatements);

    // One registration on its own, recording its statements: the list printed in the report.
    const { result: sampleStatus, statements } = await api.statements.record(() => graphql(world.sessions.graphqlSample, 'Sample graphql'));
    const { result: pgSampleStatus, statements: pgSampleStatements } = await pgStatements.record(() => direct(world.sessions.pgSample, 'Sample pg'));
    // Same texts, not just as many: a changed query in the API must show up here. Compared sorted:
    // TypeORM logs a statement before its subscribers' beforeQuery runs, so the audit scope that is
    // sent before the first INSERT (libs/privacy) is logged after it.
    const sorted = (list: string[]) => list.map((sql) => sql.replace(/\s+/g, ' ').trim()).sort();
    const [apiSorted, pgSorted] = [sorted(statements), sorted(pgSampleStatements)];
    if (process.env.TMP_PRINT_SQL) { statements.forEach((q, i) => console.log(i + 1, q.slice(0, 400))); }
    if (!process.env.TMP_PRINT && (apiSorted.length !== pgSorted.length || apiSorted.some((sql, i) => sql !== pgSorted[i]))) {
      const differences = [
        ...apiSorted.filter((sql) => !pgSorted.includes(sql)).map((sql) => `  API only: ${sql}`),
        ...pgSorted.filter((sql) => !apiSorted.includes(sql)).map((sql) => `  pg only:  ${sql}`),
      ];
      throw new Error(
        `the API sent ${statements.length} SQL statements, the pg side ${pgSampleStatements.length}; update the pg side:\n${differences.join('\n')}`,
      );
    }
    if (!process.env.TMP_PRINT) await requireSameRows(pool, sampleStatus, pgSampleStatus);

    const graphqlResult = await measureRegistrations('GraphQL over HTTP', graphql, world.sessions.graphqlWarmUp, world.sessions.graphql, api.statements);
    await parkRegistrations(pool);
    const pgResult = await measureRegistrations('pg direct', direct, world.sessions.pgWarmUp, world.sessions.pg, pgStatements);
    await restoreRegistrations(pool);

    const invariants = await checkInvariants(pool);
    report(statements, graphqlResult, pgResult, invariants);
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
            (SELECT jsonb_agg(to_jsonb(e) - '{id,occurred_at,registration_id,session_id,participant_id}'::text[]) FROM registration_event e WHERE e.registration_id = r.id) AS events
       FROM participant p JOIN registration r ON r.participant_id = p.id
      WHERE p.first_name IN ('Sample graphql', 'Sample pg') ORDER BY p.first_name`,
  );
  const [fromGraphql, fromPg] = rows;
  const comparable = (row: (typeof rows)[number]) => JSON.stringify({ participant: row.participant, registration: row.registration, events: row.events });
  if (graphqlStatus !== pgStatus || rows.length !== 2 || comparable(fromGraphql) !== comparable(fromPg)) {
    throw new Error(`GraphQL and pg wrote different rows: the pg side no longer mirrors the API\n${JSON.stringify(rows, null, 2)}`);
  }
}

runAndExit(async () => {
  const invariantsHold = await main();
  if (!invariantsHold) console.error('An invariant was broken: seats or the waiting list are wrong under concurrency.');
  return invariantsHold ? 0 : 1;
});
