import { randomUUID } from 'node:crypto';
import { FREE_LOGIN_FAILURES } from '@app/auth';
import { errorOf, GraphQLResult, startTestApi, TEST_ADMIN, TestApi } from './test-api';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
const PASSWORD = 'a-long-enough-password';

/** Small limits, so the test reaches them; TRUST_PROXY lets each test speak from an address of its own. */
const LIMITS = {
  RATE_LIMIT_LOGIN_PER_IP: '12',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '8',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '30',
  LOGIN_LOCKOUT_SECONDS: '1',
  TRUST_PROXY: 'loopback',
  CORS_ORIGINS: 'https://oefenkansen.kortrijk.be,http://localhost:5173',
};

describe('login protection and token revocation', () => {
  let api: TestApi;
  let adminToken: string;
  let clients = 0;
  /** A fresh client address (TEST-NET-3), as a load balancer would pass it in X-Forwarded-For. */
  const newClient = () => `203.0.113.${(clients += 1)}`;

  const post = (client: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult> =>
    api.gqlFrom(client, query, variables, token);
  const login = (client: string, email: string, password: string) => post(client, LOGIN, { e: email, p: password });
  const newUser = async (): Promise<string> => {
    const email = `user-${randomUUID()}@test.oefenkansen.be`;
    const created = await post(newClient(), CREATE_USER, { i: { email, password: PASSWORD, displayName: 'Lotte', roles: ['COORDINATOR'] } }, adminToken);
    expect(created.errors).toBeUndefined();
    return email;
  };

  beforeAll(async () => {
    api = await startTestApi({ env: LIMITS });
    const first = await login(newClient(), TEST_ADMIN.email, TEST_ADMIN.password);
    adminToken = first.data!.login.token;
  });
  afterAll(() => api?.close());

  it('slows a password guesser with a doubling lock, which even the right password does not pass', async () => {
    const email = await newUser();
    const guesser = newClient();
    for (let attempt = 1; attempt < FREE_LOGIN_FAILURES; attempt += 1) {
      const error = errorOf(await login(guesser, email, `guess-${attempt}`));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.extensions.retryAfter).toBeUndefined();
    }
    const fifth = errorOf(await login(guesser, email, 'guess-5'));
    expect(fifth).toMatchObject({ code: 'UNAUTHENTICATED', extensions: { retryAfter: 1 } });

    const locked = errorOf(await login(newClient(), email, PASSWORD));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toMatch(/too many failed logins.*try again in 1 seconds/i);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const sixth = errorOf(await login(guesser, email, 'guess-6'));
    expect(sixth).toMatchObject({ code: 'UNAUTHENTICATED', extensions: { retryAfter: 2 } });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const seventh = errorOf(await login(guesser, email, 'guess-7'));
    expect(seventh).toMatchObject({ code: 'UNAUTHENTICATED', extensions: { retryAfter: 4 } });
    expect(errorOf(await login(guesser, email, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
  }, 30_000);

  it('clears the failure count on a successful login', async () => {
    const email = await newUser();
    const client = newClient();
    const failOnce = async () => {
      const error = errorOf(await login(client, email, 'wrong-password'));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.extensions.retryAfter).toBeUndefined();
    };
    for (let attempt = 1; attempt < FREE_LOGIN_FAILURES; attempt += 1) await failOnce();
    expect((await login(client, email, PASSWORD)).data?.login.token).toEqual(expect.any(String));
    // Without the reset the next failure would be the fifth and lock the account.
    for (let attempt = 1; attempt < FREE_LOGIN_FAILURES - 1; attempt += 1) await failOnce();
  });

  it('refuses every login from one address after 12 attempts, whatever the account, and only from that address', async () => {
    const attacker = newClient();
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      expect(errorOf(await login(attacker, `nobody-${attempt}@test.oefenkansen.be`, 'wrong-password')).code).toBe('UNAUTHENTICATED');
    }
    const refused = errorOf(await login(attacker, TEST_ADMIN.email, TEST_ADMIN.password));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/too many login attempts/i);
    expect(refused.extensions.retryAfter).toBeGreaterThan(800);
    expect((await login(newClient(), TEST_ADMIN.email, TEST_ADMIN.password)).data?.login.token).toEqual(expect.any(String));
  });

  it('refuses logins to one account after 8 attempts, from whichever addresses they come', async () => {
    const email = await newUser();
    for (let attempt = 1; attempt <= 8; attempt += 1) expect((await login(newClient(), email, PASSWORD)).errors).toBeUndefined();
    expect(errorOf(await login(newClient(), email, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('limits anonymous calls per address, not logged-in ones', async () => {
    const client = newClient();
    for (let call = 1; call <= 30; call += 1) expect((await post(client, '{ programmes { id } }')).errors).toBeUndefined();
    const refused = errorOf(await post(client, '{ programmes { id } }'));
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', extensions: { retryAfter: expect.any(Number) } });
    expect((await post(client, '{ programmes { id } }', {}, adminToken)).errors).toBeUndefined();
    expect((await post(newClient(), '{ programmes { id } }')).errors).toBeUndefined();
  });

  it('logout revokes every token of the user, on every device', async () => {
    const email = await newUser();
    const phone = (await login(newClient(), email, PASSWORD)).data!.login.token as string;
    const laptop = (await login(newClient(), email, PASSWORD)).data!.login.token as string;
    expect((await post(newClient(), 'mutation { logout }', {}, phone)).data).toEqual({ logout: true });
    for (const token of [phone, laptop]) {
      const error = errorOf(await post(newClient(), 'mutation { logout }', {}, token));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/expired or was revoked/);
      expect((await post(newClient(), '{ me { id } }', {}, token)).data).toEqual({ me: null });
    }
    expect((await login(newClient(), email, PASSWORD)).data?.login.token).toEqual(expect.any(String));
  });

  it('changePassword checks the current password, revokes older tokens and returns a fresh one', async () => {
    const email = await newUser();
    const old = (await login(newClient(), email, PASSWORD)).data!.login.token as string;
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { email } } }';
    expect(errorOf(await post(newClient(), CHANGE, { c: 'not-the-password', n: 'a-brand-new-password' }, old))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'currentPassword' },
    });
    expect(errorOf(await post(newClient(), CHANGE, { c: PASSWORD, n: 'short' }, old))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'newPassword' },
    });
    expect(errorOf(await post(newClient(), CHANGE, { c: PASSWORD, n: PASSWORD }, old))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'newPassword' },
    });
    expect(errorOf(await login(newClient(), email, 'a-brand-new-password')).code).toBe('UNAUTHENTICATED');

    const changed = await post(newClient(), CHANGE, { c: PASSWORD, n: 'a-brand-new-password' }, old);
    expect(changed.data?.changePassword.user).toEqual({ email });
    expect((await post(newClient(), '{ me { email } }', {}, changed.data!.changePassword.token)).data).toEqual({ me: { email } });
    expect(errorOf(await post(newClient(), 'mutation { logout }', {}, old)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await login(newClient(), email, PASSWORD)).code).toBe('UNAUTHENTICATED');
    expect((await login(newClient(), email, 'a-brand-new-password')).errors).toBeUndefined();
  });

  it('answers cross-origin requests only from the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight('https://oefenkansen.kortrijk.be');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://oefenkansen.kortrijk.be');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
