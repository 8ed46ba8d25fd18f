import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TestPane } from '../../../../src/web/features/test-pane/components/test-pane';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';

// The request builder's validation, against the real API over s3rver. The request itself is sent
// by Chromium in the browser tests; jsdom has no CORS to judge.

const ctx = useRealApi();

function renderPane(bucket: string) {
  const client = testQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <TestPane profile={testProfile(ctx)} bucket={bucket} />
    </QueryClientProvider>,
  );
}

async function ready() {
  const button = screen.getByRole('button', { name: 'Test CORS' });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

describe('TestPane request builder', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('explains a header line it cannot read, at the field, and sends nothing', async () => {
    await arrangeBucket(ctx, 'pane-headers', { rules: [rule({})] });
    renderPane('pane-headers');
    fireEvent.change(screen.getByLabelText('Request headers'), { target: { value: 'x-trace 42' } });
    fireEvent.click(await ready());
    const field = screen.getByLabelText('Request headers');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Write each header as "name: value": x-trace 42').id).toBe(field.getAttribute('aria-describedby'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('refuses a header value with a control character, naming the header', async () => {
    await arrangeBucket(ctx, 'pane-control', { rules: [rule({})] });
    renderPane('pane-control');
    fireEvent.change(screen.getByLabelText('Request headers'), { target: { value: 'x-trace: a\u0007b' } });
    fireEvent.click(await ready());
    expect((await screen.findByText(/^Header x-trace: Header values cannot contain line breaks or control characters\./)).tagName).toBe('P');
  });

  it('sends a signed POST to the form upload instead', async () => {
    await arrangeBucket(ctx, 'pane-signed', { rules: [rule({})] });
    renderPane('pane-signed');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    fireEvent.click(screen.getByLabelText(/^Signed URL/));
    fireEvent.click(await ready());
    expect((await screen.findByText('A signed POST is a form upload: use "Upload with a POST form" below.')).tagName).toBe('P');
  });

  it('offers the second origin only when the console has one', async () => {
    await arrangeBucket(ctx, 'pane-origins', { rules: [rule({})] });
    renderPane('pane-origins');
    await ready();
    expect((screen.getByRole('radio', { name: /^This console/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^Second origin \(not available\)/ }) as HTMLInputElement).disabled).toBe(true);
  });
});
