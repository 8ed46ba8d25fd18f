import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: pure logic in Node, React components in jsdom, and the
// real-parts suite (s3rver over HTTP, Debian Chromium) that runs on its own.
export default defineConfig({
  plugins: [react()],
  test: {
    // Globals let @testing-library/react register its automatic cleanup after each test.
    globals: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/core/**/*.test.ts', 'test/server/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'web', include: ['test/web/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
