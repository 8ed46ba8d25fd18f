import { configEdits, type ConfigEdit } from './config-edits';
import type { Dialect } from './dialects';
import { sameConfig } from './identity';
import { predictBrowserFetch, type BrowserFetch, type BrowserPrediction } from './predict';
import type { CorsConfig } from './rule';
import { requestsByRule } from './shadow-analysis';

// Drift (issue 20, item 4): the live configuration against a file, compared as browsers would
// see them, not as text. The same rules in another order are the same configuration when no
// request fares differently (first match wins only where rules overlap); a reorder that changes
// some request's outcome, or any other edit, is a difference, named with the requests it changes.

export const COMPARISON_VERDICTS = ['identical', 'reordered-without-effect', 'reordered-with-effect', 'changed'] as const;
export type ComparisonVerdict = (typeof COMPARISON_VERDICTS)[number];

/** A sampled request whose outcome differs between the two configurations. */
export interface ChangedRequest {
  request: BrowserFetch;
  live: RequestOutcome;
  file: RequestOutcome;
}

/** What a browser gets: allowed or not (and at which check), and the CORS headers of each answer. */
export interface RequestOutcome {
  allowed: boolean;
  blockedAt?: string;
  preflightHeaders?: Record<string, string>;
  actualHeaders?: Record<string, string>;
}

export interface ConfigComparison {
  verdict: ComparisonVerdict;
  /** true when the two say the same to every browser request: identical, or only reordered without effect. */
  equivalent: boolean;
  /** From the live configuration to the file's, as people describe them ("rule 2 moved to position 1"). */
  edits: ConfigEdit[];
  /** Requests (of the sample) whose outcome differs, at most {@link MAX_CHANGED_REQUESTS}. */
  changedRequests: ChangedRequest[];
  /** Requests compared: each rule's own (origins it names and an unlisted one, its methods and headers, with and without credentials). */
  sampled: number;
}

export const MAX_CHANGED_REQUESTS = 20;

function outcomeOf(prediction: BrowserPrediction): RequestOutcome {
  return {
    allowed: prediction.allowed,
    ...(prediction.blockedBy ? { blockedAt: prediction.blockedBy.check } : {}),
    ...(prediction.preflight ? { preflightHeaders: prediction.preflight.headers } : {}),
    ...(prediction.actual ? { actualHeaders: prediction.actual.headers } : {}),
  };
}

const sameOutcome = (a: RequestOutcome, b: RequestOutcome) => JSON.stringify(a) === JSON.stringify(b);

/** Every rule's own requests, of both configurations, each once. */
function sampleRequests(configs: readonly (CorsConfig | null)[], dialect: Dialect): BrowserFetch[] {
  const seen = new Map<string, BrowserFetch>();
  for (const config of configs) {
    if (!config) continue;
    for (const request of requestsByRule(config, dialect).flat()) seen.set(JSON.stringify([request.origin, request.method, request.headers ?? {}, request.credentials ?? 'omit']), request);
  }
  return [...seen.values()];
}

/** The live configuration against the file's, as the browsers of `dialect`'s provider would see them. */
export function compareConfigurations(live: CorsConfig | null, file: CorsConfig | null, dialect: Dialect): ConfigComparison {
  if (sameConfig(live, file)) return { verdict: 'identical', equivalent: true, edits: [], changedRequests: [], sampled: 0 };
  const edits = configEdits(live, file);
  const requests = sampleRequests([live, file], dialect);
  const changedRequests: ChangedRequest[] = [];
  for (const request of requests) {
    const before = outcomeOf(predictBrowserFetch(live, request, dialect));
    const after = outcomeOf(predictBrowserFetch(file, request, dialect));
    if (!sameOutcome(before, after)) changedRequests.push({ request, live: before, file: after });
    if (changedRequests.length >= MAX_CHANGED_REQUESTS) break;
  }
  const onlyMoved = edits.length > 0 && edits.every((edit) => edit.code === 'rule.moved');
  // No edit a person would name (spelling the identity normalises) and no request changed: the same configuration.
  const verdict: ComparisonVerdict =
    edits.length === 0 && changedRequests.length === 0 ? 'identical' : !onlyMoved ? 'changed' : changedRequests.length ? 'reordered-with-effect' : 'reordered-without-effect';
  return { verdict, equivalent: verdict === 'identical' || verdict === 'reordered-without-effect', edits, changedRequests, sampled: requests.length };
}
