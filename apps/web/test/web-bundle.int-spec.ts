import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('web bundle', () => {
  it('the public schedule loads at most 200 kB gzipped, and no chunk holds a message catalogue', () => {
    // Exits non-zero on either failure, but the figures say why.
    let output: string;
    try {
      output = execFileSync(process.execPath, ['scripts/web-size.mjs', '--json'], { cwd: ROOT, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const size = JSON.parse(output.trim().split('\n').at(-1)!) as { dir: string; totalGzipBytes: number; withMessages: string[]; files: { file: string }[] };
    expect(size.withMessages).toEqual([]);
    expect(size.totalGzipBytes).toBeLessThanOrEqual(200_000);
    // The entry, its CSS and the Dutch strings (plus chunks the bundler splits off code shared with
    // lazy pages); none of the other eleven languages and none of the staff or registration pages.
    const loaded = size.files.map((entry) => entry.file.replace(/-[\w-]{8}\./, '.'));
    expect(loaded).toEqual(expect.arrayContaining(['assets/index.css', 'assets/index.js', 'assets/nl.js']));
    expect(loaded.filter((file) => /^assets\/(en|fr|ar|ru|uk|so|prs|ps|tr|ro|ur)\.js$/.test(file))).toEqual([]);
    expect(loaded.filter((file) => /(school|host|volunteer|festival|coordinator|reports|series|register|login)/.test(file))).toEqual([]);
    // React's production build: no development warnings (a build under NODE_ENV=test would have them).
    const entry = size.files.find((file) => /^assets\/index-.*\.js$/.test(file.file))!;
    expect(readFileSync(join(size.dir, entry.file), 'utf8')).not.toContain('Each child in a list should have a unique');
  });

  it('the GraphQL types of the web app follow apps/api/schema.gql (else: npm run web:schema)', () => {
    const fresh = join(tmpdir(), `graphql-env-${process.pid}.d.ts`);
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/gql.tada/bin/cli.js'), 'generate-output', '--tsconfig', 'apps/web/tsconfig.json', '--output', fresh],
      { cwd: ROOT, stdio: 'ignore' },
    );
    expect(readFileSync(fresh, 'utf8') === readFileSync(join(ROOT, 'apps/web/src/graphql/graphql-env.d.ts'), 'utf8')).toBe(true);
  });
});
