import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { linguiCatalogues } from './scripts/vite-lingui-catalogues.ts';

// Three projects: pure logic and the API in Node, React components in jsdom, and the
// real-parts suite (Debian Chromium) that runs on its own. The storage-facing suites of `unit`
// and `e2e` run against s3rver and a real Ceph RGW, which the global setup provides.

// Unit and component tests call real servers (the console app, s3rver, RGW) and must stay green
// on a loaded machine (both cores busy makes a 1 s test take several), so they never run on
// vitest's 5 s default.
const realPartsTimeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  plugins: [react(), linguiCatalogues()],
  test: {
    // Globals let @testing-library/react register its automatic cleanup after each test.
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/server/**/*.test.ts', 'test/lint/**/*.test.ts'],
          environment: 'node',
          // A real Ceph RGW beside s3rver for the storage suites (scripts/rgw-peer.sh).
          globalSetup: ['test/support/rgw-global-setup.ts'],
          ...realPartsTimeouts,
        },
      },
      {
        extends: true,
        test: { name: 'web', include: ['test/web/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['test/support/web-setup.ts'], ...realPartsTimeouts },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts', 'test/support/rgw-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
