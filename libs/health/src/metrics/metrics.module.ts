import { getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, QueuesModule } from '@app/queues';
import { MetricsController } from './metrics.controller';
import { METRICS_QUEUES, MetricsRegistry } from './metrics.registry';

const QUEUE_NAMES = Object.values(QueueName);

/**
 * GET /metrics and the MetricsRegistry. Global, so any library can count into the one registry
 * of its process (HealthModule imports it; both apps import HealthModule).
 */
@Global()
@Module({
  imports: [QueuesModule],
  controllers: [MetricsController],
  providers: [{ provide: METRICS_QUEUES, inject: QUEUE_NAMES.map((name) => getQueueToken(name)), useFactory: (...queues: Queue[]) => queues }, MetricsRegistry],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
