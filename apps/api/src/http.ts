import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { mountBullBoard } from './admin/bull-board';
import { defaultWebRoot, serveWebApp } from './web/serve-web-app';

/** HTTP settings shared by main.ts and the end-to-end tests, so tests run the app as production does. */
export function configureHttp(app: INestApplication, options: { webRoot?: string } = {}): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '100kb' });
  express.disable('x-powered-by');
  // Security headers on every answer. No Content-Security-Policy yet: GraphiQL (development only)
  // loads from a CDN and Bull Board runs inline scripts; the bundled web app will bring one.
  express.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  // Bull Board (ADMIN only); /health and /metrics are Nest controllers of HealthModule.
  mountBullBoard(app);
  // The web app (dist/web when built) on every other GET, with a Content-Security-Policy of its own.
  serveWebApp(app, options.webRoot ?? defaultWebRoot());
}
