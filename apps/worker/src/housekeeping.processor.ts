import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from '@app/queues';
import { JobHandlers } from './job-handlers';

/** Housekeeping jobs, one at a time: series horizons, moving due messages into the notifications queue, alert sweeps, retention. */
@Processor(QueueName.HOUSEKEEPING, { concurrency: 1 })
export class HousekeepingProcessor extends WorkerHost {
  private readonly logger = new Logger(HousekeepingProcessor.name);

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.handlers.run(QueueName.HOUSEKEEPING, job, this.logger);
  }
}
