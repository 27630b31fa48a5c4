import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeGracefullyOnSignals } from '@app/common';
import { ConfigError, loadConfig } from '@app/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeGracefullyOnSignals(app, app.get(Logger));
  await app.listen(config.workerPort, config.workerHost);
  app.get(Logger).log(`worker running; health on http://${config.workerHost}:${config.workerPort}/health`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
