import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { refuseInUnitProject } from './unit-project';

export interface RunningRedis {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Finds Debian's redis-server, installing it with apt-get when it is missing and we are root
 * (no npm package ships a real Redis, and BullMQ needs real Lua scripting).
 */
export function ensureRedisServer(log: (line: string) => void = console.log): string {
  const existing = redisServerPath();
  if (existing) return existing;
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is not installed. Install the Debian package: sudo apt-get install -y redis-server');
  }
  log('redis-server is missing: installing the Debian package redis-server with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    install();
  }
  const installed = redisServerPath();
  if (!installed) throw new Error('apt-get finished but redis-server is still not on the PATH');
  return installed;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`redis-server did not listen on port ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Starts a private redis-server on loopback; `persist` keeps an append-only file in `dir`. */
export async function startRedisServer(options: { port: number; dir: string; persist?: boolean; log?: (line: string) => void }): Promise<RunningRedis> {
  refuseInUnitProject('startRedisServer');
  const binary = ensureRedisServer(options.log);
  mkdirSync(options.dir, { recursive: true });
  const args = [
    '--port',
    String(options.port),
    '--bind',
    '127.0.0.1',
    '--dir',
    options.dir,
    '--save',
    '',
    '--daemonize',
    'no',
    '--maxmemory-policy',
    'noeviction',
  ];
  args.push('--appendonly', options.persist ? 'yes' : 'no');
  // Its own process group: a Ctrl-C in the terminal must not stop Redis before the worker has closed its queues.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  child.stdout?.on('data', (chunk: Buffer) => options.log?.(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => options.log?.(chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} (is port ${options.port} in use?)`))),
  );
  await Promise.race([waitForPort(options.port, 10_000), exited]);
  return {
    url: `redis://127.0.0.1:${options.port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
