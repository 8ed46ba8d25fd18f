import { fireEvent, render, screen, within } from '@testing-library/react';
import { useEffect } from 'react';
import type { ProfileSummary } from '../../../../src/contract/api';
import type { CorsConfig, Dialect } from '../../../../src/core';
import { BucketWorkspaceProvider, useBucketWorkspace } from '../../../../src/web/lib/bucket-workspace';
import { RuleWizard } from '../../../../src/web/features/rule-wizard/components/rule-wizard';
import { capabilities, profileSummary } from '../../../support/builders';
import type { DraftNote } from '../../../../src/web/lib/messages';

export function profileFor(dialect: Dialect): ProfileSummary {
  return profileSummary({
    id: 'p',
    label: dialect === 'oss' ? 'Alibaba Cloud OSS' : 'Amazon S3',
    kind: dialect === 'oss' ? 'oss' : 's3',
    dialect,
    region: 'r',
    embedded: false,
    capabilities: capabilities({ responseVary: dialect === 'oss' }),
  });
}

export interface Proposal {
  config: CorsConfig | null;
  note: DraftNote;
}

/** Plays the editor's part in the workspace: publishes a draft and takes the proposals it is handed. */
function EditorStandIn({ draft, proposals }: { draft: CorsConfig | null; proposals: Proposal[] }) {
  const workspace = useBucketWorkspace()!;
  const { publishDraft, onProposal } = workspace;
  useEffect(() => publishDraft(draft), [publishDraft, draft]);
  useEffect(() => onProposal((config, note) => proposals.push({ config, note })), [onProposal, proposals]);
  return null;
}

/**
 * The wizard inside a real workspace, with a draft; answers what the "editor" was handed.
 * `editorLoaded: false` leaves the draft unpublished, as while the editor loads; `endpoint` is the profile's.
 */
export function renderWizard(dialect: Dialect, draft: CorsConfig | null = { rules: [] }, { editorLoaded = true, endpoint = null as string | null } = {}) {
  const proposals: Proposal[] = [];
  render(
    <BucketWorkspaceProvider>
      {editorLoaded && <EditorStandIn draft={draft} proposals={proposals} />}
      <RuleWizard profile={{ ...profileFor(dialect), endpoint }} />
    </BucketWorkspaceProvider>,
  );
  return { proposals };
}

export function openWizard() {
  fireEvent.click(screen.getByRole('button', { name: 'Rule wizard' }));
  return screen.getByRole('dialog', { name: 'Rule wizard' });
}

/** The cells of a rule preview's row: value and reasons. */
export function ruleRow(table: HTMLElement, field: string) {
  const row = within(table).getByRole('rowheader', { name: field }).closest('tr')!;
  const [value, why] = row.querySelectorAll('td');
  return { value: value!.textContent ?? '', why: [...why!.querySelectorAll('li')].map((li) => li.textContent ?? '') };
}

export function chooseLoosest() {
  fireEvent.click(screen.getByRole('button', { name: 'Loosest (diagnostic)' }));
}

export function chooseStrictest() {
  fireEvent.click(screen.getByRole('button', { name: 'Strictest (for your app)' }));
}

export interface AppInput {
  origins: string;
  operations: string[];
  headers?: { name: string; value?: string; on?: string }[];
  readable?: { name: string; on?: string }[];
  credentials?: boolean;
}

/** Fills the app form through its labels, as a person would, and generates. */
export function describeApp({ origins, operations, headers = [], readable = [], credentials = false }: AppInput) {
  fireEvent.change(screen.getByLabelText('Origins the app is served from'), { target: { value: origins } });
  for (const op of operations) fireEvent.click(screen.getByRole('checkbox', { name: op }));
  headers.forEach((h, i) => {
    fireEvent.click(screen.getByRole('button', { name: 'Add a header the app sends' }));
    fireEvent.change(screen.getByLabelText(`Header ${i + 1} name`), { target: { value: h.name } });
    if (h.value) fireEvent.change(screen.getByLabelText(`Header ${i + 1} typical value`), { target: { value: h.value } });
    if (h.on) fireEvent.change(screen.getByLabelText(`Header ${i + 1} sent on`), { target: { value: h.on } });
  });
  readable.forEach((h, i) => {
    fireEvent.click(screen.getByRole('button', { name: 'Add a header the app must read' }));
    fireEvent.change(screen.getByLabelText(`Readable header ${i + 1} name`), { target: { value: h.name } });
    if (h.on) fireEvent.change(screen.getByLabelText(`Readable header ${i + 1} read on`), { target: { value: h.on } });
  });
  if (credentials) fireEvent.click(screen.getByRole('checkbox', { name: /^The app sends credentials/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Generate the strictest rules' }));
}
