import type { StorageCall, StorageProvider } from '../../contract/api';
import { createRedactor } from '../security/redact';
import type { Capabilities, StorageAdapter, StoredCors } from './adapter';
import { NO_CORS_CONFIGURATION, type ThrownFacts } from './error-table';
import { failureOf } from './failures';
import { fail, ok, type OperationFailure, type Result, type StorageError } from './result';

/** A result of the adapter's interface, as one provider's operation answers it (its failures without call and provider). */
type AsOperation<R> = [R] extends [Promise<Result<infer T>>] ? Promise<Result<T, OperationFailure>> : [R] extends [Result<infer T>] ? Result<T, OperationFailure> : never;

/**
 * One provider's calls through its SDK, as the StorageAdapter has them. They may throw whatever
 * the SDK throws; `adapterFrom` turns that into a `StorageError` with the provider's `readError`
 * and the shared error table.
 */
export type ProviderOperations = {
  [K in Exclude<keyof StorageAdapter, 'capabilities' | 'provider'>]: (...args: Parameters<StorageAdapter[K]>) => AsOperation<ReturnType<StorageAdapter[K]>>;
};

/** What differs between providers; everything else is the kit's. */
export interface ProviderDescriptor {
  capabilities: Capabilities;
  /** Who failures name: an S3-API store, or OSS or COS with endpoint and region. */
  provider: StorageProvider;
  /** Kept out of every failure, even when the provider echoes them. */
  secrets: readonly string[];
  /** Bucket names the provider can have; others are refused before anything is sent. */
  bucketNames?: RegExp;
  /** Reads code, status and text out of what this provider's SDK throws. */
  readError(thrown: unknown): ThrownFacts;
  operations: ProviderOperations;
}

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
export function adapterFrom(descriptor: ProviderDescriptor): StorageAdapter {
  const { operations: op, provider } = descriptor;
  const redact = createRedactor(descriptor.secrets);

  /** The operation's failure, naming the call and the provider, with no secret in the provider's own text. */
  const complete = (failure: OperationFailure, call: StorageCall): StorageError => {
    const params = 'providerMessage' in failure.params && failure.params.providerMessage !== undefined ? { ...failure.params, providerMessage: redact(failure.params.providerMessage) } : failure.params;
    // Each member of OperationFailure is its StorageError member less `call` and `provider`.
    return { ...failure, params: { ...params, call, provider } } as StorageError;
  };
  const completed = <T>(result: Result<T, OperationFailure>, call: StorageCall): Result<T> => (result.ok ? result : fail(complete(result.error, call)));

  /** Runs one call; `answered` may read a thrown provider answer as a result (no configuration). */
  async function attempt<T>(call: StorageCall, run: () => Promise<Result<T, OperationFailure>>, answered?: (facts: ThrownFacts) => Result<T> | undefined): Promise<Result<T>> {
    try {
      return completed(await run(), call);
    } catch (thrown) {
      const facts = descriptor.readError(thrown);
      return answered?.(facts) ?? completed(fail(failureOf(facts)), call);
    }
  }

  const refusal = (bucket: string, call: StorageCall): Result<never> | undefined =>
    descriptor.bucketNames && !descriptor.bucketNames.test(bucket)
      ? completed(fail({ code: 'provider-error', providerCode: 'InvalidBucketName', params: { reason: 'invalid-bucket-name', bucket } }), call)
      : undefined;

  const withBucket = <T>(bucket: string, call: StorageCall, run: () => Promise<Result<T, OperationFailure>>, answered?: (facts: ThrownFacts) => Result<T> | undefined): Promise<Result<T>> => {
    const refused = refusal(bucket, call);
    return refused ? Promise.resolve(refused) : attempt(call, run, answered);
  };

  return {
    capabilities: descriptor.capabilities,
    provider: descriptor.provider,
    listBuckets: () => attempt({ call: 'list-buckets' }, () => op.listBuckets()),
    getCors: (bucket) =>
      withBucket(bucket, { call: 'read-cors', bucket }, () => op.getCors(bucket), (facts) => (facts.providerCode === NO_CORS_CONFIGURATION ? ok(NO_CORS) : undefined)),
    putCors: (bucket, config) => withBucket(bucket, { call: 'write-cors', bucket }, () => op.putCors(bucket, config)),
    deleteCors: (bucket) => withBucket(bucket, { call: 'delete-cors', bucket }, () => op.deleteCors(bucket)),
    objectUrl: (bucket, key) => {
      const call: StorageCall = { call: 'build-url', bucket, key };
      const refused = refusal(bucket, call);
      if (refused) return refused;
      try {
        return completed(op.objectUrl(bucket, key), call);
      } catch (thrown) {
        return completed(fail(failureOf(descriptor.readError(thrown))), call);
      }
    },
    presign: (bucket, key, options) => withBucket(bucket, { call: 'sign-url', bucket, key, method: options.method }, () => op.presign(bucket, key, options)),
    presignPost: (bucket, key, expiresSeconds) => withBucket(bucket, { call: 'sign-post', bucket, key }, () => op.presignPost(bucket, key, expiresSeconds)),
  };
}
