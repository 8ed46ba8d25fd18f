import type { CorsState } from '../../contract/api';
import { validateConfig, type CorsConfig, type Dialect } from '../../core';
import type { StorageAdapter } from '../storage/adapter';
import { ok, type Result, type StorageError } from '../storage/result';
import { createKeyedLock } from './bucket-lock';
import { corsVersion } from './version';

export type WriteOutcome =
  | { kind: 'written'; state: CorsState }
  | { kind: 'conflict'; current: CorsState }
  | { kind: 'failed'; error: StorageError; current?: CorsState };

/**
 * Reads and guards writes of bucket CORS configurations. PutBucketCors replaces the whole
 * configuration, so every write names the version it was based on; a stale version is refused
 * with the current state, and after a write the provider is read back.
 */
export function createCorsService() {
  const withLock = createKeyedLock();

  async function read(adapter: StorageAdapter, dialect: Dialect, bucket: string): Promise<Result<CorsState>> {
    const stored = await adapter.getCors(bucket);
    if (!stored.ok) return stored;
    const { config, raw } = stored.value;
    return ok({ config, raw, dialect, version: corsVersion(config), issues: config ? validateConfig(config, dialect) : [] });
  }

  async function write(
    key: string,
    adapter: StorageAdapter,
    dialect: Dialect,
    bucket: string,
    expectedVersion: string,
    change: (adapter: StorageAdapter) => Promise<Result<void>>,
  ): Promise<WriteOutcome> {
    return withLock(key, async () => {
      const current = await read(adapter, dialect, bucket);
      if (!current.ok) return { kind: 'failed', error: current.error };
      if (current.value.version !== expectedVersion) return { kind: 'conflict', current: current.value };
      const written = await change(adapter);
      if (!written.ok) {
        // Report what the provider holds after the failure, so the caller knows nothing was half-written.
        const after = await read(adapter, dialect, bucket);
        return { kind: 'failed', error: written.error, ...(after.ok ? { current: after.value } : {}) };
      }
      const readBack = await read(adapter, dialect, bucket);
      return readBack.ok ? { kind: 'written', state: readBack.value } : { kind: 'failed', error: readBack.error };
    });
  }

  return {
    read,
    /** Replaces the configuration if the provider still holds `expectedVersion`. */
    put: (key: string, adapter: StorageAdapter, dialect: Dialect, bucket: string, expectedVersion: string, config: CorsConfig) =>
      write(key, adapter, dialect, bucket, expectedVersion, (a) => a.putCors(bucket, config)),
    /** Deletes the configuration if the provider still holds `expectedVersion`. */
    remove: (key: string, adapter: StorageAdapter, dialect: Dialect, bucket: string, expectedVersion: string) =>
      write(key, adapter, dialect, bucket, expectedVersion, (a) => a.deleteCors(bucket)),
  };
}

export type CorsService = ReturnType<typeof createCorsService>;
