import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { relative } from 'node:path';
import { cspExpressible } from '../security/security-headers';

export interface HarnessAppOptions {
  /** The built SPA (`dist/web`), which holds `harness.html` and its script. */
  webDir: string;
  /** The console's own origins: the only pages that may embed the harness and send it requests. */
  consoleOrigins: () => string[];
}

/**
 * The test harness's origin: a second port that serves only the harness page, its script and the
 * list of console origins it obeys. Nothing else of the console (least of all `/api`) is here.
 */
export function createHarnessApp({ webDir, consoleOrigins }: HarnessAppOptions) {
  const root = relative(process.cwd(), webDir) || '.';
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // Only the console may frame this page; the harness fetches buckets anywhere, so connect-src is open.
    const ancestors = cspExpressible(consoleOrigins());
    c.header('Content-Security-Policy', `default-src 'self'; connect-src *; frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  app.get('/harness-config.json', (c) => c.json({ consoleOrigins: consoleOrigins() }));
  app.get('/assets/*', serveStatic({ root }));
  app.get('/', serveStatic({ root, path: 'harness.html' }));
  app.all('*', (c) => c.text('Not here: this port only serves the cors-console test harness.', 404));
  return app;
}
