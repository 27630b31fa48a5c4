import { performance } from 'node:perf_hooks';
import { buildClientSchema, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery } from 'graphql';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@app/common';
import { Dice } from './fuzz/dice';
import { Caller, Expectation, FuzzCase, generateCases, mutationsOf } from './fuzz/generator';
import { FuzzWorld, seedFuzzWorld } from './fuzz/seed';
import { dataOf, startTestApi, tableSnapshot, TestApi } from './test-api';

/**
 * Thousands of generated malformed inputs to every mutation of the live schema (wrong
 * types, huge strings, unicode edge cases, impossible dates and zones, injection strings, unknown
 * ids, broken documents, bodies over the limit), mostly as the admin so validation rather than
 * authorisation refuses them. Every answer must be a coded refusal below 500 and the database must
 * not change. Replay a run with FUZZ_SEED=<seed>; the seed is printed with every failure.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_815);
const TARGET_TOTAL = 5_300;
const MIN_PER_MUTATION = 60;
const CONCURRENCY = 8;
/** Generous: the run takes about a minute on a quiet 2-core machine, a few on a busy one. */
const RUN_TIMEOUT_MS = 400_000;

/**
 * Every code a refusal may carry: the domain's (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT,
 * TOO_MANY_REQUESTS, …) and those GraphQL and Apollo give a request refused before it runs; never
 * INTERNAL_SERVER_ERROR.
 */
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Refused by GraphQL before any resolver runs: 400; by a service: 200 with errors; by the body parser: 400 (not JSON) or 413 (too big).
 * The cases accept application/graphql-response+json, as the web app does: for that type a request
 * error is 400 (for application/json it is 200, like a service's refusal), so the status tells which refused.
 */
const EXPECTED_STATUS: Record<Expectation, number> = { GRAPHQL: 400, SERVICE: 200, UNPARSABLE: 400, OVERSIZE: 413 };

interface Outcome {
  status: number;
  text: string;
  /** The errors' extensions, when the body is JSON. */
  errors: { code?: unknown; field?: unknown; id?: unknown }[];
}

interface Failure {
  fuzzCase: FuzzCase;
  outcome: Outcome;
  problems: string[];
}

/** Tables of the application (not TypeORM's migrations, nor an audit log that may rightly grow with refused attempts). */
async function applicationTables(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'migrations' AND table_name NOT LIKE 'audit%'
      ORDER BY table_name`,
  );
  return rows.map((row) => `"${row.table_name}"`);
}

/** The uuid ids of every row, by table. */
async function existingIds(dataSource: DataSource): Promise<Record<string, string[]>> {
  const tables = await dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
  );
  const ids: Record<string, string[]> = {};
  // In insertion order (ctid: the seeding is sequential), so a replayed seed picks the same rows.
  for (const { table_name: table } of tables)
    ids[table] = (await dataSource.query<{ id: string }[]>(`SELECT id FROM "${table}" ORDER BY ctid`)).map((row) => row.id);
  return ids;
}

function authorizationFor(caller: Caller, world: FuzzWorld): string | undefined {
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'malformedToken':
      return 'Bearer !';
    case 'forgedToken': {
      // The classic forgery: the admin's claims under an unsigned ("alg": "none") header.
      const [, claims] = world.tokens.admin.split('.');
      return `Bearer ${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${claims}.`;
    }
    case 'ownAccount':
      return `Bearer ${world.ownAccountToken}`;
    default:
      return `Bearer ${world.tokens[caller]}`;
  }
}

async function send(api: TestApi, world: FuzzWorld, fuzzCase: FuzzCase): Promise<Outcome> {
  const authorization = authorizationFor(fuzzCase.caller, world);
  try {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(authorization ? { authorization } : {}) },
      body: fuzzCase.body,
    });
    const text = await response.text();
    let errors: Outcome['errors'] = [];
    try {
      const parsed = JSON.parse(text) as { errors?: unknown };
      if (Array.isArray(parsed.errors)) errors = parsed.errors.map((error: { extensions?: Outcome['errors'][number] }) => error?.extensions ?? {});
    } catch {
      // Not JSON: judged by problemsOf.
    }
    return { status: response.status, text, errors };
  } catch (error) {
    return { status: 0, text: `request failed: ${String(error)}`, errors: [] };
  }
}

/** Whether a refusal names the field broken on purpose (or, NOT_FOUND, its id): the input got as far as it was meant to. */
function refusedForTarget(fuzzCase: FuzzCase, outcome: Outcome): boolean {
  const target = fuzzCase.target;
  if (!target) return false;
  return outcome.errors.some(
    ({ field, id }) =>
      (typeof field === 'string' && (field === target.field || field.endsWith(`.${target.field}`))) ||
      (id !== undefined && id === String(target.value).toLowerCase()),
  );
}

/** Everything wrong with one answer; an empty list is a clean, coded refusal. */
function problemsOf(fuzzCase: FuzzCase, outcome: Outcome): string[] {
  const problems: string[] = [];
  const { status, text } = outcome;
  if (status === 0 || status >= 500) problems.push(`HTTP ${status}`);
  const rateLimited = status === 429;
  if (!rateLimited && status !== EXPECTED_STATUS[fuzzCase.expect])
    problems.push(`HTTP ${status}, expected ${EXPECTED_STATUS[fuzzCase.expect]} (${fuzzCase.expect})`);
  let body: { data?: Record<string, unknown> | null; errors?: unknown; message?: unknown } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    problems.push('the body is not JSON');
    return problems;
  }
  const errors = body?.errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    problems.push('no errors: the input was accepted');
  } else {
    for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
      const code = error?.extensions?.code;
      if (typeof code !== 'string' || !KNOWN_CODES.has(code)) problems.push(`error code ${String(code)}`);
      if (typeof error?.message !== 'string' || error.message.trim() === '') problems.push('an error without a message');
    }
  }
  if (body?.data?.[fuzzCase.mutation] != null) problems.push('data for the mutation: it was not refused');
  return problems;
}

/** How many items fall under each key (an item may fall under several). */
function countBy<T, K>(items: Iterable<T>, keysOf: (item: T) => Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) for (const key of keysOf(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const listed = <K>(counts: Map<K, number>) => [...counts].map(([key, n]) => `${String(key)}: ${n}`).join(', ');

const truncate = (text: string, max = 700) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

/** Counts of each kind of bad answer, and the first few cases of each kind in full. */
function report(failures: Failure[]): string {
  const byKind = new Map<string, Failure[]>();
  for (const failure of failures) {
    for (const problem of failure.problems) {
      const kind = `${failure.fuzzCase.mutation}: ${problem}`;
      byKind.set(kind, [...(byKind.get(kind) ?? []), failure]);
    }
  }
  const kinds = [...byKind].sort((a, b) => b[1].length - a[1].length);
  const examples = kinds.flatMap(([, examples]) => examples.slice(0, 2)).slice(0, 30);
  return [
    `fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx jest apps/api/test/fuzz.e2e-spec.ts): ${failures.length} bad answers`,
    ...kinds.map(([kind, examples]) => `  ${examples.length} × ${kind}`),
    '',
    ...[...new Set(examples)].map(
      ({ fuzzCase, outcome, problems }) =>
        `#${fuzzCase.index} ${fuzzCase.mutation} as ${fuzzCase.caller}, ${fuzzCase.broken}\n  problems: ${problems.join('; ')}\n  body: ${truncate(fuzzCase.body)}\n  answer: HTTP ${outcome.status} ${truncate(outcome.text)}`,
    ),
  ].join('\n');
}

describe('fuzz: malformed input to every mutation', () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  let cases: FuzzCase[];
  let outcomes: Outcome[];
  let tables: string[];
  let before: Awaited<ReturnType<typeof tableSnapshot>>;
  let sendSeconds: number;

  beforeAll(async () => {
    api = await startTestApi();
    const world = await seedFuzzWorld(api);
    // The live schema, so mutations added later are fuzzed without touching this file.
    schema = buildClientSchema(dataOf(await api.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, world.tokens.admin)));
    const mutationCount = mutationsOf(schema).length;
    cases = generateCases({
      schema,
      seed: SEED,
      casesPerMutation: Math.max(MIN_PER_MUTATION, Math.ceil(TARGET_TOTAL / mutationCount)),
      ids: await existingIds(api.dataSource),
    });

    tables = await applicationTables(api.dataSource);
    before = await tableSnapshot(api.dataSource, tables);
    // Interleaved, so the mutations run next to each other as they would in production.
    const queue = new Dice(SEED).shuffled(cases);
    outcomes = new Array<Outcome>(cases.length);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let fuzzCase = queue.pop(); fuzzCase; fuzzCase = queue.pop()) outcomes[fuzzCase.index] = await send(api, world, fuzzCase);
      }),
    );
    sendSeconds = (performance.now() - started) / 1000;
  }, RUN_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('sends at least 5,000 inputs, at least 60 to every mutation, half of them type-valid', () => {
    const mutations = mutationsOf(schema).map((mutation) => mutation.name);
    const perMutation = countBy(cases, (fuzzCase) => [fuzzCase.mutation]);
    const starved = mutations.filter((mutation) => (perMutation.get(mutation) ?? 0) < MIN_PER_MUTATION);

    // Discovery found the schema's mutations (54 when this was written), not an empty Mutation type.
    expect(mutations.length).toBeGreaterThanOrEqual(50);
    expect(starved).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(5_000);
    // Type-valid inputs reach the resolvers, where the services must refuse them.
    expect(cases.filter((fuzzCase) => fuzzCase.expect === 'SERVICE').length).toBeGreaterThanOrEqual(cases.length / 2);
  });

  it('answers every one with a coded refusal: never a 5xx, never INTERNAL_SERVER_ERROR, never data', () => {
    const failures = cases
      .map((fuzzCase) => ({ fuzzCase, outcome: outcomes[fuzzCase.index], problems: problemsOf(fuzzCase, outcomes[fuzzCase.index]) }))
      .filter((failure) => failure.problems.length > 0);
    const statuses = countBy(outcomes, (outcome) => [outcome.status]);
    const codes = countBy(outcomes, (outcome) => new Set(outcome.errors.map((error) => String(error.code))));
    const expectations = countBy(cases, (fuzzCase) => [fuzzCase.expect]);
    const aimed = cases.filter((fuzzCase) => fuzzCase.target && fuzzCase.caller === 'admin');
    const hit = aimed.filter((fuzzCase) => refusedForTarget(fuzzCase, outcomes[fuzzCase.index])).length;
    console.log(
      [
        `fuzz seed ${SEED}: ${cases.length} inputs to ${new Set(cases.map((c) => c.mutation)).size} mutations in ${sendSeconds.toFixed(1)} s (${CONCURRENCY} at a time), ${failures.length} bad answers`,
        `to be refused by ${listed(expectations)}; answered HTTP ${listed(new Map([...statuses].sort()))}`,
        `codes (answers carrying each) ${listed(new Map([...codes].sort((a, b) => b[1] - a[1])))}`,
        `type-valid inputs sent as admin refused naming the field broken on purpose: ${hit} of ${aimed.length}`,
      ].join('\n'),
    );

    if (failures.length > 0) throw new Error(report(failures));
  });

  it('leaves every table as it was', async () => {
    expect(await tableSnapshot(api.dataSource, tables)).toEqual(before);
  });
});
