import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { Clock, FixedClock } from '@app/common';
import { MetricsRegistry } from '@app/health';
import { JobName, JobProducer } from '@app/queues';
import { CapturedMail, lintPrometheusText, startSmsGateway, startSmtpCapture, waitFor as waitForValue } from '@app/testing';
import { WorkerModule } from '../../worker/src/worker.module';
import { runJobToCompletion } from '../../worker/test/message-rig';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { casesOf, MatrixRow, operation, Operation, Who } from './scope-matrix';
import { dataOf, errorOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';

/**
 * The outbox for coordinators (`notifications`, `resendNotification`), Bull Board at
 * /admin/queues and Prometheus metrics at /metrics.
 */

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const A: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';

// prettier-ignore
const MATRIX = {
  //                                   anon admin coord host otherHost school otherSchool organiser volunteer
  'notifications(filter)':             [U,   A,    A,    F,   F,        F,     F,          F,        F],
  'resendNotification':                [U,   A,    A,    F,   F,        F,     F,          F,        F],
} satisfies Record<string, MatrixRow<Outcome>>;

type OperationName = keyof typeof MATRIX;

const NOW = new Date('2026-08-15T10:00:00Z');
const STARTS_AT = '2026-09-08T19:00:00+02:00';
const FAILURE = '550 5.1.1 mailbox unavailable';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id } } }`;
const NOTIFICATIONS = `query($f: NotificationFilter, $n: Int) {
  notifications(filter: $f, first: $n) {
    id kind channel language status dueAt sentAt attempts lastError dedupeKey createdAt
    participant { id firstName email } session { id title }
    attemptsLog { attempt outcome startedAt finishedAt error providerId }
  }
}`;
const RESEND = `mutation($id: ID!) { resendNotification(id: $id) { id status attempts dueAt lastError attemptsLog { attempt outcome error } } }`;

const TABLES = ['notification', 'delivery_attempt'];

interface Registered {
  sessionId: string;
  registrationId: string;
  participantId: string;
  email: string;
}

describe('notifications: coordinators', () => {
  let api: TestApi;
  let world: World;

  const tokenOf = (who: Who): string | null => (who === 'anonymous' ? null : world.tokens[who]);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.admin).then(dataOf);
  const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => api.dataSource.query<T[]>(query, params);

  let days = 0;
  /** A session of its own (a day of its own, so filters by session see only its rows), and one participant registered by e-mail. */
  const registerByEmail = async (tag: string, firstName = 'Claire'): Promise<Registered> => {
    days += 1;
    const start = new Date(new Date(STARTS_AT).getTime() + days * 24 * 3600_000);
    const sessionId = (
      await asAdmin(CREATE_SESSION, {
        i: sessionInput(world, {
          title: `Tafel ${tag}`,
          venueId: world.schoolVenueId,
          hostIds: [world.userIds.host],
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
        }),
      })
    ).createSession.id as string;
    const email = `${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.org`;
    const registered = (
      await asAdmin(REGISTER, {
        i: {
          sessionId,
          participant: { firstName, lastName: `Bericht ${tag}`, email, preferredLanguage: 'fr', contactChannel: 'EMAIL', consentToContact: true },
        },
      })
    ).registerParticipant;
    expect(registered.status).toBe('CONFIRMED');
    return { sessionId, registrationId: registered.id, participantId: registered.participant.id, email };
  };

  const rowsOf = (registrationId: string) =>
    sql<{ id: string; kind: string; status: string; attempts: number; due_at: Date }>(
      `SELECT id, kind, status, attempts, due_at FROM notification WHERE registration_id = $1 ORDER BY due_at DESC, id DESC`,
      [registrationId],
    );
  const confirmationOf = async (registrationId: string) => (await rowsOf(registrationId)).find((row) => row.kind === 'REGISTRATION_CONFIRMED')!;
  const attemptNumbers = async (notificationId: string) =>
    (await sql<{ attempt: number }>(`SELECT attempt FROM delivery_attempt WHERE notification_id = $1 ORDER BY started_at`, [notificationId])).map(
      (row) => row.attempt,
    );

  /** As the worker leaves a message after its last attempt: FAILED, with an attempt row per try. */
  const fail = async (notificationId: string, attempts = 5, from = 1): Promise<void> => {
    for (let attempt = from; attempt < from + attempts; attempt += 1) {
      const startedAt = new Date(
        NOW.getTime() - 3600_000 + (await sql(`SELECT 1 FROM delivery_attempt WHERE notification_id = $1`, [notificationId])).length * 60_000,
      );
      await sql(`INSERT INTO delivery_attempt (notification_id, attempt, outcome, started_at, finished_at, error) VALUES ($1, $2, 'FAILED', $3, $3, $4)`, [
        notificationId,
        attempt,
        startedAt,
        `${FAILURE} (${attempt})`,
      ]);
    }
    await sql(`UPDATE notification SET status = 'FAILED', attempts = $2, last_error = $3 WHERE id = $1`, [notificationId, from + attempts - 1, FAILURE]);
  };

  const snapshot = () => tableSnapshot(api.dataSource, TABLES);

  const OPERATIONS: Record<OperationName, Operation<unknown>> = {
    'notifications(filter)': operation<Registered & { failedId: string }>({
      arrange: async ({ tag }) => {
        const registered = await registerByEmail(`Lijst ${tag}`);
        const failedId = (await confirmationOf(registered.registrationId)).id;
        await fail(failedId, 2);
        return { ...registered, failedId };
      },
      act: ({ registrationId }, token) => api.gql(NOTIFICATIONS, { f: { registrationId } }, token),
      effect: async ({ registrationId, participantId, sessionId, email, failedId }, data) => {
        const rows = await rowsOf(registrationId);
        expect(rows.map((row) => row.kind).sort()).toEqual(['REGISTRATION_CONFIRMED', 'SESSION_REMINDER', 'SESSION_REMINDER']);
        expect(data.notifications.map((n: { id: string }) => n.id)).toEqual(rows.map((row) => row.id));
        for (const notification of data.notifications) {
          expect(notification).toMatchObject({
            channel: 'EMAIL',
            language: 'fr',
            participant: { id: participantId, firstName: 'Claire', email },
            session: { id: sessionId },
          });
          expect(new Date(notification.dueAt).getTime()).toBe(rows.find((row) => row.id === notification.id)!.due_at.getTime());
        }
        const failed = data.notifications.find((n: { id: string }) => n.id === failedId);
        expect(failed).toMatchObject({
          kind: 'REGISTRATION_CONFIRMED',
          status: 'FAILED',
          attempts: 2,
          lastError: FAILURE,
          sentAt: null,
          dedupeKey: `REGISTRATION_CONFIRMED|${registrationId}|0`,
        });
        expect(failed.attemptsLog).toEqual(
          [1, 2].map((attempt) => ({
            attempt,
            outcome: 'FAILED',
            startedAt: expect.any(String),
            finishedAt: expect.any(String),
            error: `${FAILURE} (${attempt})`,
            providerId: null,
          })),
        );
        for (const pending of data.notifications.filter((n: { id: string }) => n.id !== failedId)) {
          expect(pending).toMatchObject({ kind: 'SESSION_REMINDER', status: 'PENDING', attempts: 0, attemptsLog: [] });
        }
      },
      unchanged: async ({ email }, result) => {
        expect(JSON.stringify(result)).not.toContain(email);
      },
    }),

    resendNotification: operation<Registered & { failedId: string }>({
      arrange: async ({ tag }) => {
        const registered = await registerByEmail(`Opnieuw ${tag}`);
        const failedId = (await confirmationOf(registered.registrationId)).id;
        await fail(failedId);
        return { ...registered, failedId };
      },
      act: ({ failedId }, token) => api.gql(RESEND, { id: failedId }, token),
      effect: async ({ failedId }, data) => {
        expect(data.resendNotification).toMatchObject({ id: failedId, status: 'PENDING', attempts: 0, lastError: FAILURE });
        expect(new Date(data.resendNotification.dueAt).getTime()).toBe(NOW.getTime());
        // The history stays, renumbered below the new round: 0 is the latest earlier attempt.
        expect(data.resendNotification.attemptsLog).toEqual(
          [-4, -3, -2, -1, 0].map((attempt) => ({ attempt, outcome: 'FAILED', error: `${FAILURE} (${attempt + 5})` })),
        );
        const [row] = await sql(`SELECT status, attempts, due_at FROM notification WHERE id = $1`, [failedId]);
        expect(row).toEqual({ status: 'PENDING', attempts: 0, due_at: NOW });
      },
      unchanged: async ({ failedId }) => {
        expect(await sql(`SELECT status, attempts FROM notification WHERE id = $1`, [failedId])).toEqual([{ status: 'FAILED', attempts: 5 }]);
        expect(await attemptNumbers(failedId)).toEqual([1, 2, 3, 4, 5]);
      },
    }),
  };

  beforeAll(async () => {
    api = await startTestApi({ now: NOW });
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  describe('role scope', () => {
    it('has an operation for every row of the matrix and a row for every operation', () => {
      expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
    });

    describe.each(Object.keys(MATRIX) as OperationName[])('%s', (name) => {
      test.each(casesOf<Outcome>(MATRIX, name))('$who → $expected', async ({ expected, ...c }) => {
        const op = OPERATIONS[name];
        const state = await op.arrange(c);
        const before = expected === 'allowed' ? null : await snapshot();
        const result = await op.act(state, tokenOf(c.who));
        expect(result.status).toBeLessThan(500);
        if (expected === 'allowed') {
          await op.effect(state, dataOf(result), c);
          return;
        }
        expect(errorOf(result).code).toBe(expected);
        expect(result.data).toBeNull();
        await op.unchanged(state, result, c);
        expect(await snapshot()).toEqual(before);
      });
    });
  });

  describe('notifications(filter)', () => {
    const ids = (result: GraphQLResult) => dataOf(result).notifications.map((n: { id: string }) => n.id);
    const query = (filter: Record<string, unknown> | null, first?: number) =>
      api.gql(`query($f: NotificationFilter, $n: Int) { notifications(filter: $f, first: $n) { id } }`, { f: filter, n: first }, world.tokens.coordinator);

    it('filters by session, participant, registration, status and kind, newest due first', async () => {
      const one = await registerByEmail('Filter een');
      const two = await registerByEmail('Filter twee');
      const rows = await rowsOf(one.registrationId);
      expect(rows).toHaveLength(3);
      expect(ids(await query({ sessionId: one.sessionId }))).toEqual(rows.map((row) => row.id));
      expect(ids(await query({ participantId: one.participantId }))).toEqual(rows.map((row) => row.id));
      expect(ids(await query({ registrationId: one.registrationId }))).toEqual(rows.map((row) => row.id));
      const reminders = rows.filter((row) => row.kind === 'SESSION_REMINDER');
      expect(ids(await query({ registrationId: one.registrationId, kind: 'SESSION_REMINDER' }))).toEqual(reminders.map((row) => row.id));
      expect(reminders[0].due_at.getTime()).toBeGreaterThan(reminders[1].due_at.getTime());

      const failed = await confirmationOf(two.registrationId);
      await fail(failed.id);
      expect(ids(await query({ status: 'FAILED', sessionId: two.sessionId }))).toEqual([failed.id]);
      expect(ids(await query({ status: 'FAILED' }))).toContain(failed.id);
      expect(ids(await query({ status: 'PENDING', sessionId: two.sessionId }))).toHaveLength(2);
      expect(ids(await query({ sessionId: one.sessionId, kind: 'WAITLISTED' }))).toEqual([]);
    });

    it('returns at most `first` rows (1-200, default 50)', async () => {
      const one = await registerByEmail('Eerste twee');
      expect(ids(await query({ sessionId: one.sessionId }, 2))).toEqual((await rowsOf(one.registrationId)).slice(0, 2).map((row) => row.id));
      for (const first of [0, 201, -1]) {
        const error = errorOf(await query({ sessionId: one.sessionId }, first));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.field).toBe('first');
      }
    });

    it('without a subject or status keeps to the last 30 days (or since), and filters by kind, channel and language', async () => {
      const one = await registerByEmail('Periode een');
      const rows = await rowsOf(one.registrationId);
      const confirmation = rows.find((row) => row.kind === 'REGISTRATION_CONFIRMED')!;
      const reminders = rows.filter((row) => row.kind === 'SESSION_REMINDER').map((row) => row.id);
      for (const filter of [null, {}, { kind: 'SESSION_REMINDER' }]) expect(ids(await query(filter, 200))).toEqual(expect.arrayContaining(reminders));
      expect(ids(await query({ kind: 'REGISTRATION_CONFIRMED', channel: 'EMAIL', language: 'fr' }, 200))).toContain(confirmation.id);
      expect(ids(await query({ kind: 'REGISTRATION_CONFIRMED', channel: 'SMS' }, 200))).not.toContain(confirmation.id);
      expect(ids(await query({ kind: 'REGISTRATION_CONFIRMED', language: 'ar' }, 200))).not.toContain(confirmation.id);

      const old = new Date(NOW.getTime() - 40 * 24 * 3600_000);
      await sql(`UPDATE notification SET due_at = $2 WHERE id = $1`, [confirmation.id, old]);
      expect(ids(await query({ kind: 'REGISTRATION_CONFIRMED' }, 200))).not.toContain(confirmation.id);
      expect(ids(await query({ kind: 'REGISTRATION_CONFIRMED', since: new Date(old.getTime() - 60_000).toISOString() }, 200))).toContain(confirmation.id);
      expect(ids(await query({ registrationId: one.registrationId }))).toContain(confirmation.id);
      expect(errorOf(await query({ since: 'not a time' })).code).toBe('BAD_USER_INPUT');
    });

    it('refuses an id that is not a UUID with BAD_USER_INPUT', async () => {
      expect(errorOf(await query({ sessionId: 'not-an-id' })).code).toBe('BAD_USER_INPUT');
    });

    it('loads the attempts of a page in one statement, each with its own notification', async () => {
      const one = await registerByEmail('Pogingen een');
      const two = await registerByEmail('Pogingen twee');
      const a = (await confirmationOf(one.registrationId)).id;
      const b = (await confirmationOf(two.registrationId)).id;
      await fail(a, 1);
      await fail(b, 3);
      const statements: string[] = [];
      const original = Client.prototype.query as (...args: unknown[]) => unknown;
      const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
        const first = args[0] as string | { text?: string };
        statements.push(typeof first === 'string' ? first : (first?.text ?? '?'));
        return original.apply(this, args) as never;
      });
      let result: GraphQLResult;
      try {
        result = await api.gql(
          `{ notifications(filter: { status: FAILED }, first: 200) { id attemptsLog { attempt } participant { id } session { id } } }`,
          {},
          world.tokens.admin,
        );
      } finally {
        spy.mockRestore();
      }
      const data = dataOf(result);
      expect(data.notifications.length).toBeGreaterThanOrEqual(2);
      expect(statements.filter((statement) => /FROM "delivery_attempt"/.test(statement))).toHaveLength(1);
      expect(statements.filter((statement) => /FROM "participant"/.test(statement))).toHaveLength(1);
      expect(statements.filter((statement) => /FROM "session"/.test(statement))).toHaveLength(1);
      const byId = new Map(data.notifications.map((n: { id: string; attemptsLog: { attempt: number }[] }) => [n.id, n.attemptsLog.map((x) => x.attempt)]));
      expect(byId.get(a)).toEqual([1]);
      expect(byId.get(b)).toEqual([1, 2, 3]);
    });
  });

  describe('resendNotification', () => {
    const resend = (id: string, token = world.tokens.coordinator) => api.gql(RESEND, { id }, token);

    it.each(['PENDING', 'SENT', 'CANCELLED'])('refuses a %s message with BAD_USER_INPUT and changes nothing', async (status) => {
      const registered = await registerByEmail(`Niet ${status}`);
      const row = await confirmationOf(registered.registrationId);
      await sql(`UPDATE notification SET status = $2 WHERE id = $1`, [row.id, status]);
      const before = await snapshot();
      const result = await resend(row.id);
      const error = errorOf(result);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(status);
      expect(result.data).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const id = randomUUID();
      expect(errorOf(await resend(id))).toMatchObject({ code: 'NOT_FOUND', extensions: expect.objectContaining({ entity: 'Notification', id }) });
      expect(errorOf(await resend('42')).code).toBe('BAD_USER_INPUT');
    });

    it('can resend the same message again after it failed again, keeping every attempt in order', async () => {
      const registered = await registerByEmail('Twee keer');
      const id = (await confirmationOf(registered.registrationId)).id;
      await fail(id, 5);
      dataOf(await resend(id));
      await fail(id, 2, 1);
      const again = dataOf(await resend(id)).resendNotification;
      expect(again).toMatchObject({ status: 'PENDING', attempts: 0 });
      expect(again.attemptsLog.map((a: { attempt: number }) => a.attempt)).toEqual([-6, -5, -4, -3, -2, -1, 0]);
      expect(await attemptNumbers(id)).toEqual([-6, -5, -4, -3, -2, -1, 0]);
    });
  });

  describe('Bull Board at /admin/queues', () => {
    const board = (path = '', headers: Record<string, string> = {}) => fetch(`${api.baseUrl}/admin/queues${path}`, { headers, redirect: 'manual' });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('answers 401 without a token and with a bad one', async () => {
      expect((await board()).status).toBe(401);
      expect((await board('/api/queues')).status).toBe(401);
      expect((await board('', bearer('not-a-real-token-at-all'))).status).toBe(401);
      expect((await board('?token=not-a-real-token-at-all')).status).toBe(401);
    });

    it.each(['coordinator', 'host', 'volunteer'] as const)('answers 403 to a %s', async (who) => {
      expect((await board('', bearer(world.tokens[who]))).status).toBe(403);
      expect((await board(`?token=${world.tokens[who]}`)).status).toBe(403);
      expect((await board('/api/queues', { cookie: `token=${world.tokens[who]}` })).status).toBe(403);
    });

    it('shows every queue to the admin (bearer header, or ?token= once and then the cookie)', async () => {
      const page = await board('/', bearer(world.tokens.admin));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('Oefenkansen');

      const queues = await board('/api/queues', bearer(world.tokens.admin));
      expect(queues.status).toBe(200);
      const body = (await queues.json()) as { queues: { name: string }[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual(['housekeeping', 'notifications', 'text-messages']);

      // The address the 401 names: sent on to the board's own folder with the same query, the cookie set.
      const viaQuery = await board(`?token=${world.tokens.admin}`);
      expect(viaQuery.status).toBe(302);
      expect(viaQuery.headers.get('location')).toBe(`/admin/queues/?token=${world.tokens.admin}`);
      expect((await board(`/?token=${world.tokens.admin}`)).status).toBe(200);
      const cookie = viaQuery.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^token=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
      expect((await board('/api/queues', { cookie: cookie.split(';')[0] })).status).toBe(200);
    });
  });

  describe('GET /metrics', () => {
    it('serves Prometheus text with process metrics and the depth of every queue, and no delivery series (the worker’s)', async () => {
      // One delayed message job, as the dispatcher adds for a row due later.
      await api.app
        .get(JobProducer)
        .enqueue(JobName.DELIVER_NOTIFICATION, { notificationId: randomUUID() }, { jobId: `metrics-probe-${Date.now()}`, delay: 3600_000 });
      const response = await fetch(`${api.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toMatch(/^oefenkansen_process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^oefenkansen_nodejs_eventloop_lag_seconds /m);
      expect(text).toContain('# TYPE oefenkansen_queue_jobs gauge');
      for (const queue of ['housekeeping', 'notifications', 'text-messages']) {
        for (const state of ['waiting', 'delayed', 'active', 'failed'])
          expect(text).toMatch(new RegExp(`^oefenkansen_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
      expect(text).toMatch(/^oefenkansen_queue_jobs\{queue="notifications",state="delayed"\} [1-9]\d*$/m);
      // Counted where messages are delivered: on the API they would stay 0 forever.
      expect(text).not.toMatch(/oefenkansen_notifications_(sent|failed)_total|oefenkansen_reminder_lateness_seconds/);
    });

    it('passes the checks of promtool check metrics', async () => {
      const text = await (await fetch(`${api.baseUrl}/metrics`)).text();
      expect(lintPrometheusText(text)).toEqual([]);
    });

    it('is not served under /graphql', async () => {
      const response = await fetch(`${api.baseUrl}/graphql/metrics`);
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('oefenkansen_');
    });
  });

  /** Last: the worker sends every due row of this file's database. */
  describe('with a worker', () => {
    let worker: INestApplication;
    let workerUrl: string;
    let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
    let sms: Awaited<ReturnType<typeof startSmsGateway>>;
    const workerClock = new FixedClock(NOW);
    /** Failed before the worker starts, so no dispatcher run sends it first. */
    let failedBeforeStart: Registered & { id: string };

    beforeAll(async () => {
      const registered = await registerByEmail('Bezorgd', 'Fatima');
      failedBeforeStart = { ...registered, id: (await confirmationOf(registered.registrationId)).id };
      await fail(failedBeforeStart.id);
      smtp = await startSmtpCapture();
      sms = await startSmsGateway();
      const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...api.config, smtpUrl: smtp.url, smsGatewayUrl: sms.url })] })
        .overrideProvider(Clock)
        .useValue(workerClock)
        .compile();
      worker = moduleRef.createNestApplication({ logger: false });
      await worker.listen(0, '127.0.0.1');
      workerUrl = (await worker.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(async () => {
      await worker?.close();
      await smtp?.stop();
      await sms?.stop();
      api.clock.set(NOW);
    });

    const dispatch = () => runJobToCompletion(worker, JobName.DISPATCH_NOTIFICATIONS);
    const waitFor = <T>(probe: () => Promise<T | undefined> | T | undefined, what: string) => waitForValue(probe, what, 20_000, 50);
    const statusOf = async (id: string) => (await sql<{ status: string }>(`SELECT status FROM notification WHERE id = $1`, [id]))[0].status;
    const metricValue = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

    it('delivers a resent FAILED message, keeps its history, and counts it on the worker’s /metrics', async () => {
      const { id, ...registered } = failedBeforeStart;
      const sentBefore = metricValue(await worker.get(MetricsRegistry).scrape(), 'oefenkansen_notifications_sent_total{channel="EMAIL"}');

      await dispatch();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.mails.filter((m: CapturedMail) => m.to.includes(registered.email))).toEqual([]);
      expect(await statusOf(id)).toBe('FAILED');

      dataOf(await api.gql(RESEND, { id }, world.tokens.coordinator));
      await dispatch();
      const [mail] = await waitFor(() => {
        const mails = smtp.mails.filter((m: CapturedMail) => m.to.includes(registered.email));
        return mails.length ? mails : undefined;
      }, 'the resent confirmation');
      expect(mail.dedupeKey).toBe(`REGISTRATION_CONFIRMED|${registered.registrationId}|0`);
      await waitFor(async () => ((await statusOf(id)) === 'SENT' ? true : undefined), 'the row to be SENT');

      const [notification] = dataOf(
        await api.gql(NOTIFICATIONS, { f: { registrationId: registered.registrationId, kind: 'REGISTRATION_CONFIRMED' } }, world.tokens.admin),
      ).notifications;
      expect(notification).toMatchObject({ status: 'SENT', attempts: 1, lastError: null, participant: { firstName: 'Fatima' } });
      expect(notification.attemptsLog.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome])).toEqual([
        [-4, 'FAILED'],
        [-3, 'FAILED'],
        [-2, 'FAILED'],
        [-1, 'FAILED'],
        [0, 'FAILED'],
        [1, 'SUCCEEDED'],
      ]);
      expect(notification.attemptsLog[5].providerId).toEqual(expect.any(String));

      const text = await (await fetch(`${workerUrl}/metrics`)).text();
      expect(metricValue(text, 'oefenkansen_notifications_sent_total{channel="EMAIL"}')).toBeGreaterThanOrEqual(sentBefore + 1);
    });

    it('serves delivery counters on the worker’s /metrics, without the queue depth (the API’s), passing the checks of promtool', async () => {
      const text = await (await fetch(`${workerUrl}/metrics`)).text();
      expect(text).toMatch(/^oefenkansen_notifications_failed_total\{channel="SMS"\} \d+$/m);
      expect(text).toContain('# TYPE oefenkansen_reminder_lateness_seconds histogram');
      expect(text).toMatch(/^oefenkansen_nodejs_eventloop_lag_seconds /m);
      // One process reports the depth, so sum() over the scraped targets counts each job once.
      expect(text).not.toContain('oefenkansen_queue_jobs');
      expect(lintPrometheusText(text)).toEqual([]);
    });

    it('observes the lateness of a reminder (sentAt - dueAt)', async () => {
      const registered = await registerByEmail('Herinnerd', 'Bilal');
      // The first reminder (24 hours before); every earlier session of this file has started by then.
      const [reminder] = (await rowsOf(registered.registrationId))
        .filter((row) => row.kind === 'SESSION_REMINDER')
        .sort((a, b) => a.due_at.getTime() - b.due_at.getTime());
      const before = await worker.get(MetricsRegistry).scrape();
      const countBefore = metricValue(before, 'oefenkansen_reminder_lateness_seconds_count');
      const sumBefore = metricValue(before, 'oefenkansen_reminder_lateness_seconds_sum');
      // Ten minutes after it fell due, nothing else of this session is due yet.
      const later = new Date(reminder.due_at.getTime() + 600_000);
      workerClock.set(later);
      api.clock.set(later);
      try {
        await dispatch();
        await waitFor(async () => ((await statusOf(reminder.id)) === 'SENT' ? true : undefined), 'the reminder to be SENT');
        const after = await worker.get(MetricsRegistry).scrape();
        expect(metricValue(after, 'oefenkansen_reminder_lateness_seconds_count')).toBe(countBefore + 1);
        expect(metricValue(after, 'oefenkansen_reminder_lateness_seconds_sum')).toBeCloseTo(sumBefore + 600, 3);
      } finally {
        workerClock.set(NOW);
        api.clock.set(NOW);
      }
    });
  });
});
