import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes, type ProfileSummary } from '../../../../src/contract/api';
import { parseCorsDocument, type CorsConfig } from '../../../../src/core';
import { DriftBanner } from '../../../../src/web/features/history/components/drift-banner';
import { HistoryView } from '../../../../src/web/features/history/components/history-view';
import { HISTORY_TEXT } from '../../../../src/web/lib/messages';
import { answered } from '../../../support/api-client';
import { rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, providerXml, putBehindTheBack, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';

// The history view and the drift banner over the real API and s3rver (issue 15.2).

const ctx = useRealApi();

const A: CorsConfig = { rules: [rule({ id: 'a', allowedOrigins: ['https://a.example'] })] };
const B: CorsConfig = { rules: [rule({ id: 'b', allowedOrigins: ['https://b.example'] }), rule({ id: 'b2', allowedOrigins: ['https://b2.example'] })] };
const OUTSIDE: CorsConfig = { rules: [rule({ id: 'outside', allowedOrigins: ['https://outside.example'] })] };

/** Saves through the console's API, as the editor would. */
async function saveThroughConsole(bucket: string, config: CorsConfig) {
  const at = { profile: 'local', bucket };
  const current = answered(await ctx.api.client(routes.getCors, { params: at }));
  answered(await ctx.api.client(routes.putCors, { params: at, body: { config }, ifMatch: current.version }));
}

async function storedIds(bucket: string) {
  const parsed = parseCorsDocument(await providerXml(ctx, bucket), 's3-xml');
  return parsed.ok ? parsed.config.rules.map((r) => r.id) : [];
}

/** The history's entries (each holds a list of its edits too). */
const entriesOf = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>(':scope > li')];

/** The removed (`del`) or added (`ins`) lines of a diff view, as one text. */
const texts = (diff: HTMLElement, kind: 'del' | 'ins') => [...diff.querySelectorAll(kind)].map((line) => line.textContent).join('');

function renderWith(ui: (profile: ProfileSummary) => React.ReactNode) {
  const client = testQueryClient();
  return render(<QueryClientProvider client={client}>{ui(testProfile(ctx))}</QueryClientProvider>);
}

describe('history view', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('lists the changes newest first with their diff, and restores an older one after asking (Cancel focused)', async () => {
    await arrangeBucket(ctx, 'hv-list');
    await saveThroughConsole('hv-list', A);
    await saveThroughConsole('hv-list', B);
    renderWith((profile) => <HistoryView profile={profile} bucket="hv-list" />);

    const list = await screen.findByRole('list', { name: HISTORY_TEXT.title });
    const items = entriesOf(list);
    expect(items).toHaveLength(2);
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([expect.stringMatching(/^Saved · /), expect.stringMatching(/^Saved · /)]);
    const newest = within(items[0]!).getByRole('figure');
    expect(texts(newest, 'del')).toContain('https://a.example');
    expect(texts(newest, 'ins')).toContain('https://b2.example');
    expect(items[1]!.textContent).toContain('https://a.example');

    const restore = within(items[1]!).getByRole('button', { name: HISTORY_TEXT.restore }) as HTMLButtonElement;
    // Enabled once the page knows the version the provider holds (the restore's If-Match).
    await waitFor(() => expect(restore.disabled).toBe(false));
    fireEvent.click(restore);
    const dialog = within(items[1]!).getByRole('alertdialog', { name: HISTORY_TEXT.confirmTitle });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: HISTORY_TEXT.cancel }));
    expect(dialog.textContent).toContain('with 1 rule');
    fireEvent.click(within(dialog).getByRole('button', { name: HISTORY_TEXT.confirmRestore }));

    await screen.findByText(HISTORY_TEXT.restored);
    expect(await storedIds('hv-list')).toEqual(['a']);
    await waitFor(() => expect(entriesOf(screen.getByRole('list', { name: HISTORY_TEXT.title }))[0]!.textContent).toMatch(/^Restored/));
  });

  it('refuses a restore over a newer change as a conflict and writes nothing', async () => {
    await arrangeBucket(ctx, 'hv-conflict');
    await saveThroughConsole('hv-conflict', A);
    renderWith((profile) => <HistoryView profile={profile} bucket="hv-conflict" />);
    const [item] = entriesOf(await screen.findByRole('list', { name: HISTORY_TEXT.title }));
    await waitFor(() => expect((within(item!).getByRole('button', { name: HISTORY_TEXT.restoreBefore }) as HTMLButtonElement).disabled).toBe(false));
    await putBehindTheBack(ctx, 'hv-conflict', OUTSIDE);
    fireEvent.click(within(item!).getByRole('button', { name: HISTORY_TEXT.restoreBefore }));
    fireEvent.click(within(item!).getByRole('button', { name: HISTORY_TEXT.confirmRestore }));
    expect((await screen.findByRole('alert')).textContent).toContain('nothing was written');
    expect(await storedIds('hv-conflict')).toEqual(['outside']);
  });
});

describe('drift banner', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('shows at once that the bucket changed outside the console, with the difference, and restores the last known rules in one click', async () => {
    await arrangeBucket(ctx, 'hv-drift');
    await saveThroughConsole('hv-drift', A);
    await putBehindTheBack(ctx, 'hv-drift', OUTSIDE);
    renderWith((profile) => <DriftBanner profile={profile} bucket="hv-drift" />);

    const banner = await screen.findByRole('region', { name: HISTORY_TEXT.driftTitle });
    expect(banner.textContent).toContain("The provider's CORS configuration (1 rule) is not the one last written through the console (1 rule)");
    const diff = within(banner).getByRole('figure');
    expect(texts(diff, 'del')).toContain('https://a.example');
    expect(texts(diff, 'ins')).toContain('https://outside.example');

    fireEvent.click(within(banner).getByRole('button', { name: HISTORY_TEXT.driftRestore }));
    await screen.findByText(HISTORY_TEXT.restored);
    await waitFor(() => expect(screen.queryByRole('region', { name: HISTORY_TEXT.driftTitle })).toBeNull());
    expect(await storedIds('hv-drift')).toEqual(['a']);
  });

  it('is not shown while the provider holds what the history ends with', async () => {
    await arrangeBucket(ctx, 'hv-steady');
    await saveThroughConsole('hv-steady', A);
    renderWith((profile) => (
      <>
        <DriftBanner profile={profile} bucket="hv-steady" />
        <HistoryView profile={profile} bucket="hv-steady" />
      </>
    ));
    await screen.findByRole('list', { name: HISTORY_TEXT.title });
    expect(screen.queryByRole('region', { name: HISTORY_TEXT.driftTitle })).toBeNull();
  });
});
