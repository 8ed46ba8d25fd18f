import { useEffect, useEffectEvent } from 'react';
import type { CorsConfig } from '../../../core';
import { useBucketWorkspace } from '../../lib/bucket-workspace';
import { lastTestNoteText, type DraftNote } from '../../lib/messages';

/**
 * The editor's side of the bucket page's workspace: it publishes the draft (the test pane predicts
 * with it), takes proposals from the test pane and the draft tools (`onProposal`), and says which
 * card answered the last test. Without a workspace (the editor on its own) it does nothing.
 */
export function useWorkspaceBridge(draft: CorsConfig, onProposal: (config: CorsConfig | null, note: DraftNote) => void) {
  const workspace = useBucketWorkspace();

  const publishDraft = workspace?.publishDraft;
  useEffect(() => publishDraft?.(draft), [draft, publishDraft]);

  const takeProposal = useEffectEvent(onProposal);
  const subscribe = workspace?.onProposal;
  useEffect(() => subscribe?.((config, note) => takeProposal(config, note)), [subscribe]);

  const highlight = workspace?.highlight;
  /** The note for rule `index`'s card when the last test concerned it. */
  return (index: number) => (highlight?.rules.includes(index) ? lastTestNoteText(highlight.test) : undefined);
}
