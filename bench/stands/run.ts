/**
 * `npm run bench:stands`: what the GraphQL API costs on top of a festival stand booking under
 * contention, many associations wanting the same few plots, done by hand with plain pg.
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, and over GraphQL as the admin
 * creates associations with a FESTIVAL_ORGANISER each and four copies of next year's
 * KortRIJK aan Culturen edition (default Sinksenfeesten opening hours) of PLOTS plots: one per
 * phase, so every phase starts on empty plots. It then starts the real API in this process and
 * measures, for a fixed time each,
 *   (a) bookStand mutations over HTTP, as the organisers (REQUESTED bookings): the API's own path
 *       (libs/festival: one read of the facts without locks that refuses what it can, then a
 *       transaction with the edition and advisory locks, the facts again, the INSERT, the audit
 *       settings and the outbox rows through the event bus), and
 *   (b) the same booking hand-written with plain pg, with the same invariants and the same plan:
 *       one statement reads the facts (the plot's edition, deadline and per-day limit, the
 *       association, its application, the opening blocks, the plots it holds, the first live
 *       booking in the way) and JS decides; a taken slot or any other refusal ends there. Else
 *       BEGIN; one statement takes the edition row FOR SHARE, then the association's advisory lock
 *       (the API's key) and sets the three audit settings; the facts again, now under the locks;
 *       one statement inserts the booking and an outbox row for each organiser of the association
 *       (what the API writes, dedupe key and payload alike); COMMIT. A lost race (23P01) rolls
 *       back and reads the booking that took the slot, as the API does for its message.
 *       The pg side sends no more statements than the API in any case; what it leaves out is the
 *       separate audit-settings and organiser reads, and every framework layer.
 * Every attempt asks for a random opening block or whole festival day of a random plot for a
 * random association, drawn from the same seed on both sides; the plots fill within the first
 * second or so, so most attempts conflict. An attempt counts when it ends as a booking or as the
 * refusal of a taken slot (STAND_UNAVAILABLE over GraphQL; the read that finds the booking, or
 * SQLSTATE 23P01, with pg); anything else is a failure, reported and failing the run. A sample
 * booking per side must leave the same booking and outbox rows. After each phase it counts
 * double-booked plots (two live bookings of one plot overlapping) with a self-join that does not
 * trust the constraint; it fails unless that count is 0.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { AppConfig } from '@app/config';
import { pgErrorCode, PgErrorCode } from '@app/database';
import { sinksenfeesten, LIVE_STAND_BOOKING_STATUSES } from '@app/festival';
import { seededRandom } from '@app/testing';
import { callGraphql, graphqlHeaders, sendGraphql } from '../shared/graphql';
import { MEASURE_MS, Measured, Measurement, measure, Phase, runLoad, WARM_UP_MS } from '../shared/load';
import { Column, formatComparison, MACHINE } from '../shared/report';
import { migrate, runAndExit, withBenchServices } from '../shared/services';
import { StatementCounter } from '../shared/statements';

/**
 * 24 plots of 10 opening blocks each (Friday 2, Saturday and Sunday 3, Monday 2) per phase: at most
 * 240 bookings, taken in the first second or so even through the API, so the rest of the run is the
 * contention the constraint exists for. 12 clients for 6 associations: requests of one association
 * also queue on its advisory lock, as during a busy application window.
 */
const PLOTS = 24;
const ASSOCIATIONS = 6;
const CONCURRENCY = 12;
const SEED = 20_270_515;
const DATABASE = 'oefenkansen_bench_stands';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const BOOK_STAND = `mutation Book($i: BookStandInput!) {
  bookStand(input: $i) { id status }
}`;

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

interface Organiser {
  organisationId: string;
  userId: string;
  headers: Record<string, string>;
}

/** A time a stand can be booked for: one opening block, or a whole festival day. */
interface Slot {
  /** The festival day (Brussels date), which the API stores with the booking. */
  day: string;
  startsAt: string;
  endsAt: string;
}

interface Edition {
  id: string;
  plotIds: string[];
}

type Side = 'graphql' | 'pg';

interface World {
  year: number;
  organisers: Organiser[];
  slots: Slot[];
  editions: Record<Side, Record<Phase, Edition>>;
}

/** Everything through the public API as the configured admin, as the city would set it up. */
async function createWorld(url: string, config: AppConfig): Promise<World> {
  const admin = (await callGraphql<{ login: { token: string } }>(url, LOGIN, { e: config.adminEmail, p: config.adminPassword })).login.token;
  const asAdmin = <T>(query: string, variables: Record<string, unknown>) => callGraphql<T>(url, query, variables, admin);

  const organisers: Organiser[] = [];
  for (let i = 1; i <= ASSOCIATIONS; i++) {
    const { createOrganisation } = await asAdmin<{ createOrganisation: { id: string } }>(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      { i: { name: `Vereniging Bench ${i}`, kind: 'ASSOCIATION' } },
    );
    const email = `organiser${i}@oefenkansen.bench`;
    const password = 'bench-organiser-password';
    const { createUser } = await asAdmin<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email, password, displayName: `Bench organiser ${i}`, roles: ['FESTIVAL_ORGANISER'], organisationId: createOrganisation.id },
    });
    const { login } = await callGraphql<{ login: { token: string } }>(url, LOGIN, { e: email, p: password });
    organisers.push({ organisationId: createOrganisation.id, userId: createUser.id, headers: graphqlHeaders(login.token) });
  }

  // Next year's festival: its default deadline (28 days before) lies ahead whatever the real clock says.
  const year = new Date().getFullYear() + 1;
  const { startsOn, endsOn } = sinksenfeesten(year);
  let blocks: Slot[] = [];
  const createEdition = async (label: string): Promise<Edition> => {
    // The daily limit as high as the plots: an association may take any free plot, so only the constraint refuses.
    const input = { name: `KortRIJK aan Culturen ${year} (bench ${label})`, startsOn, endsOn, maxPlotsPerOrganisationPerDay: PLOTS };
    const { createFestivalEdition } = await asAdmin<{ createFestivalEdition: { id: string; openingHours: Slot[] } }>(
      'mutation($i: CreateFestivalEditionInput!) { createFestivalEdition(input: $i) { id openingHours { day startsAt endsAt } } }',
      { i: input },
    );
    blocks = createFestivalEdition.openingHours;
    const plotIds: string[] = [];
    for (let i = 0; i < PLOTS; i++) {
      const plot = { editionId: createFestivalEdition.id, code: `B${i + 1}`, mapX: 4 * (i + 1), mapY: 50 };
      plotIds.push(
        (await asAdmin<{ createStandPlot: { id: string } }>('mutation($i: CreateStandPlotInput!) { createStandPlot(input: $i) { id } }', { i: plot }))
          .createStandPlot.id,
      );
    }
    return { id: createFestivalEdition.id, plotIds };
  };
  const editions = {
    graphql: { 'warm-up': await createEdition('graphql warm-up'), measured: await createEdition('graphql') },
    pg: { 'warm-up': await createEdition('pg warm-up'), measured: await createEdition('pg') },
  };
  return { year, organisers, slots: slotsOf(blocks), editions };
}

/** Each opening block, and each day from its first block's start to its last block's end (the default blocks of a day adjoin). */
function slotsOf(blocks: Slot[]): Slot[] {
  const days = new Map<string, Slot>();
  for (const block of blocks) {
    const day = days.get(block.day);
    if (!day) days.set(block.day, { ...block });
    else if (new Date(day.endsAt).getTime() === new Date(block.startsAt).getTime()) day.endsAt = block.endsAt;
    else throw new Error(`the opening blocks of ${block.day} do not adjoin; a whole day is no longer one slot`);
  }
  return [...blocks, ...days.values()];
}

// ---------------------------------------------------------------------------------------------
// Attempts: the same sequence of (association, plot, slot) on both sides
// ---------------------------------------------------------------------------------------------

interface Attempt {
  editionId: string;
  plotId: string;
  organiser: Organiser;
  slot: Slot;
}

/** How an attempt ended: a booking, the refusal of a taken slot, or anything else (with what it was). */
type Outcome = 'booked' | 'refused' | { failed: string };

type Book = (attempt: Attempt) => Promise<Outcome>;

function attempts(world: World, edition: Edition): () => Attempt {
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  return () => ({ editionId: edition.id, organiser: pick(world.organisers), plotId: pick(edition.plotIds), slot: pick(world.slots) });
}

// ---------------------------------------------------------------------------------------------
// (a) GraphQL over HTTP
// ---------------------------------------------------------------------------------------------

function graphqlBook(url: string): Book {
  return async ({ plotId, organiser, slot }) => {
    const body = JSON.stringify({
      query: BOOK_STAND,
      variables: { i: { plotId, organisationId: organiser.organisationId, startsAt: slot.startsAt, endsAt: slot.endsAt } },
    });
    const { status, data, errors } = await sendGraphql<{ bookStand: { id: string; status: string } }>(url, organiser.headers, body);
    if (!errors && data?.bookStand.status === 'REQUESTED') return 'booked';
    if (errors?.length === 1 && errors[0].extensions?.code === 'STAND_UNAVAILABLE') return 'refused';
    return { failed: `HTTP ${status}: ${JSON.stringify(errors ?? data)}` };
  };
}

// ---------------------------------------------------------------------------------------------
// (b) the same booking, hand-written with plain pg
// ---------------------------------------------------------------------------------------------

const LIVE = `('REQUESTED', 'CONFIRMED')`;

/** What the rules decide on, for one slot, in one statement: the plot's edition and its rules, the association, its plots, the overlap. */
const FACTS_SQL = `
SELECT e.id AS edition_id, e.application_deadline, e.max_plots_per_organisation_per_day AS max_plots, p.active,
       EXISTS (SELECT 1 FROM organisation o WHERE o.id = $2) AS organisation_exists,
       (SELECT a.id FROM stand_application a WHERE a.edition_id = e.id AND a.organisation_id = $2) AS application_id,
       (SELECT json_agg(json_build_object('day', to_char(b.day, 'YYYY-MM-DD'), 'startsAt', b.starts_at, 'endsAt', b.ends_at) ORDER BY b.starts_at)
          FROM festival_opening_block b WHERE b.edition_id = e.id) AS blocks,
       (SELECT coalesce(json_agg(DISTINCT jsonb_build_object('day', to_char(h.day, 'YYYY-MM-DD'), 'plotId', h.plot_id)), '[]')
          FROM stand_booking h WHERE h.edition_id = e.id AND h.organisation_id = $2 AND h.status IN ${LIVE}) AS held,
       (SELECT row_to_json(t) FROM (SELECT b.starts_at, b.ends_at, b.status FROM stand_booking b
                                     WHERE b.plot_id = p.id AND b.status IN ${LIVE} AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange($3, $4, '[)')
                                     ORDER BY b.starts_at LIMIT 1) t) AS taken
  FROM stand_plot p JOIN festival_edition e ON e.id = p.edition_id
 WHERE p.id = $1`;

/** The edition shared, then the association's advisory lock (the API's key), with the audit settings for the transaction. */
const LOCK_SQL = `
WITH edition AS MATERIALIZED (SELECT id FROM festival_edition WHERE id = $1 FOR SHARE)
SELECT set_config('oefenkansen.actor_user_id', $3, true), set_config('oefenkansen.operation', 'bookStand', true), set_config('oefenkansen.request_id', $4, true),
       pg_advisory_xact_lock(hashtextextended('stand-limit:' || e.id::text || ':' || $2::uuid::text, 0))
  FROM edition e`;

/** The booking and its outbox row for each organiser of the association, in one statement. */
const INSERT_SQL = `
WITH booking AS (
  INSERT INTO stand_booking (edition_id, plot_id, organisation_id, application_id, starts_at, ends_at, day, status, requested_by_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'REQUESTED', $8) RETURNING id
), outbox AS (
  INSERT INTO notification (kind, channel, language, user_id, stand_booking_id, payload, due_at, dedupe_key)
  SELECT 'STAND_APPLICATION_RECEIVED', 'EMAIL', u.preferred_language, u.id, b.id, jsonb_build_object('bookingIds', jsonb_build_array(b.id)), $9,
         'STAND_APPLICATION_RECEIVED|' || b.id || '|' || u.id
    FROM booking b JOIN app_user u ON u.organisation_id = $3 AND u.active AND 'FESTIVAL_ORGANISER' = ANY(u.roles::text[])
  ON CONFLICT (dedupe_key) DO NOTHING
)
SELECT id FROM booking`;

/** After a lost race (23P01), the booking that took the slot, for the refusal's message. */
const TAKEN_SQL = `SELECT p.code, b.starts_at, b.ends_at, b.status FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id
  WHERE b.plot_id = $1 AND b.status IN ${LIVE} AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange($2, $3, '[)') ORDER BY b.starts_at LIMIT 1`;

interface Facts {
  edition_id: string;
  application_deadline: Date | null;
  max_plots: number;
  active: boolean;
  organisation_exists: boolean;
  application_id: string | null;
  blocks: { day: string; startsAt: string; endsAt: string }[];
  held: { day: string; plotId: string }[];
  taken: { starts_at: string; ends_at: string; status: string } | null;
}

/** An organiser's rules on the facts: the festival day of the slot, 'refused' for a taken slot, or why else it cannot be booked. */
function decide(facts: Facts | undefined, plotId: string, startsAt: Date, endsAt: Date, now: Date): { day: string } | Outcome {
  if (!facts) return { failed: 'no such plot' };
  if (facts.application_deadline && now > facts.application_deadline) return { failed: 'DEADLINE_PASSED' };
  if (!facts.organisation_exists) return { failed: 'no such organisation' };
  if (!facts.active) return { failed: 'PLOT_INACTIVE' };
  if (endsAt <= startsAt || startsAt <= now) return { failed: 'BAD_USER_INPUT' };
  // Adjoining blocks of one day form one opening period; the slot must lie within one.
  let period: { day: string; startsAt: number; endsAt: number } | null = null;
  let day: string | null = null;
  for (const block of facts.blocks) {
    const [from, to] = [new Date(block.startsAt).getTime(), new Date(block.endsAt).getTime()];
    if (period && period.day === block.day && period.endsAt === from) period.endsAt = to;
    else period = { day: block.day, startsAt: from, endsAt: to };
    if (period.startsAt <= startsAt.getTime() && endsAt.getTime() <= period.endsAt) day = period.day;
  }
  if (!day) return { failed: 'OUTSIDE_OPENING_HOURS' };
  const plots = new Set(facts.held.filter((held) => held.day === day).map((held) => held.plotId)).add(plotId);
  if (plots.size > facts.max_plots) return { failed: 'STAND_LIMIT_REACHED' };
  return facts.taken ? 'refused' : { day };
}

function pgBook(pool: Pool, statements: StatementCounter): Book {
  const query = async <R extends QueryResultRow>(client: Pool | PoolClient, sql: string, params: unknown[] = []) => {
    statements.logQuery(sql);
    return (await client.query<R>(sql, params)).rows;
  };
  return async ({ plotId, organiser, slot }) => {
    const [startsAt, endsAt] = [new Date(slot.startsAt), new Date(slot.endsAt)];
    const factsParams = [plotId, organiser.organisationId, startsAt, endsAt];
    // Without locks first: a refusal true of one snapshot is a true refusal, and ends here.
    const [seen] = await query<Facts>(pool, FACTS_SQL, factsParams);
    const early = decide(seen, plotId, startsAt, endsAt, new Date());
    if (typeof early !== 'object' || 'failed' in early) return early;
    const client = await pool.connect();
    try {
      await query(client, 'BEGIN');
      try {
        await query(client, LOCK_SQL, [seen.edition_id, organiser.organisationId, organiser.userId, randomUUID()]);
        const facts = (await query<Facts>(client, FACTS_SQL, factsParams))[0];
        const now = new Date();
        const decided = decide(facts, plotId, startsAt, endsAt, now);
        if (typeof decided !== 'object' || 'failed' in decided) {
          await query(client, 'ROLLBACK');
          return decided;
        }
        const params = [facts.edition_id, plotId, organiser.organisationId, facts.application_id, startsAt, endsAt, decided.day, organiser.userId, now];
        await query(client, INSERT_SQL, params);
        await query(client, 'COMMIT');
        return 'booked';
      } catch (error) {
        await query(client, 'ROLLBACK');
        if (pgErrorCode(error) !== PgErrorCode.EXCLUSION_VIOLATION) throw error;
        await query(pool, TAKEN_SQL, [plotId, startsAt, endsAt]);
        return 'refused';
      }
    } catch (error) {
      return { failed: `SQLSTATE ${pgErrorCode(error)}: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      client.release();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

interface AttemptMeasurement extends Measurement {
  booked: number;
  refused: number;
  failed: number;
  /** The first few failures as reported, for the message that fails the run. */
  failures: string[];
}

async function runAttempts(book: Book, next: () => Attempt, durationMs: number): Promise<AttemptMeasurement> {
  const counts = { booked: 0, refused: 0, failed: 0 };
  const failures: string[] = [];
  const count = (outcome: Outcome) => {
    if (typeof outcome === 'string') counts[outcome]++;
    else if (++counts.failed <= 5) failures.push(outcome.failed);
  };
  const measurement = await runLoad(
    CONCURRENCY,
    durationMs,
    () => {
      const attempt = next();
      return () => book(attempt);
    },
    count,
  );
  return { ...measurement, ...counts, failures };
}

async function measureAttempts(label: string, book: Book, world: World, side: Side, statements: StatementCounter): Promise<Measured<AttemptMeasurement>> {
  // Each phase on an edition of its own, each drawing the same sequence from the same seed.
  const load = (durationMs: number, phase: Phase) => runAttempts(book, attempts(world, world.editions[side][phase]), durationMs);
  return measure(label, 'attempts/s', load, statements);
}

interface Check {
  /** Plots with two live bookings that overlap, anywhere in the table. */
  doubleBookedPlots: number;
  overlappingPairs: number;
  liveBookings: number;
  /** Live bookings on the phase's measured edition: as many as attempts answered booked, or some answer was wrong. */
  measuredBookings: number;
}

/** Straight from the rows, not from the constraint it checks: live bookings of one plot whose ranges overlap. */
async function check(pool: Pool, measuredEditionId: string): Promise<Check> {
  const { rows } = await pool.query<Check>(
    `WITH live AS (SELECT id, edition_id, plot_id, starts_at, ends_at FROM stand_booking WHERE status::text = ANY($1::text[])),
          overlapping AS (
            SELECT a.plot_id FROM live a JOIN live b ON b.plot_id = a.plot_id AND a.id < b.id
             WHERE tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
          )
     SELECT (SELECT count(DISTINCT plot_id)::int FROM overlapping) AS "doubleBookedPlots",
            (SELECT count(*)::int FROM overlapping) AS "overlappingPairs",
            (SELECT count(*)::int FROM live) AS "liveBookings",
            (SELECT count(*)::int FROM live WHERE edition_id = $2) AS "measuredBookings"`,
    [[...LIVE_STAND_BOOKING_STATUSES], measuredEditionId],
  );
  return rows[0];
}

const COLUMNS: Column<AttemptMeasurement>[] = [
  { header: 'attempts/s', width: 12, cell: (m) => m.perSecond.toFixed(1) },
  { header: 'p50 ms', width: 10, cell: (m) => m.p50.toFixed(2) },
  { header: 'p99 ms', width: 10, cell: (m) => m.p99.toFixed(2) },
  { header: 'attempts', width: 10, cell: (m) => String(m.requests) },
  { header: 'booked', width: 8, cell: (m) => String(m.booked) },
  { header: 'refused', width: 9, cell: (m) => String(m.refused) },
  { header: 'failed', width: 8, cell: (m) => String(m.failed) },
];

function report(
  world: World,
  sampleStatements: string[],
  graphql: Measured<AttemptMeasurement>,
  pg: Measured<AttemptMeasurement>,
  afterGraphql: Check,
  afterPg: Check,
): void {
  const comparison = formatComparison({
    request: 'booking',
    rate: 'attempts/s',
    columns: COLUMNS,
    sampleStatements,
    graphql,
    pg,
    baseline: { row: 'pg direct (hand-written)', ratio: 'the same booking hand-written with pg' },
  });
  const line = (phase: string, found: Check, booked: number) =>
    `double-booked plots after ${phase}: ${found.doubleBookedPlots} (${found.overlappingPairs} overlapping pairs among ${found.liveBookings} live bookings; ${found.measuredBookings} on its measured plots, ${booked} answered booked)`;
  console.log(`
Stand booking benchmark: bookStand by ${ASSOCIATIONS} associations' organisers, ${CONCURRENCY} concurrent clients, each attempt a random
opening block or whole day (${world.slots.length} slots, Sinksenfeesten ${world.year}) of ${PLOTS} plots per side; ${MEASURE_MS / 1000} s per side after a
${WARM_UP_MS / 1000} s warm-up on plots of its own; refused = a live booking in the way (STAND_UNAVAILABLE; pg: found by the read, or 23P01); client, API
and pg driver share this one Node process (${MACHINE}).

${comparison}

${line('the GraphQL phase', afterGraphql, graphql.result.booked)}
${line('the pg phase', afterPg, pg.result.booked)}
`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** Whether the run held: no double-booked plot, every booking answered as one, and no attempt that ended otherwise than booked or refused. */
function main(): Promise<boolean> {
  return withBenchServices(DATABASE, async ({ config, startApi, openPool }) => {
    console.log('Migrating …');
    await migrate(config);
    const api = await startApi();
    console.log(`Creating ${ASSOCIATIONS} associations with an organiser and 4 festival editions of ${PLOTS} plots over GraphQL as the admin …`);
    const world = await createWorld(api.url, config);

    // The pg side gets as many connections as the API has, so neither can queue on more of them.
    const pool = openPool(api.poolSize);
    const pgStatements = new StatementCounter();
    const graphql = graphqlBook(api.url);
    const direct = pgBook(pool, pgStatements);

    // One booking on its own per side, on each side's warm-up edition: the API's statements are the
    // list printed in the report, and both must leave the same booking and outbox rows behind.
    const sample = (side: Side): Attempt => ({
      editionId: world.editions[side]['warm-up'].id,
      plotId: world.editions[side]['warm-up'].plotIds[0],
      organiser: world.organisers[0],
      slot: world.slots[0],
    });
    const { result: sampleOutcome, statements } = await api.statements.record(() => graphql(sample('graphql')));
    const pgSampleOutcome = await direct(sample('pg'));
    await requireSameRows(pool, world, sampleOutcome, pgSampleOutcome);

    const graphqlResult = await measureAttempts('GraphQL over HTTP', graphql, world, 'graphql', api.statements);
    const afterGraphql = await check(pool, world.editions.graphql.measured.id);
    const pgResult = await measureAttempts('pg direct', direct, world, 'pg', pgStatements);
    const afterPg = await check(pool, world.editions.pg.measured.id);

    report(world, statements, graphqlResult, pgResult, afterGraphql, afterPg);
    let held = true;
    for (const [label, { result }, after] of [
      ['GraphQL', graphqlResult, afterGraphql],
      ['pg', pgResult, afterPg],
    ] as const) {
      if (result.failed > 0) {
        held = false;
        console.error(
          `${label}: ${result.failed} attempt(s) ended neither booked nor refused for a taken slot, e.g.\n${result.failures.map((failure) => `  ${failure}`).join('\n')}`,
        );
      }
      if (after.measuredBookings !== result.booked) {
        held = false;
        console.error(`${label}: ${result.booked} attempts were answered booked, but its measured plots hold ${after.measuredBookings} live bookings.`);
      }
    }
    if (afterGraphql.doubleBookedPlots > 0 || afterPg.doubleBookedPlots > 0) {
      held = false;
      console.error('A plot is double-booked: two live bookings of one plot overlap.');
    }
    return held;
  });
}

/**
 * The two sample bookings, one per side, for the same association and slot on each side's first
 * warm-up plot, must leave the same booking row and the same outbox rows behind (ids, edition,
 * plot and times of writing aside; the booking's id read as B in a message's payload and dedupe
 * key): otherwise the pg side is not writing what the API writes.
 */
async function requireSameRows(pool: Pool, world: World, graphqlOutcome: Outcome, pgOutcome: Outcome): Promise<void> {
  const samplePlots = [world.editions.graphql['warm-up'].plotIds[0], world.editions.pg['warm-up'].plotIds[0]];
  const { rows } = await pool.query<{ plot_id: string; booking: unknown; outbox: unknown[] | null }>(
    `SELECT b.plot_id, to_jsonb(b) - '{id,created_at,updated_at,calendar_changed_at,edition_id,plot_id}'::text[] AS booking,
            (SELECT jsonb_agg(to_jsonb(n) - '{id,created_at,updated_at,due_at,stand_booking_id,payload,dedupe_key}'::text[]
                              || jsonb_build_object('payload', replace(n.payload::text, b.id::text, 'B'), 'dedupeKey', replace(n.dedupe_key, b.id::text, 'B'))
                              ORDER BY n.user_id)
               FROM notification n WHERE n.stand_booking_id = b.id) AS outbox
       FROM stand_booking b WHERE b.plot_id = ANY($1::uuid[])`,
    [samplePlots],
  );
  const rowOf = (plotId: string) => {
    const row = rows.find((candidate) => candidate.plot_id === plotId);
    return JSON.stringify(row ? { booking: row.booking, outbox: row.outbox } : null);
  };
  const wrote = rows.length === 2 && rows.every((row) => row.outbox?.length);
  if (graphqlOutcome !== 'booked' || pgOutcome !== 'booked' || !wrote || rowOf(samplePlots[0]) !== rowOf(samplePlots[1])) {
    throw new Error(
      `GraphQL and pg wrote different bookings: the pg side no longer mirrors the API\n${JSON.stringify({ graphqlOutcome, pgOutcome, rows }, null, 2)}`,
    );
  }
}

runAndExit(async () => ((await main()) ? 0 : 1));
