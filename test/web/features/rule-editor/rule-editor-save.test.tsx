import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftKey } from '../../../../src/web/features/rule-editor/draft-storage';
import { bucketQueries } from '../../../../src/web/api/buckets';
import { corsQueries } from '../../../../src/web/api/cors';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, button, findRule, providerXml, putBehindTheBack, REAL_SERVER_TEST_MS, renderEditor, testProfile } from './editor-harness';
import { rule } from '../../../support/builders';

const ctx = useRealApi();

beforeEach(() => localStorage.clear());

const field = (card: ReturnType<typeof within>, label: string) => card.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const toast = (text: string) => screen.findByText(text, { selector: '[role="status"]' });
const diffLines = (dialog: HTMLElement, tag: 'ins' | 'del') => [...dialog.querySelectorAll(tag)].map((el) => el.textContent);

describe('RuleEditor saving', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('Save shows the change as a diff, and Confirm save makes the provider hold the draft', async () => {
    await arrangeBucket(ctx, 'save-ok', { rules: [rule({ id: 'main' })] });
    const { client, unmount } = renderEditor(testProfile(ctx), 'save-ok');
    client.setQueryData(bucketQueries.all('local'), { pages: [] });
    type(field(await findRule(1), 'Allowed origins'), 'https://app.example.com\nhttps://new.example.com');
    fireEvent.click(button('Add rule'));
    type(field(await findRule(2), 'Allowed origins'), 'https://second.example.com');
    fireEvent.click(button('Save'));

    const dialog = await screen.findByRole('dialog', { name: 'Review the change before saving' });
    within(dialog).getByText('Before: what the provider holds now (1 rule). After: your draft (2 rules).');
    expect(diffLines(dialog, 'ins')).toContain('+     <AllowedOrigin>https://new.example.com</AllowedOrigin>\n');
    expect(diffLines(dialog, 'del')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm save' }));

    await toast('Saved: the provider now holds 2 rules.');
    // After the write, focus is on "Add rule", never lost to the page.
    expect(document.activeElement).toBe(button('Add rule'));
    const stored = await providerXml(ctx, 'save-ok');
    expect(stored).toContain('https://new.example.com');
    expect(stored).toContain('https://second.example.com');
    expect(field(await findRule(2), 'Allowed origins').value).toBe('https://second.example.com');
    expect((button('Save') as HTMLButtonElement).disabled).toBe(true);
    expect(client.getQueryData(corsQueries.detail('local', 'save-ok').queryKey)?.config?.rules).toHaveLength(2);
    expect(client.getQueryState(bucketQueries.all('local'))?.isInvalidated).toBe(true);
    // Leaving the editor stores the draft it holds, unless it is what the provider holds.
    unmount();
    expect(localStorage.getItem(draftKey('local', 'save-ok'))).toBeNull();
  });

  it('Cancel in the diff goes back to the draft without writing', async () => {
    await arrangeBucket(ctx, 'save-cancel', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'save-cancel');
    type(field(await findRule(1), 'ID'), 'renamed');
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(field(await findRule(1), 'ID').value).toBe('renamed');
    expect(document.activeElement).toBe(button('Save'));
    expect(await providerXml(ctx, 'save-cancel')).not.toContain('renamed');
  });

  it('keeps a draft across a remount, announces it with its time, and Discard changes (the one discard button) returns to the provider\'s rules', async () => {
    await arrangeBucket(ctx, 'draft-restore', { rules: [rule()] });
    const first = renderEditor(testProfile(ctx), 'draft-restore');
    type(field(await findRule(1), 'Allowed origins'), 'https://draft.example.com');
    const text = await waitFor(() => {
      const kept = localStorage.getItem(draftKey('local', 'draft-restore'));
      if (kept === null) throw new Error('no draft stored yet');
      return kept;
    });
    const stored = JSON.parse(text) as { config: unknown; baseVersion: string; savedAt: string };
    expect(stored.config).toEqual({ rules: [{ allowedOrigins: ['https://draft.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });
    first.unmount();

    renderEditor(testProfile(ctx), 'draft-restore');
    const banner = within(await screen.findByRole('region', { name: 'Unsaved draft' }));
    const at = new Date(stored.savedAt);
    const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    banner.getByText(new RegExp(`^Unsaved draft from ${clock}\\.`));
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://draft.example.com');

    expect(banner.queryByRole('button', { name: /Discard/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /Discard/ }).map((b) => b.textContent)).toEqual(['Discard changes']);
    fireEvent.click(button('Discard changes'));
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://app.example.com');
    expect(screen.queryByRole('region', { name: 'Unsaved draft' })).toBeNull();
    expect(localStorage.getItem(draftKey('local', 'draft-restore'))).toBeNull();
  });

  it('stores a draft even when the editor goes away before the pause in typing, and never one equal to the provider\'s', async () => {
    await arrangeBucket(ctx, 'draft-quick', { rules: [rule()] });
    const first = renderEditor(testProfile(ctx), 'draft-quick');
    type(field(await findRule(1), 'ID'), 'quick');
    first.unmount();
    expect(localStorage.getItem(draftKey('local', 'draft-quick'))).toContain('quick');

    const second = renderEditor(testProfile(ctx), 'draft-quick');
    type(field(await findRule(1), 'ID'), '');
    second.unmount();
    expect(localStorage.getItem(draftKey('local', 'draft-quick'))).toBeNull();
  });

  it('Review on the draft banner shows the draft against the provider\'s configuration', async () => {
    await arrangeBucket(ctx, 'draft-review', { rules: [rule()] });
    const first = renderEditor(testProfile(ctx), 'draft-review');
    type(field(await findRule(1), 'Allowed origins'), 'https://reviewed.example.com');
    first.unmount();
    renderEditor(testProfile(ctx), 'draft-review');
    fireEvent.click(within(await screen.findByRole('region', { name: 'Unsaved draft' })).getByRole('button', { name: 'Review' }));
    const dialog = screen.getByRole('dialog', { name: "Your draft compared with the provider's configuration" });
    expect(diffLines(dialog, 'del')).toEqual(['-     <AllowedOrigin>https://app.example.com</AllowedOrigin>\n']);
    expect(diffLines(dialog, 'ins')).toEqual(['+     <AllowedOrigin>https://reviewed.example.com</AllowedOrigin>\n']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://reviewed.example.com');
  });

  async function conflict(bucket: string) {
    await arrangeBucket(ctx, bucket, { rules: [rule({ id: 'original' })] });
    renderEditor(testProfile(ctx), bucket);
    type(field(await findRule(1), 'Allowed origins'), 'https://mine.example.com');
    await putBehindTheBack(ctx, bucket, { rules: [rule({ id: 'theirs', allowedOrigins: ['https://theirs.example.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] });
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Review the change before saving' })).getByRole('button', { name: 'Confirm save' }));
    const dialog = await screen.findByRole('dialog', { name: 'The configuration changed on the provider' });
    within(within(dialog).getByRole('region', { name: 'Theirs: on the provider now' })).getByText(/https:\/\/theirs\.example\.com · GET, PUT/);
    within(within(dialog).getByRole('region', { name: 'Mine: your draft' })).getByText(/https:\/\/mine\.example\.com · GET/);
    expect(await providerXml(ctx, bucket)).toContain('https://theirs.example.com');
    return dialog;
  }

  it('Save re-reads the provider: the review compares with what it holds now, and says it changed', async () => {
    await arrangeBucket(ctx, 'save-reread', { rules: [rule({ id: 'original' })] });
    renderEditor(testProfile(ctx), 'save-reread');
    type(field(await findRule(1), 'Allowed origins'), 'https://mine.example.com');
    await putBehindTheBack(ctx, 'save-reread', { rules: [rule({ id: 'original' }), rule({ id: 'theirs', allowedOrigins: ['https://theirs.example.com'] })] });
    fireEvent.click(button('Save'));
    const review = await screen.findByRole('dialog', { name: 'Review the change before saving' });
    await within(review).findByText(/The configuration changed on the provider since your draft started/);
    const edits = within(within(review).getByRole('list', { name: 'What the save changes' })).getAllByRole('listitem');
    expect(edits.map((item) => item.textContent)).toEqual(['Rule 2 (theirs) removed.', "https://mine.example.com added to Rule 1 (original)'s origins.", "https://app.example.com removed from Rule 1 (original)'s origins."]);
    // Confirm still goes through the guard: the newer configuration is shown, not overwritten.
    fireEvent.click(within(review).getByRole('button', { name: 'Confirm save' }));
    await screen.findByRole('dialog', { name: 'The configuration changed on the provider' });
    expect(await providerXml(ctx, 'save-reread')).toContain('https://theirs.example.com');
  });

  it('on a conflict, Keep mine shows their configuration in the diff before it saves mine over it', async () => {
    const dialog = await conflict('conflict-keep');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    const diff = await screen.findByRole('dialog', { name: 'Review the change before saving' });
    expect(diffLines(diff, 'del')).toContain('-     <AllowedOrigin>https://theirs.example.com</AllowedOrigin>\n');
    expect(diffLines(diff, 'ins')).toContain('+     <AllowedOrigin>https://mine.example.com</AllowedOrigin>\n');
    fireEvent.click(within(diff).getByRole('button', { name: 'Confirm save' }));
    await toast('Saved: the provider now holds 1 rule.');
    const stored = await providerXml(ctx, 'conflict-keep');
    expect(stored).toContain('https://mine.example.com');
    expect(stored).not.toContain('https://theirs.example.com');
  });

  it('on a conflict, Take theirs loads their configuration and Undo brings the draft back', async () => {
    const dialog = await conflict('conflict-take');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Take theirs' }));
    const card = await findRule(1);
    expect(card.getByRole('heading').textContent).toBe('Rule 1 theirs');
    expect(field(card, 'Allowed origins').value).toBe('https://theirs.example.com');
    await toast('Loaded the configuration the provider holds now. Undo brings your draft back.');
    expect((button('Save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button('Undo'));
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://mine.example.com');
  });

  it('on a conflict, Merge by hand keeps the draft with theirs beside it, and saves against their version', async () => {
    const dialog = await conflict('conflict-merge');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge by hand' }));
    const theirs = within(screen.getByRole('complementary', { name: 'Theirs: on the provider' }));
    theirs.getByText(/https:\/\/theirs\.example\.com · GET, PUT/);
    const card = await findRule(1);
    expect(field(card, 'Allowed origins').value).toBe('https://mine.example.com');
    type(field(card, 'Allowed origins'), 'https://mine.example.com\nhttps://theirs.example.com');
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirm save' }));
    await toast('Saved: the provider now holds 1 rule.');
    const stored = await providerXml(ctx, 'conflict-merge');
    expect(stored).toContain('https://mine.example.com');
    expect(stored).toContain('https://theirs.example.com');
  });

  it('notices a newer configuration on the provider: with no draft it offers to load it, with a draft to compare', async () => {
    await arrangeBucket(ctx, 'provider-changed', { rules: [rule()] });
    const { client } = renderEditor(testProfile(ctx), 'provider-changed');
    await findRule(1);
    await putBehindTheBack(ctx, 'provider-changed', { rules: [rule({ allowedOrigins: ['https://newer.example.com'] })] });
    await act(() => client.refetchQueries());
    await screen.findByText("The provider's configuration changed; it now holds 1 rule.");
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://app.example.com');
    fireEvent.click(button('Load it'));
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://newer.example.com');

    type(field(await findRule(1), 'ID'), 'mine');
    await putBehindTheBack(ctx, 'provider-changed', { rules: [rule({ allowedOrigins: ['https://newest.example.com'] })] });
    await act(() => client.refetchQueries());
    fireEvent.click(await screen.findByRole('button', { name: 'Compare' }));
    const dialog = screen.getByRole('dialog', { name: 'The configuration changed on the provider' });
    within(dialog).getByText(/https:\/\/newest\.example\.com · GET/);
    within(dialog).getByText(/Someone changed this bucket's CORS configuration after your draft started\. Compare/);
  });

  it('shows the issues of a 422 answer at the fields they concern', async () => {
    // The profile claims OSS, whose rules have no ID limit; the console server checks for s3rver, which allows 255 characters.
    await arrangeBucket(ctx, 'save-422', { rules: [rule()] });
    renderEditor(testProfile(ctx, { dialect: 'oss' }), 'save-422');
    const card = await findRule(1);
    type(field(card, 'ID'), 'x'.repeat(300));
    card.getByText(/rules have no ID; "x+" will not be stored/);
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirm save' }));
    const refused = await (await findRule(1)).findByText("Rule 1's ID is 300 characters; s3rver (local emulator) allows 255.");
    expect(refused.closest('li')?.textContent).toMatch(/^Refused by the server: /);
    expect(field(await findRule(1), 'ID').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/nothing was written/);
    type(field(await findRule(1), 'ID'), 'short');
    // The alert keeps the server's message (it names the field); the rule's own issue goes.
    await waitFor(async () => expect((await findRule(1)).queryByText(/allows 255/)).toBeNull());
  });

  it('keeps the draft and shows the provider\'s message and code when a save fails for another reason', async () => {
    await arrangeBucket(ctx, 'save-gone', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'save-gone');
    type(field(await findRule(1), 'Allowed origins'), 'https://kept.example.com');
    await ctx.s3.request('DELETE', '/save-gone?cors');
    expect((await ctx.s3.request('DELETE', '/save-gone')).status).toBe(204);
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirm save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Nothing was written. Your draft is kept./);
    expect(alert.textContent).toMatch(/Provider code: NoSuchBucket/);
    expect(field(await findRule(1), 'Allowed origins').value).toBe('https://kept.example.com');
    screen.getByRole('region', { name: 'Unsaved draft' });
    expect(localStorage.getItem(draftKey('local', 'save-gone'))).toContain('https://kept.example.com');
  });

  it('Delete all rules asks first, then removes the whole configuration', async () => {
    await arrangeBucket(ctx, 'delete-all', { rules: [rule(), rule({ allowedOrigins: ['https://b.example.com'] })] });
    renderEditor(testProfile(ctx), 'delete-all');
    await findRule(2);
    fireEvent.click(button('Delete all rules'));
    let confirm = screen.getByRole('alertdialog', { name: 'Delete all rules?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await findRule(2);
    expect((await ctx.s3.request('GET', '/delete-all?cors')).status).toBe(200);

    fireEvent.click(button('Delete all rules'));
    confirm = screen.getByRole('alertdialog', { name: 'Delete all rules?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete all rules' }));
    await toast('Deleted: the bucket has no CORS configuration now.');
    screen.getByText('This bucket has no CORS configuration.');
    expect((await ctx.s3.request('GET', '/delete-all?cors')).status).toBe(404);
    // Nothing left to delete: the button says so instead of "deleting" again.
    expect((button('Delete all rules') as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(button('Add rule'));
  });

  it('Delete all rules on a configuration changed behind the console\'s back shows the conflict first', async () => {
    await arrangeBucket(ctx, 'delete-conflict', { rules: [rule()] });
    renderEditor(testProfile(ctx), 'delete-conflict');
    await findRule(1);
    await putBehindTheBack(ctx, 'delete-conflict', { rules: [rule({ allowedOrigins: ['https://theirs.example.com'] })] });
    fireEvent.click(button('Delete all rules'));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete all rules' }));
    const dialog = await screen.findByRole('dialog', { name: 'The configuration changed on the provider' });
    within(dialog).getByText(/https:\/\/theirs\.example\.com · GET/);
    expect(await providerXml(ctx, 'delete-conflict')).toContain('https://theirs.example.com');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete all rules' }));
    await toast('Deleted: the bucket has no CORS configuration now.');
  });
});
