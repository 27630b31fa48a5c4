import { availableParallelism } from 'node:os';
import type { Measured, Measurement } from './load';

/** `--sql` on the command line prints the API's statements in full instead of shortened to one line. */
const FULL_SQL = process.argv.includes('--sql');

/** Where the figures came from: they only compare with runs on the same Node and machine. */
export const MACHINE = `${process.version}, ${availableParallelism()} CPUs, PostgreSQL on the same machine`;

export interface Column<M> {
  header: string;
  width: number;
  cell: (measurement: M) => string;
}

export interface Comparison<M extends Measurement> {
  /** One request as the report names it: "SQL statements per <request>". */
  request: string;
  /** The throughput as the ratio line names it: "GraphQL serves N% of the <rate> of its own SQL". */
  rate: string;
  columns: Column<M>[];
  /** The API's statements for one request on its own, in the order TypeORM sent them. */
  sampleStatements: string[];
  graphql: Measured<M>;
  pg: Measured<M>;
  /**
   * What the pg side runs when it is not the API's statements: `row` names its table row, `ratio`
   * the baseline in the ratio line. By default the pg side runs the same statements as the API.
   */
  baseline?: { row: string; ratio: string };
}

/** The statements of one request, the table of both sides and their ratio, as lines of text. */
export function formatComparison<M extends Measurement>({ request, rate, columns, sampleStatements, graphql, pg, baseline }: Comparison<M>): string {
  const { row: pgRow, ratio: pgBaseline } = baseline ?? { row: `pg direct (${sampleStatements.length} statements)`, ratio: 'its own SQL' };
  const shorten = (sql: string) => {
    const flat = sql.replace(/\s+/g, ' ').trim();
    return FULL_SQL || flat.length <= 110 ? flat : `${flat.slice(0, 107)}...`;
  };
  // Right-aligned, so statements 1-9 line up with 10 and above.
  const numberWidth = String(sampleStatements.length).length;
  const line = (name: string, cells: string[]) => `  ${name.padEnd(26)}${cells.join('')}`;
  const row = (name: string, m: M) =>
    line(
      name,
      columns.map((column) => column.cell(m).padStart(column.width)),
    );
  return [
    `SQL statements per ${request}: ${sampleStatements.length} (counted on the API's TypeORM DataSource;`,
    `${graphql.statementsPerRequest.toFixed(2)} on average over the measured run; the pg side sent ${pg.statementsPerRequest.toFixed(2)}):`,
    ...sampleStatements.map((sql, i) => `  ${String(i + 1).padStart(numberWidth)}. ${shorten(sql)}`),
    '',
    line(
      '',
      columns.map((column) => column.header.padStart(column.width)),
    ),
    row('GraphQL over HTTP', graphql.result),
    row(pgRow, pg.result),
    '',
    `graphql/pg = ${(graphql.result.perSecond / pg.result.perSecond).toFixed(2)}  (GraphQL serves ${((100 * graphql.result.perSecond) / pg.result.perSecond).toFixed(0)}% of the ${rate} of ${pgBaseline} run directly)`,
    `Node CPU per request (this process: load generator, API and pg driver; measured run): GraphQL ${graphql.cpuMsPerRequest.toFixed(2)} ms, pg ${pg.cpuMsPerRequest.toFixed(2)} ms`,
  ].join('\n');
}
