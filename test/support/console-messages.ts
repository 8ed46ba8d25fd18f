import type { Page } from 'playwright-core';

/**
 * Collects what a page reports as wrong while a suite walks through it: console errors and
 * warnings (CSP violations, failed postMessage, React warnings), from every frame of the page,
 * and uncaught exceptions. Issue 16 asks for none on any screen. `expected` are the lines a flow
 * cannot avoid (the browser's own report of a refused request), each named by the caller with why.
 */
export function collectConsoleProblems(page: Page, expected: RegExp[] = []): { problems: string[] } {
  const collected = { problems: [] as string[] };
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const { url, lineNumber } = message.location();
    const line = `${message.type()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
    if (!expected.some((pattern) => pattern.test(line))) collected.problems.push(`${line} on ${page.url()}`);
  });
  page.on('pageerror', (error) => collected.problems.push(`uncaught: ${error.message} on ${page.url()}`));
  return collected;
}
