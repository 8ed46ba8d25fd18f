import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TestPane } from '../../../../src/web/features/test-pane/components/test-pane';
import { ConfirmWriteDialog } from '../../../../src/web/features/test-pane/components/confirm-write-dialog';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';
import { recordDownloads } from '../../../support/downloads';
import { suiteSchema } from '../../../../src/contract/suite';

// The request builder's validation, against the real API over s3rver. The request itself is sent
// by Chromium in the browser tests; jsdom has no CORS to judge.

const ctx = useRealApi();

function renderPane(bucket: string, embedded = true, publicUrl?: string) {
  const client = testQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <TestPane profile={testProfile(ctx, { embedded, ...(publicUrl ? { publicUrl } : {}) })} bucket={bucket} />
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

  it('offers the endpoint, the public URL (its pattern shown) or both only when the profile sets a public URL, the endpoint first', async () => {
    await arrangeBucket(ctx, 'pane-public-url', { rules: [rule({})] });
    const { unmount } = renderPane('pane-public-url');
    await ready();
    expect(screen.queryByRole('radiogroup', { name: 'Send to' })).toBeNull();
    unmount();
    renderPane('pane-public-url', true, 'https://cdn.example.com/{bucket}/{key}');
    await ready();
    const group = screen.getByRole('radiogroup', { name: 'Send to' });
    expect(within(group).getAllByRole('radio').map((radio) => [radio.getAttribute('value'), (radio as HTMLInputElement).checked])).toEqual([
      ['endpoint', true],
      ['public', false],
      ['both', false],
    ]);
    expect(within(group).getByRole('radio', { name: /^The public URL/ }).closest('.ui-choice')?.querySelector('code')?.textContent).toBe('https://cdn.example.com/{bucket}/{key}');
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

// Issue 16, item 5: the request form is kept per bucket across reloads (a remount reads it back
// from localStorage), what is read back is checked, and a saved test loads back into the form.

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const formStorageKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('cors-console:test-form:'));

describe('The request form, kept per bucket', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('comes back as it was left after a reload, unticked signature included; another bucket starts from the defaults', async () => {
    await arrangeBucket(ctx, 'keep-a', { rules: [rule({})] });
    await arrangeBucket(ctx, 'keep-b', { rules: [rule({})] });
    const first = renderPane('keep-a');
    await ready();
    fireEvent.change(field('Method'), { target: { value: 'PUT' } });
    await waitFor(() => expect((screen.getByLabelText(/^Signed URL/) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(screen.getByLabelText(/^Signed URL/));
    fireEvent.change(field('Object key'), { target: { value: 'uploads/photo.jpg' } });
    fireEvent.change(field('Request headers'), { target: { value: 'content-type: image/jpeg\nx-app-trace: 7' } });
    fireEvent.change(field('Body'), { target: { value: 'pixels' } });
    fireEvent.change(field('Credentials'), { target: { value: 'include' } });
    fireEvent.change(field('Headers the app must read'), { target: { value: 'ETag' } });
    first.unmount();

    renderPane('keep-a');
    await ready();
    expect(field('Method').value).toBe('PUT');
    expect(field('Object key').value).toBe('uploads/photo.jpg');
    expect(field('Request headers').value).toBe('content-type: image/jpeg\nx-app-trace: 7');
    expect(field('Body').value).toBe('pixels');
    expect(field('Credentials').value).toBe('include');
    expect(field('Headers the app must read').value).toBe('ETag');
    // The store presigns a PUT by default; the user's untick survives the reload.
    expect((screen.getByLabelText(/^Signed URL/) as HTMLInputElement).checked).toBe(false);
    cleanup();

    renderPane('keep-b');
    await ready();
    expect(field('Method').value).toBe('GET');
    expect(field('Object key').value).toBe('test.txt');
  });

  it('drops what it cannot read back (another version, a hand edit) and starts from the defaults', async () => {
    await arrangeBucket(ctx, 'keep-bad', { rules: [rule({})] });
    const first = renderPane('keep-bad');
    await ready();
    fireEvent.change(field('Object key'), { target: { value: 'kept.txt' } });
    first.unmount();
    const [key] = formStorageKeys().filter((k) => k.endsWith('/keep-bad'));
    expect(JSON.parse(localStorage.getItem(key!)!)).toMatchObject({ key: 'kept.txt', method: 'GET' });

    for (const malformed of ['{"key":"x.txt","method":"BREW"}', 'not json', JSON.stringify({ ...JSON.parse(localStorage.getItem(key!)!), extra: 1 })]) {
      localStorage.setItem(key!, malformed);
      const again = renderPane('keep-bad');
      await ready();
      expect(field('Object key').value).toBe('test.txt');
      expect(localStorage.getItem(key!)).toBeNull();
      again.unmount();
    }
  });

  it('says that an empty body sends the default one, instead of a placeholder that looks like a value', async () => {
    await arrangeBucket(ctx, 'keep-body', { rules: [rule({})] });
    renderPane('keep-body', false);
    await ready();
    fireEvent.change(field('Method'), { target: { value: 'PUT' } });
    const body = await screen.findByLabelText('Body');
    expect(body.getAttribute('placeholder')).toBeNull();
    expect(document.getElementById(body.getAttribute('aria-describedby')!)!.textContent).toBe('Empty: the test sends 25 bytes, "cors-console test upload\\n".');
    // The upload tests' file cannot come back after a reload, and the page says so.
    expect(screen.getByLabelText('File to upload').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/a chosen file is not: browsers never let a page fill in a file field\.$/)).toBeTruthy();
  });
});

describe('Saved tests, loaded back into the form', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('puts a saved test back in the form, focuses it, says so, and keeps it for the next reload', async () => {
    await arrangeBucket(ctx, 'load-saved', { rules: [rule({})] });
    const first = renderPane('load-saved', false);
    await ready();
    fireEvent.change(field('Method'), { target: { value: 'DELETE' } });
    fireEvent.change(field('Request headers'), { target: { value: 'x-app-trace: 1' } });
    fireEvent.change(field('Headers the app must read'), { target: { value: 'ETag, x-amz-version-id' } });
    fireEvent.change(field('Credentials'), { target: { value: 'include' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save test' }));
    fireEvent.change(screen.getByLabelText('Test name'), { target: { value: 'app deletes' } });
    fireEvent.change(screen.getByLabelText('The app needs it'), { target: { value: 'blocked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save this test' }));
    const row = await screen.findByRole('row', { name: /app deletes/ });

    // Another request in the form, then the saved one loaded back.
    fireEvent.change(field('Method'), { target: { value: 'GET' } });
    fireEvent.change(field('Request headers'), { target: { value: '' } });
    fireEvent.change(field('Headers the app must read'), { target: { value: '' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Load test app deletes into form' }));
    await waitFor(() => expect(field('Method').value).toBe('DELETE'));
    expect(field('Request headers').value).toBe('x-app-trace: 1');
    expect(field('Headers the app must read').value).toBe('ETag, x-amz-version-id');
    expect(field('Credentials').value).toBe('include');
    expect(screen.getByRole('status').textContent).toBe('"app deletes" is in the form: change it or press Test CORS.');
    expect(document.activeElement).toBe(field('Object key'));
    first.unmount();

    renderPane('load-saved', false);
    await ready();
    expect(field('Method').value).toBe('DELETE');
    expect(field('Request headers').value).toBe('x-app-trace: 1');
  });
});

describe('Saved tests, exported as a suite file', { timeout: REAL_SERVER_TEST_MS }, () => {
  const downloads = recordDownloads();

  const saveTest = async (name: string, expectation: 'allowed' | 'blocked') => {
    fireEvent.click(screen.getByRole('button', { name: 'Save test' }));
    fireEvent.change(screen.getByLabelText('Test name'), { target: { value: name } });
    fireEvent.change(screen.getByLabelText('The app needs it'), { target: { value: expectation } });
    fireEvent.click(screen.getByRole('button', { name: 'Save this test' }));
    await screen.findByRole('row', { name: new RegExp(name) });
  };

  it('downloads the bucket\'s saved tests as the versioned suite `cors-console test --suite` reads, in order, sent from this console', async () => {
    await arrangeBucket(ctx, 'export-suite', { rules: [rule({})] });
    renderPane('export-suite', false);
    await ready();
    fireEvent.change(field('Headers the app must read'), { target: { value: 'ETag' } });
    await saveTest('app reads the ETag', 'allowed');
    fireEvent.change(field('Method'), { target: { value: 'DELETE' } });
    fireEvent.change(field('Headers the app must read'), { target: { value: '' } });
    await saveTest('app cannot delete', 'blocked');

    fireEvent.click(screen.getByRole('button', { name: 'Export suite' }));
    expect(downloads.map((d) => d.fileName)).toEqual(['export-suite.cors-suite.json']);
    expect(downloads[0]!.blob.type).toBe('application/json');
    const suite = suiteSchema.parse(JSON.parse(await downloads[0]!.blob.text()));
    expect(suite).toMatchObject({ version: 1, bucket: 'export-suite', origin: window.location.origin });
    expect(suite.tests.map((t) => [t.name, t.request.method, t.request.mustRead, t.expect, t.origin])).toEqual([
      ['app reads the ETag', 'GET', ['ETag'], 'allowed', undefined],
      ['app cannot delete', 'DELETE', [], 'blocked', undefined],
    ]);
    expect(screen.getByText(/^Downloaded export-suite\.cors-suite\.json: run it with cors-console test --suite/)).toBeTruthy();
  });
});
