import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

const ROOT = join(__dirname, '..', '..', '..');

describe('the two jest projects', () => {
  interface Project {
    displayName: string;
    testMatch: string[];
    globalSetup?: string;
    setupFiles?: string[];
    transform: unknown;
    moduleNameMapper: unknown;
    testTimeout?: number;
  }
  // The config is CommonJS, as Jest reads it.
  const config = createRequire(__filename)(join(ROOT, 'jest.config.js')) as { maxWorkers: number; testTimeout: number; projects: Project[] };
  const [unit, e2e] = config.projects;

  it('only e2e starts PostgreSQL and Redis; unit has no global setup and its guard', () => {
    expect([unit.displayName, e2e.displayName]).toEqual(['unit', 'e2e']);
    expect(unit.globalSetup).toBeUndefined();
    expect(unit.setupFiles).toEqual(['<rootDir>/libs/testing/src/jest/unit-setup.ts']);
    expect(e2e.globalSetup).toBe('<rootDir>/libs/testing/src/jest/global-setup.ts');
  });

  it('share the swc transform, the @app paths, the timeout and the two workers', () => {
    expect(unit.transform).toEqual(e2e.transform);
    expect(unit.moduleNameMapper).toEqual(e2e.moduleNameMapper);
    // Jest takes the timeout from the top level only; one set in a project would silently be 5 s.
    expect([config.testTimeout, unit.testTimeout, e2e.testTimeout]).toEqual([60000, undefined, undefined]);
    expect(config.maxWorkers).toBe(2);
  });

  // The patterns of jest.config.js, as regular expressions: a spec named otherwise would never run.
  const UNIT = /\.spec\.ts$/;
  const E2E = /\.(int|e2e)-spec\.ts$/;

  it('match the README rule: *.spec.ts is unit, *.int-spec.ts and *.e2e-spec.ts are e2e', () => {
    expect(unit.testMatch).toEqual(['<rootDir>/{apps,libs,test}/**/*.spec.ts']);
    expect(e2e.testMatch).toEqual(['<rootDir>/{apps,libs,test}/**/*.{int-spec,e2e-spec}.ts']);
  });

  it('take every spec file of the repository, each in exactly one project', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/(spec|test)\.[cm]?[jt]sx?$/.test(entry.name)) files.push(relative(ROOT, path));
      }
    };
    for (const dir of ['apps', 'libs', 'test']) if (readdirSync(ROOT).includes(dir)) walk(join(ROOT, dir));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => Number(UNIT.test(file)) + Number(E2E.test(file)) !== 1)).toEqual([]);
  });
});
