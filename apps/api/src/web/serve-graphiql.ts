import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where the GraphiQL build's files are served; index.html asks for /graphiql/assets/…. */
export const GRAPHIQL_PATH = '/graphiql';

/** A browser's GET of /graphql: the page, not an operation. */
export const wantsGraphiql = (request: Request): boolean =>
  request.method === 'GET' && request.path === '/graphql' && request.accepts(['json', 'html']) === 'html';

/**
 * The development GraphiQL: its page on a browser's GET /graphql and its files under /graphiql/,
 * all from the web build's .graphiql folder (scripts/build-web.mjs), so it needs no CDN. Without
 * a build the page says how to make one. Never called in production.
 */
export function serveGraphiql(app: INestApplication, webRoot: string): void {
  const root = join(webRoot, '.graphiql');
  const page = join(root, 'index.html');
  const files = express.static(root, { index: false, redirect: false, fallthrough: false });
  const express_ = app as NestExpressApplication;
  express_.use(GRAPHIQL_PATH, (request: Request, response: Response, next: NextFunction) => files(request, response, next));
  express_.use((request: Request, response: Response, next: NextFunction) => {
    if (!wantsGraphiql(request)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(page))
      return void response.status(404).type('text/plain').send('GraphiQL is not built: run `npm run build` (or POST your operations to /graphql).');
    // Relative to root: `send` refuses a path with a dot folder in it (.graphiql, .test-build).
    response.sendFile('index.html', { root }, (error) => {
      if (error && !response.headersSent) next(error);
    });
  });
}
