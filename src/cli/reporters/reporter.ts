import type { CaseResult, RunReport } from '../run-report';

/** One output format of a run. */
export interface Reporter {
  /** Each case as it ends (the pretty reporter's progress). */
  onCase?(result: CaseResult): void;
  /** The whole run, as the text its destination receives. */
  render(report: RunReport): string;
}

export const REPORTER_NAMES = ['pretty', 'junit', 'tap', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** `[chromium] Download test.txt`: a case's name in every format. */
export const caseTitle = (c: CaseResult) => `[${c.engine}] ${c.test.name}`;

/** The lines that explain a case that did not pass, and any notes. */
export function caseDetails(c: CaseResult): string[] {
  return [
    ...(c.reason ? [c.reason] : []),
    ...(c.corsError ? [`Chromium: ${c.corsError.corsError}${c.corsError.failedParameter ? ` (${c.corsError.failedParameter})` : ''}`] : []),
    ...(c.fix ? [`Fix: ${c.fix}`] : []),
    ...c.notes,
  ];
}

export const verdictSummary = (c: CaseResult) => `expected ${c.test.expect}, ${c.engine} ${c.observed ?? 'no verdict'}, predicted ${c.predicted}`;
