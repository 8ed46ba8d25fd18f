import type { ProbeExchange, ProbeTarget } from '../../../contract/api';
import { accessControlHeaders, allowOriginValues, cacheSigns, observedAnswer, type CacheSigns, type ObservedAnswer, type VerdictLevel } from '../../../core';
import type { Diagnosis } from './diagnose';
import type { TestRun } from './run-test';

/** One run of "Test CORS" with its diagnosis. */
export interface DiagnosedRun {
  run: TestRun;
  diagnosis: Diagnosis;
}

/** What one route (the endpoint or the public URL) answered, as the side-by-side view shows it. */
export interface RouteAnswer {
  through: ProbeTarget;
  url: string;
  level: VerdictLevel;
  /** The actual request's status from the server's probe; null when it got no answer or was not sent. */
  status: number | null;
  allowOrigin: string[];
  signs: CacheSigns | null;
}

export interface RouteComparison {
  routes: RouteAnswer[];
  /** The app's verdict differs between the routes. */
  verdictsDiffer: boolean;
  /** Same verdict, but some Access-Control-* header of the preflight or the actual answer differs. */
  headersDiffer: boolean;
}

function answerOf(exchange: ProbeExchange | undefined): ObservedAnswer | null {
  const response = exchange?.response;
  return response ? observedAnswer(response.status, Object.entries(response.headers)) : null;
}

/** The CORS headers the bucket's rules decide, as one comparable text; '' when no answer came. */
function corsPart(exchange: ProbeExchange | undefined): string {
  const answer = answerOf(exchange);
  if (!answer) return '';
  const headers = accessControlHeaders(answer);
  return JSON.stringify(Object.keys(headers).sort().map((name) => [name, headers[name]]));
}

function routeAnswer({ run, diagnosis }: DiagnosedRun): RouteAnswer {
  const actual = answerOf(run.probe.actual);
  return {
    through: run.through,
    url: run.url,
    level: diagnosis.level.level,
    status: actual?.status ?? null,
    allowOrigin: actual ? allowOriginValues(actual) : [],
    signs: actual ? cacheSigns(actual) : null,
  };
}

/**
 * The same request through the bucket's endpoint and through its public URL: the rules are the
 * same both ways, so any difference is made by what stands in front of the bucket (a CDN or cache).
 */
export function compareRoutes(runs: readonly DiagnosedRun[]): RouteComparison {
  const routes = runs.map(routeAnswer);
  const verdictsDiffer = new Set(routes.map((route) => route.level)).size > 1;
  const differs = (pick: (run: TestRun) => ProbeExchange | undefined) => new Set(runs.map(({ run }) => corsPart(pick(run)))).size > 1;
  const headersDiffer = !verdictsDiffer && (differs((run) => run.probe.preflight) || differs((run) => run.probe.actual));
  return { routes, verdictsDiffer, headersDiffer };
}
