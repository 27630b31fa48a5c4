import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppConfig, loadConfig } from '@app/config';
import { TestDatabase, testRedisUrl } from './test-database';

export const TEST_ADMIN = { email: 'admin@test.oefenkansen.be', password: 'admin-password-for-tests' };

/** A valid configuration for API or worker over a test database, validated as in production. */
export function testConfig(database: TestDatabase, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: randomBytes(32).toString('hex'),
      PERSONAL_LINK_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      // Nothing listens here: tests that send messages pass their own capture servers.
      SMTP_URL: 'smtp://127.0.0.1:9',
      SMS_GATEWAY_URL: 'http://127.0.0.1:9/messages',
      // Tests log in and query from 127.0.0.1 thousands of times; the rate-limit test sets its own limits.
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000',
      ...overrides,
    },
    'api',
  );
}

/** Empties this Jest worker's Redis database so queues from an earlier test file do not leak in. */
export async function flushTestRedis(): Promise<void> {
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();
}
