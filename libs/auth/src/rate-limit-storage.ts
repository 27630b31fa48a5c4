import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { AppError, ErrorCode } from '@app/common';
import { RateLimitRedis } from './rate-limit-redis';

/**
 * Limits that may fall back to a counter in this process while Redis is away: they guard reads
 * anyone may make (the public schedule, every request's HTTP budget), and serving them with the
 * same limit per replica beats refusing everyone. Every other limit (logins, SMS codes) fails
 * closed: without Redis nothing stops a guesser or an SMS flood across replicas.
 */
export const PROCESS_FALLBACK_LIMITS: ReadonlySet<string> = new Set(['public', 'http-anonymous', 'http-user']);

export const temporarilyUnavailable = () =>
  new AppError(ErrorCode.TEMPORARILY_UNAVAILABLE, 'This is not possible for a moment (a safeguard is down); try again in a few minutes', { retryAfter: 60 });

/** Counts hits in Redis (keys hash-tagged by the Redis storage, one Cluster slot per limit and client). */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly redis: ThrottlerStorageRedisService;
  private readonly inProcess = new ThrottlerStorageService();

  constructor(redis: RateLimitRedis) {
    this.redis = new ThrottlerStorageRedisService(redis.client);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.redis.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      const fallback = PROCESS_FALLBACK_LIMITS.has(throttlerName);
      this.logger.warn({ err: error, limit: throttlerName }, fallback ? 'Redis unavailable: counting in this process' : 'Redis unavailable: refused');
      if (!fallback) throw temporarilyUnavailable();
      return this.inProcess.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.inProcess.onApplicationShutdown();
  }
}
