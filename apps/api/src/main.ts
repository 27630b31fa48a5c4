import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeGracefullyOnSignals } from '@app/common';
import { ConfigError, loadConfig } from '@app/config';
import { AppModule } from './app.module';
import { configureHttp } from './http';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, 'api');
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttp(app);
  closeGracefullyOnSignals(app, app.get(Logger));
  await app.listen(config.port, config.host);
  app.get(Logger).log(`GraphQL API on http://${config.host}:${config.port}/graphql`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
