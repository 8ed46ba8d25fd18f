import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCodeParsers, parseCorsDocument, parseSourceDocument, serializeCorsDocument, type CorsConfig } from '../../../../src/core';
import { recordDownloads } from '../../../support/downloads';
import { useRealApi } from '../../../support/web-api';
import { readyTool, renderRulesPanel } from '../draft-tools-harness';
import { arrangeBucket, findRule, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { capabilities, rule } from '../../../support/builders';

// Import and export as the Rules panel shows them, over the real API and s3rver: what the dialogs
// say about each format, what reaches the editor's draft, and what the downloaded file holds.

const ctx = useRealApi();

beforeEach(() => localStorage.clear());

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const issueTexts = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.textContent);
const diffLines = (root: HTMLElement, tag: 'ins' | 'del') => [...root.querySelectorAll(tag)].map((el) => el.textContent?.trim());

/** Focuses and clicks, as a pointer or keyboard does; the dialog gives focus back to it. */
async function openTool(name: string) {
  const tool = await readyTool(name);
  tool.focus();
  fireEvent.click(tool);
}

async function openImport() {
  await openTool('Import…');
  return screen.getByRole('dialog', { name: 'Import rules into the draft' });
}

async function openExport() {
  await openTool('Export…');
  return screen.getByRole('dialog', { name: 'Export the draft' });
}

const awsDocument = JSON.stringify(
  {
    CORSRules: [
      { ID: 'uploads', AllowedOrigins: ['https://app.example.com'], AllowedMethods: ['PUT', 'POST'], AllowedHeaders: ['content-type'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 },
      { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
    ],
  },
  null,
  2,
);

describe('Import into the draft', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('reads an AWS JSON file picked in the file input, shows the change as a diff, and Replace draft hands it to the editor (undoable)', async () => {
    await arrangeBucket(ctx, 'imp-file', { rules: [rule({ id: 'old' })] });
    renderRulesPanel(testProfile(ctx), 'imp-file');
    const dialog = await openImport();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Import from file'));

    const file = new File([awsDocument], 'cors.json', { type: 'application/json' });
    fireEvent.change(within(dialog).getByLabelText('Import from file'), { target: { files: [file] } });
    await waitFor(() => expect((within(dialog).getByLabelText('Or paste a document') as HTMLTextAreaElement).value).toBe(awsDocument));
    within(dialog).getByText('Read from cors.json.');
    const format = within(dialog).getByLabelText('Format') as HTMLSelectElement;
    expect(format.selectedOptions[0]!.textContent).toBe('Detect automatically (AWS JSON)');
    const edits = within(dialog).getByRole('list', { name: 'What the import changes in the draft (1 rule before, 2 rules after)' });
    expect(within(edits).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Rule 1 (old) removed.', 'Rule 1 (uploads) added.', 'Rule 2 added.']);
    within(dialog).getByText('As S3 XML', { exact: false });
    expect(diffLines(dialog, 'ins')).toContain('+     <ID>uploads</ID>');
    expect(diffLines(dialog, 'del')).toContain('-     <ID>old</ID>');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace draft' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await screen.findByText('Imported 2 rules from cors.json (AWS JSON) into the draft. Undo takes it back.');
    expect(((await findRule(1)).getByLabelText('ID') as HTMLInputElement).value).toBe('uploads');
    expect(((await findRule(2)).getByLabelText('Allowed origins') as HTMLTextAreaElement).value).toBe('*');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import…' }));

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(((await findRule(1)).getByLabelText('ID') as HTMLInputElement).value).toBe('old');
  });

  it('compares the file with what the bucket holds now: the same rules in another order that changes requests are named as different', async () => {
    const uploads = rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });
    const reads = rule({ id: 'reads', allowedOrigins: ['*'], allowedMethods: ['GET'] });
    await arrangeBucket(ctx, 'imp-drift', { rules: [uploads, reads] });
    renderRulesPanel(testProfile(ctx), 'imp-drift');
    const dialog = await openImport();
    type(within(dialog).getByLabelText('Or paste a document'), serializeCorsDocument({ rules: [uploads, reads] }, 'aws-json'));
    const drift = await within(dialog).findByRole('region', { name: 'Against what the bucket holds now' });
    expect(drift.getAttribute('data-verdict')).toBe('identical');
    expect(within(drift).getByRole('status').textContent).toBe('Equivalent Equivalent: the file holds the live configuration.');
    type(within(dialog).getByLabelText('Or paste a document'), serializeCorsDocument({ rules: [reads, uploads] }, 'aws-json'));
    await waitFor(() => expect(within(dialog).getByRole('region', { name: 'Against what the bucket holds now' }).getAttribute('data-verdict')).toBe('reordered-with-effect'));
    const requests = within(dialog).getByRole('list', { name: 'Requests that would fare differently' });
    expect(issueTexts(requests).some((text) => text?.startsWith('GET from https://app.example.com (headers -; credentials omit): live allowed (Access-Control-Allow-Origin https://app.example.com, Access-Control-Expose-Headers ETag); file allowed (Access-Control-Allow-Origin *'))).toBe(true);
  });

  it('opens the import with a file dropped on the bucket page, read as if picked', async () => {
    await arrangeBucket(ctx, 'imp-drop', { rules: [rule({ id: 'old' })] });
    renderRulesPanel(testProfile(ctx), 'imp-drop');
    await readyTool('Import…');
    const file = new File([awsDocument], 'dropped.json', { type: 'application/json' });
    const dataTransfer = { types: ['Files'], files: [file] };
    fireEvent.dragOver(document.body, { dataTransfer });
    expect(document.body.classList.contains('ie-drop-target')).toBe(true);
    fireEvent.drop(document.body, { dataTransfer });
    const dialog = await screen.findByRole('dialog', { name: 'Import rules into the draft' });
    expect(document.body.classList.contains('ie-drop-target')).toBe(false);
    await waitFor(() => expect((within(dialog).getByLabelText('Or paste a document') as HTMLTextAreaElement).value).toBe(awsDocument));
    within(dialog).getByText('Read from dropped.json.');
    expect(within(await within(dialog).findByRole('region', { name: 'Against what the bucket holds now' })).getByRole('status').textContent).toMatch(/^Different Different: 3 edits/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('places a reader error at its rule, field and line, and refuses to replace the draft', async () => {
    await arrangeBucket(ctx, 'imp-broken', { rules: [rule()] });
    renderRulesPanel(testProfile(ctx), 'imp-broken');
    const dialog = await openImport();
    const xml = serializeCorsDocument({ rules: [rule(), rule({ allowedOrigins: ['https://b.example.com'] })] }, 's3-xml').replace(/<AllowedMethod>GET<\/AllowedMethod>(?![\s\S]*<AllowedMethod>GET)/, '<AllowedMethod>PATCH</AllowedMethod>');
    type(within(dialog).getByLabelText('Or paste a document'), xml);

    const line = xml.split('\n').findIndex((l) => l.includes('PATCH')) + 1;
    const problems = within(dialog).getByRole('list', { name: 'Problems in the document' });
    expect(issueTexts(problems)).toEqual([expect.stringMatching(new RegExp(`^Error: Rule 2 · Allowed methods · line ${line}: .*PATCH`))]);
    expect(within(dialog).getByLabelText('Or paste a document').getAttribute('aria-invalid')).toBe('true');
    within(dialog).getByText('The document cannot be read as S3 XML; fix the errors above or pick another format.');
    expect((within(dialog).getByRole('button', { name: 'Replace draft' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows what the bucket\'s provider would refuse, at rule and field, and lets the editor take it with Save blocked', async () => {
    await arrangeBucket(ctx, 'imp-invalid', { rules: [rule()] });
    renderRulesPanel(testProfile(ctx), 'imp-invalid');
    const dialog = await openImport();
    type(within(dialog).getByLabelText('Or paste a document'), JSON.stringify({ CORSRules: [{ AllowedOrigins: ['https://a.example.com'], AllowedMethods: ['GET'] }, { AllowedOrigins: ['https://*.*.example.com'], AllowedMethods: ['GET'], ExposeHeaders: ['x-amz-meta-*'] }] }));

    const texts = issueTexts(within(dialog).getByRole('list', { name: 'Problems in the document' }));
    expect(texts.some((t) => t?.startsWith('Error: Rule 2 · Allowed origins: AllowedOrigin "https://*.*.example.com" can not have more than one wildcard.'))).toBe(true);
    expect(texts.some((t) => t?.startsWith('Error: Rule 2 · Expose headers: ExposeHeader "x-amz-meta-*" contains wildcard.'))).toBe(true);
    within(dialog).getByText('The draft will carry 2 errors the provider would reject; Save stays blocked until they are fixed in the editor.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace draft' }));
    expect(((await findRule(2)).getByLabelText('Allowed origins') as HTMLTextAreaElement).value).toBe('https://*.*.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Save is blocked: fix the 2 errors marked below. Warnings do not block saving.');
  });

  it('detects GCS JSON (one header list read as allowed and exposed) and lets the format be overridden', async () => {
    await arrangeBucket(ctx, 'imp-gcs', { rules: [rule()] });
    renderRulesPanel(testProfile(ctx), 'imp-gcs');
    const dialog = await openImport();
    type(within(dialog).getByLabelText('Or paste a document'), JSON.stringify([{ origin: ['https://gcs.example.com'], method: ['GET'], responseHeader: ['Content-Type'], maxAgeSeconds: 60 }]));
    const format = within(dialog).getByLabelText('Format') as HTMLSelectElement;
    expect(format.selectedOptions[0]!.textContent).toBe('Detect automatically (GCS JSON)');
    const added = diffLines(dialog, 'ins');
    expect(added).toContain('+     <AllowedHeader>Content-Type</AllowedHeader>');
    expect(added).toContain('+     <ExposeHeader>Content-Type</ExposeHeader>');

    fireEvent.change(format, { target: { value: 'aws-json' } });
    expect(issueTexts(within(dialog).getByRole('list', { name: 'Problems in the document' }))[0]).toMatch(/^Error: /);
    expect((within(dialog).getByRole('button', { name: 'Replace draft' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps the draft\'s ResponseVary when the imported format cannot say it', async () => {
    await arrangeBucket(ctx, 'imp-vary', { rules: [rule()] });
    renderRulesPanel(testProfile(ctx, { dialect: 'oss', capabilities: capabilities({ responseVary: true }) }), 'imp-vary');
    await findRule(1);
    fireEvent.click(screen.getByLabelText('Vary: Origin'));
    const dialog = await openImport();
    type(within(dialog).getByLabelText('Or paste a document'), JSON.stringify({ CORSRules: [{ AllowedOrigins: ['https://a.example.com'], AllowedMethods: ['GET'] }] }));
    within(dialog).getByText('AWS JSON cannot say ResponseVary, so the draft keeps its Vary: Origin switch on.');
    expect(diffLines(dialog, 'del')).not.toContain('-   <ResponseVary>true</ResponseVary>');
  });

  it('detects a CloudFormation YAML template once the YAML parser has loaded, and replaces the draft with its rules', async () => {
    await arrangeBucket(ctx, 'imp-cfn', { rules: [rule({ id: 'old' })] });
    renderRulesPanel(testProfile(ctx), 'imp-cfn');
    const dialog = await openImport();
    const yaml = ['Resources:', '  Site:', '    Type: AWS::S3::Bucket', '    Properties:', '      CorsConfiguration:', '        CorsRules:', '          - Id: reads', '            AllowedOrigins: ["https://cfn.example.com"]', '            AllowedMethods: [GET]', ''].join('\n');
    type(within(dialog).getByLabelText('Or paste a document'), yaml);
    const format = within(dialog).getByLabelText('Format') as HTMLSelectElement;
    await waitFor(() => expect(format.selectedOptions[0]!.textContent).toBe('Detect automatically (CloudFormation YAML)'), { timeout: 30_000 });
    expect(diffLines(dialog, 'ins')).toContain('+     <AllowedOrigin>https://cfn.example.com</AllowedOrigin>');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace draft' }));
    expect(screen.queryByRole('dialog', { name: 'Import rules into the draft' })).toBeNull();
  });

  it('detects Terraform HCL after loading the HCL parser, and places a bad method at its rule', async () => {
    await arrangeBucket(ctx, 'imp-tf', { rules: [rule()] });
    renderRulesPanel(testProfile(ctx), 'imp-tf');
    const dialog = await openImport();
    const hcl = ['resource "aws_s3_bucket_cors_configuration" "site" {', '  bucket = "site"', '  cors_rule {', '    allowed_methods = ["PATCH"]', '    allowed_origins = ["*"]', '  }', '}', ''].join('\n');
    type(within(dialog).getByLabelText('Or paste a document'), hcl);
    const format = within(dialog).getByLabelText('Format') as HTMLSelectElement;
    await waitFor(() => expect(format.selectedOptions[0]!.textContent).toBe('Detect automatically (Terraform HCL)'), { timeout: 30_000 });
    expect(issueTexts(within(dialog).getByRole('list', { name: 'Problems in the document' }))[0]).toMatch(/^Error: Rule 1/);
    expect((within(dialog).getByRole('button', { name: 'Replace draft' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the other shapes an ambiguous document reads as, and the select overrides the guess', async () => {
    await arrangeBucket(ctx, 'imp-ambiguous', { rules: [rule()] });
    renderRulesPanel(testProfile(ctx), 'imp-ambiguous');
    const dialog = await openImport();
    type(within(dialog).getByLabelText('Or paste a document'), '[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]}]');
    const format = within(dialog).getByLabelText('Format') as HTMLSelectElement;
    expect(format.selectedOptions[0]!.textContent).toBe('Detect automatically (AWS JSON)');
    const note = within(dialog).getByText('The text also reads as:');
    expect([...note.querySelectorAll('code')].map((code) => code.textContent)).toEqual(['CloudFormation JSON', 'Azure CorsRule JSON']);
    fireEvent.change(format, { target: { value: 'cloudformation-json' } });
    expect(format.value).toBe('cloudformation-json');
    expect((within(dialog).getByRole('button', { name: 'Replace draft' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('Escape closes the dialog without touching the draft and gives focus back', async () => {
    await arrangeBucket(ctx, 'imp-escape', { rules: [rule({ id: 'kept' })] });
    renderRulesPanel(testProfile(ctx), 'imp-escape');
    const dialog = await openImport();
    type(within(dialog).getByLabelText('Or paste a document'), awsDocument);
    fireEvent.keyDown(within(dialog).getByLabelText('Or paste a document'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import…' }));
    expect(((await findRule(1)).getByLabelText('ID') as HTMLInputElement).value).toBe('kept');
  });
});

describe('Export of the draft', { timeout: REAL_SERVER_TEST_MS }, () => {
  const downloads = recordDownloads();

  const draft: CorsConfig = {
    rules: [
      rule({ id: 'uploads', allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }),
      rule({ allowedOrigins: ['*'] }),
    ],
  };

  it('downloads the draft as AWS JSON named after the bucket, the same document it shows, with nothing lost', async () => {
    await arrangeBucket(ctx, 'exp-aws', draft);
    renderRulesPanel(testProfile(ctx), 'exp-aws');
    const dialog = await openExport();
    const format = within(dialog).getByLabelText('Format') as HTMLSelectElement;
    expect(format.value).toBe('aws-json');
    within(dialog).getByText('AWS JSON carries everything in this draft.');
    const shown = (within(dialog).getByLabelText('Document') as HTMLTextAreaElement).value;

    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(downloads.map((d) => d.fileName)).toEqual(['exp-aws-cors.json']);
    const text = await downloads[0]!.blob.text();
    expect(text).toBe(shown);
    expect(downloads[0]!.blob.type).toBe('application/json');
    const back = parseCorsDocument(text, 'aws-json');
    expect(back.ok && back.config).toEqual(draft);
    expect(within(dialog).getByRole('status').textContent).toBe('Downloaded exp-aws-cors.json.');
  });

  it('warns before the download what GCS JSON loses: rule IDs, and the allowed and exposed headers merged', async () => {
    await arrangeBucket(ctx, 'exp-gcs', draft);
    renderRulesPanel(testProfile(ctx), 'exp-gcs');
    const dialog = await openExport();
    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'gcs-json' } });
    const losses = issueTexts(within(dialog).getByRole('list', { name: 'What GCS JSON loses' }));
    expect(losses).toEqual([
      'Warning: Rule 1 · ID: Rule 1 (uploads) loses its ID: GCS JSON rules have no ID.',
      'Warning: Rule 1: Rule 1 (uploads): GCS JSON has one responseHeader list for allowed and exposed headers, so content-type also becomes exposed and ETag also becomes allowed.',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Download' }).getAttribute('aria-describedby')).toBe(within(dialog).getByRole('list', { name: 'What GCS JSON loses' }).id);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(downloads[0]!.fileName).toBe('exp-gcs-cors-gcs.json');
    expect(JSON.parse(await downloads[0]!.blob.text())[0]).toEqual({ origin: ['https://app.example.com'], method: ['PUT'], responseHeader: ['content-type', 'ETag'] });
  });

  it('warns that S3 XML drops ResponseVary, and OSS XML keeps it but drops rule IDs', async () => {
    await arrangeBucket(ctx, 'exp-vary', draft);
    renderRulesPanel(testProfile(ctx, { dialect: 'oss', capabilities: capabilities({ responseVary: true }) }), 'exp-vary');
    await findRule(1);
    fireEvent.click(screen.getByLabelText('Vary: Origin'));
    const dialog = await openExport();
    expect((within(dialog).getByLabelText('Format') as HTMLSelectElement).value).toBe('oss-xml');
    expect(issueTexts(within(dialog).getByRole('list', { name: 'What OSS XML loses' }))).toEqual(['Warning: Rule 1 · ID: Rule 1 (uploads) loses its ID: OSS XML rules have no ID.']);
    expect((within(dialog).getByLabelText('Document') as HTMLTextAreaElement).value).toContain('<ResponseVary>true</ResponseVary>');

    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 's3-xml' } });
    expect(issueTexts(within(dialog).getByRole('list', { name: 'What S3 XML loses' }))[0]).toBe(
      'Warning: S3 XML cannot express ResponseVary, so "Vary: Origin on every response" is dropped.Only OSS and COS support ResponseVary; elsewhere, a CDN in front must add Vary: Origin.',
    );
    expect((within(dialog).getByLabelText('Document') as HTMLTextAreaElement).value).not.toContain('ResponseVary');
  });

  it('exports Terraform for AWS and, the resource keeping rules as a set, names the requests another order would answer differently', async () => {
    const ordered: CorsConfig = { rules: [rule({ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'], exposeHeaders: ['ETag'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })] };
    await arrangeBucket(ctx, 'exp-tf', ordered);
    renderRulesPanel(testProfile(ctx), 'exp-tf');
    const dialog = await openExport();
    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'terraform-aws' } });
    const label = 'What Terraform aws_s3_bucket_cors_configuration loses';
    const losses = issueTexts(within(dialog).getByRole('list', { name: label }));
    expect(losses.some((text) => text?.includes('stores the rules as a set'))).toBe(true);
    expect(losses.some((text) => text?.includes('requests from https://app.example.com with GET would get another answer'))).toBe(true);
    within(dialog).getByRole('alert');
    expect((within(dialog).getByLabelText('Document') as HTMLTextAreaElement).value).toContain('resource "aws_s3_bucket_cors_configuration" "exp-tf" {');
  });

  it('exports the AWS CLI file with the command that applies it', async () => {
    await arrangeBucket(ctx, 'exp-cli', draft);
    renderRulesPanel(testProfile(ctx), 'exp-cli');
    const dialog = await openExport();
    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'aws-cli' } });
    within(dialog).getByText('Apply the file with:');
    expect(dialog.querySelector('pre code')?.textContent).toBe('aws s3api put-bucket-cors --bucket exp-cli --cors-configuration file://exp-cli-cors-aws-json.json');
  });

  it('loads the YAML writer for CloudFormation YAML and shows a template that reads back as the draft', async () => {
    await arrangeBucket(ctx, 'exp-cfn', draft);
    renderRulesPanel(testProfile(ctx), 'exp-cfn');
    const dialog = await openExport();
    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'cloudformation-yaml' } });
    const document = within(dialog).getByLabelText('Document') as HTMLTextAreaElement;
    await waitFor(() => expect(document.value).toContain('AWS::S3::Bucket'), { timeout: 30_000 });
    const parsers = await loadCodeParsers(['yaml']);
    const back = parseSourceDocument(document.value, 'cloudformation-yaml', parsers);
    expect(back.ok && back.config).toEqual(draft);
  });
});
