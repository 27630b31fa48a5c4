import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueuesModule } from '@app/queues';
import { HealthController } from './health.controller';
import { LifecycleLogger } from './lifecycle-logger';
import { MetricsModule } from './metrics/metrics.module';
import type { MetricsProcess } from './metrics/metrics.registry';

/** The /health and /metrics endpoints both the API and the worker serve, and the shutdown log line. */
@Module({})
export class HealthModule {
  /** `app` decides which series /metrics carries (see MetricsRegistry). */
  static forRoot(app: MetricsProcess): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), QueuesModule, MetricsModule.forRoot(app)],
      controllers: [HealthController],
      providers: [LifecycleLogger],
    };
  }
}
