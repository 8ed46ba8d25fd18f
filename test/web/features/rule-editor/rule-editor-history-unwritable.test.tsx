import { fireEvent, screen, within } from '@testing-library/react';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFolderState } from '../../../../src/server/state/state-store';
import { draftKey } from '../../../../src/web/features/rule-editor/draft-storage';
import { rule } from '../../../support/builders';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, button, findRule, providerXml, REAL_SERVER_TEST_MS, renderEditor, testProfile } from './editor-harness';

// Issue 15.2: a history that cannot take the write's entry refuses the save before the provider
// is written; the editor shows the catalogue's message for `history-unwritable` and keeps the draft.

const dataDir = mkdtempSync(join(tmpdir(), 'cors-console-web-unwritable-'));
const ctx = useRealApi({ state: () => createFolderState(dataDir) });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('RuleEditor when the history cannot be written', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('shows why nothing was written, keeps the draft, and the provider keeps its rules', async () => {
    await arrangeBucket(ctx, 'history-refuses', { rules: [rule()] });
    // A file where the history's folder should be: refused even for root.
    mkdirSync(join(dataDir, 'state', 'history'), { recursive: true });
    writeFileSync(join(dataDir, 'state', 'history', 'local'), 'not a folder');
    renderEditor(testProfile(ctx), 'history-refuses');
    const origins = (await findRule(1)).getByLabelText('Allowed origins') as HTMLTextAreaElement;
    fireEvent.change(origins, { target: { value: 'https://kept.example.com' } });
    fireEvent.click(button('Save'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirm save' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was written. Your draft is kept.');
    expect(alert.textContent).toContain(
      `Nothing was written to history-refuses: the console records every change in its history before it writes, and the history in the data folder ${dataDir} refused the entry (ENOTDIR). Make it writable again, then save again.`,
    );
    expect(((await findRule(1)).getByLabelText('Allowed origins') as HTMLTextAreaElement).value).toBe('https://kept.example.com');
    expect(localStorage.getItem(draftKey('local', 'history-refuses'))).toContain('https://kept.example.com');
    expect(await providerXml(ctx, 'history-refuses')).not.toContain('https://kept.example.com');
  });
});
