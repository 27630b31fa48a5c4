import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The public web app. `npm run build` writes it to dist/web, which the API serves;
 * `npm run web:dev` serves it on :5173 and proxies the API paths to the API on :3000
 * (start `npm run demo` first).
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // @locales: the translators' files (only <lang>/web.json is imported); @translations: their types and language list.
    alias: { '@translations': here('../../libs/messaging/src/templates'), '@locales': here('../../locales') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Everything is served from this origin: no CDN, no inlined scripts the CSP would refuse.
    assetsInlineLimit: 0,
    // .vite/manifest.json: which chunks each page loads, for `npm run web:size`.
    manifest: true,
    rolldownOptions: {
      output: {
        // A language's words as assets/<lang>-<hash>.js (not all "web-…"), so the build output and
        // `npm run web:size` show which language a chunk is.
        chunkFileNames: (chunk) => {
          const language = chunk.facadeModuleId?.match(/[\\/]locales[\\/]([a-z]+)[\\/]web\.json$/)?.[1];
          return language ? `assets/${language}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://127.0.0.1:3000' },
  },
});
