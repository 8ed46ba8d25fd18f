import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/web', emptyOutDir: true },
  // `npm run dev` serves the SPA alone; its API calls go to a console started with `npm start`.
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8787' } },
  preview: { host: '127.0.0.1' },
});
