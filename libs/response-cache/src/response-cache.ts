import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';

/** Every key of the cache; the part in braces is a Redis Cluster hash tag, so MGET of generation and entry is one slot. */
export const RESPONSE_CACHE_KEY_PREFIX = 'oefenkansen:{response-cache}';
const GENERATION_KEY = `${RESPONSE_CACHE_KEY_PREFIX}:generation`;

/** A cached answer: the exact bytes sent, and their strong ETag. */
export interface CachedResponse {
  body: string;
  etag: string;
}

/** What a lookup found: the generation it was read at (store under it) and the entry, if current. */
export interface CacheLookup {
  generation: string;
  hit: CachedResponse | null;
}

/** A strong ETag of a body: the same bytes, the same tag, on every API instance. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whole anonymous public answers in Redis, invalidated by one generation counter.
 *
 * Every committed write bumps the counter (after the commit, before the write returns to its
 * caller: Transactions.onCommitted), and an entry counts only while the generation it was read at
 * is the current one. A reader reads the generation before it reads the database, so an answer
 * computed from data older than a write is stored under a generation that write has already
 * retired (or is about to), and is never served after the write returned. The counter is in Redis,
 * so writes of the worker and of other API instances invalidate every instance's reads.
 *
 * Redis away: reads go uncached (lookup answers null at once: no offline queue). A bump that
 * fails leaves this process without the cache until a bump succeeds again, so the entries the
 * failed bump should have retired are not served by this process once Redis is back; another
 * instance that could not reach Redis either had no cache meanwhile, and the TTL bounds the rest.
 */
@Injectable()
export class ResponseCache implements OnApplicationShutdown {
  private readonly logger = new Logger(ResponseCache.name);
  private readonly client: Redis | null;
  private readonly ttlSeconds: number;
  /** A bump that did not reach Redis: until one does, this process serves nothing from the cache. */
  private bumpOwed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlSeconds = config.responseCacheTtlSeconds;
    this.client =
      this.ttlSeconds > 0
        ? new Redis(config.redisUrl, {
            maxRetriesPerRequest: 1,
            enableOfflineQueue: false,
            connectionName: 'oefenkansen-response-cache',
            lazyConnect: false,
          })
        : null;
    // Errors surface on the commands themselves; without a listener ioredis would print each reconnect attempt.
    this.client?.on('error', () => undefined);
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** The cache key of one request: its document (or persisted id), operation name and variables. */
  static keyOf(parts: unknown[]): string {
    return `${RESPONSE_CACHE_KEY_PREFIX}:entry:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`;
  }

  /** One round trip: the current generation and the entry. Null when the cache cannot be used now. */
  async lookup(key: string): Promise<CacheLookup | null> {
    if (!this.client) return null;
    try {
      if (this.bumpOwed) await this.bump();
      if (this.bumpOwed) return null;
      const [generation, stored] = await this.client.mget(GENERATION_KEY, key);
      const current = generation ?? '0';
      return { generation: current, hit: stored ? decode(stored, current) : null };
    } catch {
      return null;
    }
  }

  /** Stores an answer computed after `lookup` read `generation`; a failure only means no cache. */
  async store(key: string, generation: string, response: CachedResponse): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.set(key, `${generation}\n${response.etag}\n${response.body}`, 'EX', this.ttlSeconds);
    } catch {
      // The answer was sent all the same; the next reader computes it again.
    }
  }

  /** Retires every cached answer; called after each committed write. Never throws: a write already committed. */
  async bump(): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.incr(GENERATION_KEY);
      this.bumpOwed = false;
    } catch (error) {
      if (!this.bumpOwed) this.logger.warn(`response cache off in this process until Redis takes an invalidation again: ${String(error)}`);
      this.bumpOwed = true;
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}

/** `generation\netag\nbody`; an entry of an older generation is as good as none. */
function decode(stored: string, generation: string): CachedResponse | null {
  const first = stored.indexOf('\n');
  const second = stored.indexOf('\n', first + 1);
  if (first < 0 || second < 0 || stored.slice(0, first) !== generation) return null;
  return { etag: stored.slice(first + 1, second), body: stored.slice(second + 1) };
}
