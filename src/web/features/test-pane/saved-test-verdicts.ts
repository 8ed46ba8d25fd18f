import type { SavedTest } from '../../../contract/api';
import { headerReadability, type BrowserPrediction } from '../../../core';
import type { FetchOutcome } from '../../lib/browser-fetch';

export type Verdict = 'allowed' | 'blocked';

/** A prediction's verdict for a test: allowed only when every header the app must read is exposed. */
export function predictedVerdict(prediction: BrowserPrediction, mustRead: readonly string[]): Verdict {
  if (!prediction.allowed) return 'blocked';
  return headerReadability(prediction, mustRead).unreadable.length === 0 ? 'allowed' : 'blocked';
}

/** The browser's verdict for a test, by the same measure. */
export function liveVerdict(outcome: FetchOutcome, mustRead: readonly string[]): Verdict {
  if (!outcome.readable) return 'blocked';
  const readable = outcome.readableHeaders ?? {};
  return mustRead.every((name) => readable[name.toLowerCase()] !== undefined) ? 'allowed' : 'blocked';
}

export interface SavedTestOutcome {
  test: SavedTest;
  predicted: Verdict;
  live: Verdict;
  passed: boolean;
}

export function judgeSavedTest(test: SavedTest, prediction: BrowserPrediction, outcome: FetchOutcome): SavedTestOutcome {
  const predicted = predictedVerdict(prediction, test.request.mustRead);
  const live = liveVerdict(outcome, test.request.mustRead);
  return { test, predicted, live, passed: predicted === test.expect && live === test.expect };
}
