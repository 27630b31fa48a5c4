import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  BuiltProcess,
  buildForTest,
  createTestDatabase,
  flushTestRedis,
  freePort,
  startBuilt,
  startSmsGateway,
  startSmtpCapture,
  TestDatabase,
  testRedisUrl,
  waitFor as waitForValue,
} from '@app/testing';
import { MAILS_IN_FLIGHT, TEXT_MESSAGES_IN_FLIGHT } from '../src/notifications.processor';
import { seedDueReminders, seedDueTextMessages, seedVenueAndProgramme } from './due-reminders';

const BATCH = 500;
/** The worker's mail concurrency: at most this many mails can be in flight when it is killed. */
const IN_FLIGHT = MAILS_IN_FLIGHT;

const waitFor = <T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 90_000) => waitForValue(probe, what, timeoutMs);

/**
 * Invariant 4 (docs/architecture.md#invariant-4) under faults, with the worker as a real process: a kill -9 in the middle of a batch
 * and a FLUSHDB of its Redis database while messages are pending lose nothing, and a message is sent twice only if it
 * was in flight at the moment of the kill (the documented at-least-once window).
 */
describe('notifications survive a killed worker and a flushed Redis', () => {
  let database: TestDatabase;
  let build: string;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let env: Record<string, string>;
  let db: Client;
  const workers: BuiltProcess[] = [];

  beforeAll(async () => {
    build = buildForTest('notifications-faults');
    database = await createTestDatabase();
    await flushTestRedis();
    smtp = await startSmtpCapture();
    sms = await startSmsGateway();
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      PERSONAL_LINK_SECRET: 'a-link-secret-of-at-least-thirty-two-characters',
      // A production worker refuses the default sender at .invalid (libs/config).
      MAIL_FROM: 'Oefenkansen Tests <oefenkansen@test.oefenkansen.be>',
    };
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seedVenueAndProgramme(db);
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await db?.end();
    await smtp?.stop();
    await sms?.stop();
    await database?.drop();
  });

  const dueReminders = (round: string) => seedDueReminders(db, round, BATCH);

  async function startWorker(): Promise<BuiltProcess> {
    const worker = startBuilt(build, 'apps/worker/src/main.js', { ...env, WORKER_PORT: String(await freePort()) });
    workers.push(worker);
    return worker;
  }

  const received = (keys: string[]) => {
    const wanted = new Set(keys);
    return smtp.mails.filter((mail) => wanted.has(mail.dedupeKey));
  };

  async function expectEachOnce(keys: string[], allowedDuplicates: number): Promise<void> {
    await waitFor(() => (new Set(received(keys).map((m) => m.dedupeKey)).size === keys.length ? true : undefined), `all ${keys.length} reminders`);
    // A message can arrive a moment before its row is marked (or, if it was in flight at the kill, before the retry marks it).
    await waitFor(async () => {
      const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM notification WHERE dedupe_key = ANY($1) GROUP BY status`, [keys]);
      return rows.length === 1 && rows[0].status === 'SENT' && rows[0].n === keys.length ? true : undefined;
    }, 'every row marked SENT');
    const duplicates = received(keys).length - keys.length;
    expect(duplicates).toBeLessThanOrEqual(allowedDuplicates);
  }

  for (const round of ['kill-1', 'kill-2']) {
    it(`${round}: kill -9 of the worker in the middle of ${BATCH} due reminders, then a new worker: every reminder arrives`, async () => {
      const keys = await dueReminders(round);
      const first = await startWorker();
      await waitFor(() => (received(keys).length >= 100 ? true : undefined), 'the first 100 reminders');
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const atKill = new Set(received(keys).map((m) => m.dedupeKey)).size;
      expect(atKill).toBeLessThan(BATCH);
      const second = await startWorker();
      await expectEachOnce(keys, IN_FLIGHT);
      second.child.kill('SIGTERM');
      await second.exited;
    });
  }

  it(`kill -9 of the worker in the middle of ${BATCH} due text messages (${TEXT_MESSAGES_IN_FLIGHT} in flight): every one reaches the gateway once, the resends it drops are at most those in flight`, async () => {
    const keys = await seedDueTextMessages(db, 'sms-kill', BATCH);
    const wanted = new Set(keys);
    const kept = () => new Set(sms.messages.filter((message) => wanted.has(message.reference)).map((message) => message.reference));
    const requestsBefore = sms.requests;
    const first = await startWorker();
    await waitFor(() => (kept().size >= 100 ? true : undefined), 'the first 100 text messages');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(kept().size).toBeLessThan(BATCH);
    const second = await startWorker();
    await waitFor(() => (kept().size === BATCH ? true : undefined), `all ${BATCH} text messages`);
    await waitFor(async () => {
      const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM notification WHERE dedupe_key = ANY($1) GROUP BY status`, [keys]);
      return rows.length === 1 && rows[0].status === 'SENT' && rows[0].n === BATCH ? true : undefined;
    }, 'every row marked SENT');
    // Each person got one text: the gateway keeps a reference once, and only messages in flight at the kill were sent again.
    expect(sms.messages.filter((message) => wanted.has(message.reference))).toHaveLength(BATCH);
    expect(sms.requests - requestsBefore - BATCH).toBeLessThanOrEqual(TEXT_MESSAGES_IN_FLIGHT);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it(`SIGTERM to the worker in the middle of ${BATCH} due reminders: it finishes its running sends and exits 0; a new worker sends the rest, none twice`, async () => {
    const keys = await dueReminders('sigterm');
    const first = await startWorker();
    await waitFor(() => (received(keys).length >= 100 ? true : undefined), 'the first 100 reminders');
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    const atExit = received(keys);
    expect(new Set(atExit.map((m) => m.dedupeKey)).size).toBe(atExit.length);
    expect(atExit.length).toBeLessThan(BATCH);
    // Graceful: every message it sent is marked, so nothing was left in flight for a retry to repeat.
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = ANY($1) AND status = 'SENT'`, [keys]);
    expect(rows[0].n).toBe(atExit.length);
    const second = await startWorker();
    await expectEachOnce(keys, 0);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  for (const round of ['flush-1', 'flush-2']) {
    it(`${round}: FLUSHDB (every key of the queues) while ${BATCH} reminders are pending: the running worker re-enqueues and sends every one`, async () => {
      const keys = await dueReminders(round);
      const worker = await startWorker();
      await waitFor(() => (received(keys).length >= 50 ? true : undefined), 'the first 50 reminders');
      const redis = new Redis(testRedisUrl());
      await redis.flushdb();
      redis.disconnect();
      expect(new Set(received(keys).map((m) => m.dedupeKey)).size).toBeLessThan(BATCH);
      await expectEachOnce(keys, IN_FLIGHT);
      worker.child.kill('SIGTERM');
      await worker.exited;
    });
  }
});
