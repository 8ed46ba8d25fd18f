import type { StateBackend } from '../../contract/history';

/**
 * The few operations the console's own state needs from wherever it lives (a data folder, an S3
 * bucket and prefix): keys are `/`-separated paths under the store's root.
 */
export interface StateBlobs {
  /** Which kind of backend, for an error that names it. */
  readonly backend: StateBackend;
  /** Where the state lives, for the start log. */
  readonly where: string;
  /**
   * Writes a new blob atomically: readers see all of it or nothing. Keys passed here are unique
   * (history entries), so a blob once created is never rewritten.
   */
  create(key: string, text: string): Promise<void>;
  /** Writes `key`, replacing it atomically (a saved-test list). */
  replace(key: string, text: string): Promise<void>;
  /** The blob's text, or null when there is none. */
  read(key: string): Promise<string | null>;
  /** Keys directly under `folder` (no trailing `/`), ascending, after `startAfter`, at most `limit`. */
  list(folder: string, options: { startAfter?: string; limit: number }): Promise<string[]>;
}

/** In memory, for an API without a data folder (component and route tests). */
export function createMemoryBlobs(): StateBlobs {
  const blobs = new Map<string, string>();
  return {
    backend: 'memory',
    where: 'memory',
    create: async (key, text) => {
      if (blobs.has(key)) throw new Error(`State blob ${key} exists already; entries are never rewritten.`);
      blobs.set(key, text);
    },
    replace: async (key, text) => void blobs.set(key, text),
    read: async (key) => blobs.get(key) ?? null,
    list: async (folder, { startAfter, limit }) =>
      [...blobs.keys()]
        .filter((key) => key.startsWith(`${folder}/`) && !key.slice(folder.length + 1).includes('/'))
        .sort()
        .filter((key) => startAfter === undefined || key > startAfter)
        .slice(0, limit),
  };
}
