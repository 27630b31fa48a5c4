import { auditServer } from 'graphql-http';
import { startTestApi, TestApi } from './test-api';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * The API's CSRF prevention (csrfPrevention, on in every environment) refuses a GET without a
 * header a browser form or <img> cannot send; a non-browser client such as the audit adds
 * `apollo-require-preflight`, as Apollo asks. Without it the audit's three GET checks (all MAY)
 * get 400, which the last test shows; its POSTs need nothing: they say application/json.
 */
const withPreflightHeader = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'apollo-require-preflight': '1' } });

/**
 * In production introspection is off on purpose (a stranger must not read the schema), and four
 * of the audit's checks ask `__type(name: $name)` and expect data: there they get
 * GRAPHQL_VALIDATION_FAILED, so those four (one MUST, 28B9) cannot pass in production. Everything
 * else of the audit passes in production too; all of it passes where introspection is on.
 */
const NEEDS_INTROSPECTION = ['28B9', '2EA1', '6A70', 'D6D5'];

type Audited = Awaited<ReturnType<typeof auditServer>>[number];
const notOk = (results: Audited[]) =>
  results
    .filter((result) => result.status !== 'ok')
    .map((result) => `${result.id} ${result.status} ${result.name}${'reason' in result ? `: ${result.reason}` : ''}`);

interface Answer {
  status: number;
  type: string | undefined;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The GraphQL-over-HTTP spec (graphql.github.io/graphql-over-http) as graphql-http's audit and real clients read it. */
describe('GraphQL over HTTP', () => {
  let api: TestApi;
  let production: TestApi;

  const post = async (target: TestApi, body: unknown, accept?: string): Promise<Answer> => {
    const response = await fetch(`${target.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE, ...(accept ? { accept } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type')?.split(';')[0], body: (await response.json()) as Answer['body'] };
  };

  beforeAll(async () => {
    api = await startTestApi();
    production = await startTestApi({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await production?.close();
    await api?.close();
  });

  it('passes every check of graphql-http’s server audit, MUST, SHOULD and MAY', async () => {
    const results = await auditServer({ url: `${api.baseUrl}/graphql`, fetchFn: withPreflightHeader });
    expect(notOk(results)).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(13);
  });

  it('passes the same audit in production, but for the checks that need introspection', async () => {
    const results = await auditServer({ url: `${production.baseUrl}/graphql`, fetchFn: withPreflightHeader });
    expect(
      notOk(results)
        .map((line) => line.split(' ')[0])
        .sort(),
    ).toEqual(NEEDS_INTROSPECTION);
    // What those checks get: a refusal of the introspection field, not a transport fault.
    const refused = await post(
      production,
      { query: 'query Type($name: String!) { __type(name: $name) { name } }', variables: { name: 'sometype' } },
      JSON_TYPE,
    );
    expect(refused).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: { errors: [expect.objectContaining({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] },
    });
  });

  const REQUEST_ERRORS = [
    { what: 'a document that does not parse', body: { query: '{ programmes { id }' }, code: 'GRAPHQL_PARSE_FAILED' },
    { what: 'a document that does not validate', body: { query: '{ programmes { nope } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'variables that do not coerce', body: { query: 'query($id: ID!) { session(id: $id) { id } }', variables: { id: true } }, code: 'BAD_USER_INPUT' },
    {
      what: 'two operations and no operationName',
      body: { query: 'query A { programmes { id } } query B { programmes { name } }' },
      code: 'OPERATION_RESOLUTION_FAILURE',
    },
  ];

  describe.each(REQUEST_ERRORS)('$what', ({ body, code }) => {
    it.each([
      { accept: undefined, status: 200, type: JSON_TYPE },
      { accept: JSON_TYPE, status: 200, type: JSON_TYPE },
      { accept: '*/*', status: 200, type: JSON_TYPE },
      { accept: GRAPHQL_RESPONSE, status: 400, type: GRAPHQL_RESPONSE },
      // What the web app sends (apps/web/src/graphql/client.ts): the newer type first.
      { accept: `${GRAPHQL_RESPONSE}, ${JSON_TYPE}`, status: 400, type: GRAPHQL_RESPONSE },
      { accept: `${JSON_TYPE}, ${GRAPHQL_RESPONSE};q=0.9`, status: 200, type: JSON_TYPE },
    ])('accepting $accept: HTTP $status as $type, no data, extensions.code kept', async ({ accept, status, type }) => {
      for (const target of [api, production]) {
        const answer = await post(target, body, accept);
        expect(answer).toEqual({ status, type, body: { errors: [expect.objectContaining({ extensions: { code } })] } });
      }
    });
  });

  it('keeps 400 for a request that is not well-formed GraphQL over HTTP, whatever the client accepts', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      for (const body of [{}, { query: 42 }, { query: '{ programmes { id } }', variables: 'not a map' }]) {
        const answer = await post(api, body, accept);
        expect(answer.status).toBe(400);
        expect(answer.body.data).toBeUndefined();
        expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      }
    }
  });

  it('keeps the codes of refusals made before GraphQL: a body over 100 kB is 413 PAYLOAD_TOO_LARGE for both types', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      const answer = await post(api, { query: `{ programmes { id } } # ${'x'.repeat(110_000)}` }, accept);
      expect({ status: answer.status, code: answer.body.errors?.[0].extensions?.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    }
  });

  it('answers errors raised while running (a service refusing bad input, a missing login) with 200 and data for both types', async () => {
    const RUN_TIME_ERRORS = [
      { query: '{ festivalDates(year: 1200) { startsOn } }', code: 'BAD_USER_INPUT' },
      { query: '{ myShifts { id } }', code: 'UNAUTHENTICATED' },
    ];
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      for (const { query, code } of RUN_TIME_ERRORS) {
        const answer = await post(api, { query }, accept);
        expect(answer).toEqual({
          status: 200,
          type: accept,
          body: { data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code }) })] },
        });
      }
    }
  });

  it('refuses a GET without the preflight header (CSRF prevention), and answers it with one', async () => {
    const url = `${production.baseUrl}/graphql?query=${encodeURIComponent('{ programmes { id } }')}`;
    const refused = await fetch(url, { headers: { accept: JSON_TYPE } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Answer['body']).errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    const answered = await withPreflightHeader(url, { headers: { accept: JSON_TYPE } });
    expect({ status: answered.status, body: await answered.json() }).toEqual({ status: 200, body: { data: { programmes: [] } } });
  });
});
