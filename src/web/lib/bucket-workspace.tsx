import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { issueMessage, type CorsConfig } from '../../core';
import { IssueTextContext } from './error-text';
import type { DraftNote } from './messages';

/** Rules the last test concerned, shown on their cards in the Rules tab. */
export interface RuleHighlight {
  /** 0-based rule indexes, in the draft. */
  rules: number[];
  /** The test those rules answered (the catalogue's `lastTestNoteText` says it on their cards). */
  test: { method: string; key: string; origin: string };
}

/** Applies a change proposed from outside the editor (the test pane's fix) to the draft only. */
export type DraftProposalHandler = (config: CorsConfig | null, note: DraftNote) => void;

/**
 * What the tabs of one bucket page share: the editor publishes its draft here, the test pane reads
 * it for predictions and proposes fixes, and highlights the rules a test concerned. Features do
 * not import each other; both import this.
 */
export interface BucketWorkspace {
  /** The editor's current draft; `undefined` until the editor has loaded. */
  draft: CorsConfig | null | undefined;
  publishDraft(config: CorsConfig | null): void;
  /** Hands a change to the editor; false when no editor is there to take it. */
  proposeDraft(config: CorsConfig | null, note: DraftNote): boolean;
  /** The editor subscribes; returns the unsubscribe. */
  onProposal(handler: DraftProposalHandler): () => void;
  highlight: RuleHighlight | null;
  setHighlight(highlight: RuleHighlight | null): void;
}

const WorkspaceContext = createContext<BucketWorkspace | null>(null);

export function BucketWorkspaceProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<CorsConfig | null | undefined>(undefined);
  const [highlight, setHighlight] = useState<RuleHighlight | null>(null);
  const handler = useRef<DraftProposalHandler | null>(null);
  const proposeDraft = useCallback((config: CorsConfig | null, note: DraftNote) => {
    if (!handler.current) return false;
    handler.current(config, note);
    return true;
  }, []);
  const onProposal = useCallback((next: DraftProposalHandler) => {
    handler.current = next;
    return () => {
      if (handler.current === next) handler.current = null;
    };
  }, []);
  const value = useMemo(() => ({ draft, publishDraft: setDraft, proposeDraft, onProposal, highlight, setHighlight }), [draft, proposeDraft, onProposal, highlight]);
  // The bucket page loads the core, so the API errors its panels show word the issues they name.
  return (
    <WorkspaceContext.Provider value={value}>
      <IssueTextContext.Provider value={issueMessage}>{children}</IssueTextContext.Provider>
    </WorkspaceContext.Provider>
  );
}

/** The bucket page's shared state, or `null` when a feature is rendered on its own (component tests). */
export function useBucketWorkspace(): BucketWorkspace | null {
  return useContext(WorkspaceContext);
}
