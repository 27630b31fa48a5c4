import { ANONYMOUS_QUERY_MAX_LENGTH } from '../src/http-rate-limit';
import { startTestApi, TEST_ADMIN, TestApi } from './test-api';

/** Small limits so the test reaches them; TRUST_PROXY lets each client speak from an address of its own. */
const ANONYMOUS_PER_MINUTE = 10;
const LIMITS = { RATE_LIMIT_PUBLIC_PER_MINUTE: String(ANONYMOUS_PER_MINUTE), RATE_LIMIT_USER_PER_MINUTE: '1000', TRUST_PROXY: 'loopback' };

/** The attack as reported: 400 repetitions of a nested selection (about 20 kB) that fails validation (an unknown field). */
const ATTACK = `{ ${'organisations { venues { organisation { name } } } '.repeat(400)} nope }`;

interface Answer {
  status: number;
  retryAfterHeader: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('a flood of invalid queries', () => {
  let api: TestApi;
  let coordinatorToken: string;

  const post = async (client: string, query: string, token?: string): Promise<Answer> => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, retryAfterHeader: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
  };

  beforeAll(async () => {
    api = await startTestApi({ env: LIMITS });
    const admin = await api.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const email = 'lotte.coordinator@test.oefenkansen.be';
    const created = await api.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email, password: 'a-long-enough-password', displayName: 'Lotte', roles: ['COORDINATOR'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    coordinatorToken = await api.login(email, 'a-long-enough-password');
  });
  afterAll(() => api?.close());

  it('counts every request before parsing: 8 anonymous clients get 429 beyond the limit, a coordinator still gets data', async () => {
    expect(ATTACK.length).toBeGreaterThan(19_600);
    const clients = Array.from({ length: 8 }, (_, i) => `198.51.100.${i + 1}`);
    const perClient = ANONYMOUS_PER_MINUTE + 4;
    const coordinatorAnswers: Promise<Answer>[] = [];
    const attack = clients.map(async (client) => {
      const answers: Answer[] = [];
      for (let request = 0; request < perClient; request += 1) {
        answers.push(await post(client, ATTACK));
        // The coordinator works from the first attacker's address (a shared school network) during the attack.
        if (client === clients[0]) coordinatorAnswers.push(post(client, '{ programmes { id } }', coordinatorToken));
      }
      return answers;
    });
    const byClient = await Promise.all(attack);

    for (const answers of byClient) {
      const refusedEarly = answers.slice(0, ANONYMOUS_PER_MINUTE);
      const limited = answers.slice(ANONYMOUS_PER_MINUTE);
      for (const answer of refusedEarly) {
        expect(answer.status).toBe(400);
        expect(answer.body.data).toBeUndefined();
        expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      }
      for (const answer of limited) {
        expect(answer.status).toBe(429);
        expect(answer.body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfter: expect.any(Number) });
        expect(Number(answer.retryAfterHeader)).toBe(answer.body.errors?.[0].extensions?.retryAfter);
      }
    }
    for (const answer of await Promise.all(coordinatorAnswers)) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { programmes: [] } });
    }
    // The invalid queries used up the address's budget: a valid anonymous query is refused too.
    const valid = await post(clients[3], '{ programmes { id } }');
    expect(valid.status).toBe(429);
    expect((await post('198.51.100.200', '{ programmes { id } }')).status).toBe(200);
  }, 60_000);

  it('stops a long document before parsing it: by length for anonymous callers, by the token limit for logged-in ones', async () => {
    const anonymous = await post('198.51.100.101', ATTACK);
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_REQUEST' },
      message: expect.stringContaining(`${ANONYMOUS_QUERY_MAX_LENGTH} characters`),
    });
    const loggedIn = await post('198.51.100.102', ATTACK, coordinatorToken);
    // A parse failure is a GraphQL request error: 200 for an application/json client; the refusal by length above stays 400.
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.data).toBeUndefined();
    expect(loggedIn.body.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: expect.stringMatching(/more th\w+ 1500 tokens/) });
    // A public page's query is well within both.
    expect((await post('198.51.100.103', '{ programmes { id name } }')).status).toBe(200);
  });
});
