import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../embedded-postgres';
import type { RunningRedis } from '../redis-server';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as Record<string, unknown>).__OEFENKANSEN_SERVICES__ as { postgres: RunningPostgres; redis: RunningRedis } | undefined;
  await services?.redis.stop();
  await services?.postgres.stop();
  if (process.env.TEST_ROOT) rmSync(process.env.TEST_ROOT, { recursive: true, force: true });
}
