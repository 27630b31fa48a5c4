import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mountBullBoard } from './admin/bull-board';

/** HTTP settings shared by main.ts and the end-to-end tests, so tests run the app as production does. */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '100kb' });
  express.disable('x-powered-by');
  // Bull Board (ADMIN only); /health and /metrics are Nest controllers of HealthModule.
  mountBullBoard(app);
}
