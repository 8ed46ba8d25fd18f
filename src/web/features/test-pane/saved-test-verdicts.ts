import type { SavedTest } from '../../../contract/api';
import { judgeOutcome, predictedVerdict, preflightFacts, type AppVerdict, type BrowserPrediction, type Dialect } from '../../../core';
import type { FetchOutcome } from '../../lib/browser-fetch';

export { predictedVerdict } from '../../../core';

/**
 * The browser's verdict for a test, by the same measure as the prediction: what script could read,
 * and the preflight's caching as the rules predict it (the browser does not tell script about it).
 */
export function liveVerdict(outcome: FetchOutcome, mustRead: readonly string[], prediction?: { of: BrowserPrediction; dialect: Dialect }, target?: Target): AppVerdict {
  const readable = outcome.readableHeaders ?? {};
  const preflight = prediction && preflightFacts(prediction.of, prediction.dialect);
  return judgeOutcome({
    ...(target && prediction?.of.request.sendsCredentials ? { credentialed: target } : {}),
    allowed: outcome.readable,
    unreadable: mustRead.filter((name) => readable[name.toLowerCase()] === undefined),
    ...(preflight ? { preflight } : {}),
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

/** Where a test's request went: the page's origin and the URL it fetched. */
type Target = { pageOrigin: string; url: string };

export function judgeSavedTest(test: SavedTest, prediction: BrowserPrediction, outcome: FetchOutcome, dialect: Dialect, target?: Target): SavedTestOutcome {
  const predicted = predictedVerdict(prediction, test.request.mustRead, dialect, target);
  const live = liveVerdict(outcome, test.request.mustRead, { of: prediction, dialect }, target);
  return { test, predicted, live, passed: meets(test.expect, predicted) && meets(test.expect, live) };
}
