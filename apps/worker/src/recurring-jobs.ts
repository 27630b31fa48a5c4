import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobProducer } from '@app/queues';

/** Nightly 03:15 Brussels time: few sessions run then, and a missed night is caught up at start. */
export const EXTEND_HORIZONS_CRON = '15 3 * * *';

/** Registers the repeating jobs (idempotent across worker replicas) and catches up once at start. */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.EXTEND_SERIES_HORIZONS, EXTEND_HORIZONS_CRON, { requestedBy: 'scheduler' });
    await this.jobs.enqueue(JobName.EXTEND_SERIES_HORIZONS, { requestedBy: 'startup' });
  }
}
