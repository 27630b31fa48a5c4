import { createWorld, FIXTURE_PASSWORD, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TEST_ADMIN, TestApi } from './test-api';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email roles organisation { id } } } }';
const ME = '{ me { id email displayName roles organisation { id name } } }';

describe('accounts and tokens', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it('creates the ADMIN_EMAIL admin on start, so a fresh database is usable', async () => {
    const login = dataOf(await api.gql(LOGIN, { e: TEST_ADMIN.email.toUpperCase(), p: TEST_ADMIN.password })).login;
    expect(login.user).toMatchObject({ email: TEST_ADMIN.email, roles: ['ADMIN'] });
    expect(login.token.split('.')).toHaveLength(3);
  });

  it('returns the logged-in user from me, with roles and organisation, and null for anonymous', async () => {
    const me = dataOf(await api.gql(ME, {}, world.tokens.schoolContact)).me;
    expect(me).toMatchObject({
      id: world.userIds.schoolContact,
      roles: ['SCHOOL_CONTACT'],
      organisation: { id: world.schoolId, name: 'Basisschool De Vlieger' },
    });
    expect(dataOf(await api.gql(ME)).me).toBeNull();
  });

  it('stores argon2id hashes, never the password', async () => {
    const [row] = await api.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [world.userIds.host]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row.password_hash).not.toContain(FIXTURE_PASSWORD);
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown address', async () => {
    const wrong = errorOf(await api.gql(LOGIN, { e: 'host@test.oefenkansen.be', p: 'not-the-password' }));
    const unknown = errorOf(await api.gql(LOGIN, { e: 'nobody@test.oefenkansen.be', p: 'not-the-password' }));
    expect(wrong).toEqual(unknown);
    expect(wrong.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a tampered or foreign token on operations that need a login', async () => {
    const [header, payload, signature] = world.tokens.coordinator.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, sub: world.userIds.admin })).toString('base64url'), signature].join('.');
    for (const token of [forged, `${world.tokens.coordinator}x`, 'not-a-token-at-all']) {
      const result = await api.gql('mutation { createOrganisation(input: { name: "Vervalst", kind: PARTNER }) { id } }', {}, token);
      expect(errorOf(result).code).toBe('UNAUTHENTICATED');
    }
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM organisation WHERE name = 'Vervalst'`);
    expect(n).toBe(0);
  });

  it('revokes tokens when a user is deactivated or their token version moves on', async () => {
    const email = 'tijdelijk@test.oefenkansen.be';
    dataOf(
      await api.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { email, password: FIXTURE_PASSWORD, displayName: 'Tijdelijk', roles: ['HOST'] } },
        world.tokens.coordinator,
      ),
    );
    const token = await api.login(email, FIXTURE_PASSWORD);
    expect(dataOf(await api.gql(ME, {}, token)).me.email).toBe(email);

    await api.dataSource.query(`UPDATE app_user SET token_version = token_version + 1 WHERE email = $1`, [email]);
    expect(dataOf(await api.gql(ME, {}, token)).me).toBeNull();
    expect(errorOf(await api.gql('{ mySessions { totalCount } }', {}, token)).message).toMatch(/log in again/);
    const fresh = await api.login(email, FIXTURE_PASSWORD);
    expect(dataOf(await api.gql(ME, {}, fresh)).me.email).toBe(email);

    await api.dataSource.query(`UPDATE app_user SET active = false WHERE email = $1`, [email]);
    expect(dataOf(await api.gql(ME, {}, fresh)).me).toBeNull();
    expect(errorOf(await api.gql(LOGIN, { e: email, p: FIXTURE_PASSWORD })).code).toBe('UNAUTHENTICATED');
  });

  it('shows hosts on the public schedule by name, but their e-mail only to logged-in users', async () => {
    const query = '{ programmes { id } organisations { id name } }';
    expect(dataOf(await api.gql(query)).organisations).toHaveLength(4);
    const admin = dataOf(await api.gql('{ me { email } }', {}, world.tokens.coordinator)).me;
    expect(admin.email).toBe('coordinator@test.oefenkansen.be');
  });
});
