import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule, UsersService } from '@app/auth';
import { ClockModule, pinoParams } from '@app/common';
import { APP_CONFIG, AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { QueuesModule } from '@app/queues';
import { SchedulingModule } from '@app/scheduling';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { LoginRequiredGuard } from './auth/login-required.guard';
import { UsersResolver } from './auth/users.resolver';
import './graphql/enums';
import { graphqlOptions } from './graphql/graphql-options';
import { LoadersFactory } from './loaders/loaders';
import { LoadersModule } from './loaders/loaders.module';
import { ClosuresResolver } from './scheduling/closures.resolver';
import { OrganisationsResolver } from './scheduling/organisations.resolver';
import { ProgrammesResolver } from './scheduling/programmes.resolver';
import { SessionSeriesResolver } from './scheduling/session-series.resolver';
import { SessionsResolver } from './scheduling/sessions.resolver';
import { VenuesResolver } from './scheduling/venues.resolver';

@Module({
  imports: [
    ConfigModule.forRoot('api'),
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => pinoParams(config.logLevel, 'oefenkansen-api') }),
    ClockModule,
    DatabaseModule.forRoot('oefenkansen-api'),
    QueuesModule,
    HealthModule,
    AuthModule,
    SchedulingModule,
    LoadersModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [LoadersModule, AuthModule],
      inject: [APP_CONFIG, LoadersFactory, UsersService],
      useFactory: graphqlOptions,
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: LoginRequiredGuard },
    AdminBootstrap,
    UsersResolver,
    OrganisationsResolver,
    VenuesResolver,
    ProgrammesResolver,
    SessionsResolver,
    SessionSeriesResolver,
    ClosuresResolver,
  ],
})
export class AppModule {}
