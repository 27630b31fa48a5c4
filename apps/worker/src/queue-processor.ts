import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { QueueName } from '@app/queues';
import { JobHandlers } from './job-handlers';

/**
 * What every processor does: run each job of its queue through the domains' `@OnJob` handlers.
 * A processor is this plus its `@Processor(queue, options)`: which queue, how many at a time.
 */
@Injectable()
export abstract class QueueProcessor extends WorkerHost {
  protected abstract readonly queue: QueueName;
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.handlers.run(this.queue, job, this.logger);
  }
}
