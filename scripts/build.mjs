#!/usr/bin/env node
// Compiles apps, libs, scripts and bench with SWC into dist/ (path aliases rewritten to
// relative requires by .swcrc), so production, the demo and the migration CLI run plain node.
// The web app (apps/web) is built by Vite: scripts/build-web.mjs.
// Type checking is separate (`npm run typecheck`, part of `npm test`): SWC only strips types.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const quiet = process.argv.includes('--quiet');
// --out <dir>: tests that run the built processes build into a folder of their own, so two test
// files building at the same time never delete each other's output (the folder must sit inside
// the repository, where node_modules resolves).
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';
// Only the folders this build writes: migration:run, schema:emit, docs:access and bench build
// again after `npm run build`, and must leave the web app (dist/web, by build-web.mjs) in place.
const SOURCES = ['apps', 'libs', 'scripts', 'bench'];
for (const folder of SOURCES) rmSync(join(out, folder), { recursive: true, force: true });
const swc = require.resolve('@swc/cli/bin/swc.js');
execFileSync(
  process.execPath,
  [swc, ...SOURCES, '-d', out, '--copy-files', '--ignore', '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,apps/*/test/**,apps/web/**', '--quiet'],
  { stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' },
);
// The translators' files, read at run time from ../../../../locales beside the compiled templates.
rmSync(join(out, 'locales'), { recursive: true, force: true });
cpSync('locales', join(out, 'locales'), { recursive: true });
if (!quiet) console.log(`built into ${out}/`);
