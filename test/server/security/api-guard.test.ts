import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src/server/start';
import { errorCode, httpCall } from '../../support/http';

// The whole console on loopback, over real HTTP: what a hostile page in the same browser, or a
// DNS-rebound name, can and cannot make the API do.
// Paths, headers and bodies are written by hand on purpose, not through the typed client: an
// attacker sends raw requests, and these tests must send what the client would never build.

let dataDir: string;
let running: RunningConsole;
let origin: string;
const corsPath = '/api/profiles/local/buckets/demo-no-cors/cors';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-guard-'));
  const webDir = join(dataDir, 'web');
  await mkdir(webDir);
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
  running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir, log: () => {} });
  origin = running.url;
});
afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const get = (headers: Record<string, string>) => httpCall(`${origin}/api/profiles`, 'GET', headers);

describe('the API refuses other origins', () => {
  it('answers its own page (same-origin fetch: Origin and Sec-Fetch-Site: same-origin)', async () => {
    const res = await get({ origin, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
  });

  it('answers clients that are not browsers (no Origin, no Sec-Fetch-Site)', async () => {
    expect((await get({})).status).toBe(200);
  });

  it.each([
    ['another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['another port on this machine (same-site)', { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' }],
    ['an opaque origin (sandboxed iframe, data: URL)', { origin: 'null' }],
    ['another origin without Fetch Metadata', { origin: 'http://localhost:9' }],
    ['a cross-site no-cors GET (an <img> or <script> tag)', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }],
  ])('refuses a call from %s with 403 cross-origin-refused', async (_name, headers) => {
    const res = await get(headers);
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('cross-origin-refused');
    expect(res.json['error']).toMatchObject({ message: expect.stringContaining('only its own pages') });
  });

  it('refuses a write from another origin before it reaches the bucket', async () => {
    const loaded = await httpCall(`${origin}${corsPath}`);
    const body = JSON.stringify({ config: { rules: [{ allowedOrigins: ['https://evil.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] } });
    const res = await httpCall(`${origin}${corsPath}`, 'PUT', { origin: 'https://evil.example', 'content-type': 'application/json', 'if-match': `"${loaded.json['version'] as string}"` }, body);
    expect(res.status).toBe(403);
    expect((await httpCall(`${origin}${corsPath}`)).json['config']).toBeNull();
  });

  it('refuses a DNS-rebound host name even from its "own" origin', async () => {
    const port = new URL(origin).port;
    const res = await httpCall(`${origin}/api/profiles`, 'GET', { host: `rebound.example:${port}`, origin: `http://rebound.example:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(403);
    expect(res.json['error']).toMatchObject({ code: 'cross-origin-refused', message: expect.stringContaining('does not answer to host "rebound.example') });
  });

  it('answers at localhost too, on its own port', async () => {
    const port = new URL(origin).port;
    expect((await httpCall(`${origin}/api/profiles`, 'GET', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await httpCall(`${origin}/api/profiles`, 'GET', { host: 'localhost:1' })).status).toBe(403);
  });
});

describe('state-changing calls require JSON', () => {
  it.each([
    ['text/plain (what a cross-site form or sendBeacon sends)', 'text/plain'],
    ['a form encoding', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses a PUT with %s with 415 unsupported-media-type', async (_name, contentType) => {
    const res = await httpCall(`${origin}${corsPath}`, 'PUT', { 'content-type': contentType, 'if-match': '"x"' }, '{"config":{"rules":[]}}');
    expect(res.status).toBe(415);
    expect(res.json['error']).toMatchObject({ code: 'unsupported-media-type', message: expect.stringContaining('Content-Type: application/json') });
  });

  it('refuses a probe without a Content-Type', async () => {
    const res = await httpCall(`${origin}/api/profiles/local/buckets/demo-no-cors/probe`, 'POST', {}, '{"method":"GET"}');
    expect(res.status).toBe(415);
  });

  it('takes application/json with a charset', async () => {
    const res = await httpCall(`${origin}/api/profiles/local/buckets/demo-no-cors/probe`, 'POST', { 'content-type': 'application/json; charset=utf-8' }, '{"method":"GET","send":"preflight","origin":"https://a.example"}');
    expect(res.status).toBe(200);
  });
});

describe('security headers', () => {
  it.each([
    ['the SPA page', '/'],
    ['a deep link', '/p/local/b/demo-no-cors'],
    ['an API answer', '/api/profiles'],
    ['an API error', '/api/nothing-here'],
  ])('are on %s', async (_name, path) => {
    const res = await httpCall(`${origin}${path}`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('let the page reach the profiles\' storage endpoints (Test CORS, presigned POST) and nothing else', async () => {
    const csp = String((await httpCall(`${origin}/`)).headers['content-security-policy']);
    const storage = running.localS3Endpoint!;
    expect(csp).toContain(`connect-src 'self' ${storage};`);
    expect(csp).toContain(`form-action 'self' ${storage};`);
  });

  it('mark API answers as not to be cached', async () => {
    expect((await httpCall(`${origin}/api/profiles`)).headers['cache-control']).toBe('no-store');
  });
});
