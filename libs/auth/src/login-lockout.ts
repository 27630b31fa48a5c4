import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, ErrorCode } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RATE_LIMIT_KEY_PREFIX, RateLimitRedis } from './rate-limit-redis';
import { temporarilyUnavailable } from './rate-limit-storage';

/** Failures an account may have before it is locked; the count is forgotten a day after the last one. */
export const FREE_LOGIN_FAILURES = 5;
export const MAX_LOCKOUT_SECONDS = 15 * 60;
const FORGET_FAILURES_AFTER_SECONDS = 24 * 60 * 60;

/**
 * Counts failed logins per e-mail address (known or not, so a lock reveals nothing about which
 * accounts exist) and locks the address with an exponential backoff: after 5 failures for
 * LOGIN_LOCKOUT_SECONDS, then twice as long after each further failure, up to 15 minutes. A
 * successful login clears the count. Kept in Redis so every API replica sees the same lock.
 */
@Injectable()
export class LoginLockout {
  private readonly logger = new Logger(LoginLockout.name);

  constructor(
    private readonly redis: RateLimitRedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertNotLocked(email: string): Promise<void> {
    const remainingMs = await this.guarded(() => this.redis.client.pttl(this.keys(email).lock));
    if (remainingMs > 0) {
      const retryAfter = Math.ceil(remainingMs / 1000);
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed logins for this address; try again in ${retryAfter} seconds`, { retryAfter });
    }
  }

  /** Records a failure and returns the lock it caused in seconds (0: not locked yet). */
  async recordFailure(email: string): Promise<number> {
    const keys = this.keys(email);
    const failures = await this.guarded(async () => {
      const [[, count]] = (await this.redis.client.multi().incr(keys.failures).expire(keys.failures, FORGET_FAILURES_AFTER_SECONDS).exec()) as [
        [Error | null, number],
      ];
      return count;
    });
    if (failures < FREE_LOGIN_FAILURES) return 0;
    const lockSeconds = Math.min(this.config.rateLimits.lockoutSeconds * 2 ** (failures - FREE_LOGIN_FAILURES), MAX_LOCKOUT_SECONDS);
    await this.guarded(() => this.redis.client.set(keys.lock, '1', 'EX', lockSeconds));
    this.logger.warn({ failures, lockSeconds }, 'login locked after repeated failures');
    return lockSeconds;
  }

  async recordSuccess(email: string): Promise<void> {
    const keys = this.keys(email);
    await this.guarded(() => this.redis.client.del(keys.failures, keys.lock));
  }

  private keys(email: string): { failures: string; lock: string } {
    // Hashed: Redis holds no e-mail addresses. One hash tag keeps both keys in one Cluster slot.
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    const base = `${RATE_LIMIT_KEY_PREFIX}:{login:${account}}`;
    return { failures: `${base}:failures`, lock: `${base}:lock` };
  }

  /**
   * Redis being away must not open the door to guessing: without the failure count the lock
   * cannot hold, so logins are refused (TEMPORARILY_UNAVAILABLE) until Redis is back.
   */
  private async guarded<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      this.logger.warn({ err: error }, 'login refused: Redis unavailable for the lockout');
      throw temporarilyUnavailable();
    }
  }
}
