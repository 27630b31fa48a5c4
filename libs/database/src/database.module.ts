import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { createDataSourceOptions, DataSourceExtras } from './data-source-options';
import { Transactions } from './transactions';

@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string, entities: NonNullable<DataSourceExtras['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      // Global like TypeORM's own DataSource: every domain module's services open transactions.
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => createDataSourceOptions(config.databaseUrl, { applicationName, entities }),
        }),
      ],
      providers: [Transactions],
      exports: [TypeOrmModule, Transactions],
    };
  }
}
