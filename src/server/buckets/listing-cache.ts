import type { BucketEntry, StorageAdapter } from '../storage/adapter';
import type { Result } from '../storage/result';

export interface Listing {
  /** The profile's buckets, sorted by name. */
  buckets: BucketEntry[];
  /** When the provider was asked (ms since epoch). */
  listedAt: number;
  /** A newer listing is being fetched; the client may ask again shortly. */
  refreshing: boolean;
  /** Names the set of buckets listed: equal versions, equal listings. */
  version: string;
}

export interface ListingCacheOptions {
  /** A listing younger than this is served as it is. */
  freshMs: number;
  /** A listing older than `freshMs` but younger than this is served at once and refreshed behind. */
  staleMs: number;
  /** How long after serving a stale listing the new one starts (default 250 ms). */
  refreshDelayMs?: number;
  now?: () => number;
}

const byName = (a: BucketEntry, b: BucketEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** FNV-1a over the sorted names: cheap, and enough to tell two listings apart. */
function versionOf(buckets: readonly BucketEntry[]): string {
  let hash = 0x811c9dc5;
  for (const { name } of buckets) {
    for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x0a, 0x01000193);
  }
  return `${buckets.length}-${(hash >>> 0).toString(16)}`;
}

interface Held {
  buckets: BucketEntry[];
  listedAt: number;
  version: string;
}

/**
 * Each profile's bucket listing, stale-while-revalidate. Listing every bucket costs time in
 * proportion to their number (s3rver and many S3-compatible stores cannot page ListBuckets), so a
 * recent listing answers at once while a fresh one is fetched behind it; pages after the first
 * reuse the listing the first page was cut from. One listing per profile is in flight at a time.
 */
export function createListingCache({ freshMs, staleMs, refreshDelayMs = 250, now = Date.now }: ListingCacheOptions) {
  const done = new Map<string, Held>();
  const inFlight = new Map<string, Promise<Result<Held>>>();
  const scheduled = new Set<string>();

  function refresh(profileId: string, adapter: StorageAdapter) {
    const running = inFlight.get(profileId);
    if (running) return running;
    const listedAt = now();
    const listing = adapter.listBuckets().then((result): Result<Held> => {
      inFlight.delete(profileId);
      if (!result.ok) return result;
      const buckets = [...result.value].sort(byName);
      const value = { buckets, listedAt, version: versionOf(buckets) };
      done.set(profileId, value);
      return { ok: true, value };
    });
    inFlight.set(profileId, listing);
    return listing;
  }

  /**
   * `recent`: a first page, which wants a listing no older than `staleMs` (refreshed behind when
   * older than `freshMs`); `now`: a listing started by this request (a deliberate choice of
   * buckets, say); `held`: any listing this cache holds (the pages after the first).
   */
  return async (profileId: string, adapter: StorageAdapter, want: 'recent' | 'now' | 'held'): Promise<Result<Listing>> => {
    if (want === 'now') {
      inFlight.delete(profileId);
      const listed = await refresh(profileId, adapter);
      return listed.ok ? { ok: true, value: { ...listed.value, refreshing: false } } : listed;
    }
    const fresh = want === 'recent';
    const held = done.get(profileId);
    const age = held ? now() - held.listedAt : Infinity;
    if (held && (!fresh || age <= freshMs)) return { ok: true, value: { ...held, refreshing: inFlight.has(profileId) || scheduled.has(profileId) } };
    if (held && age <= staleMs) {
      // Behind the answer, not in its way: listing every bucket is heavy, and this request still
      // has its page's CORS summaries to fetch.
      if (!inFlight.has(profileId) && !scheduled.has(profileId)) {
        scheduled.add(profileId);
        setTimeout(() => {
          scheduled.delete(profileId);
          void refresh(profileId, adapter);
        }, refreshDelayMs);
      }
      return { ok: true, value: { ...held, refreshing: true } };
    }
    const listed = await refresh(profileId, adapter);
    return listed.ok ? { ok: true, value: { ...listed.value, refreshing: false } } : listed;
  };
}
