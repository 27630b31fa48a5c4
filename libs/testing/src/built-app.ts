import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
  return collect(spawn(process.execPath, [join(buildDir, script)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * A copy of the checkout as a fresh clone would have it: the files git tracks (as they are in
 * the working tree, uncommitted changes included) and new files not ignored, no dist/, no .data/;
 * node_modules is linked, as `npm ci` would have installed it. In the system's temp folder, so
 * Jest never sees a second package.json. Returns the folder; remove it when done.
 */
export function cleanCheckout(): string {
  const copy = mkdtempSync(join(tmpdir(), 'oefenkansen-checkout-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  for (const file of files) {
    // A tracked file deleted in the working tree is not part of the checkout either.
    if (file === '' || !existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** `npm run <script>` in a folder, in a process group of its own so a kill reaches npm's child too. */
export function startNpmScript(cwd: string, script: string, env: Record<string, string>): BuiltProcess {
  const child = spawn('npm', ['run', '--silent', script], {
    cwd,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

function collect(child: ChildProcess): BuiltProcess {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}
