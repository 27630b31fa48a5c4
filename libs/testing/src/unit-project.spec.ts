import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startRedisServer } from './redis-server';
import { testConfig } from './test-config';
import { createTestDatabase, testRedisUrl } from './test-database';

// This file is a *.spec.ts, so it runs in the jest project "unit": none of these may start or reach anything.
describe('the unit project', () => {
  const advice = /not available in the jest project "unit".*\*\.int-spec\.ts/;

  it('has no database or Redis address in its environment, even when npm test runs the e2e project too', () => {
    expect(process.env.TEST_PG_ADMIN_URL).toBeUndefined();
    expect(process.env.TEST_REDIS_URL).toBeUndefined();
    expect(process.env.DATABASE_URL).toBeUndefined();
  });

  it('refuses a test database, and a test configuration over one, with a message that says to rename the file', async () => {
    await expect(createTestDatabase()).rejects.toThrow(advice);
    expect(() => testConfig({ url: 'postgres://x/y', name: 'y', drop: async () => undefined })).toThrow(advice);
    expect(() => testRedisUrl()).toThrow(advice);
  });

  it('cannot start PostgreSQL or a redis-server', async () => {
    const dir = join(tmpdir(), 'unit-project-never-created');
    await expect(startEmbeddedPostgres({ dataDir: dir, port: 1, disposable: true })).rejects.toThrow(/startEmbeddedPostgres: not available/);
    await expect(startRedisServer({ port: 1, dir })).rejects.toThrow(/startRedisServer: not available/);
  });
});
