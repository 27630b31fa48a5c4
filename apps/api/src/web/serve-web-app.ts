import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API answers itself; every other GET may be a page of the web app. */
const API_PATHS = /^\/(graphql|health|metrics|admin|calendar)(\/|$)/i;

/**
 * The web app's pages and files: everything comes from this origin (no CDN, no inline script or
 * style), and nobody may frame it. Stricter than nothing, looser than the API's own policy.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
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

/**
 * Serves the built web app (apps/web) from the API process: its files, and index.html for any
 * other page address (the app routes in the browser), never for the API's own paths. Does
 * nothing when the folder holds no build (the API alone, e.g. in most tests); returns whether
 * it serves.
 */
export function serveWebApp(app: INestApplication, root: string): boolean {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile);
  const files = express.static(root, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(response, path) {
      response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
      // Vite names the bundles by their content: they never change under the same name.
      const hashed = path.startsWith(join(root, 'assets'));
      response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : path === indexFile ? 'no-cache' : 'public, max-age=3600');
    },
  });

  (app as NestExpressApplication).use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) return next();
    files(request, response, () => {
      // A missing file (anything with an extension) is a plain 404; other paths are pages.
      if (/\.[a-z0-9]+$/i.test(request.path)) return next();
      response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
      response.setHeader('Cache-Control', 'no-cache');
      response.type('html').send(index);
    });
  });
  return true;
}
