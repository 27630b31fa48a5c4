import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccountMessagesModule } from '@app/auth';
import { BroadcastMessagesModule } from '@app/broadcasts';
import { ClockModule, pinoParams } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FestivalMessagesModule } from '@app/festival';
import { HealthModule } from '@app/health';
import { MessagingDeliveryModule } from '@app/messaging';
import { PrivacyModule } from '@app/privacy';
import { QueuesModule } from '@app/queues';
import { RegistrationMessagesModule, RegistrationsModule } from '@app/registrations';
import { ResponseCacheModule } from '@app/response-cache';
import { SchedulingModule } from '@app/scheduling';
import { ShiftMessagesModule } from '@app/volunteers';
import { ENTITIES } from './entities';
import { HousekeepingProcessor } from './housekeeping.processor';
import { JobHandlers } from './job-handlers';
import { NotificationsProcessor, TextMessagesProcessor } from './notifications.processor';
import { RecurringJobs } from './recurring-jobs';

@Module({})
export class WorkerModule {
  /** The BullMQ worker process, with GET /health on WORKER_PORT for the orchestrator. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot('worker', config),
        LoggerModule.forRoot(pinoParams(config.logLevel, 'oefenkansen-worker')),
        ClockModule,
        DatabaseModule.forRoot('oefenkansen-worker', ENTITIES),
        // Every committed write retires the cached public answers (libs/response-cache).
        ResponseCacheModule,
        QueuesModule,
        HealthModule.forRoot('worker'),
        SchedulingModule,
        MessagingDeliveryModule,
        // The composers delivery asks to fill in each kind of message, and the alert sweeps.
        RegistrationMessagesModule,
        // The seat-offer expiry sweep.
        RegistrationsModule,
        FestivalMessagesModule,
        ShiftMessagesModule,
        AccountMessagesModule,
        BroadcastMessagesModule,
        PrivacyModule,
        DiscoveryModule,
      ],
      providers: [JobHandlers, HousekeepingProcessor, NotificationsProcessor, TextMessagesProcessor, RecurringJobs],
    };
  }
}
