import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { createDataSourceOptions, DataSourceExtras } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string, entities: NonNullable<DataSourceExtras['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => createDataSourceOptions(config.databaseUrl, { applicationName, entities }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
