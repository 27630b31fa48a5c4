import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from '@app/queues';
import { JobHandlers } from './job-handlers';

/** Sends messages, several at a time: each one is a network round trip to SMTP or the SMS gateway. */
// A short lock (renewed while a send runs) lets another worker take over a killed one's messages quickly.
@Processor(QueueName.NOTIFICATIONS, { concurrency: 10, lockDuration: 15_000, stalledInterval: 5_000 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.handlers.run(QueueName.NOTIFICATIONS, job, this.logger);
  }
}
