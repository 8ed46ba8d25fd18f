import type { ApiErrorParams, CorsState } from '../../contract/api';
import type { CorsConfig, Dialect } from '../../core';
import type { StorageAdapter, StoredCors } from '../storage/adapter';
import { fail, ok, type Result, type StorageError } from '../storage/result';
import type { Analysed } from './analysis';
import { createKeyedLock } from './bucket-lock';
import type { CorsAnalyst } from './cors-analyst';

const MAX_RECENT = 1_000;

export type WriteOutcome =
  | { kind: 'written'; state: CorsState }
  | { kind: 'conflict'; current: CorsState }
  | { kind: 'failed'; error: StorageError; current?: CorsState }
  /** Refused before the provider was written: the history could not take the write's entry. */
  | { kind: 'unrecorded'; failure: HistoryUnwritable };

/** Why a write's history entry could not be written: the backend, where, and its own code. */
export type HistoryUnwritable = ApiErrorParams<'history-unwritable'>;

/**
 * Records a write in the bucket's history: `begin` after the version check and before the
 * provider is written (so a crash mid-write still leaves the entry), `settle` once it ended.
 */
export interface WriteJournal {
  begin(before: { config: CorsConfig | null; version: string }): Promise<Result<void, HistoryUnwritable>>;
  settle(outcome: ProviderWriteOutcome): Promise<void>;
}

/** How a write that reached the provider ended. */
type ProviderWriteOutcome = Extract<WriteOutcome, { kind: 'written' | 'failed' }>;

/**
 * Reads and guards writes of bucket CORS configurations. PutBucketCors replaces the whole
 * configuration, so every write names the version it was based on; a stale version is refused
 * with the current state, and after a write the provider is read back.
 */
export function createCorsService(analyst: CorsAnalyst) {
  const withLock = createKeyedLock();
  // The last state read per bucket, for callers that accept an answer a moment old (probes in a
  // test run); a write through this service forgets it at once.
  const recent = new Map<string, { at: number; state: CorsState }>();

  function remember(key: string, state: CorsState): void {
    recent.delete(key);
    recent.set(key, { at: performance.now(), state });
    if (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value!);
  }

  /** An analysis as a storage Result: a document left for the analysis that the core cannot read fails as unreadable. */
  const asResult = <T>(analysed: Analysed<T>, adapter: StorageAdapter, bucket: string): Result<T> =>
    analysed.ok
      ? ok(analysed.value)
      : fail({ code: 'provider-error', params: { reason: 'unreadable-cors-document', ...(analysed.first ? { first: analysed.first } : {}), call: { call: 'read-cors', bucket }, provider: adapter.provider } });

  const stateOf = async (stored: StoredCors, adapter: StorageAdapter, dialect: Dialect, bucket: string) => asResult(await analyst.state(stored, dialect), adapter, bucket);

  /** The configuration a write replaces, for its history entry: a large document the adapter left unread has it only once analysed. */
  async function configOf(stored: StoredCors, adapter: StorageAdapter, dialect: Dialect, bucket: string): Promise<Result<CorsConfig | null>> {
    if (stored.unread === undefined) return ok(stored.config);
    const state = await stateOf(stored, adapter, dialect, bucket);
    return state.ok ? ok(state.value.config) : state;
  }

  async function read(adapter: StorageAdapter, dialect: Dialect, bucket: string, key?: string): Promise<Result<CorsState>> {
    const stored = await adapter.getCors(bucket);
    if (!stored.ok) return stored;
    const state = await stateOf(stored.value, adapter, dialect, bucket);
    if (key && state.ok) remember(key, state.value);
    return state;
  }

  /** `read`, or the state read at most `maxAgeMs` ago when there is one. */
  async function readRecent(key: string, adapter: StorageAdapter, dialect: Dialect, bucket: string, maxAgeMs: number): Promise<Result<CorsState>> {
    const hit = recent.get(key);
    if (hit && performance.now() - hit.at <= maxAgeMs) return ok(hit.state);
    return read(adapter, dialect, bucket, key);
  }

  async function write(
    key: string,
    adapter: StorageAdapter,
    dialect: Dialect,
    bucket: string,
    expectedVersion: string,
    change: (adapter: StorageAdapter) => Promise<Result<void>>,
    journal?: WriteJournal,
  ): Promise<WriteOutcome> {
    return withLock(key, async () => {
      recent.delete(key);
      // The guard needs only the version; the full state (with issues) only on a conflict.
      const stored = await adapter.getCors(bucket);
      if (!stored.ok) return { kind: 'failed', error: stored.error };
      const version = asResult(await analyst.version(stored.value, dialect), adapter, bucket);
      if (!version.ok) return { kind: 'failed', error: version.error };
      if (version.value !== expectedVersion) {
        const current = await stateOf(stored.value, adapter, dialect, bucket);
        return current.ok ? { kind: 'conflict', current: current.value } : { kind: 'failed', error: current.error };
      }
      if (journal) {
        const before = await configOf(stored.value, adapter, dialect, bucket);
        if (!before.ok) return { kind: 'failed', error: before.error };
        const recorded = await journal.begin({ config: before.value, version: version.value });
        if (!recorded.ok) return { kind: 'unrecorded', failure: recorded.error };
      }
      const outcome = await changeAndReadBack(key, adapter, dialect, bucket, change);
      await journal?.settle(outcome);
      return outcome;
    });
  }

  async function changeAndReadBack(key: string, adapter: StorageAdapter, dialect: Dialect, bucket: string, change: (adapter: StorageAdapter) => Promise<Result<void>>): Promise<ProviderWriteOutcome> {
    const written = await change(adapter);
    if (!written.ok) {
      // Report what the provider holds after the failure, so the caller knows nothing was half-written.
      const after = await read(adapter, dialect, bucket);
      return { kind: 'failed', error: written.error, ...(after.ok ? { current: after.value } : {}) };
    }
    const readBack = await read(adapter, dialect, bucket, key);
    return readBack.ok ? { kind: 'written', state: readBack.value } : { kind: 'failed', error: readBack.error };
  }

  return {
    read,
    readRecent,
    /** Replaces the configuration if the provider still holds `expectedVersion`. */
    put: (key: string, adapter: StorageAdapter, dialect: Dialect, bucket: string, expectedVersion: string, config: CorsConfig, journal?: WriteJournal) =>
      write(key, adapter, dialect, bucket, expectedVersion, (a) => a.putCors(bucket, config), journal),
    /** Deletes the configuration if the provider still holds `expectedVersion`. */
    remove: (key: string, adapter: StorageAdapter, dialect: Dialect, bucket: string, expectedVersion: string, journal?: WriteJournal) =>
      write(key, adapter, dialect, bucket, expectedVersion, (a) => a.deleteCors(bucket), journal),
  };
}

export type CorsService = ReturnType<typeof createCorsService>;
