import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Clock, FixedClock, NotificationChannel } from '@app/common';
import { deliveryJobId, deliveryJobName, NotificationDispatcher } from '@app/messaging';
import { JobName, JobProducer } from '@app/queues';
import { CapturedMail, startSmsGateway, startSmtpCapture, waitFor } from '@app/testing';
import { startTestApi, TestApi } from '../../api/test/test-api';
import { WorkerModule } from '../src/worker.module';

/**
 * The API and the worker on one database, each with a clock the test sets, sending through a real
 * SMTP capture and SMS gateway: what a message test needs to act, let time pass and read the mail.
 */
export interface MessageRig {
  api: TestApi;
  worker: INestApplication;
  workerClock: FixedClock;
  smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  sms: Awaited<ReturnType<typeof startSmsGateway>>;
  setNow(iso: string): void;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The delivery job queued for an outbox row at its due time, on its channel's queue. */
  deliveryJob(row: { id: string; due_at: Date; channel: NotificationChannel }): ReturnType<Queue['getJob']>;
  run(name: RigJob): Promise<void>;
  sweep(): Promise<void>;
  deliverDue(): Promise<void>;
  withDeliveriesHeld(act: () => Promise<void>): Promise<void>;
  mailsKeyed(key: string): CapturedMail[];
  close(): Promise<void>;
}

/** The jobs a test runs itself, and the alert sweeps `sweep()` runs one after another. */
export type RigJob =
  | JobName.DISPATCH_NOTIFICATIONS
  | JobName.SWEEP_ALERTS
  | JobName.SWEEP_FESTIVAL_DEADLINES
  | JobName.SWEEP_UNDERSTAFFED_SHIFTS
  | JobName.SWEEP_TRAJECTORY_FOLLOW_UPS;
const SWEEPS = [JobName.SWEEP_ALERTS, JobName.SWEEP_FESTIVAL_DEADLINES, JobName.SWEEP_UNDERSTAFFED_SHIFTS] as const;

/** Runs a scheduling job in the worker and waits until it is done; a job that vanished (a flushed Redis) is enqueued again. */
export async function runJobToCompletion(worker: INestApplication, name: RigJob): Promise<void> {
  const producer = worker.get(JobProducer);
  let id = await producer.enqueue(name, { requestedBy: 'manual' });
  await waitFor(async () => {
    const state = await producer.queueFor(name).getJobState(id!);
    if (state === 'completed') return true;
    if (state === 'unknown') id = await producer.enqueue(name, { requestedBy: 'manual' });
    return undefined;
  }, `the ${name} job`);
}

/** `env` adds configuration for the API and the worker both (e.g. CONTACT_PHONE). */
export async function startMessageRig(now: string, env?: Record<string, string>): Promise<MessageRig> {
  const smtp = await startSmtpCapture();
  const sms = await startSmsGateway();
  const api = await startTestApi({ now: new Date(now), env });
  const workerClock = new FixedClock(api.clock.now());
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...api.config, smtpUrl: smtp.url, smsGatewayUrl: sms.url })] })
    .overrideProvider(Clock)
    .useValue(workerClock)
    .compile();
  const worker = moduleRef.createNestApplication({ logger: false });
  await worker.init();

  const query = <T>(sql: string, params: unknown[] = []) => api.dataSource.query(sql, params) as Promise<T[]>;
  const deliveryQueues = () => [JobName.DELIVER_NOTIFICATION, JobName.DELIVER_TEXT_MESSAGE].map((name) => worker.get(JobProducer).queueFor(name));
  const run = (name: RigJob) => runJobToCompletion(worker, name);
  return {
    api,
    worker,
    workerClock,
    smtp,
    sms,
    setNow(iso) {
      api.clock.set(new Date(iso));
      workerClock.set(new Date(iso));
    },
    query,
    deliveryJob: (row) => worker.get(JobProducer).queueFor(deliveryJobName(row.channel)).getJob(deliveryJobId(row.id, row.due_at)),
    run,
    /** Every time-driven alert: the sessions' sweep and the festival's and shifts' own. */
    async sweep() {
      for (const name of SWEEPS) await run(name);
    },
    /** Dispatches, and waits until every row due by the worker's clock is sent or cancelled. */
    async deliverDue() {
      await run(JobName.DISPATCH_NOTIFICATIONS);
      let dispatchedAt = Date.now();
      await waitFor(async () => {
        const [{ pending }] = await query<{ pending: number }>(`SELECT count(*)::int AS pending FROM notification WHERE status = 'PENDING' AND due_at <= $1`, [
          workerClock.now(),
        ]);
        if (pending === 0) return true;
        // Jobs lost with a flushed Redis come back as the 20-second dispatcher would bring them back, only sooner.
        if (Date.now() - dispatchedAt > 2000) {
          await worker.get(NotificationDispatcher).dispatchDue();
          dispatchedAt = Date.now();
        }
        return undefined;
      }, 'every due message to be sent or cancelled');
    },
    /** Holds deliveries while `act` runs: jobs may be queued, none is sent. What `act` changes is what the worker finds when it sends. */
    async withDeliveriesHeld(act) {
      await Promise.all(deliveryQueues().map((queue) => queue.pause()));
      try {
        await act();
      } finally {
        await Promise.all(deliveryQueues().map((queue) => queue.resume()));
      }
    },
    mailsKeyed: (key) => smtp.mails.filter((m: CapturedMail) => m.dedupeKey === key),
    async close() {
      await worker.close();
      await api.close();
      await smtp.stop();
      await sms.stop();
    },
  };
}
