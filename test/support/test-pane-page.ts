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
  await page.getByLabel('Method').selectOption(method);
  await page.getByLabel('Request headers').fill(headers);
  await page.getByLabel('Credentials').selectOption(credentials);
  await page.getByRole('radio', { name: from === 'console' ? /^This console/ : /^Second origin/ }).check();
  await page.getByLabel('Headers the app must read').fill(mustRead);
}

export interface TestVerdict {
  verdict: string;
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
  const findings = await page.getByRole('list', { name: 'Diagnosis' }).locator('li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-code')}: ${li.textContent}`));
  return { verdict: text, findings };
}

/** The rules' prediction for the saved configuration, as the Prediction column shows it. */
export async function predictedVerdict(page: Page): Promise<'allowed' | 'blocked'> {
  const heading = (await page.getByRole('region', { name: 'Prediction' }).getByRole('heading', { name: /^Saved configuration/ }).textContent()) ?? '';
  return heading.endsWith('allowed') ? 'allowed' : 'blocked';
}

/** The browser's verdict is `expected`, the saved rules predicted the same, and nothing differed. */
export async function expectAgreement(page: Page, result: TestVerdict, expected: 'allowed' | 'blocked'): Promise<void> {
  expect(result.verdict.startsWith(expected === 'allowed' ? 'Allowed' : 'Blocked'), result.verdict).toBe(true);
  expect(await predictedVerdict(page)).toBe(expected);
  expect(result.findings.filter((f) => f.startsWith('browser-differs') || f.startsWith('server-differs'))).toEqual([]);
}
