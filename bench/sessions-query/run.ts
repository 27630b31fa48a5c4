/**
 * `npm run bench`: what the GraphQL API costs on top of the SQL it runs, for the public
 * schedule's main query (a page of 50 sessions with programme, venue, organisation and hosts).
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, seeds the Kortrijk demo,
 * starts the real API in this process and measures, for a fixed time each,
 *   (a) the nested `sessions` query over HTTP: the API reads the count and the page in one
 *       statement, then each nested level with one batched statement (DataLoader): programmes,
 *       venues and the hosts with their accounts side by side, then the venues' organisations;
 *       5 statements in 3 round trips, whole rows (its entities);
 *   (b) the same data fetched with plain `pg` as a hand-written implementation that batches per
 *       level would: the same 5 statements in the same 3 round trips, whole rows (`t.*`), with the
 *       page assembled by hand. A hand-written one could also join the organisations into the venue
 *       statement (4 statements, 2 round trips); the API's venue field cannot know that its
 *       organisation will be asked for, so the comparison keeps the API's levels.
 * It prints requests/s, p50/p95 latency and the ratio graphql/pg, then stops everything.
 * A benchmark, not a test: the only thing it checks is that (a) and (b) return the same data,
 * because a comparison of two different answers would be meaningless.
 */
import 'reflect-metadata';
import { Pool, QueryResultRow } from 'pg';
import { encodeCursor } from '@app/common';
import { AppConfig } from '@app/config';
import { withPgClient } from '@app/testing';
import { seedKortrijkDemo } from '../../scripts/demo-seed';
import { graphqlHeaders, postGraphql, SCHEDULE_PAGE_SIZE as PAGE_SIZE, SESSIONS_QUERY } from '../shared/graphql';
import { MEASURE_MS, Measured, Measurement, measure, runLoad, WARM_UP_MS } from '../shared/load';
import { Column, formatComparison, MACHINE } from '../shared/report';
import { migrate, runAndExit, withBenchServices } from '../shared/services';
import { StatementCounter } from '../shared/statements';

const CONCURRENCY = 8;
const DATABASE = 'oefenkansen_bench';

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

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

async function prepareDatabase(config: AppConfig): Promise<number> {
  await migrate(config);
  await seedKortrijkDemo(config);
  return withPgClient(config.databaseUrl, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM session')).rows[0].n);
}

// ---------------------------------------------------------------------------------------------
// (a) GraphQL over HTTP
// ---------------------------------------------------------------------------------------------

function graphqlClient(url: string, from: Date): () => Promise<SchedulePage> {
  // Built once: every request sends the same bytes, as a real client repeating a query would.
  const body = JSON.stringify({ query: SESSIONS_QUERY, variables: { from: from.toISOString() } });
  const headers = graphqlHeaders();
  return async () => (await postGraphql<{ sessions: SchedulePage }>(url, headers, body)).sessions;
}

// ---------------------------------------------------------------------------------------------
// (b) the same statements with plain pg
// ---------------------------------------------------------------------------------------------

// Every statement reads whole rows (`t.*`), as the API's entities are whole rows (the
// entities-match-migrations spec keeps them so): PostgreSQL and the wire carry the same work on both sides.
function pgClient(pool: Pool, from: Date, statements: StatementCounter): () => Promise<SchedulePage> {
  // Rows untyped by default, as pool.query's own are: the assembly below reads known columns.
  const query = <R extends QueryResultRow = any>(sql: string, params: unknown[]) => {
    statements.logQuery(sql);
    return pool.query<R>(sql, params);
  };
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  return async (): Promise<SchedulePage> => {
    // The count of the whole filter and the page (LIMIT size + 1 to learn hasNextPage) in one
    // statement; the count's row comes back even for an empty page.
    const filter = `s.ends_at > $1 AND s.status = $2`;
    const page = await query(
      `SELECT c.total_count, p.* FROM (SELECT count(*)::int AS total_count FROM session s WHERE ${filter}) c
         LEFT JOIN LATERAL (SELECT s.* FROM session s WHERE ${filter} ORDER BY s.starts_at, s.id LIMIT ${PAGE_SIZE + 1}) p ON true
        ORDER BY p.starts_at, p.id`,
      [from, 'SCHEDULED'],
    );
    const totalCount = page.rows[0].total_count as number;
    const sessions = page.rows[0].id === null ? [] : page.rows.slice(0, PAGE_SIZE);

    // Then each nested level in one statement, the independent ones side by side on separate pool
    // connections: programmes, venues, and the hosts with their accounts (link table joined to users).
    const programmeIds = [...new Set(sessions.map((s) => s.programme_id as string))];
    const venueIds = [...new Set(sessions.map((s) => s.venue_id as string))];
    const sessionIds = sessions.map((s) => s.id as string);
    const [programmes, venues, hosts] = await Promise.all([
      query('SELECT p.* FROM programme p WHERE p.id = ANY($1)', [programmeIds]),
      query('SELECT v.* FROM venue v WHERE v.id = ANY($1)', [venueIds]),
      query('SELECT h.session_id AS host_owner_id, u.* FROM session_host h JOIN app_user u ON u.id = h.user_id WHERE h.session_id = ANY($1::uuid[])', [
        sessionIds,
      ]),
    ]);
    // The venues' organisations: a third level, as the API reads it (a hand-written one could join
    // it into the venue statement and save this round trip; see the header).
    const organisationIds = [...new Set(venues.rows.map((v) => v.organisation_id as string))];
    const organisations = await query('SELECT o.* FROM organisation o WHERE o.id = ANY($1)', [organisationIds]);

    const programmeById = byId(programmes.rows);
    const venueById = byId(venues.rows);
    const organisationById = byId(organisations.rows);
    const hostsOf = new Map<string, { id: string; displayName: string }[]>();
    for (const host of hosts.rows) {
      hostsOf.set(host.host_owner_id, [...(hostsOf.get(host.host_owner_id) ?? []), { id: host.id, displayName: host.display_name }]);
    }

    return {
      totalCount,
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
            hosts: hostsOf.get(s.id) ?? [],
          },
        };
      }),
    };
  };
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

const COLUMNS: Column<Measurement>[] = [
  { header: 'req/s', width: 10, cell: (m) => m.perSecond.toFixed(1) },
  { header: 'p50 ms', width: 10, cell: (m) => m.p50.toFixed(2) },
  { header: 'p95 ms', width: 10, cell: (m) => m.p95.toFixed(2) },
  { header: 'requests', width: 11, cell: (m) => String(m.requests) },
];

function report(sample: SchedulePage, sampleStatements: string[], graphql: Measured<Measurement>, pg: Measured<Measurement>): void {
  const comparison = formatComparison({ request: 'GraphQL request', rate: 'requests/s', columns: COLUMNS, sampleStatements, graphql, pg });
  console.log(`
Sessions query benchmark: first ${PAGE_SIZE} of ${sample.totalCount} upcoming sessions, ${CONCURRENCY} concurrent clients,
${MEASURE_MS / 1000} s per side after a ${WARM_UP_MS / 1000} s warm-up; client, API and pg driver share this one Node process
(${MACHINE}).

${comparison}
`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** Issue 22 asks for the sessions page at half its own SQL without any cache: the public-cache bench measures the cache. */
const NO_RESPONSE_CACHE = { RESPONSE_CACHE_TTL_SECONDS: '0' };

function main(): Promise<number> {
  return withBenchServices(
    DATABASE,
    async ({ config, startApi, openPool }) => {
      console.log('Migrating and seeding the Kortrijk demo data …');
      const sessionRows = await prepareDatabase(config);
      console.log(`Seeded ${sessionRows} sessions. Starting the API …`);

      const api = await startApi();
      const pool = openPool(CONCURRENCY);
      const pgStatements = new StatementCounter();
      const from = new Date();
      const graphql = graphqlClient(api.url, from);
      const direct = pgClient(pool, from, pgStatements);

      // One request on its own, recording its statements: the list printed in the report.
      const { result: sample, statements } = await api.statements.record(graphql);
      const { result: pgSample, statements: pgSampleStatements } = await pgStatements.record(direct);
      if (JSON.stringify(normalise(sample)) !== JSON.stringify(normalise(pgSample))) {
        throw new Error('GraphQL and pg returned different data: the pg side no longer mirrors the API');
      }
      if (pgSampleStatements.length !== statements.length) {
        throw new Error(`the API sent ${statements.length} SQL statements, the pg side ${pgSampleStatements.length}: update the pg side`);
      }
      if (sample.edges.length !== PAGE_SIZE) throw new Error(`expected a full page of ${PAGE_SIZE} sessions, got ${sample.edges.length}`);

      const load = (operation: () => Promise<unknown>) => (durationMs: number) => runLoad(CONCURRENCY, durationMs, () => operation);
      const graphqlResult = await measure('GraphQL over HTTP', 'req/s', load(graphql), api.statements);
      const pgResult = await measure('pg direct', 'req/s', load(direct), pgStatements);

      // The goal is the uncached path: an answer from the response cache sends no SQL at all.
      if (graphqlResult.statementsPerRequest < statements.length - 0.5) {
        throw new Error(
          `the API sent ${graphqlResult.statementsPerRequest.toFixed(2)} statements per request, not ${statements.length}: it answered from a cache`,
        );
      }
      report(sample, statements, graphqlResult, pgResult);
      return 0;
    },
    NO_RESPONSE_CACHE,
  );
}

runAndExit(main);
