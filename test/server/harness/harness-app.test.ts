import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarnessApp } from '../../../src/server/harness/harness-app';

let webDir: string;
const consoleOrigins = ['http://127.0.0.1:8787', 'http://localhost:8787'];

beforeAll(async () => {
  webDir = await mkdtemp(join(tmpdir(), 'cors-console-harness-'));
  await mkdir(join(webDir, 'assets'));
  await writeFile(join(webDir, 'harness.html'), '<!doctype html><title>harness</title>');
  await writeFile(join(webDir, 'assets', 'harness-abc.js'), 'console.log(1)');
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>console</title>');
});
afterAll(async () => rm(webDir, { recursive: true, force: true }));

describe('the test harness origin', () => {
  const app = () => createHarnessApp({ webDir, consoleOrigins: () => consoleOrigins });

  it('serves the harness page, framable only by the console', async () => {
    const response = await app().request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>harness</title>');
    expect(response.headers.get('content-security-policy')).toBe(`default-src 'self'; connect-src *; frame-ancestors ${consoleOrigins.join(' ')}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('leaves IPv6 origins, which no CSP source can name, out of frame-ancestors, and still obeys them', async () => {
    const withIpv6 = [...consoleOrigins, 'http://[::1]:8787'];
    const harness = createHarnessApp({ webDir, consoleOrigins: () => withIpv6 });
    const csp = (await harness.request('/')).headers.get('content-security-policy');
    expect(csp).toBe(`default-src 'self'; connect-src *; frame-ancestors ${consoleOrigins.join(' ')}`);
    expect(await (await harness.request('/harness-config.json')).json()).toEqual({ consoleOrigins: withIpv6 });
  });

  it('tells the page which origins it obeys', async () => {
    expect(await (await app().request('/harness-config.json')).json()).toEqual({ consoleOrigins });
  });

  it('serves its script but nothing else of the console: no API, no console page', async () => {
    expect((await app().request('/assets/harness-abc.js')).status).toBe(200);
    for (const path of ['/api/profiles', '/index.html', '/p/local/b/x']) {
      expect((await app().request(path)).status, path).toBe(404);
    }
  });
});
