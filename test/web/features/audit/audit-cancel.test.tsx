import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ConnectedProfile } from '../../../../src/server/profiles/connect';
import { AuditPage } from '../../../../src/web/features/audit/components/audit-page';
import { rule } from '../../../support/builders';
import { s3rverProfile } from '../../../support/console-app';
import { testQueryClient } from '../../../support/query-client';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';

// The Audit page while an audit runs, made slow on purpose: the profile's reads of a bucket's CORS
// wait at a gate after the first two, so the page shows "2 of 12" with the first results in, and
// Cancel stops the audit there.

// More than the eight the console reads at once: those after the eighth are never started.
const BUCKETS = Array.from({ length: 12 }, (_, i) => `gate-${String(i).padStart(2, '0')}`);
let reads = 0;
let open: () => void = () => {};
const gate = new Promise<void>((resolve) => (open = resolve));

function gatedProfile(endpoint: string): ConnectedProfile {
  const profile = s3rverProfile(endpoint);
  const adapter = Object.create(profile.adapter) as ConnectedProfile['adapter'];
  adapter.getCors = async (bucket) => {
    if (++reads > 2) await gate;
    return profile.adapter.getCors(bucket);
  };
  return { ...profile, adapter };
}

const ctx = useRealApi({ profiles: (s3) => [gatedProfile(s3.endpoint)] });

beforeAll(async () => {
  for (const name of BUCKETS) await arrangeBucket(ctx, name, { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] });
}, REAL_SERVER_TEST_MS);
afterEach(cleanup);
afterAll(() => open());

describe('AuditPage while an audit runs', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('shows n of m with the results so far, and Cancel stops it with those results', async () => {
    render(
      <QueryClientProvider client={testQueryClient()}>
        <AuditPage profile={testProfile(ctx)} />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('Bucket name prefix'), { target: { value: 'gate-' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start audit' }));
    await waitFor(() => expect(screen.queryByRole('status')?.textContent).toBe('2 of 12 buckets audited…'), { timeout: 10_000 });
    const bar = screen.getByRole('progressbar', { name: 'Buckets audited' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2', '12']);
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Findings' })).getAllByRole('row')).toHaveLength(3));
    expect((screen.getByRole('button', { name: 'Start audit' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel audit' }));
    // The reads already waiting finish; no other bucket is started.
    open();
    await screen.findByText(/^Audit cancelled: \d+ of 12 buckets audited; the results are for those\.$/, undefined, { timeout: REAL_SERVER_TEST_MS });
    expect(screen.queryByRole('button', { name: 'Cancel audit' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const done = Number(/(\d+) of 12/.exec(screen.getByRole('status').textContent ?? '')![1]);
    expect(done).toBeLessThan(12);
    expect(within(screen.getByRole('table', { name: 'Findings' })).getAllByRole('row')).toHaveLength(done + 1);
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeTruthy();
  });
});
