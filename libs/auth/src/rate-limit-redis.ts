import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';

/**
 * The Redis connection behind login lockouts and the API's rate limits, shared by every API
 * replica so a limit holds across them. It fails fast instead of queueing commands: when Redis is
 * away, logins and SMS codes are refused and public reads are counted per process
 * (RateLimitStorage) at once, rather than making everyone wait.
 */
@Injectable()
export class RateLimitRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: 'oefenkansen-rate-limits' });
    // Errors surface on the commands themselves; without a listener ioredis would print each reconnect attempt.
    this.client.on('error', () => undefined);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

/** Every rate-limit key starts with this; the part in braces is a Redis Cluster hash tag. */
export const RATE_LIMIT_KEY_PREFIX = 'oefenkansen:rate-limit';
