import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TestPane } from '../../../../src/web/features/test-pane/components/test-pane';
import { ConfirmWriteDialog } from '../../../../src/web/features/test-pane/components/confirm-write-dialog';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';

// The request builder's validation, against the real API over s3rver. The request itself is sent
// by Chromium in the browser tests; jsdom has no CORS to judge.

const ctx = useRealApi();

function renderPane(bucket: string, embedded = true) {
  const client = testQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <TestPane profile={testProfile(ctx, { embedded })} bucket={bucket} />
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

  // Issue 15, item 1: the embedded store's gate refuses unsigned writes, as an S3 bucket whose
  // objects are public-read does.
  it('presigns PUT and DELETE tests on the embedded store by default, says why, and keeps an untick until the method changes', async () => {
    await arrangeBucket(ctx, 'pane-gate', { rules: [rule({})] });
    renderPane('pane-gate');
    await ready();
    const signed = () => (screen.getByLabelText(/^Signed URL/) as HTMLInputElement).checked;
    expect(signed()).toBe(false);
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'PUT' } });
    await waitFor(() => expect(signed()).toBe(true));
    expect(screen.getByText(/^This store refuses unsigned writes, as an S3 bucket whose objects are public-read does, so a PUT test is presigned by default/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/^Signed URL/));
    expect(signed()).toBe(false);
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'DELETE' } });
    await waitFor(() => expect(signed()).toBe(true));
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    await waitFor(() => expect(signed()).toBe(false));
    expect(screen.getByText(/a POST test gets its 403 AccessDenied: the signed form upload is "Upload with a POST form" below/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'GET' } });
    await waitFor(() => expect(signed()).toBe(false));
  });

  it('leaves writing tests unsigned on other stores', async () => {
    await arrangeBucket(ctx, 'pane-open', { rules: [rule({})] });
    renderPane('pane-open', false);
    await ready();
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'PUT' } });
    expect(await screen.findByLabelText('Body')).toBeTruthy();
    expect((screen.getByLabelText(/^Signed URL/) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText(/^This store refuses unsigned writes/)).toBeNull();
  });

  it('offers the second origin only when the console has one', async () => {
    await arrangeBucket(ctx, 'pane-origins', { rules: [rule({})] });
    renderPane('pane-origins');
    await ready();
    expect((screen.getByRole('radio', { name: /^This console/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^Second origin \(not available\)/ }) as HTMLInputElement).disabled).toBe(true);
  });
});

// Issue 14, item 3: a test writes to or deletes an object the user named only after a yes that
// names the object and says what happens to it; the object is read back to show that a cancelled
// test sent nothing.

const ORIGINAL = 'the user data';

async function arrange(bucket: string) {
  await arrangeBucket(ctx, bucket, { rules: [rule({ allowedMethods: ['GET', 'PUT', 'DELETE'] })] });
  await ctx.s3.putObject(bucket, 'test.txt', ORIGINAL);
  renderPane(bucket);
}

const stored = async (bucket: string) => (await ctx.s3.request('GET', `/${bucket}/test.txt`)).body;

describe('Confirming a write to a named object', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('offers a scratch object by default for PUT, POST and DELETE, and nothing for GET', async () => {
    await arrange('confirm-default');
    await ready();
    expect(screen.queryByRole('radiogroup', { name: 'Object the test writes' })).toBeNull();
    for (const method of ['PUT', 'POST', 'DELETE']) {
      fireEvent.change(screen.getByLabelText('Method'), { target: { value: method } });
      const group = await screen.findByRole('radiogroup', { name: 'Object the test writes' });
      expect((within(group).getByRole('radio', { name: /^A scratch object under \.cors-console\/tests\// }) as HTMLInputElement).checked).toBe(true);
    }
  });

  it('asks before a PUT replaces the named object, naming it and the bytes; Cancel (which has the focus) sends nothing', async () => {
    await arrange('confirm-put');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'PUT' } });
    fireEvent.change(await screen.findByLabelText('Body'), { target: { value: 'twelve bytes' } });
    fireEvent.click(screen.getByRole('radio', { name: /^The object key above/ }));
    fireEvent.click(await ready());
    const dialog = await screen.findByRole('dialog', { name: 'Write to test.txt?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('test.txt in bucket confirm-put will be replaced with 12 bytes of test body; its current content is lost.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).getByRole('button', { name: 'Replace test.txt' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText(/^Allowed|^Blocked/)).toBeNull();
    expect(await stored('confirm-put')).toBe(ORIGINAL);
  });

  it('says a DELETE deletes the named object, and Escape cancels it', async () => {
    await arrange('confirm-delete');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'DELETE' } });
    fireEvent.click(await screen.findByRole('radio', { name: /^The object key above/ }));
    fireEvent.click(await ready());
    const dialog = await screen.findByRole('dialog', { name: 'Delete test.txt?' });
    expect(within(dialog).getByText('test.txt in bucket confirm-delete will be deleted.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Delete test.txt' })).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await stored('confirm-delete')).toBe(ORIGINAL);
  });

  it('lists every object when several tests write to named objects', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmWriteDialog
        effects={[
          { method: 'PUT', bucket: 'b', key: 'a.txt', bodyBytes: 3 },
          { method: 'DELETE', bucket: 'b', key: 'c.txt', bodyBytes: 0 },
        ]}
        onConfirm={onConfirm}
        onCancel={() => {}}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Write to 2 objects you named?' });
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'a.txt in bucket b will be replaced with 3 bytes of test body; its current content is lost.',
      'c.txt in bucket b will be deleted.',
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write to these 2 objects' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
