import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CorsConfig } from '../../core';
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
  /** The editor's current draft; `undefined` until the editor has loaded. Read with `useWorkspaceDraft`. */
  draft: DraftStore;
  publishDraft(config: CorsConfig | null): void;
  /** Hands a change to the editor; false when no editor is there to take it. */
  proposeDraft(config: CorsConfig | null, note: DraftNote): boolean;
  /** The editor subscribes; returns the unsubscribe. */
  onProposal(handler: DraftProposalHandler): () => void;
  highlight: RuleHighlight | null;
  setHighlight(highlight: RuleHighlight | null): void;
}

/** The editor's draft, kept outside React state: see `useWorkspaceDraft`. */
interface DraftStore {
  get(): CorsConfig | null | undefined;
  subscribe(listener: () => void): () => void;
}

function draftStore() {
  let draft: CorsConfig | null | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => draft,
    set(next: CorsConfig | null) {
      draft = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const WorkspaceContext = createContext<BucketWorkspace | null>(null);

export function BucketWorkspaceProvider({ children }: { children: ReactNode }) {
  const [draft] = useState(draftStore);
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
  const value = useMemo(() => ({ draft, publishDraft: draft.set, proposeDraft, onProposal, highlight, setHighlight }), [draft, proposeDraft, onProposal, highlight]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The bucket page's shared state, or `null` when a feature is rendered on its own (component tests). */
export function useBucketWorkspace(): BucketWorkspace | null {
  return useContext(WorkspaceContext);
}

const NO_DRAFT: DraftStore = { get: () => undefined, subscribe: () => () => undefined };

/**
 * The editor's draft, as the other tabs see it: each new draft reaches them in a transition. Were
 * it the context's value, each keystroke would make React search the whole page, the editor's
 * 100 rule cards included, for readers (~2-5 ms in bench/scenarios/rule-editor.ts); this way only
 * the readers re-render, and after the keystroke's own render, never holding it up.
 */
export function useWorkspaceDraft(): CorsConfig | null | undefined {
  const store = useBucketWorkspace()?.draft ?? NO_DRAFT;
  const [draft, setDraft] = useState(store.get);
  useEffect(() => {
    const update = () => startTransition(() => setDraft(store.get()));
    const unsubscribe = store.subscribe(update);
    // A draft published between this render and the subscription (the editor's own effect) is read now.
    update();
    return unsubscribe;
  }, [store]);
  return draft;
}
