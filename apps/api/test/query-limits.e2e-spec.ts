import { QUERY_LIMITS } from '../src/graphql/graphql-options';
import { startTestApi, TestApi } from './test-api';

/** `organisations { venues { organisation { … id } } }`: as many levels as the depth rule counts (the leaf field included). */
function nested(depth: number): string {
  let selection = 'id';
  for (let level = 2; level < depth; level += 1) selection = level % 2 === 1 ? `venues { ${selection} }` : `organisation { ${selection} }`;
  return `{ organisations { ${selection} } }`;
}

/** api.gql accepts application/json, so a refused document is HTTP 200 with errors and no data (GraphQL over HTTP). */
describe('query limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const countRows = async () => Number((await api.dataSource.query(`SELECT count(*) FROM organisation`))[0].count);

  it('answers a query as deep as the limit', async () => {
    const result = await api.gql(nested(QUERY_LIMITS.maxDepth));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ organisations: [] });
  });

  it('refuses a query nested 20 levels deep, before running it, with a clear error', async () => {
    const result = await api.gql(nested(20));
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/depth limit of 12 exceeded, found 20/i);
  });

  it('refuses 40 aliases, also in a mutation, and writes nothing', async () => {
    const before = await countRows();
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: createOrganisation(input: { name: "Vereniging ${i}", kind: ASSOCIATION }) { id }`).join(' ');
    const result = await api.gql(`mutation { ${aliases} }`);
    expect(result.status).toBe(200);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/aliases limit of 15/i);
    expect(await countRows()).toBe(before);
    const fine = await api.gql(`{ ${Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `p${i}: programmes { id }`).join(' ')} }`);
    expect(fine.errors).toBeUndefined();
  });

  it('refuses a query whose cost is too high', async () => {
    // Within the depth and alias limits, but wide and deep everywhere.
    const branch = `venue { organisation { venues { organisation { venues { organisation { name kind venues { id name address } } } } } } }`;
    const wide = `{ ${Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `s${i}: sessions(first: 50) { edges { node { id title ${branch} programme { id name } hosts { id displayName organisation { venues { id } } } } } }`).join(' ')} }`;
    const result = await api.gql(wide);
    expect(result.status).toBe(200);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/cost limit/i);
  });

  it('stops parsing a document of more tokens than the limit', async () => {
    // 3 tokens per repetition, well inside the 100 kB body limit.
    const padded = `{ programmes { ${'id '.repeat(QUERY_LIMITS.maxTokens)} } }`;
    const result = await api.gql(padded);
    expect(result.status).toBe(200);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0].message).toMatch(new RegExp(`Document contains more th\\w+ ${QUERY_LIMITS.maxTokens} tokens`));
  });
});
