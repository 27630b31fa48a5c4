import { createHash } from 'node:crypto';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerException, ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import { RATE_LIMIT_KEY_PREFIX, RateLimitStorage } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import { AppConfig } from '@app/config';
import { normalisePhone, REGISTRATION_CODES_PER_PHONE_PER_HOUR } from '@app/registrations';
import type { RequestContext } from '../graphql/request-context';
import { UnsubscribeController } from '../notifications/unsubscribe.controller';
import { CalendarFeedController } from '../volunteers/calendar-feed.controller';

const FIFTEEN_MINUTES_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;

/** HTTP routes anyone can call besides /graphql: a calendar feed's secret path must not be guessable at speed. */
const RATE_LIMITED_CONTROLLERS: ReadonlySet<unknown> = new Set([CalendarFeedController, UnsubscribeController]);

const isGraphql = (context: ExecutionContext) => context.getType<string>() === 'graphql';
const rootFieldOf = (context: ExecutionContext) => (isGraphql(context) ? GqlExecutionContext.create(context).getInfo<{ fieldName: string }>().fieldName : null);
// Asking for a reset mail counts as a login attempt: both take an address and must not be tried at speed.
const isLogin = (context: ExecutionContext) => ['login', 'requestPasswordReset'].includes(rootFieldOf(context) ?? '');
const isCodeRequest = (context: ExecutionContext) => rootFieldOf(context) === 'requestRegistrationCode';
const isLoggedIn = (context: ExecutionContext) => isGraphql(context) && GqlExecutionContext.create(context).getContext<RequestContext>().actor !== null;

/** One phone however it is typed (0470 12 34 56 and +32470123456 are one number); what is no number counts as typed. */
function phoneTracker(context: ExecutionContext): string {
  const phone = GqlExecutionContext.create(context).getArgs<{ input?: { phone?: unknown } }>().input?.phone;
  const typed = String(phone ?? '').trim();
  try {
    return normalisePhone('phone', typed);
  } catch {
    return typed;
  }
}

/**
 * Four limits, counted in Redis so they hold across API replicas:
 * - `public`: anonymous operations (the public schedule, the festival plan, calendar feeds) per client address per minute;
 * - `login-per-ip`: login attempts per client address per 15 minutes, then blocked for 15 minutes;
 * - `login-per-account`: login attempts per e-mail address per 15 minutes, whichever address they come from;
 * - `registration-code-per-phone`: SMS codes a newcomer may ask for one phone number per hour, whoever asks:
 *   each one is a text message to a real person, and a stranger's number must not be flooded.
 * Failed logins also lock the account with a growing backoff (LoginLockout in @app/auth).
 * With Redis away, `public` is counted in this process and the other three refuse with
 * TEMPORARILY_UNAVAILABLE (RateLimitStorage). Every request first passes the HTTP-level limit
 * (http-rate-limit.ts), which also counts the requests that never reach a resolver.
 */
export function rateLimitOptions(config: AppConfig, storage: RateLimitStorage): ThrottlerModuleOptions {
  const limits = config.rateLimits;
  return {
    storage,
    // X-RateLimit-* headers would describe whichever root field ran last; the error carries retryAfter instead.
    setHeaders: false,
    // Trackers are hashed so Redis holds neither addresses nor e-mail addresses.
    generateKey: (_context, tracker, name) => `${RATE_LIMIT_KEY_PREFIX}:${name}:${createHash('sha256').update(tracker).digest('hex')}`,
    throttlers: [
      { name: 'public', limit: limits.publicPerMinute, ttl: 60_000, skipIf: (context) => isLogin(context) || isLoggedIn(context) },
      { name: 'login-per-ip', limit: limits.loginPerIp, ttl: FIFTEEN_MINUTES_MS, blockDuration: FIFTEEN_MINUTES_MS, skipIf: (context) => !isLogin(context) },
      {
        name: 'login-per-account',
        limit: limits.loginPerAccount,
        ttl: FIFTEEN_MINUTES_MS,
        skipIf: (context) => !isLogin(context),
        getTracker: (_req, context) =>
          String(GqlExecutionContext.create(context).getArgs<{ email?: unknown }>().email ?? '')
            .trim()
            .toLowerCase(),
      },
      {
        name: 'registration-code-per-phone',
        limit: REGISTRATION_CODES_PER_PHONE_PER_HOUR,
        ttl: HOUR_MS,
        skipIf: (context) => !isCodeRequest(context),
        getTracker: (_req, context) => phoneTracker(context),
      },
    ],
  };
}

/** @nestjs/throttler for GraphQL root fields and the public HTTP routes, answering with a coded GraphQL error. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (isGraphql(context)) return false;
    return !RATE_LIMITED_CONTROLLERS.has(context.getClass());
  }

  // `any` as in ThrottlerGuard's own signature, which this overrides.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, any>; res: Record<string, any> } {
    if (!isGraphql(context)) return super.getRequestResponse(context);
    const { req } = GqlExecutionContext.create(context).getContext<RequestContext>();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { req, res: req.res as Record<string, any> };
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    if (!isGraphql(context)) throw new ThrottlerException(`Too many requests; try again in ${retryAfter} seconds`);
    const what = isLogin(context) ? 'login attempts' : isCodeRequest(context) ? 'codes for this phone number' : 'requests';
    throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many ${what}; try again in ${retryAfter} seconds`, { retryAfter });
  }
}
