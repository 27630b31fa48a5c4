import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RATE_LIMIT_KEY_PREFIX, RateLimitStorage, TokenService } from '@app/auth';
import { ErrorCode } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { bearerToken } from './graphql/graphql-options';

const MINUTE_MS = 60_000;

/**
 * The longest query an anonymous caller may send. The public pages' queries are under 1 kB (the
 * biggest document of apps/web, the stand plan, is 967 bytes and about 100 tokens); a stranger has
 * no use for more, and a long document is what costs the parser and the validation rules time.
 */
export const ANONYMOUS_QUERY_MAX_LENGTH = 8_000;

interface Caller {
  limit: 'http-anonymous' | 'http-user';
  anonymous: boolean;
}

const callerOf = (res: Response): Caller | undefined => res.locals.caller as Caller | undefined;

function refuse(res: Response, status: number, code: ErrorCode, message: string, retryAfter?: number): void {
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
  res.status(status).json({ errors: [{ message, extensions: { code, ...(retryAfter !== undefined ? { retryAfter } : {}) } }] });
}

/**
 * Counts every request to /graphql before its body is read or its query parsed, so a query that
 * fails parsing or validation costs the sender as much as one that runs: per client address for
 * anonymous callers (RATE_LIMIT_PUBLIC_PER_MINUTE), per user for a valid bearer token
 * (RATE_LIMIT_USER_PER_MINUTE, a budget of its own so an anonymous flood from a shared address
 * does not lock staff out). The token's signature is checked here (microseconds, no database);
 * whether it is revoked is checked later, as for every request. A forged token counts as anonymous.
 */
export function httpRateLimit(app: INestApplication): RequestHandler {
  const config = app.get<AppConfig>(APP_CONFIG);
  const storage = app.get(RateLimitStorage);
  const tokens = app.get(TokenService);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    const token = bearerToken(req);
    const userId = token ? (tokens.verify(token)?.sub ?? null) : null;
    const caller: Caller = userId ? { limit: 'http-user', anonymous: false } : { limit: 'http-anonymous', anonymous: true };
    res.locals.caller = caller;
    const limit = userId ? config.rateLimits.userPerMinute : config.rateLimits.publicPerMinute;
    // Hashed: Redis holds neither addresses nor user ids; the storage hash-tags the key (one Cluster slot).
    const key = `${RATE_LIMIT_KEY_PREFIX}:${caller.limit}:${createHash('sha256')
      .update(userId ? `user:${userId}` : `ip:${req.ip}`)
      .digest('hex')}`;
    storage.increment(key, MINUTE_MS, limit, MINUTE_MS, caller.limit).then(
      (record) => {
        if (!record.isBlocked) return next();
        const retryAfter = Math.max(1, record.timeToBlockExpire);
        refuse(res, 429, ErrorCode.TOO_MANY_REQUESTS, `Too many requests; try again in ${retryAfter} seconds`, retryAfter);
      },
      (error: unknown) => next(error),
    );
  };
}

/**
 * After the body is read and a persisted query id became its document (persisted-queries.ts),
 * before GraphQL parses it: an anonymous caller's query may not be longer than the public pages need.
 */
export function preParseChecks(req: Request, res: Response, next: NextFunction): void {
  if (!callerOf(res)?.anonymous) return next();
  const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
  if (typeof query === 'string' && query.length > ANONYMOUS_QUERY_MAX_LENGTH) {
    return refuse(
      res,
      400,
      ErrorCode.BAD_REQUEST,
      `The query is longer than ${ANONYMOUS_QUERY_MAX_LENGTH} characters, more than the public pages need; log in or send a shorter query`,
    );
  }
  next();
}
