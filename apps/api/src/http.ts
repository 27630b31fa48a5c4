import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { raw, type NextFunction, type Request, type Response, urlencoded } from 'express';
import helmet from 'helmet';
import { ErrorCode } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ResponseCache } from '@app/response-cache';
import { BULL_BOARD_PATH, mountBullBoard } from './admin/bull-board';
import { loadPersistedQueries, resolvePersistedQueries } from './graphql/persisted-queries';
import { serveCachedResponses } from './graphql/response-cache-http';
import { preParseChecks, httpRateLimit } from './http-rate-limit';
import { SMS_WEBHOOK_PATH } from './registrations/sms-webhook.controller';
import { GRAPHIQL_PATH, serveGraphiql, wantsGraphiql } from './web/serve-graphiql';
import { defaultWebRoot, serveWebApp } from './web/serve-web-app';

type Directives = Record<string, string[]>;

/** The API answers JSON, iCalendar and CSV: nothing it sends may load, run or frame anything. */
const API_POLICY: Directives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Bull Board ships its scripts and styles, with inline styles; its Google font is taken out of its
 * page (admin/bull-board.ts). `base-uri 'self'`: its page sets `<base href="/admin/queues/">`.
 */
const BULL_BOARD_POLICY: Directives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
};

/** GraphiQL (never in production), built from the graphiql package: its bundle, inline styles, fonts as data: URLs. */
const GRAPHIQL_POLICY: Directives = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
};

const securityHeaders = (directives: Directives) => helmet({ contentSecurityPolicy: { useDefaults: false, directives }, crossOriginEmbedderPolicy: false });

/** What body-parser's error types mean to a client; anything else goes on to Nest. */
const BODY_REFUSALS: Record<string, { code: ErrorCode; message: string }> = {
  'entity.too.large': { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is over 100 kB' },
  'entity.parse.failed': { code: ErrorCode.BAD_REQUEST, message: 'The request body is not valid JSON' },
  'entity.verify.failed': { code: ErrorCode.BAD_REQUEST, message: 'The request body could not be read' },
  'encoding.unsupported': { code: ErrorCode.BAD_REQUEST, message: 'The request body has an unsupported content encoding' },
  'charset.unsupported': { code: ErrorCode.BAD_REQUEST, message: 'The request body has an unsupported charset; send UTF-8' },
  'request.size.invalid': { code: ErrorCode.BAD_REQUEST, message: 'The request body is shorter or longer than its Content-Length' },
};

const UNREADABLE_BODY = { code: ErrorCode.BAD_REQUEST, message: 'The request body could not be read; check its Content-Encoding' };

/** A body refused before GraphQL sees it still gets a GraphQL-shaped answer with a stable code. */
function answerRefusedBody(error: { type?: string; status?: number; expose?: boolean }, _req: Request, res: Response, next: NextFunction): void {
  let refusal = error?.type ? BODY_REFUSALS[error.type] : undefined;
  // A body that does not inflate as its Content-Encoding says (zlib, brotli) has no type: the client's fault all the same.
  if (!refusal && error?.expose && error.status && error.status >= 400 && error.status < 500) refusal = UNREADABLE_BODY;
  if (!refusal) return next(error);
  res.status(error.status ?? 400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}

/** HTTP settings shared by main.ts and the end-to-end tests, so tests run the app as production does. */
export function configureHttp(app: INestApplication, options: { webRoot?: string } = {}): void {
  const webRoot = options.webRoot ?? defaultWebRoot();
  const express = app as NestExpressApplication;
  const config = app.get<AppConfig>(APP_CONFIG);
  // Behind a load balancer, rate limits must count the client's address, not the balancer's.
  express.set('trust proxy', config.trustProxy);
  // Counted before the body is even read: a refused request costs the server next to nothing.
  express.use('/graphql', httpRateLimit(app));
  // The SMS webhook's signature is over the exact bytes: they stay a Buffer there (the JSON parser then skips them).
  express.use(SMS_WEBHOOK_PATH, raw({ type: () => true, limit: '16kb' }));
  express.useBodyParser('json', { limit: '100kb' });
  // One-click unsubscribe (RFC 8058): mail clients POST a form, only there.
  express.use('/u', urlencoded({ extended: false, limit: '1kb' }));
  express.use(answerRefusedBody);
  express.use('/graphql', resolvePersistedQueries(loadPersistedQueries()), preParseChecks);
  express.disable('x-powered-by');
  // No CORS_ORIGINS: browsers may call the API only from its own origin (the served web app).
  express.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    maxAge: 600,
  });
  const api = securityHeaders(API_POLICY);
  const bullBoard = securityHeaders(BULL_BOARD_POLICY);
  const development = config.nodeEnv !== 'production';
  const graphiql = development ? securityHeaders(GRAPHIQL_POLICY) : api;
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(BULL_BOARD_PATH)) return bullBoard(req, res, next);
    if (wantsGraphiql(req) || req.path.startsWith(`${GRAPHIQL_PATH}/`)) return graphiql(req, res, next);
    return api(req, res, next);
  });
  // After the security headers, so an answer from the cache carries them as Apollo's do.
  express.use('/graphql', serveCachedResponses(app.get(ResponseCache)));
  // Bull Board (ADMIN only); /health and /metrics are Nest controllers of HealthModule.
  mountBullBoard(app);
  // GraphiQL from the web build (development only), ahead of Apollo, whose own landing page is off.
  if (development) serveGraphiql(app, webRoot);
  // The web app (dist/web when built) on every other GET, with a Content-Security-Policy of its own.
  serveWebApp(app, webRoot);
}
