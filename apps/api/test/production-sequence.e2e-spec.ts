import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  BuiltProcess,
  cleanCheckout,
  createTestDatabase,
  flushTestRedis,
  freePort,
  startNpmScript,
  TEST_ADMIN,
  TestDatabase,
  testRedisUrl,
} from '@app/testing';

const ROOT = join(__dirname, '..', '..', '..');

async function waitForHealth(port: number, started: BuiltProcess): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/health`);
    } catch {
      if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`no /health on ${port}:\n${started.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const stop = (started: BuiltProcess | undefined) => {
  // npm runs the app as its child: signal the whole process group.
  if (started?.child.pid && started.child.exitCode === null) {
    try {
      process.kill(-started.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};

/**
 * "Running in production" in README.md, step by step as written there, from a fresh copy of the
 * checkout: the web app built by `npm run build` must survive the rebuild `migration:run` does.
 */
describe('the README production sequence', () => {
  let checkout: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let api: BuiltProcess | undefined;
  let worker: BuiltProcess | undefined;

  beforeAll(async () => {
    checkout = cleanCheckout();
    database = await createTestDatabase();
    // Its built API counts logins from 127.0.0.1 in this Jest worker's Redis database: start clean.
    await flushTestRedis();
    // The template is migrated already: start from an empty database, as a first install does.
    execFileSync(
      process.execPath,
      [
        '-e',
        `const {Client}=require('pg');const c=new Client(process.argv[1]);c.connect().then(()=>c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')).then(()=>c.end())`,
        database.url,
      ],
      { cwd: ROOT },
    );
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
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
  }, 60_000);

  afterAll(async () => {
    stop(api);
    stop(worker);
    await database?.drop();
    if (checkout) rmSync(checkout, { recursive: true, force: true });
  });

  it('npm run build, npm run migration:run, npm run start:api and start:worker: the web app, its scripts and /health', async () => {
    const npm = (script: string) =>
      execFileSync('npm', ['run', script], {
        cwd: checkout,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    npm('build');
    expect(npm('migration:run')).toMatch(/applied Initial\d+/);

    const [apiPort, workerPort] = [await freePort(), await freePort()];
    api = startNpmScript(checkout, 'start:api', { ...env, PORT: String(apiPort) });
    worker = startNpmScript(checkout, 'start:worker', { ...env, WORKER_PORT: String(workerPort) });
    const apiHealth = await waitForHealth(apiPort, api);
    expect(apiHealth.status).toBe(200);
    expect(await apiHealth.json()).toMatchObject({ status: 'ok' });
    const workerHealth = await waitForHealth(workerPort, worker);
    expect(workerHealth.status).toBe(200);
    expect(await workerHealth.json()).toMatchObject({ status: 'ok' });

    const page = await fetch(`http://127.0.0.1:${apiPort}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /<script[^>]*\bsrc="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`http://127.0.0.1:${apiPort}${script}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(1000);
  }, 300_000);
});
