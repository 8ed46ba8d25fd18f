import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { linguiCatalogues } from './scripts/vite-lingui-catalogues.ts';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The server build's worker threads, emitted as entries of their own beside `main.js` (Vite bundles
 * `new Worker(new URL(...))` for browsers only): the CORS analysis (src/server/cors/cors-analyst.ts).
 */
function serverWorkers(): Plugin {
  return {
    name: 'cors-console:server-workers',
    apply: (_, env) => env.isSsrBuild === true,
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(here, 'src/server/cors/analysis-worker.ts'), fileName: 'cors-analysis-worker.js' });
    },
  };
}

export default defineConfig({
  plugins: [react(), linguiCatalogues(), serverWorkers()],
  // The rule editor's worker (across-rules-worker.ts) imports the core, whose catalogues need the plugin too.
  worker: { format: 'es', plugins: () => [linguiCatalogues()] },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The console, and the test harness page its second origin serves.
    rollupOptions: { input: { console: resolve(here, 'index.html'), harness: resolve(here, 'harness.html') } },
  },
  // `npm run dev` serves the SPA alone; its API calls go to a console started with `npm start`.
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8787' } },
  preview: { host: '127.0.0.1' },
});
