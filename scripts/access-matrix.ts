/**
 * Writes the authorisation matrix (apps/api/src/auth/access-matrix.ts) into README.md, between
 * the access-matrix markers. `npm run docs:access` after changing the matrix; a unit test fails
 * while the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withAccessMatrix } from '../apps/api/src/auth/access-matrix-readme';

// Compiled to dist/scripts/access-matrix.js: the repository root is two folders up.
const README = join(__dirname, '..', '..', 'README.md');

const before = readFileSync(README, 'utf8');
const after = withAccessMatrix(before);
if (after === before) {
  console.log(`${README} is up to date`);
} else {
  writeFileSync(README, after);
  console.log(`wrote the access matrix into ${README}`);
}
