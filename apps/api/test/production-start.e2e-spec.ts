import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  BuiltProcess,
  buildForTest,
  createTestDatabase,
  flushTestRedis,
  freePort,
  startBuilt as startBuiltIn,
  TEST_ADMIN,
  TestDatabase,
  testRedisUrl,
  waitFor,
} from '@app/testing';

const ROOT = join(__dirname, '..', '..', '..');

let BUILD = '';
const startBuilt = (script: string, env: Record<string, string>) => startBuiltIn(BUILD, script, env);

async function waitForHealth(port: number, started: BuiltProcess, host = '127.0.0.1'): Promise<Response> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await fetch(`http://${host}:${port}/health`);
    } catch {
      if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`no /health on ${port}:\n${started.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The built entry points, as `npm run build` + `npm run migration:run` + `npm run start:*` run them in production. */
describe('the production entry points', () => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    BUILD = buildForTest('production-start');
    database = await createTestDatabase();
    // As startTestApi does: login counters for 127.0.0.1 left in this Jest worker's Redis database
    // by earlier files could otherwise refuse the admin's login below (TOO_MANY_REQUESTS).
    await flushTestRedis();
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters-for-tests',
      PERSONAL_LINK_SECRET: 'a-link-secret-of-at-least-thirty-two-characters',
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      SMTP_URL: 'smtp://127.0.0.1:9',
      SMS_GATEWAY_URL: 'http://127.0.0.1:9/messages',
      // A production worker refuses the default sender at .invalid (libs/config).
      MAIL_FROM: 'Oefenkansen Tests <oefenkansen@test.oefenkansen.be>',
    };
  });
  afterAll(() => database.drop());

  it('refuses to start with a missing or wrong variable, naming each one', async () => {
    const { JWT_SECRET: _omitted, ...withoutSecret } = env;
    const api = startBuilt('apps/api/src/main.js', { ...withoutSecret, PORT: '99999', DATABASE_URL: 'mysql://db/x' });
    expect((await api.exited).code).toBe(1);
    expect(api.output()).toContain('JWT_SECRET is required but not set');
    expect(api.output()).toContain('PORT must be a port number 1-65535 (got "99999")');
    expect(api.output()).toContain('DATABASE_URL must start with postgres:// or postgresql://');
    const badHost = startBuilt('apps/api/src/main.js', { ...env, HOST: 'every interface' });
    expect((await badHost.exited).code).toBe(1);
    expect(badHost.output()).toContain('HOST must be an IP address or a hostname');
    const worker = startBuilt('apps/worker/src/main.js', { ...env, REDIS_URL: '' });
    expect((await worker.exited).code).toBe(1);
    expect(worker.output()).toContain('REDIS_URL is required but not set');
    const invalidSender = startBuilt('apps/worker/src/main.js', { ...env, MAIL_FROM: '' });
    expect((await invalidSender.exited).code).toBe(1);
    expect(invalidSender.output()).toContain('MAIL_FROM must be a real sender address in production, not one at .invalid');
  });

  it('migrates a database, then finds it up to date', async () => {
    const fresh = await createTestDatabase();
    try {
      // The template is already migrated: drop the schema to start from an empty database.
      const run = (args: string[]) =>
        execFileSync(process.execPath, [join(BUILD, 'scripts', 'migrate.js'), ...args], { env: { ...env, DATABASE_URL: fresh.url }, encoding: 'utf8' });
      execFileSync(
        process.execPath,
        [
          '-e',
          `const {Client}=require('pg');const c=new Client(process.argv[1]);c.connect().then(()=>c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')).then(()=>c.end())`,
          fresh.url,
        ],
        { cwd: ROOT },
      );
      expect(run(['run'])).toMatch(/^applied Initial\d+/);
      expect(run(['run'])).toContain('database is up to date');
    } finally {
      await fresh.drop();
    }
  });

  /** Whether anything answers HTTP on that address and port. */
  const answers = (host: string, port: number) =>
    fetch(`http://${host}:${port}/health`).then(
      () => true,
      () => false,
    );

  it('listens on loopback by default, and on the address HOST and WORKER_HOST name', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    // 127.0.0.2 is loopback too, but not 127.0.0.1: only a process bound to it (or to 0.0.0.0) answers there.
    const api = startBuilt('apps/api/src/main.js', { ...env, PORT: String(apiPort) });
    const worker = startBuilt('apps/worker/src/main.js', { ...env, WORKER_PORT: String(workerPort) });
    try {
      expect((await waitForHealth(apiPort, api)).status).toBe(200);
      expect((await waitForHealth(workerPort, worker)).status).toBe(200);
      expect(await answers('127.0.0.2', apiPort)).toBe(false);
      expect(await answers('127.0.0.2', workerPort)).toBe(false);
    } finally {
      api.child.kill('SIGKILL');
      worker.child.kill('SIGKILL');
      await Promise.all([api.exited, worker.exited]);
    }
    const [otherApiPort, otherWorkerPort] = [await freePort(), await freePort()];
    const boundApi = startBuilt('apps/api/src/main.js', { ...env, PORT: String(otherApiPort), HOST: '127.0.0.2' });
    const boundWorker = startBuilt('apps/worker/src/main.js', { ...env, WORKER_PORT: String(otherWorkerPort), WORKER_HOST: '127.0.0.2' });
    try {
      expect((await waitForHealth(otherApiPort, boundApi, '127.0.0.2')).status).toBe(200);
      expect((await waitForHealth(otherWorkerPort, boundWorker, '127.0.0.2')).status).toBe(200);
      expect(await answers('127.0.0.1', otherApiPort)).toBe(false);
      expect(await answers('127.0.0.1', otherWorkerPort)).toBe(false);
    } finally {
      boundApi.child.kill('SIGKILL');
      boundWorker.child.kill('SIGKILL');
      await Promise.all([boundApi.exited, boundWorker.exited]);
    }
  });

  it('runs API and worker, logs JSON, and stops cleanly on SIGTERM', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const api = startBuilt('apps/api/src/main.js', { ...env, PORT: String(apiPort) });
    const worker = startBuilt('apps/worker/src/main.js', { ...env, WORKER_PORT: String(workerPort) });
    try {
      expect((await waitForHealth(apiPort, api)).status).toBe(200);
      expect((await waitForHealth(workerPort, worker)).status).toBe(200);

      const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'prod-check-1' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { roles } } }',
          variables: { e: TEST_ADMIN.email, p: TEST_ADMIN.password },
        }),
      });
      expect(await response.json()).toEqual({ data: { login: { user: { roles: ['ADMIN'] } } } });
      // Production hides the schema from strangers.
      const introspection = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      expect(JSON.stringify(await introspection.json())).toMatch(/introspection/i);
      // Nor GraphiQL: a browser's GET /graphql gets no page, and its files are not served.
      const graphiql = await fetch(`http://127.0.0.1:${apiPort}/graphql`, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).not.toContain('graphiql');
      expect((await fetch(`http://127.0.0.1:${apiPort}/graphiql/`)).status).toBe(404);

      // The request's log line is written when the answer has gone out, maybe just after we read it.
      const requestLog = await waitFor(
        () =>
          api
            .output()
            .split('\n')
            .filter((line) => line.startsWith('{') && line.endsWith('}'))
            .map((line) => JSON.parse(line) as { clientRequestId?: string; req?: { id?: string }; service?: string })
            .find((entry) => entry.clientRequestId === 'prod-check-1'),
        'the log line of the request',
        10_000,
      );
      expect(requestLog?.service).toBe('oefenkansen-api');
      // The request id is ours, the client's is kept apart.
      expect(requestLog?.req?.id).toBe(response.headers.get('x-request-id'));

      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      // Both close the app (HTTP server, BullMQ worker, pools), then exit 0: a clean stop, not a kill.
      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(api.output()).toContain('stopped gracefully after SIGTERM');
      expect(worker.output()).toContain('stopped gracefully after SIGTERM');
      expect(api.output()).not.toMatch(/"level":(50|60)/);
      expect(worker.output()).not.toMatch(/"level":(50|60)/);
    } finally {
      api.child.kill('SIGKILL');
      worker.child.kill('SIGKILL');
    }
  });
});
