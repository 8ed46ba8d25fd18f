import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RuleEditor } from '../../../../src/web/features/rule-editor/components/rule-editor';
import { RuleWizard } from '../../../../src/web/features/rule-wizard/components/rule-wizard';
import { BucketWorkspaceProvider } from '../../../../src/web/lib/bucket-workspace';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, findRule, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';

// The wizard beside the real rule editor, as the bucket page composes them, over the real API and
// s3rver: what the wizard inserts becomes the editor's draft, undoably, and nothing is written.

const ctx = useRealApi();

beforeEach(() => localStorage.clear());

function renderRulesTab(bucket: string) {
  const client = testQueryClient();
  const profile = testProfile(ctx);
  return render(
    <QueryClientProvider client={client}>
      <BucketWorkspaceProvider>
        <RuleWizard profile={profile} />
        <RuleEditor profile={profile} bucket={bucket} />
      </BucketWorkspaceProvider>
    </QueryClientProvider>,
  );
}

describe('Rule wizard beside the rule editor', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('inserts the loosest rule into the loaded draft above the rule it must beat; Undo takes it back; the bucket is untouched', async () => {
    await arrangeBucket(ctx, 'wizard-editor', { rules: [rule({ id: 'reads' })] });
    renderRulesTab('wizard-editor');
    const opener = screen.getByRole('button', { name: 'Rule wizard' }) as HTMLButtonElement;
    await waitFor(() => expect(opener.disabled).toBe(false));
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rule wizard' });
    expect(dialog.textContent).toContain('the draft has 1 rule');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Loosest (diagnostic)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Insert into the draft' }));

    expect(screen.getByText('Rule wizard: the loosest (diagnostic) rule inserted at position 1. Undo takes it back.').getAttribute('role')).toBe('status');
    expect((await findRule(1)).getByRole('heading').textContent).toBe('Rule 1 loosest-diagnostic');
    expect((await findRule(2)).getByRole('heading').textContent).toBe('Rule 2 reads');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
    expect((await ctx.s3.request('GET', '/wizard-editor?cors')).body).not.toContain('loosest-diagnostic');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect((await findRule(1)).getByRole('heading').textContent).toBe('Rule 1 reads');
    expect(screen.queryByRole('region', { name: 'Rule 2' })).toBeNull();
  });
});
