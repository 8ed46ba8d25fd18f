import type { SavedTest } from '../../../contract/api';
import { observedVerdict, predictedVerdict, type AppVerdict, type BrowserPrediction, type Dialect } from '../../../core';
import type { FetchOutcome } from '../../lib/browser-fetch';

export { predictedVerdict } from '../../../core';

/** The browser's verdict for a test, by the same measure as the prediction (the core's, shared with the command). */
export function liveVerdict(outcome: FetchOutcome, mustRead: readonly string[], prediction?: { of: BrowserPrediction; dialect: Dialect }, target?: Target): AppVerdict {
  return observedVerdict(outcome, mustRead, prediction, target);
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
