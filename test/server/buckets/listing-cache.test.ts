import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListingCache } from '../../../src/server/buckets/listing-cache';
import type { StorageAdapter } from '../../../src/server/storage/adapter';
import { createS3Adapter } from '../../../src/server/storage/s3-adapter';
import { startLocalS3, type LocalS3 } from '../../support/s3rver';

// The listing cache over a real s3rver, with a clock the test moves and a count of real listings.

let s3: LocalS3;
let listings = 0;
let adapter: StorageAdapter;

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('bucket-b');
  await s3.createBucket('bucket-a');
  const real = createS3Adapter({ endpoint: s3.endpoint, region: 'us-east-1', addressing: 'path', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  adapter = { ...real, listBuckets: () => (listings++, real.listBuckets()) };
});
afterAll(async () => s3?.stop());

const names = (result: Awaited<ReturnType<ReturnType<typeof createListingCache>>>) => (result.ok ? result.value.buckets.map((b) => b.name) : result.error);

describe('createListingCache', () => {
  it('lists once, sorted, serves a fresh listing as it is, and a stale one while listing again', async () => {
    let now = 1_000_000;
    const list = createListingCache({ freshMs: 2_000, staleMs: 30_000, refreshDelayMs: 10, now: () => now });
    const first = await list('p', adapter, 'recent');
    expect(names(first)).toEqual(['bucket-a', 'bucket-b']);
    expect(first.ok && first.value.refreshing).toBe(false);
    const version = first.ok ? first.value.version : '';
    expect(listings).toBe(1);

    now += 1_000;
    expect(await list('p', adapter, 'recent')).toMatchObject({ ok: true, value: { refreshing: false, version } });
    expect(listings).toBe(1);

    await s3.createBucket('bucket-c');
    now += 5_000;
    const stale = await list('p', adapter, 'recent');
    expect(names(stale)).toEqual(['bucket-a', 'bucket-b']);
    expect(stale.ok && stale.value.refreshing).toBe(true);
    // The new listing starts behind the answer; a second request meanwhile does not start another.
    await list('p', adapter, 'recent');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(listings).toBe(2);

    // The renewed listing is served once it has arrived, however long the storage takes.
    await expect.poll(async () => names(await list('p', adapter, 'recent')), { timeout: 15_000 }).toEqual(['bucket-a', 'bucket-b', 'bucket-c']);
    expect(listings).toBe(2);
    const renewed = await list('p', adapter, 'recent');
    expect(renewed.ok && renewed.value.version).not.toBe(version);
  });

  it('lists again, and waits, once a listing is older than the stale limit; later pages reuse what it holds', async () => {
    let now = 5_000_000;
    const list = createListingCache({ freshMs: 2_000, staleMs: 30_000, refreshDelayMs: 10, now: () => now });
    await list('q', adapter, 'recent');
    const before = listings;
    now += 60_000;
    expect(await list('q', adapter, 'held')).toMatchObject({ ok: true, value: { refreshing: false } });
    expect(listings).toBe(before);
    await s3.createBucket('bucket-d');
    const fresh = await list('q', adapter, 'recent');
    expect(names(fresh)).toContain('bucket-d');
    expect(fresh.ok && fresh.value.refreshing).toBe(false);
    expect(listings).toBe(before + 1);
  });

  it('lists now when asked, even with a fresh listing held', async () => {
    const list = createListingCache({ freshMs: 2_000, staleMs: 30_000 });
    await list('r', adapter, 'recent');
    await s3.createBucket('bucket-e');
    expect(names(await list('r', adapter, 'recent'))).not.toContain('bucket-e');
    expect(names(await list('r', adapter, 'now'))).toContain('bucket-e');
  });
});
