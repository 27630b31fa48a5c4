import { getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, QueuesModule } from '@app/queues';
import { MetricsController } from './metrics.controller';
import { METRICS_PROCESS, METRICS_QUEUES, MetricsProcess, MetricsRegistry } from './metrics.registry';

const QUEUE_NAMES = Object.values(QueueName);

/**
 * GET /metrics and the MetricsRegistry. Global, so any library can count into the one registry
 * of its process (HealthModule imports it; both apps import HealthModule, naming themselves).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(app: MetricsProcess): DynamicModule {
    return {
      module: MetricsModule,
      imports: [QueuesModule],
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_PROCESS, useValue: app },
        { provide: METRICS_QUEUES, inject: QUEUE_NAMES.map((name) => getQueueToken(name)), useFactory: (...queues: Queue[]) => queues },
        MetricsRegistry,
      ],
      exports: [MetricsRegistry],
    };
  }
}
