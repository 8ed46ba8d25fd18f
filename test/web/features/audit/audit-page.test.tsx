import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { auditReportSchema } from '../../../../src/contract/audit';
import { AuditPage } from '../../../../src/web/features/audit/components/audit-page';
import { rule } from '../../../support/builders';
import { recordDownloads } from '../../../support/downloads';
import { testQueryClient } from '../../../support/query-client';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';

// The Audit page (issue 20, item 1) against the real API over s3rver: progress, then each seeded
// finding in the table; the check and severity filters; the sort; the bucket link; the exports.

const ctx = useRealApi();
const downloads = recordDownloads();
const APP = 'https://app.example.com';

beforeAll(async () => {
  await arrangeBucket(ctx, 'aud-clean', { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })] });
  await arrangeBucket(ctx, 'aud-star', { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] });
  await arrangeBucket(ctx, 'aud-etag', { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'] })] });
  await arrangeBucket(ctx, 'aud-maxage', { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'], maxAgeSeconds: 3600 })] });
  await arrangeBucket(ctx, 'zzz-elsewhere', { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['DELETE'] })] });
}, REAL_SERVER_TEST_MS);
afterEach(cleanup);

function renderPage() {
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <AuditPage profile={testProfile(ctx)} />
    </QueryClientProvider>,
  );
}

async function auditPrefix(prefix: string) {
  renderPage();
  fireEvent.change(screen.getByLabelText('Bucket name prefix'), { target: { value: prefix } });
  fireEvent.click(screen.getByRole('button', { name: 'Start audit' }));
  await screen.findByText(/^Audit finished: 4 of 4 buckets audited\.$/, undefined, { timeout: REAL_SERVER_TEST_MS });
}

const table = () => screen.getByRole('table', { name: 'Findings' });
const rowCells = () => within(table()).getAllByRole('row').slice(1).map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').slice(0, 2).map((cell) => cell.textContent)]);

describe('AuditPage', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('shows the progress, then each finding of the buckets under the prefix and the summary', async () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Bucket name prefix'), { target: { value: 'aud-' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start audit' }));
    // While it runs: a status that counts, and Cancel (s3rver may be quick enough to finish first).
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Listing the buckets|of 4 buckets audited|Audit finished/));
    await screen.findByText('Audit finished: 4 of 4 buckets audited.', undefined, { timeout: REAL_SERVER_TEST_MS });
    expect(screen.queryByRole('button', { name: 'Cancel audit' })).toBeNull();
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['1 error', '1 warning', '1 note', '1 bucket without findings']);
    expect(rowCells()).toEqual([
      ['aud-star', 'Error', 'wildcard-origin-writes'],
      ['aud-etag', 'Warning', 'upload-etag-hidden'],
      ['aud-maxage', 'Note', 'max-age-over-cap'],
    ]);
    // The core's sentence for each finding; codes and bucket names as code.
    expect(within(table()).getByText(/lets every origin \(\*\) send PUT/)).toBeTruthy();
    expect(within(table()).getByText('wildcard-origin-writes').tagName).toBe('CODE');
    expect(screen.queryByText(/zzz-elsewhere/)).toBeNull();
  });

  it('filters by check and by severity, and sorts by bucket and by check', async () => {
    await auditPrefix('aud-');
    const checks = screen.getByLabelText('Check');
    expect(within(checks).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual(['all', 'max-age-over-cap', 'upload-etag-hidden', 'wildcard-origin-writes']);
    fireEvent.change(checks, { target: { value: 'upload-etag-hidden' } });
    expect(rowCells()).toEqual([['aud-etag', 'Warning', 'upload-etag-hidden']]);
    expect(screen.getByText('1 of 3 findings shown')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'error' } });
    expect(screen.getByText('No finding matches these filters.')).toBeTruthy();
    fireEvent.change(checks, { target: { value: 'all' } });
    expect(rowCells()).toEqual([['aud-star', 'Error', 'wildcard-origin-writes']]);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'all' } });

    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'bucket' } });
    expect(rowCells().map((r) => r[0])).toEqual(['aud-etag', 'aud-maxage', 'aud-star']);
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'check' } });
    expect(rowCells().map((r) => r[2])).toEqual(['max-age-over-cap', 'upload-etag-hidden', 'wildcard-origin-writes']);
  });

  it("links each finding's bucket to the bucket's page", async () => {
    await auditPrefix('aud-');
    const link = within(table()).getByRole('link', { name: 'aud-star' });
    expect(link.getAttribute('href')).toBe('/p/local/b/aud-star');
    fireEvent.click(link);
    expect(window.location.pathname).toBe('/p/local/b/aud-star');
  });

  it('exports the report as JSON, CSV and SARIF with the findings in them', async () => {
    await auditPrefix('aud-');
    for (const name of ['Export JSON', 'Export CSV', 'Export SARIF']) fireEvent.click(screen.getByRole('button', { name }));
    expect(downloads.map((d) => d.fileName)).toEqual(['cors-audit-local-aud.json', 'cors-audit-local-aud.csv', 'cors-audit-local-aud.sarif']);
    const [json, csv, sarif] = await Promise.all(downloads.map((d) => d.blob.text()));
    const report = auditReportSchema.parse(JSON.parse(json!));
    expect(report).toMatchObject({ profile: 'local', prefix: 'aud-', total: 4, cancelled: false });
    expect(report.buckets.map((b) => b.bucket).sort()).toEqual(['aud-clean', 'aud-etag', 'aud-maxage', 'aud-star']);
    const lines = csv!.trimEnd().split('\r\n');
    expect(lines[0]).toBe('severity,bucket,check,rule,message,params');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['error,aud-star,wildcard-origin-writes', 'warning,aud-etag,upload-etag-hidden', 'note,aud-maxage,max-age-over-cap']);
    const log = JSON.parse(sarif!) as { version: string; runs: { results: { ruleId: string; properties: { bucket: string } }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.properties.bucket])).toEqual([
      ['wildcard-origin-writes', 'aud-star'],
      ['upload-etag-hidden', 'aud-etag'],
      ['max-age-over-cap', 'aud-maxage'],
    ]);
  });

  it('says so when the prefix holds no bucket', async () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Bucket name prefix'), { target: { value: 'nothing-here-' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start audit' }));
    await screen.findByText('Audit finished: 0 of 0 buckets audited.', undefined, { timeout: REAL_SERVER_TEST_MS });
    expect(screen.getByText('No findings: every bucket audited passes the policy.')).toBeTruthy();
  });
});
