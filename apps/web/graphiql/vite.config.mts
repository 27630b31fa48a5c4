import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * GraphiQL for development (GET /graphql in a browser), built from the `graphiql` package so it
 * loads nothing from a CDN. scripts/build-web.mjs writes it to dist/web/.graphiql (a dot folder
 * the web app never serves); the API serves it under /graphiql/ unless NODE_ENV=production.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  plugins: [react()],
  build: {
    target: 'es2022',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // One file per chunk is plenty for a developer tool; no size warning for its editor.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // react-compiler-runtime's "use no memo" means nothing to a bundle, and the timing report
      // only says the machine was busy: noise in every test's output.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warning.code !== 'PLUGIN_TIMINGS') warn(warning);
      },
    },
  },
});
