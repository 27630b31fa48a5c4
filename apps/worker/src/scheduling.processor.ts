import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AlertSweep, NotificationDispatcher } from '@app/notifications';
import { RetentionService } from '@app/privacy';
import { JobName, QueueName } from '@app/queues';
import { SessionSeriesService } from '@app/scheduling';
import { runJob } from './job-handlers';

/** Housekeeping jobs, one at a time: series horizons, moving due messages into the notifications queue, retention. */
@Processor(QueueName.SCHEDULING, { concurrency: 1 })
export class SchedulingProcessor extends WorkerHost {
  private readonly logger = new Logger(SchedulingProcessor.name);
  readonly handlers;

  constructor(series: SessionSeriesService, dispatcher: NotificationDispatcher, alerts: AlertSweep, retention: RetentionService) {
    super();
    this.handlers = {
      [JobName.EXTEND_SERIES_HORIZONS]: () => series.extendSeriesHorizons(),
      [JobName.DISPATCH_NOTIFICATIONS]: () => dispatcher.dispatchDue(),
      [JobName.SWEEP_ALERTS]: () => alerts.sweep(),
      [JobName.ANONYMISE_INACTIVE_PARTICIPANTS]: () => retention.anonymiseInactiveParticipants(),
    };
  }

  process(job: Job): Promise<unknown> {
    return runJob(QueueName.SCHEDULING, this.handlers, job, this.logger);
  }
}
