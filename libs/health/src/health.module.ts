import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueuesModule } from '@app/queues';
import { HealthController } from './health.controller';

/** The /health endpoint both the API and the worker serve. */
@Module({ imports: [TerminusModule.forRoot({ logger: false }), QueuesModule], controllers: [HealthController] })
export class HealthModule {}
