#!/usr/bin/env node
// Builds the web app (apps/web) with Vite into dist/web, which the API serves (scripts/build.mjs
// replaces only its own folders of dist/, so later builds of the apps keep this one).
//   --out <dir>     build into another folder
//   --cache <root>  for the browser tests: build into <root>/<hash of the sources> unless that
//                   folder exists already, and print the folder; unchanged sources build once.
//   --quiet         only warnings and errors
// The development GraphiQL (apps/web/graphiql) is built into <out>/.graphiql.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quiet = args.includes('--quiet');

/** Everything the bundle is made of: this recipe, the app, its translation files and the locked dependencies. */
const SOURCES = [
  'scripts/build-web.mjs',
  'apps/web/graphiql',
  'apps/web/index.html',
  'apps/web/public',
  'apps/web/src',
  'apps/web/vite.config.mts',
  'libs/messaging/src/templates',
  'locales',
  'package-lock.json',
];

function sourceHash() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) add(join(path, entry));
    else hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const source of SOURCES) add(join(root, source));
  return hash.digest('hex').slice(0, 16);
}

/** Text the server sends compressed; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.xml', '.webmanifest', '.ico']);

/**
 * Writes <file>.br and <file>.gz next to every text file, compressed once at the highest levels,
 * so the API answers by the request's Accept-Encoding without compressing on each request.
 * Skips a variant that would not be smaller, and the build's own dot folders (never served).
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(entry.name))) continue;
    const content = readFileSync(path);
    const variants = {
      br: brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      }),
      gz: gzipSync(content, { level: 9 }),
    };
    for (const [suffix, compressed] of Object.entries(variants)) if (compressed.length < content.length) writeFileSync(`${path}.${suffix}`, compressed);
  }
}

async function viteBuild(outDir) {
  // Vite keeps a NODE_ENV it inherits: under Jest (NODE_ENV=test) it would bundle React's
  // development build (double effects in StrictMode, four times the size).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'apps/web/vite.config.mts'),
    mode: 'production',
    logLevel: quiet ? 'warn' : 'info',
    build: { outDir, emptyOutDir: true },
  });
  precompress(outDir);
  // GraphiQL (development only) in a dot folder: the web app's file serving never answers it.
  await build({
    configFile: join(root, 'apps/web/graphiql/vite.config.mts'),
    mode: 'production',
    logLevel: quiet ? 'warn' : 'info',
    build: { outDir: join(outDir, '.graphiql'), emptyOutDir: true },
  });
}

const cache = option('--cache');
if (cache) {
  const cacheRoot = resolve(root, cache);
  const target = join(cacheRoot, sourceHash());
  if (!existsSync(join(target, 'index.html'))) {
    mkdirSync(cacheRoot, { recursive: true });
    // Two test files may build at once: each builds aside and the first rename wins.
    const scratch = `${target}.tmp-${process.pid}`;
    await viteBuild(scratch);
    try {
      renameSync(scratch, target);
    } catch {
      rmSync(scratch, { recursive: true, force: true });
    }
    // Builds of older sources, once nothing can be using them any more.
    for (const entry of readdirSync(cacheRoot)) {
      const path = join(cacheRoot, entry);
      if (path !== target && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    }
  }
  console.log(target);
} else {
  const out = resolve(root, option('--out') ?? 'dist/web');
  await viteBuild(out);
  if (!quiet) console.log(`built the web app into ${relative(root, out)}/`);
}
