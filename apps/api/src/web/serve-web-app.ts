import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the API answers itself; every other GET may be a page of the web app. */
const API_PATHS = /^\/(graphql|graphiql|health|metrics|admin|calendar)(\/|$)/i;

/**
 * The two <style> elements React Aria (the back office's form controls) adds to the page: touch
 * handling for pressable elements, and overscroll containment while a dialog is open. Their
 * texts are fixed, so their hashes allow exactly them and no other inline style; the browser
 * tests fail on any CSP refusal, so a changed text after an upgrade is caught there.
 */
const REACT_ARIA_STYLE_HASHES = ["'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='", "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='"];

/**
 * The web app's pages and files: everything comes from this origin (no CDN, no inline script, no
 * inline style but React Aria's two), and nobody may frame it. Stricter than nothing, looser than
 * the API's own policy.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_STYLE_HASHES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
].join('; ');

/** dist/web, next to dist/apps (`npm run build` puts the Vite build there). */
export function defaultWebRoot(): string {
  return join(__dirname, '..', '..', '..', '..', 'web');
}

type Encoding = 'br' | 'gzip';
/** The suffix scripts/build-web.mjs gives each precompressed variant, best first. */
const VARIANTS: { encoding: Encoding; suffix: string }[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/**
 * The variant to send for an Accept-Encoding header: the highest q the client gives among those
 * the file has, brotli on a tie (browsers list gzip first but mean no preference); null: the file
 * as it is. `*` covers the codings the client does not name; q=0 refuses one.
 */
export function chooseEncoding(header: string | undefined, available: Encoding[]): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('x-' + encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

/** Which precompressed variants each file of the build has, by its URL path (/assets/x.js). */
function findVariants(root: string): Map<string, Encoding[]> {
  const found = new Map<string, Encoding[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      for (const { encoding, suffix } of VARIANTS) {
        if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
        const url = '/' + relative(root, path.slice(0, -suffix.length)).split(sep).join('/');
        found.set(url, [...(found.get(url) ?? []), encoding]);
      }
    }
  };
  walk(root);
  return found;
}

/** What the web app falls back to (apps/web/src/i18n/i18n.tsx DEFAULT_LANGUAGE). */
const DEFAULT_LANGUAGE = 'nl';
/** As apps/web/src/i18n/browser-language.ts: browser tags naming one of our languages under another code. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { fa: 'prs', pbt: 'ps', pbu: 'ps', pst: 'ps' };

/** Each language's strings chunk (locales/<lang>/web.json) by the build's manifest: /assets/nl-<hash>.js. */
function languageChunks(root: string): Map<string, string> {
  const chunks = new Map<string, string>();
  const manifest = join(root, '.vite', 'manifest.json');
  if (!existsSync(manifest)) return chunks;
  for (const [source, chunk] of Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string }>)) {
    const language = /(?:^|\/)locales\/([a-z]+)\/web\.json$/.exec(source)?.[1];
    if (language) chunks.set(language, `/${chunk.file}`);
  }
  return chunks;
}

/**
 * The language the app will pick on a first visit: the first of the Accept-Language tags (the
 * browser sends navigator.languages, best first) that it speaks, as pickBrowserLanguage does in
 * the browser; else Dutch. A guess only: a language chosen earlier is in the browser's storage.
 */
export function guessLanguage(header: string | undefined, supported: ReadonlySet<string>): string {
  const tags = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    const base = tag.split(/[-_]/)[0];
    for (const candidate of [tag, base, LANGUAGE_ALIASES[base]]) if (candidate && supported.has(candidate)) return candidate;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Serves the built web app (apps/web) from the API process: its files, and index.html for any
 * other page address (the app routes in the browser), never for the API's own paths. Sends the
 * build's precompressed variant (.br, .gz) the browser accepts. Does nothing when the folder
 * holds no build (the API alone, e.g. in most tests); returns whether it serves.
 */
export function serveWebApp(app: INestApplication, root: string): boolean {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const variants = findVariants(root);
  const languages = languageChunks(root);
  const supported = new Set(languages.keys());
  const index = {
    identity: readFileSync(indexFile),
    br: variants.get('/index.html')?.includes('br') ? readFileSync(`${indexFile}.br`) : undefined,
    gzip: variants.get('/index.html')?.includes('gzip') ? readFileSync(`${indexFile}.gz`) : undefined,
  };
  const cacheControl = (path: string) =>
    // Vite names the bundles by their content: they never change under the same name.
    path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : path === '/index.html' ? 'no-cache' : 'public, max-age=3600';
  const files = express.static(root, {
    index: false,
    redirect: false,
    fallthrough: true,
    cacheControl: false,
    setHeaders(response, path) {
      response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
      response.setHeader('Cache-Control', cacheControl('/' + relative(root, path).split(sep).join('/')));
    },
  });

  /** The precompressed variant of a file of the build, or false to let express.static send it as it is. */
  const sendCompressed = (request: Request, response: Response, next: NextFunction): boolean => {
    const available = variants.get(request.path);
    if (!available) return false;
    response.vary('Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding'], available);
    if (!encoding) return false;
    const suffix = VARIANTS.find((variant) => variant.encoding === encoding)!.suffix;
    response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
    response.setHeader('Cache-Control', cacheControl(request.path));
    response.setHeader('Content-Encoding', encoding);
    response.type(extname(request.path));
    // A range of the compressed bytes would mean nothing to a client asking for the file's.
    response.sendFile(`${request.path.slice(1)}${suffix}`, { root, dotfiles: 'deny', cacheControl: false, acceptRanges: false }, (error) => {
      if (error && !response.headersSent) next(error);
    });
    return true;
  };

  (app as NestExpressApplication).use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) return next();
    // The variants are the server's business: their addresses are no files of the app.
    if (VARIANTS.some(({ suffix }) => request.path.endsWith(suffix))) return next();
    if (sendCompressed(request, response, next)) return;
    files(request, response, () => {
      // A missing file (anything with an extension) is a plain 404; other paths are pages.
      if (/\.[a-z0-9]+$/i.test(request.path)) return next();
      response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
      response.setHeader('Cache-Control', 'no-cache');
      response.vary('Accept-Encoding');
      // The app loads its language's strings before its first paint, which it can only start
      // once its bundle has run: named here, the phone fetches them alongside the bundle instead
      // of one round trip after it (bench/phone). The header, not the HTML, so the page's bytes
      // stay the build's own (and its precompressed files valid) whichever language is guessed.
      const strings = languages.get(guessLanguage(request.headers['accept-language'], supported));
      if (strings) {
        response.setHeader('Link', `<${strings}>; rel=modulepreload`);
        response.vary('Accept-Language');
      }
      const encoding = chooseEncoding(
        request.headers['accept-encoding'],
        (['br', 'gzip'] as const).filter((name) => index[name]),
      );
      if (encoding) response.setHeader('Content-Encoding', encoding);
      response.type('html').send(encoding ? index[encoding] : index.identity);
    });
  });
  return true;
}
