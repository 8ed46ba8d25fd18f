import { createRedactor } from '../security/redact';
import type { Capabilities, StorageAdapter, StoredCors } from './adapter';
import { classify, NO_CORS_CONFIGURATION, STORAGE_CODE, type ThrownFacts } from './error-table';
import type { Voice } from './messages';
import { fail, ok, type Result, type StorageError } from './result';

/**
 * One provider's calls through its SDK, as the StorageAdapter has them. They may throw whatever
 * the SDK throws; `adapterFrom` turns that into a `StorageError` with the provider's `readError`
 * and the shared error table.
 */
export type ProviderOperations = Omit<StorageAdapter, 'capabilities'>;

/** Bucket names a provider can have; others are refused before anything is sent. */
export interface BucketNames {
  pattern: RegExp;
  /** Why the name cannot be one, and what a valid one looks like. */
  refusal(bucket: string): string;
}

/** What differs between providers; everything else is the kit's. */
export interface ProviderDescriptor {
  capabilities: Capabilities;
  voice: Voice;
  /** Kept out of every message, even when the provider echoes them. */
  secrets: readonly string[];
  bucketNames?: BucketNames;
  /** Reads code, status and text out of what this provider's SDK throws. */
  readError(thrown: unknown): ThrownFacts;
  operations: ProviderOperations;
}

/** What each call was doing, as failure messages say it ("Could not <action>: ..."). */
const ACTION = {
  listBuckets: () => 'list buckets',
  getCors: (bucket: string) => `read the CORS configuration of ${bucket}`,
  putCors: (bucket: string) => `write the CORS configuration of ${bucket}`,
  deleteCors: (bucket: string) => `delete the CORS configuration of ${bucket}`,
  objectUrl: (bucket: string, key: string) => `build the URL of ${bucket}/${key}`,
  presign: (bucket: string, key: string, method: string) => `sign a ${method} URL for ${bucket}/${key}`,
  presignPost: (bucket: string, key: string) => `sign a POST policy for ${bucket}/${key}`,
};

const NO_CORS: StoredCors = { config: null, raw: null };

/**
 * The deadline of one call, retries included, as an abort signal: the SDK's own timeouts are per
 * socket and per attempt, so a server that trickles bytes or a retry could outlast them, and
 * past the deadline the request is aborted, not abandoned.
 */
export function callDeadline(ms: number): () => AbortSignal {
  return () => AbortSignal.timeout(ms);
}

/** A StorageAdapter from a provider's descriptor: every call answers a Result, none throws. */
export function adapterFrom(provider: ProviderDescriptor): StorageAdapter {
  const { operations: op } = provider;
  const redact = createRedactor(provider.secrets);
  const redacted = <T>(result: Result<T>): Result<T> => (result.ok ? result : fail({ ...result.error, message: redact(result.error.message) }));

  const failure = (facts: ThrownFacts, action: string): StorageError => {
    const kind = classify(facts);
    return {
      code: STORAGE_CODE[kind],
      message: provider.voice[kind]({ ...facts, action }),
      ...(facts.providerCode ? { providerCode: facts.providerCode } : {}),
      ...(facts.providerStatus ? { providerStatus: facts.providerStatus } : {}),
    };
  };

  /** Runs one call; `answered` may read a thrown provider answer as a result (no configuration). */
  async function attempt<T>(action: string, run: () => Promise<Result<T>>, answered?: (facts: ThrownFacts) => Result<T> | undefined): Promise<Result<T>> {
    try {
      return redacted(await run());
    } catch (thrown) {
      const facts = provider.readError(thrown);
      return redacted(answered?.(facts) ?? fail(failure(facts, action)));
    }
  }

  const refusal = (bucket: string): Result<never> | undefined =>
    provider.bucketNames && !provider.bucketNames.pattern.test(bucket)
      ? fail({ code: 'provider-error', providerCode: 'InvalidBucketName', message: provider.bucketNames.refusal(bucket) })
      : undefined;

  const withBucket = <T>(bucket: string, action: string, run: () => Promise<Result<T>>, answered?: (facts: ThrownFacts) => Result<T> | undefined): Promise<Result<T>> => {
    const refused = refusal(bucket);
    return refused ? Promise.resolve(refused) : attempt(action, run, answered);
  };

  return {
    capabilities: provider.capabilities,
    listBuckets: () => attempt(ACTION.listBuckets(), () => op.listBuckets()),
    getCors: (bucket) =>
      withBucket(bucket, ACTION.getCors(bucket), () => op.getCors(bucket), (facts) => (facts.providerCode === NO_CORS_CONFIGURATION ? ok(NO_CORS) : undefined)),
    putCors: (bucket, config) => withBucket(bucket, ACTION.putCors(bucket), () => op.putCors(bucket, config)),
    deleteCors: (bucket) => withBucket(bucket, ACTION.deleteCors(bucket), () => op.deleteCors(bucket)),
    objectUrl: (bucket, key) => {
      const refused = refusal(bucket);
      if (refused) return refused;
      try {
        return redacted(op.objectUrl(bucket, key));
      } catch (thrown) {
        return redacted(fail(failure(provider.readError(thrown), ACTION.objectUrl(bucket, key))));
      }
    },
    presign: (bucket, key, options) => withBucket(bucket, ACTION.presign(bucket, key, options.method), () => op.presign(bucket, key, options)),
    presignPost: (bucket, key, expiresSeconds) => withBucket(bucket, ACTION.presignPost(bucket, key), () => op.presignPost(bucket, key, expiresSeconds)),
  };
}
