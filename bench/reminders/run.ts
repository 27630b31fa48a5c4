/**
 * `npm run bench:reminders`: what the notification platform costs on top of BullMQ itself, for the
 * burst it exists for: every reminder of an evening's sessions falling due in the same minute.
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, and on that one database and
 * that one Redis measures, one after the other,
 *   (a) the platform: 10,000 SESSION_REMINDER text messages seeded as PENDING outbox rows (500
 *       sessions of 20 confirmed participants) all due at one instant a few seconds ahead, sent by
 *       the real worker (WorkerModule in this process: its startup dispatch moves them into BullMQ
 *       as delayed jobs, one per row; NotificationDelivery locks and re-checks each row, reads its
 *       subject, ensures its personal link, checks the STOP list and records the attempt, renders,
 *       sends and marks it SENT — the jobs running together sharing the claim transaction and the
 *       mark statement, docs/architecture.md "Delivery in batches"), and
 *   (b) plain BullMQ: a Queue and a Worker with the same concurrency and job options, 10,000 delayed
 *       jobs due at one instant, each rendering the same reminder from memory (its personal link
 *       derived as the worker derives it) and sending it through the same SmsChannel, with no
 *       database at all: what a hand-written sender without an outbox, re-check or attempt log does.
 * The report gives the SQL statements per message the worker sent (BEGIN and COMMIT included).
 * Both send to one local SMS gateway (@app/testing), which stamps each message's arrival; lateness
 * is arrival minus the due instant, throughput is messages over the span from the due instant to
 * the last arrival. The run fails (exit 1) unless each of the platform's 10,000 reminders reached
 * the gateway exactly once, counted by reference (the row's dedupe key).
 *
 * SMS, not e-mail: the SMTP capture server parses every message in this process and takes about
 * 8 ms of CPU for each, so it alone would cap both sides near 80 messages/s (over two minutes per
 * side) and the comparison would measure mailparser. The HTTP gateway is cheap enough that the
 * sides themselves set the pace.
 */
import 'reflect-metadata';
import { Job, Queue, Worker } from 'bullmq';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { MESSAGE_TIME_ZONE, nextSmsWindow, renderMessage, SmsChannel, DeliveryOutcome, NotificationStatus } from '@app/messaging';
import { DEFAULT_JOB_OPTIONS, JobName, JobProducer, QUEUE_PREFIX, redisConnectionOptions } from '@app/queues';
import { PersonalLinks, RegistrationMessageKind } from '@app/registrations';
import { CapturedSms, startSmsGateway } from '@app/testing';
import { TEXT_MESSAGES_IN_FLIGHT } from '../../apps/worker/src/notifications.processor';
import { percentile } from '../shared/load';
import { MACHINE } from '../shared/report';
import { migrate, runAndExit, withBenchServices } from '../shared/services';
import { StatementCounter } from '../shared/statements';

const DATABASE = 'oefenkansen_bench_reminders';
const SESSIONS = 500;
const PER_SESSION = 20;
const MESSAGES = SESSIONS * PER_SESSION;
/** The worker's text-message concurrency (TextMessagesProcessor); the plain worker gets the same. */
const CONCURRENCY = TEXT_MESSAGES_IN_FLIGHT;
/**
 * The platform's due instant lies this far after seeding starts: enough for seeding, the worker's
 * start and its startup dispatch, so that (as in production, where rows enter BullMQ up to ten
 * minutes ahead) every job already waits in Redis when the minute comes. The run prints the margin.
 */
const PLATFORM_LEAD_MS = 10_000;
/** Only 10,000 addBulk entries stand between the plain side's choice of instant and the instant. */
const PLAIN_LEAD_MS = 5_000;
/** Beyond this after the due instant a side has failed, not just been slow. */
const GIVE_UP_MS = 120_000;
const PLAIN_QUEUE = 'reminders-plain';
const PLAIN_KEY_PREFIX = 'plain|';

interface Subject {
  registration_id: string;
  first_name: string;
  phone: string;
  session_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
}

interface Arrivals {
  /** First arrival (ms since epoch) per reference. */
  byKey: Map<string, number>;
  /**
   * Requests the gateway took beyond the first per reference. It answers a repeated reference
   * without keeping the message (as real gateways do), so only its request count shows them.
   */
  duplicates: number;
  /** One message as received, for comparing the two sides' content. */
  sample: CapturedSms | null;
}

interface PhaseResult {
  /** How long before the due instant every job was in Redis (negative: the instant came first). */
  queuedMarginMs: number;
  received: number;
  duplicates: number;
  missing: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** From the due instant to the last arrival. */
  seconds: number;
  /** SQL statements the side sent per message (BEGIN and COMMIT included); the plain side sends none. */
  statementsPerMessage: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(probe: () => boolean | Promise<boolean>, deadline: number): Promise<boolean> {
  while (!(await probe())) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Whole seconds, so the due instant reads as one on a clock, as a scheduled minute would. */
function instantAfter(ms: number): number {
  return Math.ceil((Date.now() + ms) / 1000) * 1000;
}

function summarise(arrivals: Arrivals, expectedKeys: Iterable<string>, dueAt: number, queuedMarginMs: number, statements: number): PhaseResult {
  let missing = 0;
  const lateness: number[] = [];
  let last = dueAt;
  for (const key of expectedKeys) {
    const at = arrivals.byKey.get(key);
    if (at === undefined) {
      missing++;
      continue;
    }
    lateness.push(at - dueAt);
    last = Math.max(last, at);
  }
  lateness.sort((a, b) => a - b);
  const seconds = (last - dueAt) / 1000;
  // NaN rather than a crash when nothing arrived: the report still shows what went missing.
  const at = (p: number) => (lateness.length ? percentile(lateness, p) : NaN);
  return {
    queuedMarginMs,
    received: lateness.length,
    duplicates: arrivals.duplicates,
    missing,
    perSecond: lateness.length / seconds,
    p50: at(50),
    p99: at(99),
    max: at(100),
    seconds,
    statementsPerMessage: lateness.length ? statements / lateness.length : NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

/**
 * Straight in SQL, as the fault tests seed: going through the API would take longer than the
 * measurement and add nothing to it. Reminders are due 24 h before their session starts, so all
 * sessions start at the same time, as an evening's praattafels do.
 */
async function seed(pool: Pool, dueAt: number): Promise<string[]> {
  const startsAt = new Date(dueAt + 24 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  const [organisation] = (await pool.query(`INSERT INTO organisation (name, kind) VALUES ('Wijkcentrum Bench', 'NEIGHBOURHOOD_CENTRE') RETURNING id`)).rows;
  const [venue] = (
    await pool.query(`INSERT INTO venue (organisation_id, name, address) VALUES ($1, 'Ontmoetingsruimte', 'Leiestraat 1, 8500 Kortrijk') RETURNING id`, [
      organisation.id,
    ])
  ).rows;
  const [programme] = (await pool.query(`INSERT INTO programme (name, kind, default_capacity) VALUES ('Praattafel', 'TABLE', $1) RETURNING id`, [PER_SESSION]))
    .rows;
  await pool.query(
    `INSERT INTO session (programme_id, venue_id, title, starts_at, ends_at, capacity)
     SELECT $1, $2, 'Praattafel ' || g, $3, $4, $5 FROM generate_series(1, $6::int) g`,
    [programme.id, venue.id, startsAt, endsAt, PER_SESSION, SESSIONS],
  );
  // Belgian mobile numbers in form, one per participant; they never leave the local gateway.
  await pool.query(
    `INSERT INTO participant (first_name, phone, preferred_language, contact_channel, consent_to_contact, registered_by_organisation_id)
     SELECT 'Deelnemer ' || g, '+3247' || lpad(g::text, 7, '0'), 'nl', 'SMS', true, $1 FROM generate_series(1, $2::int) g`,
    [organisation.id, MESSAGES],
  );
  await pool.query(
    `INSERT INTO registration (session_id, participant_id, status)
     SELECT s.id, p.id, 'CONFIRMED'
       FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / $1 AS n FROM participant) p
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM session) s ON s.n = p.n`,
    [PER_SESSION],
  );
  const { rows } = await pool.query<{ dedupe_key: string }>(
    `INSERT INTO notification (kind, channel, participant_id, language, registration_id, session_id, offset_minutes, payload, due_at, dedupe_key)
     SELECT 'SESSION_REMINDER', 'SMS', r.participant_id, 'nl', r.id, r.session_id, 1440,
            jsonb_build_object('startsAt', to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            $1, 'SESSION_REMINDER|' || r.id || '|1440'
       FROM registration r JOIN session s ON s.id = r.session_id
     RETURNING dedupe_key`,
    [new Date(dueAt)],
  );
  // Fresh statistics, as a database that has held these tables for a while would have.
  await pool.query('ANALYZE');
  return rows.map((row) => row.dedupe_key);
}

async function readSubjects(pool: Pool): Promise<Subject[]> {
  const { rows } = await pool.query<Subject>(
    `SELECT r.id AS registration_id, p.first_name, p.phone, s.id AS session_id, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address
       FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id JOIN venue v ON v.id = s.venue_id
      ORDER BY r.id`,
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// (b) plain BullMQ
// ---------------------------------------------------------------------------------------------

/**
 * What NotificationDelivery sends for a reminder by SMS, from memory instead of the database: the
 * same variables, with the personal link derived as the worker derives it (an HMAC of the
 * registration id; the platform also keeps its hash in registration_link, the plain side keeps nothing).
 */
function sendReminder(sms: SmsChannel, links: PersonalLinks, contactPhone: string | null, subject: Subject, reference: string): Promise<string> {
  const message = renderMessage(RegistrationMessageKind.SESSION_REMINDER, 'nl', {
    firstName: subject.first_name,
    sessionTitle: subject.title,
    startsAt: subject.starts_at,
    endsAt: subject.ends_at,
    venueName: subject.venue_name,
    venueAddress: subject.venue_address,
    waitlistPosition: null,
    reason: null,
    contactPhone,
    link: links.urlFor(subject.registration_id),
  });
  return sms.send({ to: subject.phone, text: message.sms, reference });
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function report(platform: PhaseResult, plain: PhaseResult, skewMs: number): void {
  const widths = [10, 14, 14, 14, 10, 12, 10, 12];
  const line = (name: string, cells: string[]) => `  ${name.padEnd(30)}${cells.map((cell, i) => cell.padStart(widths[i])).join('')}`;
  const row = (name: string, r: PhaseResult) =>
    line(name, [
      r.perSecond.toFixed(1),
      r.p50.toFixed(0),
      r.p99.toFixed(0),
      r.max.toFixed(0),
      String(r.received),
      String(r.duplicates),
      String(r.missing),
      r.statementsPerMessage.toFixed(2),
    ]);
  const queued = (name: string, r: PhaseResult) =>
    `${name}: all ${MESSAGES} jobs in Redis ${(Math.abs(r.queuedMarginMs) / 1000).toFixed(1)} s ${r.queuedMarginMs >= 0 ? 'before' : 'AFTER'} the due instant; last message ${r.seconds.toFixed(2)} s after it`;
  const shifted = skewMs
    ? `\nRun during the quiet hours (no SMS 21:00-08:00 Brussels): the worker's clock ran ${(skewMs / 3_600_000).toFixed(2)} h ahead, at midday, and the
reminders were seeded in that time; lateness is measured on the real clock.`
    : '';
  console.log(`
Reminder benchmark: ${MESSAGES} SESSION_REMINDER messages (${SESSIONS} sessions x ${PER_SESSION} confirmed participants) due at one
instant, sent as SMS (one JSON POST per message, as SmsChannel does) to a local HTTP SMS gateway; SMS rather than
e-mail because the local SMTP capture server alone caps at about 80 messages/s. BullMQ concurrency ${CONCURRENCY} on
both sides, one redis-server, one PostgreSQL; worker, gateway and plain side share this one Node process
(${MACHINE}).
Lateness = arrival at the gateway - due instant; throughput = messages / (last arrival - due instant).${shifted}

${line('', ['msgs/s', 'p50 late ms', 'p99 late ms', 'max late ms', 'received', 'duplicates', 'missing', 'SQL/msg'])}
${row('platform (outbox + worker)', platform)}
${row('plain BullMQ (no database)', plain)}

${queued('platform', platform)}
${queued('plain   ', plain)}

platform/plain throughput   = ${(platform.perSecond / plain.perSecond).toFixed(2)}  (the platform sends ${((100 * platform.perSecond) / plain.perSecond).toFixed(0)}% of the messages/s of plain BullMQ)
platform/plain p99 lateness = ${(platform.p99 / plain.p99).toFixed(2)}
`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** The system clock moved by a fixed amount. */
class ShiftedClock extends Clock {
  constructor(private readonly skewMs: number) {
    super();
  }
  now(): Date {
    return new Date(Date.now() + this.skewMs);
  }
}

/**
 * The platform holds SMS until 08:00 Brussels time (nextSmsWindow), so in the quiet hours it would
 * defer every reminder and there would be nothing to measure. Then the worker's clock runs ahead to
 * the next midday, and the reminders are seeded in that shifted time: every comparison it makes
 * (due or not, session started or not, quiet or not) comes out as it would at noon, and the delays
 * it hands BullMQ are the same.
 */
function quietHoursSkew(): number {
  const now = Date.now();
  // Five minutes covers the whole run.
  if (nextSmsWindow(new Date(now)) === null && nextSmsWindow(new Date(now + 5 * 60_000)) === null) return 0;
  const local = DateTime.fromMillis(now, { zone: MESSAGE_TIME_ZONE });
  const noon = (local.hour >= 12 ? local.plus({ days: 1 }) : local).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
  return noon.toMillis() - now;
}

/** Whether each platform reminder reached the gateway exactly once. */
function main(): Promise<boolean> {
  return withBenchServices(DATABASE, async ({ config, startWorker, openPool }) => {
    console.log('Migrating …');
    await migrate(config);
    const pool = openPool(2);

    let arrivals: Arrivals = { byKey: new Map(), duplicates: 0, sample: null };
    // Called once per reference: the gateway drops repeats before this.
    const gateway = await startSmsGateway(0, (sms) => {
      arrivals.byKey.set(sms.reference, Date.now());
      arrivals.sample ??= sms;
    });
    try {
      // ----- (a) the platform -----
      const skewMs = quietHoursSkew();
      const platformDue = instantAfter(PLATFORM_LEAD_MS);
      console.log(`Seeding ${MESSAGES} reminders due at ${new Date(platformDue).toISOString()} …`);
      const platformKeys = await seed(pool, platformDue + skewMs);
      const platformArrivals = arrivals;
      // The worker's configuration requires an SMTP route; nothing is sent there, every reminder is an SMS.
      const worker = await startWorker({ SMTP_URL: 'smtp://127.0.0.1:9', SMS_GATEWAY_URL: gateway.url }, skewMs ? new ShiftedClock(skewMs) : undefined);
      const queue = worker.app.get(JobProducer).queueFor(JobName.DELIVER_TEXT_MESSAGE);
      // Every statement the worker's DataSource sends from here on, the startup dispatch included.
      const statements = new StatementCounter();
      worker.app.get(DataSource).setOptions({ logger: statements });
      // A pure function of the registration id and PERSONAL_LINK_SECRET: the plain side uses it after the worker closed.
      const links = worker.app.get(PersonalLinks);
      console.log('Worker started; waiting for its startup dispatch, the due instant and every reminder …');
      const queued = await waitFor(async () => {
        const counts = await queue.getJobCounts('delayed', 'wait', 'prioritized', 'active', 'completed', 'failed');
        return Object.values(counts).reduce((sum, n) => sum + n, 0) >= MESSAGES || Date.now() >= platformDue;
      }, platformDue + GIVE_UP_MS);
      const platformQueuedAt = Date.now();
      if (!queued) throw new Error('the worker did not dispatch the reminders into BullMQ');
      const deadline = platformDue + GIVE_UP_MS;
      await waitFor(() => platformArrivals.byKey.size >= MESSAGES, deadline);
      // A late duplicate could only come from a job still running; once every row is SENT, none is.
      await waitFor(
        async () => (await pool.query(`SELECT count(*)::int AS n FROM notification WHERE status <> $1`, [NotificationStatus.SENT])).rows[0].n === 0,
        deadline,
      );
      await worker.close();
      platformArrivals.duplicates = gateway.requests - platformArrivals.byKey.size;
      const platform = summarise(platformArrivals, platformKeys, platformDue, platformDue - platformQueuedAt, statements.count);
      const attempts = (
        await pool.query<{ total: number; failed: number }>(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE outcome = $1)::int AS failed FROM delivery_attempt`,
          [DeliveryOutcome.FAILED],
        )
      ).rows[0];
      console.log(`Platform: ${platform.received} of ${MESSAGES} received, ${attempts.total} delivery attempts (${attempts.failed} failed).`);

      // ----- (b) plain BullMQ -----
      const subjects = await readSubjects(pool);
      const byRegistration = new Map(subjects.map((subject) => [subject.registration_id, subject]));
      const plainKeys = subjects.map((subject) => PLAIN_KEY_PREFIX + subject.registration_id);
      const plainArrivals: Arrivals = { byKey: new Map(), duplicates: 0, sample: null };
      arrivals = plainArrivals;
      const requestsBefore = gateway.requests;
      const sms = new SmsChannel(worker.config);
      const connection = redisConnectionOptions(config.redisUrl);
      const plainQueue = new Queue(PLAIN_QUEUE, { connection, prefix: QUEUE_PREFIX });
      const plainWorker = new Worker(
        PLAIN_QUEUE,
        (job: Job<{ registrationId: string }>) =>
          sendReminder(sms, links, worker.config.contactPhone, byRegistration.get(job.data.registrationId)!, PLAIN_KEY_PREFIX + job.data.registrationId),
        // As NotificationsProcessor: the lock settings decide how often BullMQ talks to Redis.
        { connection, prefix: QUEUE_PREFIX, concurrency: CONCURRENCY, lockDuration: 15_000, stalledInterval: 5_000 },
      );
      try {
        await plainWorker.waitUntilReady();
        const plainDue = instantAfter(PLAIN_LEAD_MS);
        console.log(`Adding ${MESSAGES} plain BullMQ jobs due at ${new Date(plainDue).toISOString()} …`);
        // In batches of the dispatcher's size, so both sides put jobs into Redis alike.
        for (let i = 0; i < subjects.length; i += 1000) {
          const delay = Math.max(0, plainDue - Date.now());
          await plainQueue.addBulk(
            subjects
              .slice(i, i + 1000)
              .map((subject) => ({ name: 'send-reminder', data: { registrationId: subject.registration_id }, opts: { ...DEFAULT_JOB_OPTIONS, delay } })),
          );
        }
        const plainQueuedAt = Date.now();
        const plainDeadline = plainDue + GIVE_UP_MS;
        await waitFor(() => plainArrivals.byKey.size >= MESSAGES, plainDeadline);
        await waitFor(async () => {
          const counts = await plainQueue.getJobCounts('delayed', 'wait', 'active');
          return counts.delayed + counts.wait + counts.active === 0;
        }, plainDeadline);
        plainArrivals.duplicates = gateway.requests - requestsBefore - plainArrivals.byKey.size;
        const plain = summarise(plainArrivals, plainKeys, plainDue, plainDue - plainQueuedAt, 0);

        requireSameMessage(platformArrivals.sample, plainArrivals.sample);
        report(platform, plain, skewMs);
        const exactlyOnce = platform.missing === 0 && platform.duplicates === 0;
        if (!exactlyOnce)
          console.error(`Not every platform reminder reached the gateway exactly once: ${platform.missing} missing, ${platform.duplicates} duplicates.`);
        return exactlyOnce;
      } finally {
        await plainWorker.close();
        await plainQueue.close();
      }
    } finally {
      await gateway.stop();
    }
  });
}

/**
 * The two sides must send the same message: otherwise the plain side is not doing the platform's
 * work and the ratio means nothing. Participants, numbers and sessions differ by digits only, links by their token.
 */
function requireSameMessage(platform: CapturedSms | null, plain: CapturedSms | null): void {
  if (!platform || !plain) throw new Error('a side sent no message at all');
  // The personal link's token is an HMAC of the registration id: letters too, so it goes first.
  const shape = (sms: CapturedSms) => sms.text.replace(/\/r\/[\w-]+/g, '/r/<token>').replace(/\d+/g, '#');
  if (shape(platform) !== shape(plain)) throw new Error(`the plain side sends a different message than the platform:\n${platform.text}\n---\n${plain.text}`);
}

runAndExit(async () => ((await main()) ? 0 : 1));
