import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeCorsDocument } from '../../../../src/core';
import { filterBuckets } from '../../../../src/web/features/buckets/bucket-filter';
import { BucketList } from '../../../../src/web/features/buckets/components/bucket-list';
import { profileSummary, rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';
import { giveViewport } from '../../../support/jsdom-viewport';
import { useRealApi } from '../../../support/web-api';

const ctx = useRealApi();
const profile = () => profileSummary({ endpoint: ctx.s3.endpoint });

function renderList() {
  const client = testQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <BucketList profile={profile()} />
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  giveViewport('bucket-list-scroller');
  for (const name of ['alpha-assets', 'alpha-uploads', 'beta-logs']) await ctx.s3.createBucket(name);
  const anyOrigin = rule({ allowedOrigins: ['*'] });
  await ctx.s3.putCors('alpha-uploads', serializeCorsDocument({ rules: [anyOrigin, anyOrigin, anyOrigin] }, 's3-xml'));
});

describe('BucketList', () => {
  it('lists buckets with their CORS status as links to their pages', async () => {
    renderList();
    const nav = await screen.findByRole('navigation', { name: 'Buckets' });
    const link = await within(nav).findByRole('link', { name: /alpha-uploads/ });
    expect(link.getAttribute('href')).toBe('/p/local/b/alpha-uploads');
    expect(link.textContent).toContain('3 rules');
    expect(within(nav).getByRole('link', { name: /beta-logs/ }).textContent).toContain('No CORS');
    within(nav).getByText('3 buckets');
  });

  it('filters by name and by CORS status', async () => {
    renderList();
    await screen.findByRole('link', { name: /beta-logs/ });
    fireEvent.change(screen.getByLabelText('Filter buckets'), { target: { value: 'ALPHA' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: /beta-logs/ })).toBeNull());
    screen.getByText('2 of 3 buckets');
    fireEvent.change(screen.getByLabelText('CORS status'), { target: { value: 'none' } });
    await waitFor(() => expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['alpha-assetsNo CORS']));
  });

  it('says so when nothing matches', async () => {
    renderList();
    await screen.findByRole('link', { name: /beta-logs/ });
    fireEvent.change(screen.getByLabelText('Filter buckets'), { target: { value: 'zzz' } });
    await screen.findByText('No bucket matches the filter.');
  });

  it('shows a bucket made elsewhere a moment ago once Refresh is pressed, though the last listing is under two seconds old', async () => {
    renderList();
    await screen.findByRole('link', { name: /beta-logs/ });
    await ctx.s3.createBucket('zeta-made-elsewhere');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the bucket list' }));
    await screen.findByRole('link', { name: /zeta-made-elsewhere/ }, { timeout: 10_000 });
  });
});

describe('filterBuckets', () => {
  it('filters 10,000 buckets by name and status', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `bucket-${i}`, cors: i % 2 ? { status: 'none' as const } : { status: 'rules' as const, ruleCount: 1 } }));
    expect(filterBuckets(many, 'bucket-99', 'all')).toHaveLength(111);
    expect(filterBuckets(many, 'bucket-99', 'none')).toHaveLength(56);
  });
});
