import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AccountMessagesModule, AuthModule, RateLimitStorage, UsersService } from '@app/auth';
import { BroadcastMessagesModule, BroadcastsModule } from '@app/broadcasts';
import { ClockModule, pinoParams } from '@app/common';
import { APP_CONFIG, AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FestivalMessagesModule, FestivalModule } from '@app/festival';
import { HealthModule } from '@app/health';
import { MailOptOutsModule, MessagingModule, NotificationsAdminModule } from '@app/messaging';
import { OrganisationsModule } from '@app/organisations';
import { QueuesModule } from '@app/queues';
import { RegistrationMessagesModule, RegistrationsModule, SmsRepliesModule } from '@app/registrations';
import { ResponseCache, ResponseCacheModule } from '@app/response-cache';
import { SchedulingModule } from '@app/scheduling';
import { ShiftMessagesModule, VolunteersModule } from '@app/volunteers';
import { AccessGuard, AccessMatrixCheck } from './auth/access.guard';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { RateLimitGuard, rateLimitOptions } from './auth/rate-limit.guard';
import { ENTITIES } from './entities';
import { graphqlOptions } from './graphql/graphql-options';
import { API_RESOLVERS } from './graphql/resolvers';
import { LoadersFactory } from './loaders/loaders';
import { LoadersModule } from './loaders/loaders.module';
import { UnsubscribeController } from './notifications/unsubscribe.controller';
import { PrivacyApiModule } from './privacy/privacy-api.module';
import { SmsWebhookController } from './registrations/sms-webhook.controller';
import { CalendarFeedController } from './volunteers/calendar-feed.controller';

@Module({})
export class AppModule {
  /** The whole API; main.ts and the end-to-end tests pass the validated configuration. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot('api', config),
        LoggerModule.forRoot(pinoParams(config.logLevel, 'oefenkansen-api')),
        ClockModule,
        DatabaseModule.forRoot('oefenkansen-api', ENTITIES),
        // Every committed write retires the cached public answers (libs/response-cache).
        ResponseCacheModule,
        QueuesModule,
        HealthModule.forRoot('api'),
        AuthModule,
        SchedulingModule,
        OrganisationsModule,
        RegistrationsModule,
        FestivalModule,
        VolunteersModule,
        MessagingModule,
        RegistrationMessagesModule,
        FestivalMessagesModule,
        ShiftMessagesModule,
        AccountMessagesModule,
        BroadcastMessagesModule,
        NotificationsAdminModule,
        MailOptOutsModule,
        BroadcastsModule,
        LoadersModule,
        PrivacyApiModule,
        SmsRepliesModule,
        ThrottlerModule.forRootAsync({ imports: [AuthModule], inject: [APP_CONFIG, RateLimitStorage], useFactory: rateLimitOptions }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [LoadersModule, AuthModule],
          inject: [APP_CONFIG, LoadersFactory, UsersService, ResponseCache],
          useFactory: graphqlOptions,
        }),
      ],
      controllers: [CalendarFeedController, UnsubscribeController, SmsWebhookController],
      // Guards run in this order: who may call the operation at all, then how often.
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        AccessMatrixCheck,
        AdminBootstrap,
        ...API_RESOLVERS,
      ],
    };
  }
}
