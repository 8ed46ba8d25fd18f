import type { SavedTest } from '../../../contract/api';
import { judgeOutcome, predictedVerdict, type AppVerdict, type BrowserPrediction } from '../../../core';
import type { FetchOutcome } from '../../lib/browser-fetch';

export { predictedVerdict } from '../../../core';

/**
 * The browser's verdict for a test, by the same measure as the prediction: what script could read,
 * and the preflight's caching as the rules predict it (the browser does not tell script about it).
 */
export function liveVerdict(outcome: FetchOutcome, mustRead: readonly string[], prediction?: BrowserPrediction): AppVerdict {
  const readable = outcome.readableHeaders ?? {};
  const preflight = prediction?.preflight;
  return judgeOutcome({
    allowed: outcome.readable,
    unreadable: mustRead.filter((name) => readable[name.toLowerCase()] === undefined),
    ...(preflight ? { preflight: { maxAge: preflight.headers['access-control-max-age'] } } : {}),
  });
}

export interface SavedTestOutcome {
  test: SavedTest;
  predicted: AppVerdict;
  live: AppVerdict;
  passed: boolean;
}

/** A test the app needs allowed passes only when nothing breaks the app; one it needs blocked, only when blocked. */
function meets(expect: SavedTest['expect'], verdict: AppVerdict): boolean {
  return verdict.level === expect;
}

export function judgeSavedTest(test: SavedTest, prediction: BrowserPrediction, outcome: FetchOutcome): SavedTestOutcome {
  const predicted = predictedVerdict(prediction, test.request.mustRead);
  const live = liveVerdict(outcome, test.request.mustRead, prediction);
  return { test, predicted, live, passed: meets(test.expect, predicted) && meets(test.expect, live) };
}
