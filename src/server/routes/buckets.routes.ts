import { routes, type BucketCorsSummary, type BucketPage } from '../../contract/api';
import { fromStorageError } from '../http/api-error';
import { mapWithConcurrency } from '../http/concurrency';
import { answer, type Register } from '../http/register';
import type { ProfileRegistry } from '../profiles/registry';
import type { StorageAdapter } from '../storage/adapter';
import { unreadRuleCount } from '../storage/provider-answers';
import { createListingCache } from '../buckets/listing-cache';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
/** CORS summaries fetched at once: enough to be quick, few enough not to trip provider rate limits. */
const SUMMARY_CONCURRENCY = 8;

async function summarise(adapter: StorageAdapter, bucket: string, onUnsupported: () => void): Promise<BucketCorsSummary> {
  const stored = await adapter.getCors(bucket);
  if (stored.ok && stored.value.unread && stored.value.raw) return { status: 'rules', ruleCount: unreadRuleCount(stored.value.raw) };
  if (stored.ok) return stored.value.config ? { status: 'rules', ruleCount: stored.value.config.rules.length } : { status: 'none' };
  if (stored.error.code === 'not-supported') {
    onUnsupported();
    return { status: 'not-supported', error: fromStorageError(stored.error).error };
  }
  return { status: 'error', error: fromStorageError(stored.error).error };
}

function pageSize(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_PAGE) : DEFAULT_PAGE;
}

/** A listing under 2 s old is current; one up to 30 s old is served while a new one is fetched. */
const LISTING_FRESH_MS = 2_000;
const LISTING_STALE_MS = 30_000;

/**
 * Buckets by name, filtered by prefix or by text the name contains, in pages; the cursor is the last name of the previous
 * page. A first page (no cursor) comes from the latest listing: as it is when under 2 s old, or
 * while a new one is fetched when under 30 s old (`refreshing` tells the client to compare
 * `listingVersion` again shortly), or one made now with `fresh=1`; later pages reuse the listing
 * the first page was cut from.
 */
export function registerBucketsRoutes(register: Register, registry: ProfileRegistry) {
  const listBuckets = createListingCache({ freshMs: LISTING_FRESH_MS, staleMs: LISTING_STALE_MS });
  register(routes.listBuckets, async ({ c, profile: { adapter, summary }, query }) => {
    const prefix = query.prefix ?? '';
    const cursor = query.cursor;
    const limit = pageSize(query.limit);
    // `fresh=1` asks for a listing made now (a choice of buckets to write to), not a recent one.
    const listed = await listBuckets(summary.id, adapter, cursor ? 'held' : query.fresh === '1' ? 'now' : 'recent');
    if (!listed.ok) return fromStorageError(listed.error);
    const contains = query.contains?.toLowerCase() ?? '';
    const matching = prefix || contains ? listed.value.buckets.filter((b) => b.name.startsWith(prefix) && b.name.toLowerCase().includes(contains)) : listed.value.buckets;
    const start = cursor ? matching.findIndex((b) => b.name > cursor) : 0;
    const page = start < 0 ? [] : matching.slice(start, start + limit);
    const buckets = await mapWithConcurrency(page, SUMMARY_CONCURRENCY, async (b) => ({
      ...b,
      cors: await summarise(adapter, b.name, () => registry.markBucketCorsUnsupported(summary.id)),
    }), c.req.raw.signal);
    const last = page.at(-1);
    const hasMore = start >= 0 && start + limit < matching.length;
    const body: BucketPage = {
      buckets,
      nextCursor: hasMore && last ? last.name : null,
      total: matching.length,
      listedAt: new Date(listed.value.listedAt).toISOString(),
      refreshing: listed.value.refreshing,
      listingVersion: listed.value.version,
    };
    return answer(body);
  });
}
