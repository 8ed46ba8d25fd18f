import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { loosestRule, type CorsConfig } from '../../../../src/core';
import { chooseLoosest, chooseStrictest, describeApp, openWizard, renderWizard, ruleRow } from './wizard-harness';
import { rule } from '../../../support/builders';

// The wizard dialog as a person meets it: the generators' choices, values beside reasons, the
// limits of the dialect, and the change handed to the editor through the real bucket workspace.

const APP = 'https://app.example.com';

function generated() {
  return screen.findByRole('region', { name: 'Generated rules' });
}

function ruleTable(name: string | RegExp) {
  return screen.getByRole('table', { name });
}

function outcomes(caption: string): [string, string][] {
  const rows = within(ruleTable(caption)).getAllByRole('row').slice(1);
  return rows.map((row) => {
    const [request, verdict] = row.querySelectorAll('td');
    return [request!.textContent ?? '', verdict!.textContent ?? ''];
  });
}

describe('Rule wizard dialog', () => {
  it('is a labelled modal that takes focus and makes the page inert, closes on Escape and gives focus back', () => {
    renderWizard('s3');
    const opener = screen.getByRole('button', { name: 'Rule wizard' });
    opener.focus();
    const dialog = openWizard();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    const page = opener.closest('body > div') as HTMLElement;
    expect(page.inert).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(page.inert).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog', () => {
    renderWizard('s3');
    const dialog = openWizard();
    const buttons = within(dialog).getAllByRole('button');
    const last = buttons[buttons.length - 1]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(last);
  });

  it('waits for the editor to publish its draft before it opens', () => {
    renderWizard('s3', { rules: [] }, { editorLoaded: false });
    expect((screen.getByRole('button', { name: 'Rule wizard' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Loosest rule preview', () => {
  it('shows every field of the S3 rule with its reason, and the security warning first', () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    const warning = screen.getByRole('region', { name: 'Security warning' });
    expect(warning.textContent).toContain('Diagnostic setting: not for production');
    expect(warning.textContent).toContain('lets any website send any request with any header to the bucket');
    const table = ruleTable('The loosest rule');
    expect(ruleRow(table, 'ID').value).toBe('loosest-diagnostic');
    expect(ruleRow(table, 'Allowed origins')).toEqual({ value: '*', why: [expect.stringContaining('Any origin (*)')] });
    expect(ruleRow(table, 'Allowed methods').value).toBe('GET, PUT, POST, DELETE, HEAD');
    expect(ruleRow(table, 'Allowed headers').why[0]).toContain('Any requested header (*)');
    const expose = ruleRow(table, 'Expose headers');
    expect(expose.value).toBe('ETag, x-amz-request-id, x-amz-id-2, x-amz-version-id');
    expect(expose.why[0]).toContain('ETag, which browser multipart uploads must read');
    expect(expose.why.at(-1)).toContain('No * among exposed headers');
    expect(ruleRow(table, 'Max age')).toEqual({ value: '60 s', why: ['Preflights are cached 60 seconds only, so tightening the rule afterwards takes effect quickly.'] });
  });

  it('uses the dialect: OSS rules have no ID and expose the OSS request id', () => {
    renderWizard('oss');
    openWizard();
    chooseLoosest();
    const table = ruleTable('The loosest rule');
    expect(ruleRow(table, 'ID')).toEqual({ value: '(none)', why: ['Alibaba Cloud OSS rules have no ID, so the rule is unnamed.'] });
    expect(ruleRow(table, 'Expose headers').value).toBe('ETag, x-oss-request-id');
  });

  it('"Tighten now" switches to the strictest form and puts focus in it', async () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    fireEvent.click(screen.getByRole('button', { name: 'Tighten now' }));
    expect(screen.getByRole('button', { name: 'Strictest (for your app)' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('table', { name: 'The loosest rule', hidden: true }).closest('[hidden]')).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Origins the app is served from')));
  });
});

describe('Strictest rules: the app form', () => {
  it('explains a bad origin at the field, with the provider reason, and generates nothing', async () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({ origins: `${APP}\nexample.com`, operations: ['Download (GET)'] });
    const field = screen.getByLabelText('Origins the app is served from');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(`${field.id}-error`)!;
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(error.textContent).toBe('Origin needs a protocol: https://example.com Browsers send scheme://host[:port]; an origin without a scheme never matches.');
    expect(screen.queryByRole('region', { name: 'Generated rules' })).toBeNull();
  });

  it('asks for an operation, and for a valid header name at its row', async () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({ origins: APP, operations: [], headers: [{ name: 'x trace' }] });
    await screen.findByText('Choose at least one operation the app performs.');
    const name = screen.getByLabelText('Header 1 name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent).toContain('Allowed header "x trace" is not a valid header name');
  });

  it('refuses a header scoped to an operation the app does not perform', async () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({ origins: APP, operations: ['Download (GET)'], headers: [{ name: 'x-trace', on: 'delete' }] });
    await screen.findByText("Delete (DELETE) is not among the app's operations: choose it above, or pick another.");
  });

  it('refuses * as the origin of an app that sends credentials', async () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({ origins: '*', operations: ['Download (GET)'], credentials: true });
    await screen.findByText(/^The app sends credentials, so it cannot use \* as its origin/);
  });
});

describe('Strictest rules: what is generated and why', () => {
  it('gives download and upload their own rules: headers only where sent, ETag exposed, each choice explained', async () => {
    renderWizard('s3');
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({
      origins: APP,
      operations: ['Download (GET)', 'Upload with PUT (PutObject, presigned PUT)'],
      headers: [{ name: 'Content-Type', value: 'application/json', on: 'upload' }, { name: 'Accept', value: 'application/json' }],
      readable: [{ name: 'ETag' }],
    });
    const region = await generated();
    within(region).getByRole('heading', { level: 3, name: '2 rules for the app' });
    const choices = within(region).getByRole('list', { name: 'Choices about the rules' }).textContent;
    expect(choices).toContain('2 rules, because their methods need different headers');
    expect(choices).toContain('accept: application/json needs no rule: it is CORS-safelisted');

    const get = ruleTable('Rule 1 of 2: app-get');
    expect(ruleRow(get, 'Allowed methods')).toEqual({ value: 'GET', why: ['GET because the app downloads objects.'] });
    expect(ruleRow(get, 'Allowed headers')).toEqual({ value: '(none)', why: [expect.stringContaining('No headers allowed')] });
    expect(ruleRow(get, 'Expose headers').value).toBe('ETag');
    expect(ruleRow(get, 'Max age').why[0]).toContain('GET and HEAD without custom headers are never preflighted');

    const put = ruleTable('Rule 2 of 2: app-put');
    expect(ruleRow(put, 'Allowed origins')).toEqual({ value: APP, why: [`Allows ${APP}, where the app is served from.`] });
    expect(ruleRow(put, 'Allowed headers').value).toBe('content-type');
    expect(ruleRow(put, 'Allowed headers').why[0]).toContain('application/json is not one of the three safelisted types');
    expect(ruleRow(put, 'Expose headers').why).toEqual(['ETag exposed because the app reads it (it is not CORS-safelisted).']);
    expect(ruleRow(put, 'Max age').value).toBe('600 s');

    expect(outcomes("The app's requests under the new draft")).toEqual([
      [`GET from ${APP} with accept: application/json`, 'allowed (rule 1)'],
      [`PUT from ${APP} with content-type: application/json, accept: application/json`, 'allowed (rule 2)'],
    ]);
    expect(within(ruleTable("The app's requests under the new draft")).getAllByText('Script can read ETag.')).toHaveLength(2);
    for (const [request, verdict] of outcomes('Requests the app does not make')) expect([request, verdict]).toEqual([request, 'blocked']);
    expect(outcomes('Requests the app does not make').map(([request]) => request)).toEqual([
      'GET from https://other-site.example with accept: application/json',
      `GET from ${APP} with accept: application/json, x-unlisted-header: sample`,
      `POST from ${APP}`,
      `DELETE from ${APP}`,
      `HEAD from ${APP}`,
    ]);
  });

  it('keeps within the OSS limit of 10 rules: with 9 in the draft, the app gets one merged rule, and says why', async () => {
    const draft: CorsConfig = { rules: Array.from({ length: 9 }, (_, i) => rule({ allowedOrigins: [`https://site${i}.example`] })) };
    renderWizard('oss', draft);
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({ origins: APP, operations: ['Download (GET)', 'Upload with PUT (PutObject, presigned PUT)'], headers: [{ name: 'x-app-trace', on: 'upload' }], readable: [{ name: 'ETag', on: 'upload' }] });
    const region = await generated();
    within(region).getByText("Alibaba Cloud OSS allows at most 10 rules; 9 of the draft's rules stay, so up to 1 can be added.");
    const merged = ruleTable('Rule 1 of 1');
    expect(ruleRow(merged, 'Allowed methods').value).toBe('GET, PUT');
    expect(ruleRow(merged, 'Rule as a whole').why).toEqual([
      'Merged into one rule because only 1 rule can be added, as Alibaba Cloud OSS allows 10 rules; the merged rule allows each of its headers on each of its methods.',
    ]);
    expect((within(region).getByRole('button', { name: 'Insert into the draft' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('refuses to insert into a full OSS draft, and fits once the draft is replaced', () => {
    const draft: CorsConfig = { rules: Array.from({ length: 10 }, (_, i) => rule({ allowedOrigins: [`https://site${i}.example`] })) };
    renderWizard('oss', draft);
    openWizard();
    chooseLoosest();
    screen.getByText("Alibaba Cloud OSS allows at most 10 rules; 10 of the draft's rules stay, so no rule fits.");
    expect(screen.getByRole('alert').textContent).toBe('Alibaba Cloud OSS allows at most 10 rules; the configuration has 10, so 1 more do not fit. Merge or remove rules first.');
    expect((screen.getByRole('button', { name: 'Insert into the draft' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Replace the whole draft with them' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('list', { name: 'Placement' }).textContent).toBe('The new rules replace all 10 rules of the draft.');
    expect((screen.getByRole('button', { name: 'Replace the draft' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('Inserting into the draft', () => {
  it('hands the editor the loosest rule above the rule that would answer first, and closes', () => {
    const draft: CorsConfig = { rules: [rule({ id: 'reads' })] };
    const { proposals } = renderWizard('s3', draft);
    openWizard();
    chooseLoosest();
    expect(screen.getByRole('list', { name: 'Placement' }).textContent).toContain('The new rule goes at position 1, above rule 1 (reads)');
    expect(screen.getByRole('figure').textContent).toContain('lines added');
    fireEvent.click(screen.getByRole('button', { name: 'Insert into the draft' }));
    expect(proposals).toEqual([{ config: { rules: [loosestRule('s3').rule, draft.rules[0]] }, note: { code: 'wizard-inserted', rules: 'loosest', count: 1, at: 0 } }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rule wizard' }));
  });

  it('appends the strictest rules after rules for other origins, which they do not compete with', async () => {
    const other = rule({ id: 'partner', allowedOrigins: ['https://partner.example'] });
    const { proposals } = renderWizard('s3', { rules: [other] });
    openWizard();
    chooseLoosest();
    chooseStrictest();
    describeApp({ origins: APP, operations: ['Delete (DELETE)'] });
    const region = await generated();
    expect(within(region).getByRole('list', { name: 'Placement' }).textContent).toContain('The new rule goes last');
    fireEvent.click(within(region).getByRole('button', { name: 'Insert into the draft' }));
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.config!.rules.map((r) => r.id)).toEqual(['partner', 'app-delete']);
    expect(proposals[0]!.note).toEqual({ code: 'wizard-inserted', rules: 'strictest', count: 1, at: 1 });
  });

  it('tightens: the strictest rules replace the diagnostic rule the draft holds', async () => {
    const kept = rule({ id: 'partner', allowedOrigins: ['https://partner.example'] });
    const { proposals } = renderWizard('s3', { rules: [loosestRule('s3').rule, kept] });
    openWizard();
    chooseLoosest();
    screen.getByText('The draft already holds the diagnostic rule (rule 1).');
    fireEvent.click(screen.getByRole('button', { name: 'Tighten now' }));
    describeApp({ origins: APP, operations: ['Download (GET)'] });
    const region = await generated();
    expect((within(region).getByRole('radio', { name: 'Replace the diagnostic rule (rule 1) with them' }) as HTMLInputElement).checked).toBe(true);
    expect(within(region).getByRole('list', { name: 'Placement' }).textContent).toContain('The diagnostic rule (rule 1) is removed');
    within(region).getByText(/^Sample requests newly blocked/);
    fireEvent.click(within(region).getByRole('button', { name: 'Insert into the draft' }));
    expect(proposals[0]!.config!.rules.map((r) => r.id)).toEqual(['partner', 'app-get']);
  });
});
