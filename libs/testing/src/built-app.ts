import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Builds the apps into .test-build/<name> (inside the repository, so node_modules resolves) and returns that folder. */
export function buildForTest(name: string): string {
  const out = join('.test-build', name);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet', '--out', out], { cwd: ROOT, stdio: 'inherit' });
  return join(ROOT, out);
}

export interface BuiltProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a built entry point as its own process, as production does, collecting its output. */
export function startBuilt(buildDir: string, script: string, env: Record<string, string>): BuiltProcess {
  const child = spawn(process.execPath, [join(buildDir, script)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}
