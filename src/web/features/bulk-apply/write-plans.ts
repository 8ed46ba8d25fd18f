import type { CorsState } from '../../../contract/api';
import { issueMessage, type CorsConfig, type Issue } from '../../../core';
import type { WriteOutcome } from '../../api/write-outcome';
import { errorText } from '../../lib/error-text';
import type { SkippedPlan } from '../../lib/messages';
import { failureOf, type BucketPlan, type Failure } from './plan';

/** What happened to one bucket when the plans were applied. */
export type WriteResult =
  | { bucket: string; outcome: 'saved'; state: CorsState }
  /** The bucket changed after the preview: the guarded write was refused and nothing was written. */
  | { bucket: string; outcome: 'conflict'; current: CorsState | null }
  | { bucket: string; outcome: 'invalid'; issues: Issue[]; message: string }
  | { bucket: string; outcome: 'failed'; failure: Failure }
  /** `plan`: why the preview left it out (the catalogue's `skippedPlanText` says it). */
  | { bucket: string; outcome: 'skipped'; plan: SkippedPlan }
  | { bucket: string; outcome: 'not-attempted' };

export type GuardedWrite = (bucket: string, config: CorsConfig, version: string) => Promise<WriteOutcome<CorsState>>;

export function resultOf(bucket: string, outcome: WriteOutcome<CorsState>): WriteResult {
  switch (outcome.kind) {
    case 'saved':
      return { bucket, outcome: 'saved', state: outcome.value };
    case 'conflict':
      return { bucket, outcome: 'conflict', current: outcome.current };
    case 'invalid':
      return { bucket, outcome: 'invalid', issues: outcome.issues, message: errorText(outcome.error, issueMessage) };
    case 'failed':
      return { bucket, outcome: 'failed', failure: failureOf(outcome.error) };
  }
}

/**
 * Writes the ready plans one after another, each with the version read at the preview in
 * If-Match, so a bucket changed since is reported as a conflict and left as it is. One at a time
 * keeps the progress honest and the provider's rate limits untroubled; `shouldStop` is asked
 * before each write, so a stop never cuts a write in half.
 */
export async function writePlans(
  plans: readonly BucketPlan[],
  write: GuardedWrite,
  hooks: { onResult: (result: WriteResult, index: number) => void; shouldStop: () => boolean },
): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  for (const [index, plan] of plans.entries()) {
    let result: WriteResult;
    if (plan.kind !== 'ready') result = { bucket: plan.bucket, outcome: 'skipped', plan: plan.kind };
    else if (hooks.shouldStop()) result = { bucket: plan.bucket, outcome: 'not-attempted' };
    else result = resultOf(plan.bucket, await write(plan.bucket, plan.after, plan.version));
    results.push(result);
    hooks.onResult(result, index);
  }
  return results;
}
