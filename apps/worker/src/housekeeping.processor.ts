import { Processor } from '@nestjs/bullmq';
import { QueueName } from '@app/queues';
import { QueueProcessor } from './queue-processor';

/** Housekeeping jobs, one at a time: series horizons, moving due messages into the delivery queues, alert sweeps, retention. */
@Processor(QueueName.HOUSEKEEPING, { concurrency: 1 })
export class HousekeepingProcessor extends QueueProcessor {
  protected readonly queue = QueueName.HOUSEKEEPING;
}
