import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftKey } from '../../../../src/web/features/rule-editor/draft-storage';
import { rule } from '../../../support/builders';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, button, findRule, providerXml, REAL_SERVER_TEST_MS, renderEditor, testProfile } from './editor-harness';

// Issue 15.5: two tabs on one bucket shared one stored draft, so saving (or discarding) in one
// deleted the other's. A tab is its sessionStorage id here (localStorage is shared, as between
// real tabs); the Chromium test with two real tabs is test/e2e/draft-per-tab.test.ts.

const ctx = useRealApi();
const TAB = 'cors-console:tab';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const origins = (card: ReturnType<typeof within>) => card.getByLabelText('Allowed origins') as HTMLTextAreaElement;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const storedIn = (tab: string) => localStorage.getItem(draftKey('local', 'two-tabs', tab));

describe('issue 15: one stored draft per tab', { timeout: REAL_SERVER_TEST_MS }, () => {
  it("keeps tab A's draft while tab B discards the draft it opened with and saves its own", async () => {
    await arrangeBucket(ctx, 'two-tabs', { rules: [rule({ id: 'main' })] });

    sessionStorage.setItem(TAB, 'tab-a');
    const tabA = renderEditor(testProfile(ctx), 'two-tabs');
    type(origins(await findRule(1)), 'https://draft-of-tab-a.example');
    await waitFor(() => expect(storedIn('tab-a')).toContain('draft-of-tab-a'));
    tabA.unmount();

    // Tab B opens the bucket: it is offered tab A's draft, discards it, edits and saves its own.
    sessionStorage.setItem(TAB, 'tab-b');
    const tabB = renderEditor(testProfile(ctx), 'two-tabs');
    await screen.findByRole('region', { name: 'Unsaved draft' });
    expect(origins(await findRule(1)).value).toBe('https://draft-of-tab-a.example');
    fireEvent.click(button('Discard changes'));
    type(origins(await findRule(1)), 'https://saved-by-tab-b.example');
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirm save' }));
    await screen.findByText('Saved: the provider now holds 1 rule.', { selector: '[role="status"]' });
    expect(await providerXml(ctx, 'two-tabs')).toContain('saved-by-tab-b');
    expect(storedIn('tab-b')).toBeNull();
    expect(storedIn('tab-a')).toContain('draft-of-tab-a');
    tabB.unmount();

    // Tab A reloads: its draft is still there, over the version it was edited from.
    sessionStorage.setItem(TAB, 'tab-a');
    renderEditor(testProfile(ctx), 'two-tabs');
    await screen.findByRole('region', { name: 'Unsaved draft' });
    expect(origins(await findRule(1)).value).toBe('https://draft-of-tab-a.example');
  });
});
