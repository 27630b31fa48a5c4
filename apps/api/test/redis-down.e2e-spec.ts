import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningRedis, startRedisServer } from '@app/testing';
import { loadPersistedQueries } from '../src/graphql/persisted-queries';
import { CREATE_SESSION, createWorld, FIXTURE_PASSWORD, sessionInput, World } from './fixtures';
import { REQUEST_CODE } from './self-registration-fixtures';
import { dataOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PUBLIC_PER_MINUTE = 30;

/**
 * Limits and lockouts with their Redis stopped: a Redis of this file's own (never the shared
 * test Redis), stopped mid-test and started again on the same port before the API closes.
 */
describe('with Redis down', () => {
  let redisPort: number;
  let redisDir: string;
  let redis: RunningRedis;
  let api: TestApi;
  let world: World;
  let sessionId: string;
  let redisStopped = false;

  const post = (client: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult> =>
    api.gqlFrom(client, query, variables, token);
  const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    redisPort = await freePort();
    redisDir = join(tmpdir(), `oefenkansen-redis-down-${process.pid}`);
    redis = await startRedisServer({ port: redisPort, dir: redisDir });
    api = await startTestApi({ env: { REDIS_URL: redis.url, TRUST_PROXY: 'loopback', RATE_LIMIT_PUBLIC_PER_MINUTE: String(PUBLIC_PER_MINUTE) } });
    world = await createWorld(api);
    sessionId = dataOf(await api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: sessionInput(world, { capacity: 10 }) }, world.tokens.coordinator))
      .createSession.id;
    await redis.stop();
    redisStopped = true;
  }, 60_000);

  afterAll(async () => {
    // Queues and limits close cleanly only with their Redis there.
    if (redisStopped) redis = await startRedisServer({ port: redisPort, dir: redisDir });
    await api?.close();
    await redis?.stop();
  });

  it('refuses every login, even 25 wrong passwords and then the right one, with TEMPORARILY_UNAVAILABLE', async () => {
    const coordinatorEmail = (await api.dataSource.query<{ email: string }[]>(`SELECT email FROM app_user WHERE id = $1`, [world.userIds.coordinator]))[0]
      .email;
    for (let attempt = 1; attempt <= 25; attempt += 1) {
      expect(codeOf(await post(`203.0.113.${attempt}`, LOGIN, { e: coordinatorEmail, p: `guess-${attempt}` }))).toBe('TEMPORARILY_UNAVAILABLE');
    }
    const right = await post('203.0.113.99', LOGIN, { e: coordinatorEmail, p: FIXTURE_PASSWORD });
    expect(right.data).toBeNull();
    expect(codeOf(right)).toBe('TEMPORARILY_UNAVAILABLE');
  });

  it('sends no SMS code and writes nothing', async () => {
    const before = await tableSnapshot(api.dataSource, ['registration_code_request', 'notification']);
    for (let request = 1; request <= 4; request += 1) {
      const result = await post(`203.0.113.${100 + request}`, REQUEST_CODE, {
        i: { sessionId, firstName: 'Amina', phone: '0470 30 00 01', preferredLanguage: 'ar' },
      });
      expect(codeOf(result)).toBe('TEMPORARILY_UNAVAILABLE');
      expect(result.data).toBeNull();
    }
    expect(await tableSnapshot(api.dataSource, ['registration_code_request', 'notification'])).toEqual(before);
  });

  it('keeps serving public reads, limited per address by a counter in the process', async () => {
    const client = '198.51.100.7';
    for (let call = 1; call <= PUBLIC_PER_MINUTE; call += 1) expect((await post(client, '{ programmes { id } }')).errors).toBeUndefined();
    const refused = await post(client, '{ programmes { id } }');
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfter: expect.any(Number) });
    expect((await post('198.51.100.8', '{ programmes { id } }')).errors).toBeUndefined();
    // A logged-in coordinator has a budget of their own.
    expect((await post(client, '{ programmes { id } }', {}, world.tokens.coordinator)).data).toEqual({ programmes: expect.any(Array) });
  });

  it('answers the public pages uncached, and still right after a write, with the response cache unreachable', async () => {
    const [id] = [...loadPersistedQueries()].find(([, text]) => text.includes('query PublicSession('))!;
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } });
    const params = new URLSearchParams({ variables: JSON.stringify({ id: sessionId }), extensions });
    const read = async () => {
      const headers = { 'x-apollo-operation-name': 'PublicSession', 'x-forwarded-for': '198.51.100.20' };
      const response = await fetch(`${api.baseUrl}/graphql?${params.toString()}`, { headers });
      return { status: response.status, body: (await response.json()) as { data: { session: { capacity: number } } } };
    };
    expect(await read()).toMatchObject({ status: 200, body: { data: { session: { capacity: 10 } } } });
    const grow = 'mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { id } }';
    dataOf(await api.gql(grow, { id: sessionId, c: 12 }, world.tokens.coordinator));
    expect((await read()).body.data.session.capacity).toBe(12);
  });
});
