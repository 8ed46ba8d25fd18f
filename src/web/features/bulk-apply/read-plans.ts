import type { CorsState } from '../../../contract/api';
import { failureOf, type BucketPlan } from './plan';

/** Reads at once: quick over many buckets without tripping a provider's rate limits. */
const READ_CONCURRENCY = 4;

/**
 * Reads every bucket's configuration (and version) for the preview, a few at a time, in the given
 * order; a bucket that cannot be read gets an `unreadable` plan instead of failing the rest.
 */
export async function readPlans(
  buckets: readonly string[],
  read: (bucket: string) => Promise<CorsState>,
  toPlan: (bucket: string, state: CorsState) => BucketPlan,
  onProgress: (done: number) => void,
): Promise<BucketPlan[]> {
  const plans: BucketPlan[] = new Array(buckets.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < buckets.length) {
      const index = next++;
      const bucket = buckets[index]!;
      try {
        plans[index] = toPlan(bucket, await read(bucket));
      } catch (error) {
        plans[index] = { bucket, kind: 'unreadable', failure: failureOf(error) };
      }
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, buckets.length) }, worker));
  return plans;
}
