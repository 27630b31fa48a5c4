/**
 * Two Jest projects; `npm test` runs both, `npx jest --selectProjects unit` only the first.
 *
 * - `unit`: `*.spec.ts` beside the code. Pure: no PostgreSQL, no Redis, no servers of ours. No
 *   global setup, so it starts in seconds; a spec that asks for a test database or starts
 *   PostgreSQL/Redis fails with a message telling it to become an `*.int-spec.ts`.
 * - `e2e`: integration tests (`*.int-spec.ts`, real PostgreSQL and Redis) and end-to-end tests
 *   (`*.e2e-spec.ts`, the Nest app over HTTP, the web app in Chromium). Its global setup starts
 *   an embedded PostgreSQL and a private redis-server; nothing needs to be running beforehand.
 *
 * The file name decides the project: a new spec that needs the database, Redis, a server or a
 * build is an `*.int-spec.ts` or `*.e2e-spec.ts`; everything else is a `*.spec.ts`.
 */
const swc = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.jsc.baseUrl;
delete swc.jsc.paths;
delete swc.$schema;

/** What both projects share: the swc transform and the @app/* paths. */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // intl-messageformat and its parser ship only as ES modules: swc turns them into CommonJS too.
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '/node_modules/(intl-messageformat|@formatjs)/.+\\.js$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  moduleNameMapper: { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' },
};

module.exports = {
  // For the run as a whole, so for both projects: they share one pool of workers, and Jest reads
  // the timeout only here (a project's own testTimeout is ignored).
  maxWorkers: 2,
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
      setupFiles: ['<rootDir>/libs/testing/src/jest/unit-setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.{int-spec,e2e-spec}.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
  ],
};
