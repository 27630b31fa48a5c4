import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { NotificationChannel } from '@app/common';

/** Every metric name starts with this, default process metrics included. */
export const METRICS_PREFIX = 'oefenkansen_';

/** The BullMQ queues whose depth /metrics reports (every QueueName; see metrics.module.ts). */
export const METRICS_QUEUES = Symbol('METRICS_QUEUES');

/** Which application the registry belongs to: each series is exported by the one that measures it. */
export const METRICS_PROCESS = Symbol('METRICS_PROCESS');
export type MetricsProcess = 'api' | 'worker';

/**
 * prom-client's default gauges that promtool rejects (a gauge must not end in `_total`); each is
 * the sum over `type` of the labelled gauge without the suffix, which stays.
 */
const DROPPED_DEFAULT_METRICS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/** The job states reported per queue, read on each scrape. */
export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/** A scrape never hangs on an unreachable Redis (BullMQ connections retry forever). */
const QUEUE_COUNT_TIMEOUT_MS = 2000;

/** Where a reminder's delay lands: seconds to half a day. */
const LATENESS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 3 * 3600, 12 * 3600];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The process's Prometheus registry, one per application (not prom-client's global one, so an API
 * and a worker in one test process keep their own). GET /metrics serves it.
 */
@Injectable()
export class MetricsRegistry {
  private readonly logger = new Logger(MetricsRegistry.name);
  readonly registry = new Registry();

  /** Delivery series: registered on the worker only, where messages are sent (undefined on the API). */
  private readonly sent?: Counter<'channel'>;
  private readonly failed?: Counter<'channel'>;
  private readonly reminderLateness?: Histogram;

  constructor(@Inject(METRICS_PROCESS) app: MetricsProcess, @Inject(METRICS_QUEUES) queues: Queue[]) {
    collectDefaultMetrics({ register: this.registry, prefix: METRICS_PREFIX });
    for (const name of DROPPED_DEFAULT_METRICS) this.registry.removeSingleMetric(`${METRICS_PREFIX}${name}`);
    if (app === 'worker') {
      this.sent = new Counter({
        name: `${METRICS_PREFIX}notifications_sent_total`,
        help: 'Messages delivered (the outbox row marked SENT), per channel',
        labelNames: ['channel'] as const,
        registers: [this.registry],
      });
      this.failed = new Counter({
        name: `${METRICS_PREFIX}notifications_failed_total`,
        help: 'Messages given up after their last attempt (the outbox row marked FAILED), per channel',
        labelNames: ['channel'] as const,
        registers: [this.registry],
      });
      this.reminderLateness = new Histogram({
        name: `${METRICS_PREFIX}reminder_lateness_seconds`,
        help: 'sentAt - dueAt of session reminders, in seconds (SMS deferred to the morning included)',
        buckets: LATENESS_BUCKETS,
        registers: [this.registry],
      });
      for (const channel of Object.values(NotificationChannel)) {
        this.sent.inc({ channel }, 0);
        this.failed.inc({ channel }, 0);
      }
    } else {
      // The depth is Redis's, the same seen from any process: exported once (README, Operations),
      // by the API, so it keeps showing jobs piling up while the worker is down.
      this.registerQueueDepth(queues);
    }
  }

  private registerQueueDepth(queues: Queue[]): void {
    const logger = this.logger;
    new Gauge({
      name: `${METRICS_PREFIX}queue_jobs`,
      help: 'BullMQ jobs per queue and state, read from Redis on each scrape',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            try {
              const counts = await withTimeout(queue.getJobCounts(...QUEUE_STATES), QUEUE_COUNT_TIMEOUT_MS);
              for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
            } catch (error) {
              // Left out of this scrape: an absent series reads as "unknown", not as an empty queue.
              logger.warn({ queue: queue.name, err: error }, 'could not read the queue depth for /metrics');
            }
          }),
        );
      },
    });
  }

  /** A message left: counted per channel; a reminder's lateness (sentAt - dueAt) is observed too. */
  notificationSent(channel: string, reminder?: { dueAt: Date; sentAt: Date }): void {
    this.sent?.inc({ channel });
    if (reminder) this.reminderLateness?.observe(Math.max(0, (reminder.sentAt.getTime() - reminder.dueAt.getTime()) / 1000));
  }

  /** A message ended FAILED after its last attempt. */
  notificationFailed(channel: string): void {
    this.failed?.inc({ channel });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
