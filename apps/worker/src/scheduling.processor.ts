import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QUEUE_OF_JOB, QueueName } from '@app/queues';
import { SessionSeriesService } from '@app/scheduling';

type Handlers = { [N in JobName as (typeof QUEUE_OF_JOB)[N] extends QueueName.SCHEDULING ? N : never]: (payload: JobPayloads[N]) => Promise<unknown> };

/** Jobs of the scheduling queue; each returns a small summary that BullMQ keeps with the job. */
@Processor(QueueName.SCHEDULING, { concurrency: 1 })
export class SchedulingProcessor extends WorkerHost {
  private readonly logger = new Logger(SchedulingProcessor.name);
  private readonly handlers: Handlers;

  constructor(private readonly series: SessionSeriesService) {
    super();
    this.handlers = {
      [JobName.EXTEND_SERIES_HORIZONS]: () => this.series.extendSeriesHorizons(),
    };
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as keyof Handlers] as ((payload: unknown) => Promise<unknown>) | undefined;
    // An unknown name is a deployment mismatch (newer API, older worker): fail loudly, BullMQ retries later.
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${QueueName.SCHEDULING}`);
    const result = await handler(job.data);
    this.logger.log({ job: job.name, id: job.id, result }, 'job done');
    return result;
  }
}
