import { Logger } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { loadPersistedQueries } from '../src/graphql/persisted-queries';
import { startTestApi, TEST_ADMIN, TestApi } from './test-api';

const ME = '{ me { id } }';

/** The API as it runs in production (NODE_ENV=production), answering what strangers send it. */
describe('production hardening', () => {
  let api: TestApi;
  let loggedErrors: jest.SpyInstance;

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const answer = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  });

  beforeAll(async () => {
    api = await startTestApi({ env: { NODE_ENV: 'production' } });
  });
  beforeEach(() => {
    loggedErrors = jest.spyOn(Logger.prototype, 'error');
  });
  afterEach(() => loggedErrors.mockRestore());
  afterAll(() => api?.close());

  it('suggests no field names in validation errors', async () => {
    const { status, body } = await answer(await post({ query: '{ programmes { nam } }' }));
    // A request error answers application/json clients with 200 (GraphQL over HTTP; graphql-over-http.e2e-spec.ts).
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0].message).not.toMatch(/did you mean/i);
  });

  it('answers a persisted query id the web app does not ship with 400 PERSISTED_QUERY_NOT_FOUND, logging nothing', async () => {
    const persisted = { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } };
    for (const body of [{ query: '{ programmes { id } }', extensions: persisted }, { extensions: persisted }]) {
      const result = await answer(await post(body));
      expect(result).toEqual({ status: 400, body: { errors: [{ message: expect.any(String), extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
    }
    const viaGet = await fetch(`${api.baseUrl}/graphql?extensions=${encodeURIComponent(JSON.stringify(persisted))}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(await answer(viaGet)).toEqual({
      status: 400,
      body: { errors: [{ message: expect.any(String), extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
    });
    const malformed = await post({ extensions: { persistedQuery: { version: 2, sha256Hash: 7 } } });
    expect((await answer(malformed)).body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(loggedErrors).not.toHaveBeenCalled();
  });

  it('runs a persisted query of the web app by id over GET, and refuses a mutation over GET', async () => {
    const [id, document] = [...loadPersistedQueries()].find(([, text]) => text.includes('query PublicSession('))!;
    const params = new URLSearchParams({
      variables: JSON.stringify({ id: '00000000-0000-4000-8000-000000000000' }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }),
    });
    const viaGet = await answer(await fetch(`${api.baseUrl}/graphql?${params.toString()}`, { headers: { 'x-apollo-operation-name': 'PublicSession' } }));
    expect(viaGet.body.errors?.[0].extensions?.code).not.toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(viaGet.body.data).toEqual({ session: null });
    // The document sent with an id must be that id's.
    expect(
      (await answer(await post({ query: '{ programmes { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: id } } }))).body.errors?.[0].extensions
        ?.code,
    ).toBe('BAD_REQUEST');
    expect(document).toContain('session(id: $id)');
    const mutation = await fetch(`${api.baseUrl}/graphql?query=${encodeURIComponent('mutation { logout }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(mutation.status).toBe(405);
    // CSRF prevention stays on for GET: without a header a plain link cannot send, nothing runs.
    const bare = await fetch(`${api.baseUrl}/graphql?${params.toString()}`);
    expect(bare.status).toBe(400);
  });

  it('answers a body that is not what its Content-Encoding says with 400 BAD_REQUEST, logging nothing', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const result = await answer(await post({ query: '{ programmes { id } }' }, { 'content-encoding': encoding }));
      expect(result).toEqual({ status: 400, body: { errors: [{ message: expect.stringMatching(/Content-Encoding/), extensions: { code: 'BAD_REQUEST' } }] } });
    }
    expect(loggedErrors).not.toHaveBeenCalled();
  });

  it('audits a request under our own request id, never the X-Request-Id a client sends', async () => {
    const token = await api.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const response = await post(
      {
        query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        variables: { i: { email: 'lotte@test.oefenkansen.be', password: 'a-long-enough-password', displayName: 'Lotte', roles: ['COORDINATOR'] } },
      },
      { authorization: `Bearer ${token}`, 'x-request-id': 'forged-by-client' },
    );
    const ours = response.headers.get('x-request-id');
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    const userId = (await answer(response)).body.data.createUser.id as string;
    const audited = await api.dataSource.query<{ request_id: string }[]>(`SELECT request_id FROM audit_log_entry WHERE subject_id = $1`, [userId]);
    expect(audited.length).toBeGreaterThan(0);
    for (const row of audited) expect(row.request_id).toBe(ours);
  });

  it('refuses a token without an expiry, even one signed with our secret', async () => {
    const [admin] = await api.dataSource.query<{ id: string; token_version: number }[]>(`SELECT id, token_version FROM app_user WHERE email = $1`, [
      TEST_ADMIN.email,
    ]);
    const claims = { sub: admin.id, ver: admin.token_version };
    const forever = sign(claims, api.config.jwtSecret, { algorithm: 'HS256', issuer: 'oefenkansen' });
    const expiring = sign(claims, api.config.jwtSecret, { algorithm: 'HS256', issuer: 'oefenkansen', expiresIn: 600 });
    expect((await api.gql(ME, {}, forever)).data).toEqual({ me: null });
    expect((await api.gql(ME, {}, expiring)).data).toEqual({ me: { id: admin.id } });
  });

  it('revokes the admin’s tokens when a start brings a new ADMIN_PASSWORD, and not on a start with the same one', async () => {
    const before = await api.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const restart = async (adminPassword: string) => {
      const replica = await startTestApi({ sharing: { ...api, config: { ...api.config, adminPassword } } });
      await replica.close();
    };
    await restart(TEST_ADMIN.password);
    expect((await api.gql(ME, {}, before)).data?.me).not.toBeNull();

    await restart('a-brand-new-admin-password');
    expect((await api.gql(ME, {}, before)).data).toEqual({ me: null });
    const after = await api.login(TEST_ADMIN.email, 'a-brand-new-admin-password');
    await restart('a-brand-new-admin-password');
    expect((await api.gql(ME, {}, after)).data?.me).not.toBeNull();
    await restart(TEST_ADMIN.password);
  });
});
