#!/usr/bin/env node
// Lets `npm run demo` and `npm test` be the only commands a newcomer types on a fresh clone:
// when node_modules is missing, install exactly the committed lockfile first.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('node_modules is missing: running `npm ci` once (about a minute) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
