#!/usr/bin/env node
// `npm run lint`: ESLint, Prettier's check and dependency-cruiser's import-direction rules, all
// three even when one fails (so one run shows every problem), with their caches in
// node_modules/.cache. Exits non-zero when any of them found something.
import { spawnSync } from 'node:child_process';

const checks = [
  ['eslint', ['--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/', '.']],
  ['prettier', ['--check', '--cache', '--cache-strategy', 'content', '--log-level', 'warn', '.']],
  ['depcruise', ['--config', '.dependency-cruiser.cjs', 'apps', 'libs', 'scripts', 'bench']],
];

const failed = [];
for (const [tool, args] of checks) {
  const { status, error } = spawnSync(`node_modules/.bin/${tool}`, args, { stdio: 'inherit' });
  if (error || status !== 0) failed.push(tool);
}
if (failed.length > 0) {
  console.error(`npm run lint: ${failed.join(', ')} found problems (see above).`);
  process.exit(1);
}
