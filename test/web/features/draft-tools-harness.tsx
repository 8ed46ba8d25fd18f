import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ProfileSummary } from '../../../src/contract/api';
import { BulkApplyButton } from '../../../src/web/features/bulk-apply/components/bulk-apply-button';
import { ImportExportButtons } from '../../../src/web/features/import-export/components/import-export-buttons';
import { RuleEditor } from '../../../src/web/features/rule-editor/components/rule-editor';
import { BucketWorkspaceProvider } from '../../../src/web/lib/bucket-workspace';
import { testQueryClient } from '../../support/query-client';

/** The Rules panel as the bucket page mounts it: the draft tools above the editor, sharing one workspace. */
export function renderRulesPanel(profile: ProfileSummary, bucket: string) {
  const client = testQueryClient();
  const utils = render(
    <QueryClientProvider client={client}>
      <BucketWorkspaceProvider>
        <div role="group" aria-label="Draft tools">
          <ImportExportButtons profile={profile} bucket={bucket} />
          <BulkApplyButton profile={profile} bucket={bucket} />
        </div>
        <RuleEditor profile={profile} bucket={bucket} />
      </BucketWorkspaceProvider>
    </QueryClientProvider>,
  );
  return { ...utils, client };
}

/** A draft tool's button, once the editor has published its draft (the tools wait for it). */
export async function readyTool(name: string): Promise<HTMLButtonElement> {
  const tool = screen.getByRole('button', { name }) as HTMLButtonElement;
  await waitFor(() => expect(tool.disabled).toBe(false));
  return tool;
}
