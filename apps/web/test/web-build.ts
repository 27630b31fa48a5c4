import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A production build of the web app for the browser tests: built once per change of its
 * sources (scripts/build-web.mjs --cache), so the test files reuse it; returns its folder.
 */
export function webBuild(): string {
  const output = execFileSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs'), '--cache', '.test-build/web', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return output.trim().split('\n').at(-1)!;
}
