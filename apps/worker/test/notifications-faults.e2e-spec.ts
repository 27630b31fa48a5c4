import { Client } from 'pg';
import { Redis } from 'ioredis';
import { BuiltProcess, buildForTest, createTestDatabase, flushTestRedis, freePort, startBuilt, startSmsGateway, startSmtpCapture, TestDatabase, testRedisUrl } from '@app/testing';

const BATCH = 500;
/** The worker's notification concurrency: at most this many sends can be in flight when it is killed. */
const IN_FLIGHT = 10;

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Invariant 4 under faults, with the worker as a real process: a kill -9 in the middle of a batch
 * and a FLUSHALL while messages are pending lose nothing, and a message is sent twice only if it
 * was in flight at the moment of the kill (the documented at-least-once window).
 */
describe('notifications survive a killed worker and a flushed Redis', () => {
  let database: TestDatabase;
  let build: string;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let env: Record<string, string>;
  let db: Client;
  const workers: BuiltProcess[] = [];

  beforeAll(async () => {
    build = buildForTest('notifications-faults');
    database = await createTestDatabase();
    await flushTestRedis();
    smtp = await startSmtpCapture();
    const sms = await startSmsGateway();
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
    };
    db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(`INSERT INTO organisation (name, kind) VALUES ('Wijkcentrum', 'NEIGHBOURHOOD_CENTRE')`);
    await db.query(`INSERT INTO venue (organisation_id, name, address) SELECT id, 'Zaal', 'Leiestraat 1, 8500 Kortrijk' FROM organisation`);
    await db.query(`INSERT INTO programme (name, kind, default_capacity) VALUES ('Praattafel', 'TABLE', 1000)`);
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await db?.end();
    await smtp?.stop();
    await database?.drop();
  });

  /** BATCH confirmed participants of a session two days ahead, each with a reminder due now. */
  async function dueReminders(round: string): Promise<string[]> {
    const [session] = (
      await db.query(
        `INSERT INTO session (programme_id, venue_id, title, starts_at, ends_at, capacity)
         SELECT p.id, v.id, $1, now() + interval '2 days', now() + interval '2 days 1 hour', 1000 FROM programme p, venue v RETURNING id, starts_at`,
        [`Praattafel ${round}`],
      )
    ).rows;
    const { rows } = await db.query(
      `WITH people AS (
         INSERT INTO participant (first_name, email, preferred_language, contact_channel, consent_to_contact)
         SELECT 'Ouder ' || g, $2 || '-' || g || '@example.org', 'nl', 'EMAIL', true FROM generate_series(1, $3::int) g RETURNING id
       ), seats AS (
         INSERT INTO registration (session_id, participant_id, status) SELECT $1, id, 'CONFIRMED' FROM people RETURNING id, participant_id
       )
       INSERT INTO notification (kind, channel, participant_id, language, registration_id, session_id, offset_minutes, payload, due_at, dedupe_key)
       SELECT 'SESSION_REMINDER', 'EMAIL', participant_id, 'nl', id, $1, 1440, jsonb_build_object('startsAt', to_char($4::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              now() - interval '1 minute', 'SESSION_REMINDER|' || id || '|1440' FROM seats
       RETURNING dedupe_key`,
      [session.id, round, BATCH, session.starts_at],
    );
    return rows.map((row: { dedupe_key: string }) => row.dedupe_key);
  }

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
    const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM notification WHERE dedupe_key = ANY($1) GROUP BY status`, [keys]);
    expect(rows).toEqual([{ status: 'SENT', n: keys.length }]);
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

  it(`FLUSHALL while ${BATCH} reminders are pending: the running worker re-enqueues and sends every one`, async () => {
    const keys = await dueReminders('flush');
    const worker = await startWorker();
    await waitFor(() => (received(keys).length >= 50 ? true : undefined), 'the first 50 reminders');
    const redis = new Redis(testRedisUrl());
    await redis.flushall();
    redis.disconnect();
    expect(new Set(received(keys).map((m) => m.dedupeKey)).size).toBeLessThan(BATCH);
    await expectEachOnce(keys, IN_FLIGHT);
    worker.child.kill('SIGTERM');
    await worker.exited;
  });
});
