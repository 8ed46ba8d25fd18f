import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole, type StartEnv } from '../../src/server/start';
import { launchChromium, type Browser } from '../support/chromium';
import { openRule, waitForStoredDraft } from '../support/console-page';
import { startPageServer, type PageServer } from '../support/page-server';

// The console's own security in real Chromium: its CSP does not break the SPA, the access token
// is asked once and kept as an HttpOnly cookie, a page on another origin cannot drive the API,
// a restart leaves drafts alone, and the build carries no secret.

const run = promisify(execFile);
const TOKEN = 'e2e-token-please-keep-secret-123';
let browser: Browser;
let hostile: PageServer;
let dataDir: string;
const consoles: RunningConsole[] = [];

async function start(env: Partial<StartEnv> = {}, dir?: string, log: (line: string) => void = () => {}): Promise<RunningConsole> {
  const running = await startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, ...env },
    processEnv: {},
    dataDir: dir ?? (await mkdtemp(join(dataDir, 'run-'))),
    webDir: resolve('dist/web'),
    log,
  });
  consoles.push(running);
  return running;
}

/** CSP refusals Chromium reports on the console, for the whole life of the page. */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-e2e-security-'));
  [browser, hostile] = await Promise.all([launchChromium(), startPageServer('A hostile page')]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), hostile?.stop(), ...consoles.map((c) => c.stop().catch(() => {}))]);
  await rm(dataDir, { recursive: true, force: true });
});

describe('the console in Chromium, under its own security', () => {
  it('runs the SPA, the rule editor and Test CORS with no CSP violation', async () => {
    const running = await start();
    const page = await browser.context.newPage();
    const violations = watchCspViolations(page);
    const response = await page.goto(`${running.url}/p/local/b/demo-direct-upload`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('region', { name: /^Rule 1\b/ }).waitFor();
    await page.goto(`${running.url}/p/local/b/demo-direct-upload/test`);
    const testCors = page.getByRole('button', { name: 'Test CORS' });
    await testCors.and(page.locator(':enabled')).waitFor();
    await testCors.click();
    await page.locator('.tp-verdict').waitFor();
    // And from the harness on the second origin, which the console frames.
    await page.getByLabel(/Second origin/).check();
    await testCors.click();
    await page.locator('.tp-verdict').waitFor();
    await page.close();
    expect(violations).toEqual([]);
  });

  it('asks for the access token once, and keeps the session in a cookie script cannot read', async () => {
    const running = await start({ CORS_CONSOLE_TOKEN: TOKEN });
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(running.url);
    await page.getByRole('heading', { name: 'Access token' }).waitFor();
    await page.getByLabel('Access token').fill('not-the-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText("That is not this console's access token").waitFor();
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /demo-direct-upload/ }).first().waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('cors_console_session');
    await page.reload();
    await page.getByRole('link', { name: /demo-direct-upload/ }).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Access token' }).count()).toBe(0);
    await page.close();
  });

  it('refuses calls a page on another origin makes with the user\'s session (same site, other port)', async () => {
    const logs: string[] = [];
    const running = await start({ CORS_CONSOLE_TOKEN: TOKEN }, undefined, (line) => logs.push(line));
    // Cookies ignore ports: start signed out of the console of the test before.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    // Sign in on the console, so the browser holds its cookie; 127.0.0.1:<other port> is the same site.
    await page.goto(running.url);
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /demo-direct-upload/ }).first().waitFor();

    await page.goto(hostile.origin);
    const outcomes = await page.evaluate(async (api) => {
      const read = await fetch(`${api}/api/profiles`, { credentials: 'include' }).then(() => 'read', (e: unknown) => `blocked: ${String(e)}`);
      // A "simple" request needs no preflight, so the browser sends it with the cookie; only the
      // server can refuse it. (The page learns nothing either way: the answer is blocked.)
      const write = await fetch(`${api}/api/profiles/local/buckets/demo-no-cors/probe`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"method":"GET"}' }).then(
        () => 'sent',
        () => 'sent, answer blocked',
      );
      return [read, write];
    }, running.url);
    await page.close();
    expect(outcomes[0]).toMatch(/^blocked/);
    // What Chromium sent, as the server saw and refused it (403 cross-origin-refused).
    expect(logs.filter((line) => line.startsWith('refused'))).toEqual([
      expect.stringMatching(/^refused GET \/api\/profiles: this call came from another site \(Sec-Fetch-Site: same-site\)/),
      expect.stringMatching(/^refused POST \/api\/profiles\/local\/buckets\/demo-no-cors\/probe: this call came from another site/),
    ]);
  });

  it('keeps the browser\'s drafts across a server restart', async () => {
    const dir = await mkdtemp(join(dataDir, 'restart-'));
    const first = await start({}, dir);
    const port = Number(new URL(first.url).port);
    const page = await browser.context.newPage();
    await page.goto(`${first.url}/p/local/b/demo-no-cors`);
    await page.getByText('This bucket has no CORS configuration').waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('region', { name: /^Rule 1\b/ }).getByLabel('Allowed origins').fill('https://draft-survives.example');
    await waitForStoredDraft(page, 'https://draft-survives.example');
    await first.stop();

    const second = await start({ PORT: port }, dir);
    await page.reload();
    await page.getByText(/Unsaved draft from \d\d:\d\d/).waitFor();
    expect(await (await openRule(page, 1)).getByLabel('Allowed origins').inputValue()).toBe('https://draft-survives.example');
    await page.close();
    await second.stop();
  });
});

describe('the build', () => {
  it('has no inline script or style in its pages (the console and the harness)', async () => {
    const pages = (await filesUnder('dist/web')).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const file of pages) {
      const html = await readFile(file, 'utf8');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style\b/);
    }
  });

  it('carries no secret that was in the environment while it was built', async () => {
    const out = await mkdtemp(join(dataDir, 'build-'));
    const secrets = { AWS_SECRET_ACCESS_KEY: 'build-env-aws-secret-31415926535', OSS_ACCESS_KEY_SECRET: 'build-env-oss-secret-27182818284', CORS_CONSOLE_TOKEN: 'build-env-token-16180339887', VITE_NOT_A_SECRET: 'x' };
    const env = { ...process.env, ...secrets };
    await run('npx', ['vite', 'build', '--outDir', join(out, 'web'), '--emptyOutDir'], { env });
    await run('npx', ['vite', 'build', '--ssr', 'src/server/main.ts', '--outDir', join(out, 'server'), '--emptyOutDir'], { env });
    const files = [...(await filesUnder(out)), ...(await filesUnder('dist'))];
    expect(files.length).toBeGreaterThan(3);
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const [name, value] of Object.entries(secrets)) if (name !== 'VITE_NOT_A_SECRET' && text.includes(value)) leaks.push(`${name} in ${file}`);
      // No AWS-style key pair, whatever its source.
      if (/AKIA[0-9A-Z]{16}/.test(text)) leaks.push(`an AWS access key id in ${file}`);
    }
    console.info(`build scan: ${files.length} files, ${leaks.length} secrets found`);
    expect(leaks).toEqual([]);
  }, 120_000);
});
