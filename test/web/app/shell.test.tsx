import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BucketPage } from '../../../src/web/app/bucket-page';
import { Layout } from '../../../src/web/app/layout';
import { navigate, useRoute } from '../../../src/web/lib/router';
import { profileSummary } from '../../support/builders';
import { testQueryClient } from '../../support/query-client';
import { useRealApi } from '../../support/web-api';

const ctx = useRealApi();

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

/** The bucket page as the layout mounts it: its tab comes from the address. */
function RoutedBucketPage() {
  const route = useRoute();
  if (route.name !== 'bucket') return <p>Not a bucket page</p>;
  return <BucketPage profile={profileSummary({ endpoint: ctx.s3.endpoint })} bucket={route.bucket} tab={route.tab} />;
}

function renderWithClient(node: React.ReactNode) {
  return render(
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={testQueryClient()}>{node}</QueryClientProvider>
    </I18nProvider>,
  );
}

describe('app shell', () => {
  it('starts with a skip link that moves focus to the main content', async () => {
    renderWithClient(<Layout />);
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    // First in the document, so the first Tab reaches it.
    expect(document.querySelector('a, button, input, select')).toBe(skip);
    await screen.findByRole('main');
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('makes the bucket views real tabs: arrow keys move between them, each with its own address', async () => {
    await ctx.s3.createBucket('shell-tabs');
    act(() => navigate({ name: 'bucket', profile: 'local', bucket: 'shell-tabs', tab: 'rules' }));
    renderWithClient(<RoutedBucketPage />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Rules', 'Test', 'History']);
    // Buttons, not links inside a tab: one control, no nested interaction.
    expect(tabs.every((t) => t.tagName === 'BUTTON' && !t.querySelector('a'))).toBe(true);
    const [rules, test, history] = tabs as [HTMLElement, HTMLElement, HTMLElement];
    expect(rules.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Rules' })).toBeTruthy();

    // Focus went to the page's heading when the bucket opened.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'shell-tabs' })));

    rules.focus();
    fireEvent.keyDown(rules, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(test));
    await waitFor(() => expect(test.getAttribute('aria-selected')).toBe('true'));
    expect(window.location.pathname).toBe('/p/local/b/shell-tabs/test');
    expect(screen.getByRole('tabpanel', { name: 'Test' })).toBeTruthy();

    fireEvent.keyDown(test, { key: 'End' });
    await waitFor(() => expect(history.getAttribute('aria-selected')).toBe('true'));
    expect(window.location.pathname).toBe('/p/local/b/shell-tabs/history');
    fireEvent.keyDown(history, { key: 'ArrowRight' });
    await waitFor(() => expect(rules.getAttribute('aria-selected')).toBe('true'));
    expect(window.location.pathname).toBe('/p/local/b/shell-tabs');

    // The address selects the tab too (a deep link, the Back button).
    act(() => navigate({ name: 'bucket', profile: 'local', bucket: 'shell-tabs', tab: 'test' }));
    await waitFor(() => expect(test.getAttribute('aria-selected')).toBe('true'));
  });
});
