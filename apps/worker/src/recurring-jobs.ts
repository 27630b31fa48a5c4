import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobName, JobProducer, QUEUE_PREFIX, redisConnectionOptions } from '@app/queues';

/** Nightly 03:15 Brussels time: few sessions run then, and a missed night is caught up at start. */
export const EXTEND_HORIZONS_CRON = '15 3 * * *';
/** Every 20 seconds (BullMQ's six-field cron): due messages leave within the minute. */
export const DISPATCH_NOTIFICATIONS_CRON = '*/20 * * * * *';
/** Every 5 minutes: under-booked sessions and the daily digests, and the festival's and shifts' alerts (each row once, by its dedupe key). */
export const SWEEP_ALERTS_CRON = '*/5 * * * *';
/** Nightly 04:00 Brussels time, after the horizons: participants inactive for RETENTION_MONTHS are anonymised. */
export const RETENTION_CRON = '0 4 * * *';
/** Once a day, at the start of the office day in Brussels: the Picnik follow-ups that are due. */
export const FOLLOW_UP_REMINDER_CRON = '30 8 * * *';

/**
 * Every minute: seat offers whose hold time ran out. A sweep rather than a delayed job per offer:
 * Postgres holds the expiry, so a flushed Redis, a moved session or an answered offer needs no job
 * kept in step, and the sweep ends each offer once under the session lock however often it runs.
 */
export const EXPIRE_SEAT_OFFERS_CRON = '* * * * *';

/** The housekeeping queue's name before it was renamed; cleared at start-up. */
export const LEGACY_HOUSEKEEPING_QUEUE = 'scheduling';

/** How often the schedulers are re-registered: a flushed or replaced Redis gets them back within seconds. */
const RESCHEDULE_EVERY_MS = 15_000;

/** Registers the repeating jobs (idempotent across worker replicas) and catches up once at start. */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecurringJobs.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.retireSchedulingQueue();
    await this.registerSchedulers();
    await this.jobs.enqueue(JobName.EXTEND_SERIES_HORIZONS, { requestedBy: 'startup' });
    await this.jobs.enqueue(JobName.DISPATCH_NOTIFICATIONS, { requestedBy: 'startup' });
    this.timer = setInterval(() => {
      this.registerSchedulers().catch((error: unknown) => this.logger.warn({ err: error }, 'could not re-register the repeating jobs'));
    }, RESCHEDULE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * The housekeeping queue was called `scheduling` before: its repeating jobs (registered there by
   * job name) would keep adding jobs no worker reads. They are removed, and so are its waiting and
   * delayed jobs: every one of them is repeated by the schedulers above or caught up at start.
   */
  private async retireSchedulingQueue(): Promise<void> {
    const legacy = new Queue(LEGACY_HOUSEKEEPING_QUEUE, { connection: redisConnectionOptions(this.config.redisUrl), prefix: QUEUE_PREFIX });
    try {
      for (const name of Object.values(JobName)) await legacy.removeJobScheduler(name);
      await legacy.drain(true);
    } catch (error: unknown) {
      this.logger.warn({ err: error }, `could not clear the old "${LEGACY_HOUSEKEEPING_QUEUE}" queue`);
    } finally {
      await legacy.close();
    }
  }

  private async registerSchedulers(): Promise<void> {
    await this.jobs.schedule(JobName.EXTEND_SERIES_HORIZONS, EXTEND_HORIZONS_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.DISPATCH_NOTIFICATIONS, DISPATCH_NOTIFICATIONS_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.SWEEP_ALERTS, SWEEP_ALERTS_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.SWEEP_FESTIVAL_DEADLINES, SWEEP_ALERTS_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.SWEEP_UNDERSTAFFED_SHIFTS, SWEEP_ALERTS_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.ANONYMISE_INACTIVE_PARTICIPANTS, RETENTION_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS, FOLLOW_UP_REMINDER_CRON, { requestedBy: 'scheduler' });
    await this.jobs.schedule(JobName.EXPIRE_SEAT_OFFERS, EXPIRE_SEAT_OFFERS_CRON, { requestedBy: 'scheduler' });
  }
}
