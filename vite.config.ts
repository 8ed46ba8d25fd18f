import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  plugins: [react()],
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
