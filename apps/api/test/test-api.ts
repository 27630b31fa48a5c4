import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, FixedClock } from '@app/common';
import { AppConfig } from '@app/config';
import { createTestDatabase, flushTestRedis, TestDatabase, testConfig } from '@app/testing';
import { AppModule } from '../src/app.module';
import { configureHttp } from '../src/http';

export { TEST_ADMIN } from '@app/testing';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] | undefined;
}

export interface TestApi {
  app: INestApplication;
  baseUrl: string;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  clock: FixedClock;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResult<T>>;
  /** The same, from a client address a trusted proxy passes in X-Forwarded-For (the API needs TRUST_PROXY=loopback). */
  gqlFrom<T = Record<string, any>>(client: string, query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResult<T>>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API on a random port, over a database of its own, with a clock the test controls
 * (the default "now" is 2026-08-15, before the school year most tests schedule in).
 * `webRoot`: a build of the web app to serve (apps/web/test/web-build.ts); none by default.
 */
export async function startTestApi(options: { now?: Date; sharing?: TestApi; env?: Record<string, string>; webRoot?: string } = {}): Promise<TestApi> {
  // A second instance on the same database and Redis stands for another API replica.
  const database = options.sharing?.database ?? (await createTestDatabase());
  if (!options.sharing) await flushTestRedis();
  const config = options.sharing ? { ...options.sharing.config } : testConfig(database, options.env);
  const clock = new FixedClock(options.now ?? new Date('2026-08-15T10:00:00Z'));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttp(app, { webRoot: options.webRoot });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const send = async <T>(client: string | null, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GraphQLResult<T>> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client ? { 'x-forwarded-for': client } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLResult['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors };
  };
  const gql = <T>(query: string, variables?: Record<string, unknown>, token?: string | null) => send<T>(null, query, variables, token);

  return {
    app,
    baseUrl,
    config,
    database,
    dataSource: app.get(DataSource),
    clock,
    gql,
    gqlFrom: (client, query, variables, token) => send(client, query, variables, token),
    async login(email, password) {
      const result = await gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: email,
        p: password,
      });
      if (!result.data) throw new Error(`login of ${email} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    async close() {
      await app.close();
      if (!options.sharing) await database.drop();
    },
  };
}

/** The single error of a result, failing loudly when there is data instead. */
export function errorOf(result: GraphQLResult): { code: string | undefined; message: string; extensions: Record<string, unknown> } {
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  const [error] = result.errors;
  return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
}

/** The data of a result, failing loudly with the errors when there are any. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`expected data, got errors ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A count and a digest of every row of each table, in one round trip: equal before and after means nothing changed. */
export async function tableSnapshot(dataSource: DataSource, tables: readonly string[]): Promise<Record<string, { n: number; md5: string }>> {
  const [row] = await dataSource.query<Record<string, { n: number; md5: string }>[]>(
    `SELECT ${tables.map((table) => `(SELECT json_build_object('n', count(*), 'md5', md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))) FROM ${table} t) AS ${table}`).join(', ')}`,
  );
  return row;
}
