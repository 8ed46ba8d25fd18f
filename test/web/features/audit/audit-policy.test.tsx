import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { auditReportSchema } from '../../../../src/contract/audit';
import { DEFAULT_AUDIT_POLICY } from '../../../../src/core';
import { AuditPage } from '../../../../src/web/features/audit/components/audit-page';
import { rule } from '../../../support/builders';
import { recordDownloads } from '../../../support/downloads';
import { testQueryClient } from '../../../support/query-client';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';

// The Audit page's policy (issue 20, item 1: policies are data), against the real API over s3rver:
// a project's policy file loaded, a bad one refused with its issues, checks changed here, the
// policy kept in this browser and downloaded for `cors-console audit --policy`, and the audit
// run and exported with the policy it was started with.

const ctx = useRealApi();
const downloads = recordDownloads();
const APP = 'https://app.example.com';
const TEAM_POLICY = { version: 1, checks: { 'max-age-over-cap': { enabled: false }, 'upload-etag-hidden': { severity: 'error' } } };

beforeAll(async () => {
  await arrangeBucket(ctx, 'pol-etag', { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'] })] });
  await arrangeBucket(ctx, 'pol-maxage', { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'], maxAgeSeconds: 3600 })] });
  await arrangeBucket(ctx, 'pol-star-get', { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })] });
}, REAL_SERVER_TEST_MS);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderPage() {
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <AuditPage profile={testProfile(ctx)} />
    </QueryClientProvider>,
  );
}

const policyName = () => screen.getByTestId('audit-policy-name').textContent;
const policyFileInput = () => screen.getByLabelText('Load a policy file');
async function loadPolicyFile(name: string, text: string) {
  fireEvent.change(policyFileInput(), { target: { files: [new File([text], name, { type: 'application/json' })] } });
}
const changes = () => within(screen.getByRole('list', { name: 'How it differs from the default' })).getAllByRole('listitem').map((item) => item.textContent);
const openChecks = () => fireEvent.click(screen.getByRole('button', { name: /^Checks: \d+ of 11 run$/ }));

async function auditPrefix(prefix: string) {
  fireEvent.change(screen.getByLabelText('Bucket name prefix'), { target: { value: prefix } });
  fireEvent.click(screen.getByRole('button', { name: 'Start audit' }));
  await screen.findByText(/^Audit finished: \d+ of \d+ buckets audited\.$/, undefined, { timeout: REAL_SERVER_TEST_MS });
}
const findingCells = () =>
  within(screen.getByRole('table', { name: 'Findings' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').slice(0, 2).map((cell) => cell.textContent)]);

describe('the Audit page policy', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('starts with the default policy, every check running at its default severity', () => {
    renderPage();
    expect(policyName()).toBe('The default policy: every check at its default severity, and apps that send no credentials.');
    expect(screen.queryByRole('list', { name: 'How it differs from the default' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Use the default policy' }) as HTMLButtonElement).disabled).toBe(true);
    openChecks();
    const rows = within(screen.getByRole('table', { name: 'Each check and how it runs' })).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(11);
    const etag = screen.getByLabelText('How Uploads without ETag exposed runs') as HTMLSelectElement;
    expect(etag.value).toBe('warning');
    expect(within(etag).getAllByRole('option').map((o) => o.textContent)).toEqual(['Error', 'Warning (default)', 'Note', 'Off']);
  });

  it('audits with a loaded policy file: a check off, a severity raised, and says which policy the results are for', async () => {
    renderPage();
    await loadPolicyFile('team-cors-policy.json', JSON.stringify(TEAM_POLICY));
    await waitFor(() => expect(policyName()).toBe('The policy file team-cors-policy.json.'));
    expect(changes()).toEqual(['1 check off', '1 severity changed']);
    await auditPrefix('pol-');
    expect(screen.getByText('Checked against: The policy file team-cors-policy.json.')).toBeTruthy();
    // max-age-over-cap is off; upload-etag-hidden is an error; a * origin for GET alone is no finding.
    expect(findingCells()).toEqual([['pol-etag', 'Error', 'upload-etag-hidden']]);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const report = auditReportSchema.parse(JSON.parse(await downloads[0]!.blob.text()));
    expect(report.policy).toEqual({ version: 1, expectCredentials: false, checks: { 'max-age-over-cap': { enabled: false }, 'upload-etag-hidden': { enabled: true, severity: 'error' } } });

    // Changed after the audit: said under the results, which stay those of the policy they ran with.
    openChecks();
    fireEvent.change(screen.getByLabelText("How MaxAgeSeconds above a browser's cap runs"), { target: { value: 'note' } });
    expect(policyName()).toBe('The policy file team-cors-policy.json, changed in this page.');
    expect(screen.getByText('The policy has changed since this audit: start it again to apply the change.')).toBeTruthy();
    expect(screen.getByText('Checked against: The policy file team-cors-policy.json.')).toBeTruthy();
    await auditPrefix('pol-');
    expect(screen.getByText('Checked against: The policy file team-cors-policy.json, changed in this page.')).toBeTruthy();
    expect(findingCells()).toEqual([
      ['pol-etag', 'Error', 'upload-etag-hidden'],
      ['pol-maxage', 'Note', 'max-age-over-cap'],
    ]);
  });

  it('makes a * origin an error on every bucket when the apps send credentials', async () => {
    renderPage();
    openChecks();
    fireEvent.click(screen.getByRole('checkbox', { name: 'The apps send credentials' }));
    expect(changes()).toEqual(['Apps send credentials']);
    expect(policyName()).toBe('The default policy, changed in this page.');
    await auditPrefix('pol-star');
    expect(findingCells()).toEqual([['pol-star-get', 'Error', 'wildcard-origin-credentials']]);
  });

  it('refuses a file that is not a policy, naming each problem, and keeps the policy in use', async () => {
    renderPage();
    await loadPolicyFile('team-cors-policy.json', JSON.stringify(TEAM_POLICY));
    await waitFor(() => expect(policyName()).toBe('The policy file team-cors-policy.json.'));
    await loadPolicyFile('cors.json', JSON.stringify({ checks: { 'wildcard-origin': { enabled: false }, 'upload-etag-hidden': { severity: 'fatal' } } }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('cors.json is not an audit policy, so the policy in use is unchanged:')).toBeTruthy();
    const issues = within(within(alert).getByRole('list', { name: 'What is wrong with cors.json' })).getAllByRole('listitem');
    expect(issues.map((item) => item.getAttribute('data-code'))).toEqual(['policy.invalid', 'policy.invalid']);
    expect(issues.map((item) => item.textContent)).toEqual([
      'Error: Policy field checks.upload-etag-hidden.severity: Must be one of error, warning, note.',
      expect.stringMatching(/^Error: Policy field checks: Unknown field wildcard-origin\.The checks are wildcard-origin-writes, wildcard-origin-credentials, /),
    ]);
    expect(policyFileInput().getAttribute('aria-invalid')).toBe('true');
    expect(policyName()).toBe('The policy file team-cors-policy.json.');

    await loadPolicyFile('broken.json', '{\n  "checks": {\n    "upload-etag-hidden": { "severity": "error" },\n  }\n}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^broken\.json is not an audit policy.*Invalid JSON at line 4, column 3: /));
    // A good file clears the refusal.
    await loadPolicyFile('team-cors-policy.json', JSON.stringify(TEAM_POLICY));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('refuses, unread, a large file picked by mistake', async () => {
    renderPage();
    await loadPolicyFile('video.json', 'x'.repeat(200 * 1024));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The file is 200 KB; an audit policy is a few lines of JSON, read up to 64 KB\. Is this the policy file\?/);
    expect(policyName()).toMatch(/^The default policy:/);
  });

  it('keeps the policy in this browser for the profile, downloads it as the CLI reads it, and goes back to the default', async () => {
    const first = renderPage();
    await loadPolicyFile('team-cors-policy.json', JSON.stringify(TEAM_POLICY));
    await waitFor(() => expect(policyName()).toBe('The policy file team-cors-policy.json.'));
    first.unmount();
    renderPage();
    expect(policyName()).toBe('The policy file team-cors-policy.json.');
    fireEvent.click(screen.getByRole('button', { name: 'Download the policy file' }));
    expect(downloads.map((d) => d.fileName)).toEqual(['team-cors-policy.json']);
    expect(JSON.parse(await downloads[0]!.blob.text())).toEqual({ version: 1, expectCredentials: false, checks: { 'upload-etag-hidden': { severity: 'error' }, 'max-age-over-cap': { enabled: false } } });
    fireEvent.click(screen.getByRole('button', { name: 'Use the default policy' }));
    expect(policyName()).toMatch(/^The default policy:/);
    cleanup();
    renderPage();
    expect(policyName()).toMatch(/^The default policy:/);
    fireEvent.click(screen.getByRole('button', { name: 'Download the policy file' }));
    expect(downloads[1]!.fileName).toBe('cors-policy.json');
    expect(JSON.parse(await downloads[1]!.blob.text())).toEqual({ version: 1, expectCredentials: false, checks: {} });
    expect(DEFAULT_AUDIT_POLICY.checks).toEqual({});
  });

  it('ignores a kept policy that this console cannot read', () => {
    localStorage.setItem('cors-console:audit-policy:v1:local', JSON.stringify({ policy: { checks: { nope: {} } }, file: null }));
    renderPage();
    expect(policyName()).toMatch(/^The default policy:/);
    expect(localStorage.getItem('cors-console:audit-policy:v1:local')).toBeNull();
  });
});
