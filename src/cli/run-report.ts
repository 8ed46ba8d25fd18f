import type { Method, VerdictLevel } from '../core';
import type { CorsErrorStatus, EngineName } from '../engines/engine';

/** How one test came out in one engine: as expected, not, or not judged for an infrastructure problem. */
export type CaseStatus = 'passed' | 'failed' | 'error';

/** One test of the suite, as the reports name it. */
export interface CaseTest {
  id: string;
  name: string;
  method: Method;
  key: string;
  /** The page origin the request was sent from. */
  origin: string;
  expect: 'allowed' | 'blocked';
}

/** One test × one engine. */
export interface CaseResult {
  test: CaseTest;
  engine: EngineName;
  status: CaseStatus;
  /** The verdict the rules predict (the core), for the live configuration. */
  predicted: VerdictLevel;
  /** The engine's verdict; absent when the request could not be made. */
  observed?: VerdictLevel;
  /** Chromium's exact reason for a refusal. */
  corsError?: CorsErrorStatus;
  /** Why it failed or could not run, as sentences. */
  reason?: string;
  /** What to change in the rules, when the console knows. */
  fix?: string;
  /** Things worth knowing about a result that stands (the prediction or the provider differs). */
  notes: string[];
  ms: number;
}

/** An engine asked for, and what became of it. */
export type EngineReport =
  | { name: EngineName; state: 'ran'; launchMs: number }
  | { name: EngineName; state: 'skipped' | 'missing'; message: string };

export interface RunReport {
  profile: string;
  bucket: string;
  /** Where the tests came from: the state store or a suite file. */
  source: string;
  engines: EngineReport[];
  cases: CaseResult[];
  /** Said once for the whole run (engines skipped, the suite written for another bucket). */
  notices: string[];
  /** A problem that stopped the run before any verdict (the endpoint unreachable, credentials refused). */
  infrastructure?: string;
  startedAt: string;
  durationMs: number;
}

export const EXIT = { passed: 0, failed: 1, usage: 2, infrastructure: 3 } as const;

/** 3 for an infrastructure problem anywhere, else 1 when a test failed, else 0. */
export function exitCodeOf(report: RunReport): number {
  if (report.infrastructure || report.cases.some((c) => c.status === 'error') || report.engines.some((e) => e.state === 'missing')) return EXIT.infrastructure;
  return report.cases.some((c) => c.status === 'failed') ? EXIT.failed : EXIT.passed;
}

export function countCases(cases: readonly CaseResult[]): Record<CaseStatus, number> {
  const counts: Record<CaseStatus, number> = { passed: 0, failed: 0, error: 0 };
  for (const c of cases) counts[c.status]++;
  return counts;
}
