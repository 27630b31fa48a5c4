import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@app/database';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '../embedded-postgres';
import { freePort } from '../free-port';
import { startRedisServer } from '../redis-server';
import { TEMPLATE_DATABASE } from '../test-database';

/** Starts one PostgreSQL and one redis-server for the whole run; each test file clones a migrated template. */
export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'oefenkansen-test-'));
  // The postgres system user must reach its data directory inside.
  chmodSync(root, 0o755);
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const [pgPort, redisPort] = [await freePort(), await freePort()];
  const postgres = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: pgPort, log, disposable: true }).catch((error: Error) => {
    throw new Error(`${error.message}\n${logs.slice(-20).join('')}`);
  });
  const redis = await startRedisServer({ port: redisPort, dir: join(root, 'redis'), log });

  await createDatabaseIfMissing(postgres.adminUrl, TEMPLATE_DATABASE);
  const dataSource = new DataSource(createDataSourceOptions(postgres.urlFor(TEMPLATE_DATABASE), { applicationName: 'test-migrations' }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.TEST_PG_ADMIN_URL = postgres.adminUrl;
  process.env.TEST_REDIS_URL = redis.url;
  process.env.TEST_ROOT = root;
  (globalThis as Record<string, unknown>).__OEFENKANSEN_SERVICES__ = { postgres, redis };
}
