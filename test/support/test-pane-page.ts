import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startTestConsole } from './console-server';

type TestConsole = Awaited<ReturnType<typeof startTestConsole>>;

// Driving the Test tab through its UI, shared by the browser suites: fill the request, let the
// browser judge it, and check that the rules' prediction agrees with the browser.

export async function openTestTab(page: Page, app: Pick<TestConsole, 'url' | 'profileId'>, bucket: string): Promise<void> {
  await page.goto(`${app.url}/p/${app.profileId}/b/${bucket}/test`);
  await page.getByRole('button', { name: 'Test CORS' }).and(page.locator(':enabled')).waitFor();
}

export interface RequestFields {
  method?: string;
  headers?: string;
  credentials?: 'omit' | 'include';
  from?: 'console' | 'harness';
  mustRead?: string;
}

export async function fillRequest(page: Page, { method = 'GET', headers = '', credentials = 'omit', from = 'console', mustRead = '' }: RequestFields): Promise<void> {
  // Exact labels: other panes' controls mention them too ("…AllowedMethods GET" on a shadowing fix).
  await page.getByLabel('Method', { exact: true }).selectOption(method);
  await page.getByLabel('Request headers', { exact: true }).fill(headers);
  await page.getByLabel('Credentials', { exact: true }).selectOption(credentials);
  await page.getByRole('radio', { name: from === 'console' ? /^This console/ : /^Second origin/ }).check();
  await page.getByLabel('Headers the app must read', { exact: true }).fill(mustRead);
}

export interface TestVerdict {
  verdict: string;
  /** The verdict's level, as the page marks it: allowed, broken (allowed but broken for the app) or blocked. */
  level: 'allowed' | 'broken' | 'blocked';
  /** The diagnosis, as `code: text`. */
  findings: string[];
}

/** Clicks "Test CORS" and waits for this run's verdict; answers it with the diagnosis codes. */
export async function testCors(page: Page): Promise<TestVerdict> {
  const verdict = page.locator('.tp-verdict');
  const before = await verdict.count();
  const button = page.getByRole('button', { name: 'Test CORS' });
  if (before) await page.evaluate(() => document.querySelector('.tp-verdict')?.classList.add('tp-stale'));
  await button.click();
  await page.locator('.tp-verdict:not(.tp-stale)').waitFor();
  const text = (await verdict.textContent()) ?? '';
  const level = (await verdict.getAttribute('data-level')) as TestVerdict['level'];
  // The finding's own words; the provider's quoted answer under it is not part of them.
  const findings = await page
    .getByRole('list', { name: 'Diagnosis' })
    .locator('li')
    .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-code')}: ${li.querySelector('.tp-finding-text')?.textContent ?? ''}`));
  return { verdict: text, level, findings };
}

/** The rules' prediction for the saved configuration, as the Prediction column shows it. */
export async function predictedVerdict(page: Page): Promise<TestVerdict['level']> {
  const heading = (await page.getByRole('region', { name: 'Prediction' }).getByRole('heading', { name: /^Saved configuration/ }).textContent()) ?? '';
  return heading.endsWith('broken for the app') ? 'broken' : heading.endsWith('allowed') ? 'allowed' : 'blocked';
}

/**
 * The browser's verdict is `expected` (`allowed` counts an allowed request that is broken for the
 * app too), the saved rules predicted the same level, and nothing differed.
 */
export async function expectAgreement(page: Page, result: TestVerdict, expected: 'allowed' | 'broken' | 'blocked'): Promise<void> {
  expect(result.verdict.startsWith(expected === 'blocked' ? 'Blocked' : 'Allowed'), result.verdict).toBe(true);
  expect(expected === 'allowed' ? ['allowed', 'broken'] : [expected]).toContain(result.level);
  expect(await predictedVerdict(page)).toBe(result.level);
  expect(result.findings.filter((f) => f.startsWith('browser-differs') || f.startsWith('server-differs'))).toEqual([]);
}

/** Whether the page's own script could read `header` in the last run (the Browser column's header list). */
export async function browserCouldRead(page: Page, header: string): Promise<boolean> {
  const names = page.getByRole('region', { name: 'Browser' }).getByLabel('Headers script can read').locator('dt');
  return (await names.allTextContents()).some((name) => name.trim().toLowerCase() === header.toLowerCase());
}
