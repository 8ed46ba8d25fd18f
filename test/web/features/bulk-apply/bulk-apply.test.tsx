import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCorsDocument, type CorsConfig } from '../../../../src/core';
import { bucketQueries } from '../../../../src/web/api/buckets';
import { corsQueries } from '../../../../src/web/api/cors';
import { useRealApi } from '../../../support/web-api';
import { readyTool, renderRulesPanel } from '../draft-tools-harness';
import { arrangeBucket, providerXml, putBehindTheBack, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { capabilities, rule } from '../../../support/builders';

// "Apply to other buckets" over the real API and s3rver: picking, the per-bucket preview, the
// guarded writes and the result of each, including a bucket changed between preview and apply.

const ctx = useRealApi();

beforeEach(() => localStorage.clear());

const draft: CorsConfig = { rules: [rule({ id: 'shared', allowedOrigins: ['https://shared.example.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] };

async function storedRules(bucket: string) {
  const xml = await providerXml(ctx, bucket);
  const parsed = parseCorsDocument(xml, 's3-xml');
  return parsed.ok ? parsed.config.rules : [];
}

async function openApply() {
  const tool = await readyTool('Apply to other buckets…');
  tool.focus();
  fireEvent.click(tool);
  return screen.getByRole('dialog', { name: 'Apply the draft to other buckets' });
}

/** Filters the picker by name until exactly `listed` show. */
async function filterBy(dialog: HTMLElement, prefix: string, listed: string[]) {
  fireEvent.change(within(dialog).getByLabelText('Name contains'), { target: { value: prefix } });
  await waitFor(() => expect([...within(dialog).getByRole('list', { name: 'Buckets to apply to' }).querySelectorAll('label')].map((l) => l.textContent)).toEqual(listed));
}

async function pick(dialog: HTMLElement, prefix: string, names: string[]) {
  await filterBy(dialog, prefix, names);
  for (const name of names) fireEvent.click(within(dialog).getByLabelText(name));
}

const rows = (table: HTMLElement) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('Apply to other buckets', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('previews three buckets, writes each with the preview\'s version, and reports the one changed since as a conflict, left untouched', async () => {
    await arrangeBucket(ctx, 'rep-source', draft);
    await arrangeBucket(ctx, 'rep-a', { rules: [rule({ id: 'a1' }), rule({ id: 'a2' })] });
    await arrangeBucket(ctx, 'rep-b');
    await arrangeBucket(ctx, 'rep-c', { rules: [rule({ id: 'c1' })] });
    const { client } = renderRulesPanel(testProfile(ctx), 'rep-source');
    const dialog = await openApply();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name contains'));

    await pick(dialog, 'rep-', ['rep-a', 'rep-b', 'rep-c']);
    expect(within(dialog).queryByLabelText('rep-source')).toBeNull();
    expect((within(dialog).getByLabelText('Replace their rules') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview 3 buckets' }));

    const preview = await within(dialog).findByRole('table', { name: 'Preview' });
    expect(rows(preview).map((cells) => cells.slice(0, 4))).toEqual([
      ['rep-a', '2 rules', '1 rule', 'Will be written'],
      ['rep-b', '0 rules', '1 rule', 'Will be written'],
      ['rep-c', '1 rule', '1 rule', 'Will be written'],
    ].map(([bucket, now, after, check]) => [bucket, now, after, expect.stringContaining(check!)]));
    within(preview).getByText('Changes in rep-a');

    // Someone changes rep-c after the preview: its write must be refused, not overwrite theirs.
    const theirs: CorsConfig = { rules: [rule({ id: 'theirs', allowedOrigins: ['https://theirs.example.com'] })] };
    await putBehindTheBack(ctx, 'rep-c', theirs);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply to 3 buckets' }));

    await within(dialog).findByText('Done: 2 saved, 1 changed since the preview (not written).');
    const results = within(dialog).getByRole('table', { name: 'Results' });
    expect(rows(results)).toEqual([
      ['rep-a', 'Saved', 'Now holds 1 rule.'],
      ['rep-b', 'Saved', 'Now holds 1 rule.'],
      ['rep-c', 'Conflict: changed since the preview, not written', "Someone else's change is kept: it holds 1 rule. Preview again to apply on top of it."],
    ]);
    expect((within(dialog).getByLabelText('Written') as HTMLProgressElement).value).toBe(3);

    expect(await storedRules('rep-a')).toEqual(draft.rules);
    expect(await storedRules('rep-b')).toEqual(draft.rules);
    expect(await storedRules('rep-c')).toEqual(theirs.rules);
    expect(await storedRules('rep-source')).toEqual(draft.rules);
    expect(client.getQueryData(corsQueries.detail('local', 'rep-a').queryKey)?.config?.rules).toEqual(draft.rules);
    // The picker's pages sit under the bucket list's key, so the list and the picker both refresh.
    const listQueries = client.getQueryCache().findAll({ queryKey: bucketQueries.all('local') });
    expect(listQueries.length).toBeGreaterThan(0);
    expect(listQueries.every((query) => query.state.isInvalidated)).toBe(true);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Apply to other buckets…' }));
  });

  it('appends after each bucket\'s own rules, and reports a bucket the provider\'s rule limit would refuse before anything is written', async () => {
    const oss = testProfile(ctx, { dialect: 'oss', capabilities: capabilities({ responseVary: true }) });
    await arrangeBucket(ctx, 'app-source', { rules: [rule({ allowedOrigins: ['https://shared.example.com'] })] });
    await arrangeBucket(ctx, 'app-full', { rules: Array.from({ length: 10 }, (_, i) => rule({ allowedOrigins: [`https://n${i}.example.com`] })) });
    await arrangeBucket(ctx, 'app-room', { rules: [rule({ allowedOrigins: ['https://own.example.com'] })] });
    renderRulesPanel(oss, 'app-source');
    const dialog = await openApply();
    await pick(dialog, 'app-', ['app-full', 'app-room']);
    fireEvent.click(within(dialog).getByLabelText('Append after their rules'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview 2 buckets' }));

    const preview = await within(dialog).findByRole('table', { name: 'Preview' });
    const [full, room] = rows(preview);
    expect(full!.slice(0, 3)).toEqual(['app-full', '10 rules', '11 rules']);
    expect(full![3]).toContain('Would be refused: not written');
    expect(within(preview).getByRole('list', { name: 'Issues for app-full' }).textContent).toContain('Alibaba Cloud OSS allows at most 10 rules; this configuration has 11.');
    expect(room!.slice(0, 3)).toEqual(['app-room', '1 rule', '2 rules']);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply to 1 bucket' }));
    await within(dialog).findByText('Done: 1 saved, 1 skipped.');
    expect(rows(within(dialog).getByRole('table', { name: 'Results' }))).toEqual([
      ['app-full', 'Skipped', 'The provider would refuse it (see the preview); not written.'],
      ['app-room', 'Saved', 'Now holds 2 rules.'],
    ]);
    expect((await storedRules('app-room')).map((r) => r.allowedOrigins[0])).toEqual(['https://own.example.com', 'https://shared.example.com']);
    expect(await storedRules('app-full')).toHaveLength(10);
  });

  it('picks by a text the name contains, any case, with Select all shown and Clear selection; Back keeps the choice; Escape closes and gives focus back', async () => {
    await arrangeBucket(ctx, 'pick-source', draft);
    await arrangeBucket(ctx, 'pick-one');
    await arrangeBucket(ctx, 'pick-two');
    await arrangeBucket(ctx, 'other-bucket');
    renderRulesPanel(testProfile(ctx), 'pick-source');
    const dialog = await openApply();
    // "Contains", as the bucket list's filter matches, not "starts with".
    await filterBy(dialog, 'K-TW', ['pick-two']);
    await filterBy(dialog, 'pick-', ['pick-one', 'pick-two']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Select all shown' }));
    within(dialog).getByText('2 selected');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear selection' }));
    expect((within(dialog).getByRole('button', { name: 'Preview 0 buckets' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('pick-two'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview 1 bucket' }));
    await within(dialog).findByRole('table', { name: 'Preview' });
    // The step replaced the focused control: focus moves to the step's main action, not <body>.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Apply to 1 bucket' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to selection' }));
    expect((within(dialog).getByLabelText('pick-two') as HTMLInputElement).checked).toBe(true);

    fireEvent.keyDown(within(dialog).getByLabelText('pick-two'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Apply to other buckets…' }));
    expect(await storedRules('pick-two')).toEqual([]);
  });
});
