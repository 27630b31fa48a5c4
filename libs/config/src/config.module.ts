import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, ConfigConsumer, loadConfig } from './config';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Validates process.env when the module is built, so a bad variable stops start-up at once. */
  static forRoot(consumer: ConfigConsumer, config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config ?? loadConfig(process.env, consumer) }],
      exports: [APP_CONFIG],
    };
  }
}
