#!/usr/bin/env node
// `npm run web:size`: the gzipped (and brotli) size of the JavaScript and CSS the public schedule page loads
// (the entry with its static imports and CSS, plus the default language's strings; not the
// chunks of the other languages), from a production build of the current sources. Fails above
// the budget, and when a chunk holds message catalogues (they belong to the worker, not the web).
//   --dir <build>  measure that build instead of building
//   --json         print the figures as JSON (the bundle test reads them)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200_000; // 200 kB gzipped, kB = 1000 bytes as Vite reports them
const DEFAULT_LANGUAGE_FILE = 'locales/nl/web.json';
/**
 * Only the message catalogues contain these (a mail's greeting placeholder, the digests' labels);
 * the web strings never do. A kind's name is no marker: the back office's messages desk names kinds.
 */
const MESSAGE_MARKERS = ['{firstName}', 'digestLabels'];

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.includes('--dir')
  ? args[args.indexOf('--dir') + 1]
  : execFileSync(process.execPath, [join(root, 'scripts/build-web.mjs'), '--cache', '.test-build/web', '--quiet'], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1);

/** @type {Record<string, {file: string, imports?: string[], css?: string[], isEntry?: boolean}>} */
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
const byKey = (key) => {
  const chunk = manifest[key] ?? Object.entries(manifest).find(([name]) => name.endsWith(key))?.[1];
  if (!chunk) throw new Error(`${key} is not in the build's manifest`);
  return chunk;
};

// The entry and everything it imports statically: what the browser loads before the first paint.
const files = new Set();
const visit = (chunk) => {
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const key of chunk.imports ?? []) visit(manifest[key]);
};
visit(byKey('index.html'));
visit(byKey(DEFAULT_LANGUAGE_FILE));

const sizes = [...files].sort().map((file) => {
  const content = readFileSync(join(dir, file));
  // What the API sends a browser that accepts brotli: the build's .br file (scripts/build-web.mjs).
  const brotliBytes = existsSync(join(dir, `${file}.br`)) ? readFileSync(join(dir, `${file}.br`)).length : brotliCompressSync(content).length;
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, brotliBytes };
});
const totalGzipBytes = sizes.reduce((sum, entry) => sum + entry.gzipBytes, 0);
const totalBrotliBytes = sizes.reduce((sum, entry) => sum + entry.brotliBytes, 0);

const assets = join(dir, 'assets');
const withMessages = readdirSync(assets).filter((file) => {
  const content = readFileSync(join(assets, file), 'utf8');
  return MESSAGE_MARKERS.some((marker) => content.includes(marker));
});

const withinBudget = totalGzipBytes <= BUDGET_BYTES;
if (json) {
  console.log(JSON.stringify({ dir, files: sizes, totalGzipBytes, totalBrotliBytes, budgetBytes: BUDGET_BYTES, withinBudget, withMessages }));
} else {
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  for (const entry of sizes)
    console.log(
      `${entry.file.padEnd(36)} ${kB(entry.bytes).padStart(9)}  gzip ${kB(entry.gzipBytes).padStart(8)}  brotli ${kB(entry.brotliBytes).padStart(8)}`,
    );
  console.log(`public schedule page: ${kB(totalGzipBytes)} gzipped (budget ${kB(BUDGET_BYTES)}), ${kB(totalBrotliBytes)} as the API sends it (brotli)`);
  if (withMessages.length) console.error(`message catalogues found in ${withMessages.join(', ')}: the web app must import only \`ui\``);
  if (!withinBudget) console.error(`over budget by ${kB(totalGzipBytes - BUDGET_BYTES)}`);
}
process.exitCode = withinBudget && withMessages.length === 0 ? 0 : 1;
