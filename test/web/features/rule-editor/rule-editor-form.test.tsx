import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRealApi } from '../../../support/web-api';
import { DRAFT_PAUSE_MS } from '../../../../src/web/features/rule-editor/draft-pause';
import { arrangeBucket, button, findRule, REAL_SERVER_TEST_MS, renderEditor, testProfile } from './editor-harness';
import { capabilities, rule } from '../../../support/builders';

const ctx = useRealApi();

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

const field = (card: ReturnType<typeof within>, label: string) => card.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
/** Types, then lets the pause that ends an edit pass at once: timers are faked only around this keystroke, so only the ones it starts are. */
const typeAndPause = (element: HTMLElement, value: string) => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    type(element, value);
    act(() => vi.advanceTimersByTime(DRAFT_PAUSE_MS));
  } finally {
    vi.useRealTimers();
  }
};
/** A rule row's facts, by their labels (`Origins`, `Methods`, …). */
const factsOf = (card: ReturnType<typeof within>) => Object.fromEntries(card.getAllByRole('term').map((term: HTMLElement) => [term.textContent, term.nextElementSibling?.textContent]));
const compactRule = async (n: number) => within(await screen.findByRole('region', { name: `Rule ${n}` }));
const headings = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('RuleEditor form', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('shows each rule as one compact row (position, ID, origins, methods, headers, max age), opened for editing one or all at once', async () => {
    await arrangeBucket(ctx, 'form-order', {
      rules: [
        rule({ id: 'uploads', allowedOrigins: ['https://a.example.com', 'https://b.example.com'], allowedMethods: ['PUT', 'POST'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 }),
        rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'] }),
      ],
    });
    renderEditor(testProfile(ctx), 'form-order');
    const row = await compactRule(1);
    expect(row.getByRole('heading').textContent).toBe('Rule 1 uploads');
    expect(factsOf(row)).toEqual({ Origins: 'https://a.example.com, https://b.example.com', Methods: 'PUT, POST', 'Allowed headers': 'none', Expose: 'ETag', 'Max age': '600 s' });
    expect(factsOf(await compactRule(2))).toMatchObject({ Origins: '*', Methods: 'GET, HEAD', Expose: 'none', 'Max age': 'unset' });
    // Compact: no fields until opened, and no issue badge on rules without issues.
    expect(row.queryByLabelText('ID')).toBeNull();
    expect(row.queryByRole('list', { name: 'Issues of rule 1' })).toBeNull();
    expect(row.getByRole('button', { name: 'Edit rule 1' }).getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(button('Expand all'));
    expect(screen.getAllByLabelText('ID')).toHaveLength(2);
    fireEvent.click(button('Collapse all'));
    expect(screen.queryAllByLabelText('ID')).toHaveLength(0);

    const first = await findRule(1);
    expect(first.getByRole('button', { name: 'Close rule 1' }).getAttribute('aria-expanded')).toBe('true');
    expect((await compactRule(2)).queryByLabelText('ID')).toBeNull();
    expect(field(first, 'ID').value).toBe('uploads');
    expect(field(first, 'Allowed origins').value).toBe('https://a.example.com\nhttps://b.example.com');
    expect(field(first, 'Expose headers').value).toBe('ETag');
    expect(field(first, 'Max age').value).toBe('600');
    const second = await findRule(2);
    expect(second.getByRole('heading').textContent).toBe('Rule 2');
    expect((second.getByRole('checkbox', { name: 'HEAD' }) as HTMLInputElement).checked).toBe(true);
    expect((second.getByRole('checkbox', { name: 'PUT' }) as HTMLInputElement).checked).toBe(false);
    screen.getByText('Rules are checked from top to bottom: the first rule that matches a request answers it.');
    expect((button('Save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an invalid origin under "Allowed origins" with its line, and Save refuses with a message', async () => {
    await arrangeBucket(ctx, 'form-invalid-origin', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-invalid-origin');
    const card = await findRule(1);
    type(field(card, 'Allowed origins'), 'https://app.example.com\nwww.a.com');
    card.getByText('Line 2: Origin needs a protocol: https://www.a.com');
    // s3rver stores `www.a.com`: only the console refuses it (issue 14, item 5).
    card.getByText('The provider would accept this, but no browser request can match it, so the console does not save it.');
    expect(field(card, 'Allowed origins').getAttribute('aria-invalid')).toBe('true');
    const described = field(card, 'Allowed origins').getAttribute('aria-describedby')!.split(' ');
    expect(described.some((id) => document.getElementById(id)?.textContent?.includes('Origin needs a protocol'))).toBe(true);

    fireEvent.click(button('Save'));
    expect((await screen.findByRole('alert')).textContent).toBe('Save is blocked: fix the error marked below. Warnings do not block saving.');
    expect(screen.queryByRole('dialog')).toBeNull();

    type(field(card, 'Allowed origins'), 'https://app.example.com\nhttps://www.a.com');
    await waitFor(() => expect(card.queryByText(/Origin needs a protocol/)).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the provider itself would refuse a second wildcard, quoting its own message', async () => {
    await arrangeBucket(ctx, 'form-provider-refusal', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-provider-refusal');
    const card = await findRule(1);
    type(field(card, 'Allowed origins'), 'https://*.*.example.com');
    const refusal = card.getByText('The provider would refuse this (InvalidRequest).');
    expect(refusal.querySelector('q')?.textContent).toBe('AllowedOrigin "https://*.*.example.com" can not have more than one wildcard.');
    expect(card.queryByText(/no browser request can match it/)).toBeNull();
  });

  it('refuses a wildcard in Expose headers, and says why', async () => {
    await arrangeBucket(ctx, 'form-expose-wildcard', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-expose-wildcard');
    const card = await findRule(1);
    type(field(card, 'Expose headers'), 'ETag\nx-amz-*');
    card.getByText('Line 2: ExposeHeader "x-amz-*" contains wildcard. We currently do not support wildcard for ExposeHeader.');
    card.getByText(/Expose headers cannot contain \*/);
    fireEvent.click(button('Save'));
    await screen.findByRole('alert');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows warnings on the rule without blocking Save', async () => {
    await arrangeBucket(ctx, 'form-warnings', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-warnings');
    const card = await findRule(1);
    fireEvent.click(card.getByRole('checkbox', { name: 'PUT' }));
    type(field(card, 'Allowed origins'), '*');
    type(field(card, 'Max age'), '90000');
    card.getByText(/allows PUT but does not expose ETag/);
    card.getByText(/allows any origin \(\*\)/);
    card.getByText(/Max age 90000 s is above what browsers keep/);
    expect(factsOf(card)).toMatchObject({ Origins: '*', Methods: 'GET, PUT' });
    expect(card.getByRole('list', { name: 'Issues of rule 1' }).textContent).toBe(`${card.getAllByText('Warning:').length} warnings`);
    expect(field(card, 'Allowed origins').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(button('Save'));
    await screen.findByRole('dialog', { name: 'Review the change before saving' });
  });

  it('shows a shadowing warning on both cards, linked to each other, and applies its checked fix with its diff, undoably', async () => {
    await arrangeBucket(ctx, 'form-shadow', {
      rules: [rule({ id: 'everyone', allowedOrigins: ['*'] }), rule({ id: 'app', allowedOrigins: ['https://app.example.com'], exposeHeaders: ['ETag'] })],
    });
    renderEditor(testProfile(ctx), 'form-shadow');
    const first = await findRule(1);
    const second = await findRule(2);
    const warning = /^Rule 1 \(everyone\) takes requests that rule 2 \(app\) was written for \(GET from https:\/\/app\.example\.com\): .*script cannot read ETag\./;
    await second.findByText(warning);
    first.getByText(warning);

    fireEvent.click(second.getByRole('link', { name: 'Loses requests to rule 1' }));
    expect(document.activeElement?.textContent).toBe('Rule 1 everyone');
    fireEvent.click(first.getByRole('link', { name: 'Takes requests from rule 2' }));
    expect(document.activeElement?.textContent).toBe('Rule 2 app');

    // The fix is offered on the losing rule's card only, with the change it makes.
    expect(first.queryByRole('button', { name: /^Apply fix/ })).toBeNull();
    const fix = within(second.getByRole('group', { name: 'Fix: Move rule 2 above rule 1' }));
    // Named first as the edit it is, then as the provider's document.
    expect(within(fix.getByRole('list', { name: 'What the fix changes' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Rule 2 (app) moved to position 1.']);
    expect(fix.getByRole('figure').textContent).toMatch(/^As .+: \d+ lines? added, \d+ removed\./);
    expect(fix.getAllByRole('insertion').length).toBeGreaterThan(0);
    fireEvent.click(fix.getByRole('button', { name: 'Apply fix: Move rule 2 above rule 1' }));
    expect(headings()).toEqual(['Rule 1 app', 'Rule 2 everyone']);
    expect(document.activeElement?.textContent).toBe('Rule 1 app');
    await waitFor(() => expect(screen.queryByText(/takes requests that/)).toBeNull());

    fireEvent.click(button('Undo'));
    expect(headings()).toEqual(['Rule 1 everyone', 'Rule 2 app']);
    await (await findRule(2)).findByText(warning);
  });

  it('reorders by keyboard: Space on the handle lifts the rule, ArrowDown moves it, Space drops it, and each step is announced', async () => {
    await arrangeBucket(ctx, 'form-keyboard-drag', {
      rules: [rule({ id: 'one' }), rule({ id: 'two', allowedOrigins: ['https://two.example.com'] }), rule({ id: 'three', allowedOrigins: ['https://three.example.com'] })],
    });
    // jsdom lays nothing out: give each card a place in a column so dnd-kit can measure where it goes.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const item = this.closest('li.re-rule');
      const top = item?.parentElement ? [...item.parentElement.children].indexOf(item) * 100 : 0;
      return { x: 0, y: top, top, left: 0, right: 400, bottom: top + 90, width: 400, height: 90, toJSON: () => ({}) } as DOMRect;
    });
    renderEditor(testProfile(ctx), 'form-keyboard-drag');
    const handle = (await compactRule(1)).getByRole('button', { name: 'Reorder rule 1' });
    const liveRegion = () => document.querySelector('[id^="DndLiveRegion"]')?.textContent;
    handle.focus();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await waitFor(() => expect(liveRegion()).toBe('Picked up rule 1.'));
    // Lifted, and saying so on the row.
    (await compactRule(1)).getByText('Lifted: arrow keys move it, Space drops it');
    fireEvent.keyDown(handle, { code: 'ArrowDown', key: 'ArrowDown' });
    await waitFor(() => expect(liveRegion()).toBe('Rule 1 moved to position 2.'));
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await waitFor(() => expect(liveRegion()).toBe('Rule 1 dropped at position 2.'));
    await waitFor(() => expect(screen.queryByText('Lifted: arrow keys move it, Space drops it')).toBeNull());
    await waitFor(() => expect(headings()).toEqual(['Rule 1 two', 'Rule 2 one', 'Rule 3 three']));
    expect((button('Save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('adds, duplicates and deletes rules, renumbering the cards', async () => {
    await arrangeBucket(ctx, 'form-add-remove', { rules: [rule({ id: 'main' })] });
    renderEditor(testProfile(ctx), 'form-add-remove');
    const first = await findRule(1);
    fireEvent.click(first.getByRole('button', { name: 'Duplicate rule 1' }));
    expect(headings()).toEqual(['Rule 1 main', 'Rule 2 main-copy']);
    // A copy opens for editing, with its warning shown at once.
    const copy = await compactRule(2);
    expect(copy.getByRole('button', { name: 'Close rule 2' }).getAttribute('aria-expanded')).toBe('true');
    copy.getByText(/Rule 2 \(main-copy\) never matches: it is identical to rule 1/);
    expect(copy.getByRole('list', { name: 'Issues of rule 2' }).textContent).toBe('shadowed');
    fireEvent.click(button('Add rule'));
    const third = await compactRule(3);
    expect(third.getByRole('button', { name: 'Close rule 3' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Rule 3');
    // A new untouched rule shows no red error yet: only once its field is touched.
    expect(third.queryByText('Rule 3 has no allowed origin; every rule needs at least one.')).toBeNull();
    expect(field(third, 'Allowed origins').getAttribute('aria-invalid')).toBeNull();
    expect(third.queryByRole('list', { name: 'Issues of rule 3' })).toBeNull();
    fireEvent.blur(field(third, 'Allowed origins'));
    third.getByText('Rule 3 has no allowed origin; every rule needs at least one.');
    expect(field(third, 'Allowed origins').getAttribute('aria-invalid')).toBe('true');
    expect(third.getByRole('list', { name: 'Issues of rule 3' }).textContent).toBe('1 error');
    expect((third.getByRole('checkbox', { name: 'GET' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(first.getByRole('button', { name: 'Delete rule 1' }));
    expect(headings()).toEqual(['Rule 1 main-copy', 'Rule 2']);
  });

  it('raw view shows the draft as S3 XML or AWS JSON, and an edit that parses flows back into the form', async () => {
    await arrangeBucket(ctx, 'form-raw', { rules: [rule({ id: 'main' })] });
    renderEditor(testProfile(ctx), 'form-raw');
    type(field(await findRule(1), 'Allowed headers'), 'Content-Type');
    fireEvent.click(button('Raw'));
    const raw = screen.getByLabelText('Raw document') as HTMLTextAreaElement;
    expect(raw.value).toContain('<AllowedOrigin>https://app.example.com</AllowedOrigin>');
    expect(raw.value).toContain('<AllowedHeader>Content-Type</AllowedHeader>');

    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'aws-json' } });
    const json = (screen.getByLabelText('Raw document') as HTMLTextAreaElement).value;
    expect(JSON.parse(json)).toEqual({ CORSRules: [{ ID: 'main', AllowedOrigins: ['https://app.example.com'], AllowedMethods: ['GET'], AllowedHeaders: ['Content-Type'] }] });

    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 's3-xml' } });
    type(screen.getByLabelText('Raw document'), (screen.getByLabelText('Raw document') as HTMLTextAreaElement).value.replace('https://app.example.com', 'https://raw.example.com').replace('<AllowedMethod>GET</AllowedMethod>', '<AllowedMethod>GET</AllowedMethod><AllowedMethod>DELETE</AllowedMethod>'));
    fireEvent.click(button('Form'));
    const card = await findRule(1);
    expect(field(card, 'Allowed origins').value).toBe('https://raw.example.com');
    expect((card.getByRole('checkbox', { name: 'DELETE' }) as HTMLInputElement).checked).toBe(true);
    expect(field(card, 'Allowed headers').value).toBe('Content-Type');
  });

  it('raw view shows a document that does not read with the line of each problem, and leaves the form alone', async () => {
    await arrangeBucket(ctx, 'form-raw-broken', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-raw-broken');
    await findRule(1);
    fireEvent.click(button('Raw'));
    const xml = '<CORSConfiguration>\n  <CORSRule>\n    <AllowedOrigin>https://x.example.com</AllowedOrigin>\n    <AllowedMethod>PATCH</AllowedMethod>\n  </CORSRule>\n</CORSConfiguration>';
    type(screen.getByLabelText('Raw document'), xml);
    const problems = () => within(screen.getByRole('list', { name: 'Problems in the document' }));
    problems().getByText('Line 4: Found unsupported HTTP method in CORS config. Unsupported method is PATCH');
    expect((screen.getByLabelText('Raw document') as HTMLTextAreaElement).value).toBe(xml);
    expect(screen.getByLabelText('Raw document').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'aws-json' } });
    type(screen.getByLabelText('Raw document'), '{\n  "CORSRules": [\n    {,\n  ]\n}');
    problems().getByText(/^Line 3: Invalid JSON at line 3/);

    fireEvent.click(button('Form'));
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://app.example.com');
  });

  it('undoes and redoes draft changes with the buttons and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    await arrangeBucket(ctx, 'form-undo', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-undo');
    const card = await findRule(1);
    expect((button('Undo') as HTMLButtonElement).disabled).toBe(true);
    typeAndPause(field(card, 'ID'), 'first');
    type(field(await findRule(1), 'ID'), 'second');
    fireEvent.click(button('Undo'));
    expect(field(await findRule(1), 'ID').value).toBe('first');
    fireEvent.keyDown(field(await findRule(1), 'ID'), { key: 'z', ctrlKey: true });
    expect(field(await findRule(1), 'ID').value).toBe('');
    expect((button('Undo') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button('Redo'));
    expect(field(await findRule(1), 'ID').value).toBe('first');
    fireEvent.keyDown(field(await findRule(1), 'ID'), { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(field(await findRule(1), 'ID').value).toBe('second');
    expect((button('Redo') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a new rule\'s errors show on a Save attempt even untouched, and Save stays blocked', async () => {
    await arrangeBucket(ctx, 'form-new-rule-save');
    renderEditor(testProfile(ctx), 'form-new-rule-save');
    await screen.findByText('This bucket has no CORS configuration.');
    fireEvent.click(button('Add rule'));
    const card = await compactRule(1);
    expect(card.queryByText(/has no allowed origin/)).toBeNull();
    fireEvent.click(button('Save'));
    await screen.findByText(/Save is blocked: fix the error marked below/);
    card.getByText('Rule 1 has no allowed origin; every rule needs at least one.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps focus through undo and redo: Ctrl+Z leaves it in the field, so Ctrl+Shift+Z and Ctrl+Y still work; a button that becomes disabled hands focus to the other', async () => {
    await arrangeBucket(ctx, 'form-undo-focus', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'form-undo-focus');
    typeAndPause(field(await findRule(1), 'ID'), 'first');
    const id = () => field(within(screen.getByRole('region', { name: 'Rule 1' })), 'ID');
    id().focus();
    fireEvent.keyDown(id(), { key: 'z', ctrlKey: true });
    expect(id().value).toBe('');
    expect(document.activeElement).toBe(id());
    fireEvent.keyDown(document.activeElement!, { key: 'y', ctrlKey: true });
    expect(id().value).toBe('first');
    expect(document.activeElement).toBe(id());
    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
    fireEvent.keyDown(document.activeElement!, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(id().value).toBe('first');
    expect(document.activeElement).toBe(id());

    // From the page itself (focus on <body>), the shortcuts still reach the editor.
    id().blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(id().value).toBe('');
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(id().value).toBe('first');

    // Undo clicked to its last step is disabled: focus moves to Redo, and the step is announced.
    button('Undo').focus();
    fireEvent.click(button('Undo'));
    expect(id().value).toBe('');
    expect((button('Undo') as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(button('Redo'));
    screen.getByText('Undone: the draft is back to the previous step.', { selector: '[role="status"]' });
    fireEvent.click(button('Redo'));
    expect(id().value).toBe('first');
    expect((button('Redo') as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(button('Undo'));
    screen.getByText('Redone: the draft is forward one step.', { selector: '[role="status"]' });
  });

  it('the first-match note is dismissed for good, and "How matching works" explains the provider\'s order', async () => {
    await arrangeBucket(ctx, 'form-note', { rules: [rule()] });
    const first = renderEditor(testProfile(ctx), 'form-note');
    const note = within(await screen.findByRole('note'));
    note.getByText('Rules are checked from top to bottom: the first rule that matches a request answers it.');
    fireEvent.click(note.getByRole('button', { name: 'How matching works' }));
    const help = within(screen.getByRole('region', { name: 'How matching works' }));
    // s3rver picks by origin and method, then checks only that rule's headers (the core's dialect facts).
    help.getByText(/^s3rver \(local emulator\) answers a preflight with the first rule that allows its origin and method; only that rule's allowed headers are checked/);
    fireEvent.click(note.getByRole('button', { name: 'Dismiss this note' }));
    expect(screen.queryByRole('note')).toBeNull();
    expect(document.activeElement).toBe(button('How matching works'));
    first.unmount();

    renderEditor(testProfile(ctx), 'form-note');
    await screen.findByRole('region', { name: 'Rule 1' });
    expect(screen.queryByRole('note')).toBeNull();
    fireEvent.click(button('How matching works'));
    expect(screen.getByRole('region', { name: 'How matching works' }).hidden).toBe(false);
  });

  it('the help panel follows the provider\'s dialect: Ceph RGW answers with the first rule listing the origin', async () => {
    await arrangeBucket(ctx, 'form-note-rgw', { rules: [rule()] });
    renderEditor(testProfile(ctx, { dialect: 'rgw' }), 'form-note-rgw');
    await screen.findByRole('region', { name: 'Rule 1' });
    fireEvent.click(button('How matching works'));
    within(screen.getByRole('region', { name: 'How matching works' })).getByText(/^Ceph RADOS Gateway answers a request with the first rule that lists its origin, whatever the method/);
  });

  it('an empty bucket says it has no CORS configuration, and Add rule starts one', async () => {
    await arrangeBucket(ctx, 'form-empty');
    renderEditor(testProfile(ctx), 'form-empty');
    await screen.findByText('This bucket has no CORS configuration.');
    expect(screen.queryByText(/needs at least one rule/)).toBeNull();
    fireEvent.click(button('Add rule'));
    const card = await findRule(1);
    type(field(card, 'Allowed origins'), 'https://app.example.com');
    expect(factsOf(card)).toMatchObject({ Origins: 'https://app.example.com', Methods: 'GET' });
    expect((button('Save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the provider\'s message and code when the configuration cannot be read', async () => {
    renderEditor(testProfile(ctx), 'form-no-such-bucket');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be loaded/);
    expect(alert.textContent).toMatch(/Provider code: NoSuchBucket/);
  });

  it('says the provider has no per-bucket CORS instead of showing the editor', () => {
    renderEditor(testProfile(ctx, { label: 'MinIO', dialect: 'minio', capabilities: capabilities({ bucketCors: false }) }), 'anything');
    screen.getByText(/MinIO has no per-bucket CORS configuration/);
    expect(screen.queryByRole('button', { name: 'Add rule' })).toBeNull();
  });

  it('offers "Vary: Origin" only where the dialect has ResponseVary', async () => {
    await arrangeBucket(ctx, 'form-vary', { rules: [rule()] });
    const view = renderEditor(testProfile(ctx), 'form-vary');
    await findRule(1);
    expect(screen.queryByRole('checkbox', { name: 'Vary: Origin' })).toBeNull();
    view.unmount();
    renderEditor(testProfile(ctx, { id: 'local', dialect: 'oss' }), 'form-vary');
    await findRule(1);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vary: Origin' }));
    fireEvent.click(button('Raw'));
    expect((screen.getByLabelText('Raw document') as HTMLTextAreaElement).value).toContain('<ResponseVary>true</ResponseVary>');
  });
});
