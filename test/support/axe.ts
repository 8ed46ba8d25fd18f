import axe from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core in the page under test (the Node-22-only @axe-core/playwright is not usable here): its
// source is injected as a script tag and `axe.run` is called in the page. The console's CSP
// forbids inline script, and axe compiles its message templates with `new Function` (doT), which
// `script-src 'self'` refuses too, so the pages it checks must come from a context created with
// `bypassCSP: true` (see `useConsoleInChromium`'s options). Only the accessibility suite does
// that; every other browser suite, the keyboard suite included, runs under the real CSP.

/** Every WCAG 2.0/2.1/2.2 A and AA rule and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Impact = (typeof IMPACTS)[number];

export interface AxeViolation {
  rule: string;
  impact: Impact;
  help: string;
  /** One entry per failing element: its selector and axe's summary of what to fix. */
  nodes: { target: string; summary: string }[];
}

export interface AxeReport {
  screen: string;
  violations: AxeViolation[];
  /** Failing elements per impact (a rule failing on 3 elements counts 3). */
  counts: Record<Impact, number>;
}

/** Runs axe on the page's main document (the hidden test-harness frame holds no UI) and answers its violations. */
export async function runAxe(page: Page, screen: string): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async (tags) => {
    // iframes: false, because axe would otherwise post messages to the cross-origin harness frame,
    // which it may not reach (and which the browser reports as a console error).
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: [...tags] }, iframes: false, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: (v.impact ?? 'minor') as Impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, AXE_TAGS);
  const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, 0])) as Record<Impact, number>;
  for (const violation of violations) counts[violation.impact] += violation.nodes.length;
  return { screen, violations, counts };
}

/** The violations as a reader wants them: one line per rule and element, with what to fix. */
export function describeViolations(reports: AxeReport[]): string {
  return reports
    .filter((report) => report.violations.length > 0)
    .flatMap((report) => [
      `${report.screen}:`,
      ...report.violations.flatMap((v) => v.nodes.map((n) => `  ${v.rule} (${v.impact}) at ${n.target}: ${v.help}. ${n.summary}`)),
    ])
    .join('\n');
}

/** A table of failing elements per screen and impact, for the run's log and the closing note. */
export function axeTable(reports: AxeReport[]): string {
  const width = Math.max(6, ...reports.map((r) => r.screen.length));
  const row = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(width) : cell.padStart(8))).join(' ');
  const total = (r: AxeReport) => IMPACTS.reduce((sum, impact) => sum + r.counts[impact], 0);
  return [row(['screen', ...IMPACTS, 'total']), ...reports.map((r) => row([r.screen, ...IMPACTS.map((impact) => String(r.counts[impact])), String(total(r))]))].join('\n');
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
