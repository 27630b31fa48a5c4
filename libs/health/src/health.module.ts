import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueuesModule } from '@app/queues';
import { HealthController } from './health.controller';
import { LifecycleLogger } from './lifecycle-logger';
import { MetricsModule } from './metrics/metrics.module';

/** The /health and /metrics endpoints both the API and the worker serve, and the shutdown log line. */
@Module({ imports: [TerminusModule.forRoot({ logger: false }), QueuesModule, MetricsModule], controllers: [HealthController], providers: [LifecycleLogger] })
export class HealthModule {}
