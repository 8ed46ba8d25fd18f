import { Hono } from 'hono';
import type { BucketCorsSummary, BucketPage } from '../../contract/api';
import { codeOfStorageError, fromStorageError, sendError } from '../http/api-error';
import { mapWithConcurrency } from '../http/concurrency';
import type { ApiEnv } from '../http/context';
import type { ProfileRegistry } from '../profiles/registry';
import type { BucketEntry, StorageAdapter } from '../storage/adapter';
import type { Result } from '../storage/result';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
/** CORS summaries fetched at once: enough to be quick, few enough not to trip provider rate limits. */
const SUMMARY_CONCURRENCY = 8;

async function summarise(adapter: StorageAdapter, bucket: string, onUnsupported: () => void): Promise<BucketCorsSummary> {
  const stored = await adapter.getCors(bucket);
  if (stored.ok) return stored.value.config ? { status: 'rules', ruleCount: stored.value.config.rules.length } : { status: 'none' };
  if (stored.error.code === 'not-supported') {
    onUnsupported();
    return { status: 'not-supported', message: 'This provider has no per-bucket CORS (it answered NotImplemented).' };
  }
  return { status: 'error', code: codeOfStorageError(stored.error), message: stored.error.message };
}

function pageSize(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_PAGE) : DEFAULT_PAGE;
}

/** How long one listing serves the pages that follow it: a client pages through in a burst. */
const LISTING_TTL_MS = 10_000;

/** Remembers each profile's bucket listing briefly, so page N does not list every bucket again. */
function createListingCache(now: () => number = Date.now) {
  const cache = new Map<string, { at: number; listing: Promise<Result<BucketEntry[]>> }>();
  return (profileId: string, adapter: StorageAdapter, fresh: boolean): Promise<Result<BucketEntry[]>> => {
    const hit = cache.get(profileId);
    if (!fresh && hit && now() - hit.at < LISTING_TTL_MS) return hit.listing;
    const listing = adapter.listBuckets();
    cache.set(profileId, { at: now(), listing });
    void listing.then((r) => {
      if (!r.ok && cache.get(profileId)?.listing === listing) cache.delete(profileId);
    });
    return listing;
  };
}

/**
 * Buckets by name, filtered by prefix, in pages; the cursor is the last name of the previous
 * page. A first page (no cursor) always lists afresh; later pages reuse that listing.
 */
export function bucketsRoutes(registry: ProfileRegistry) {
  const listBuckets = createListingCache();
  return new Hono<ApiEnv>().get('/', async (c) => {
    const { adapter, summary } = c.get('profile');
    const prefix = c.req.query('prefix') ?? '';
    const cursor = c.req.query('cursor');
    const limit = pageSize(c.req.query('limit'));
    const listed = await listBuckets(summary.id, adapter, !cursor);
    if (!listed.ok) return sendError(c, fromStorageError(listed.error));
    const matching = listed.value.filter((b) => b.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const start = cursor ? matching.findIndex((b) => b.name > cursor) : 0;
    const page = start < 0 ? [] : matching.slice(start, start + limit);
    const buckets = await mapWithConcurrency(page, SUMMARY_CONCURRENCY, async (b) => ({
      ...b,
      cors: await summarise(adapter, b.name, () => registry.markBucketCorsUnsupported(summary.id)),
    }), c.req.raw.signal);
    const last = page.at(-1);
    const hasMore = start >= 0 && start + limit < matching.length;
    const body: BucketPage = { buckets, nextCursor: hasMore && last ? last.name : null, total: matching.length };
    return c.json(body);
  });
}
