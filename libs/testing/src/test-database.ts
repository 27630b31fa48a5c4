import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, withPgClient } from './embedded-postgres';
import { refuseInUnitProject } from './unit-project';

export const TEMPLATE_DATABASE = 'oefenkansen_template';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function requireEnv(name: string, what: string): string {
  refuseInUnitProject(what);
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, whose global setup starts PostgreSQL and Redis`);
  return value;
}

/** A fresh, migrated database of its own for one test file (a copy of the template, ~100 ms). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requireEnv('TEST_PG_ADMIN_URL', 'createTestDatabase (a PostgreSQL test database)');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name, TEMPLATE_DATABASE);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withPgClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * The shared test redis-server, on a database number of this Jest worker's own: test files of one
 * worker run one after another, so queues never mix between files running at the same time.
 */
export function testRedisUrl(): string {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1) % 16;
  return `${requireEnv('TEST_REDIS_URL', 'testRedisUrl (the test Redis)')}/${worker}`;
}
