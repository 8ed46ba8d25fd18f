import { useEffect, useState } from 'react';
import { sameConfig, type CorsConfig } from '../../../core';
import { DRAFT_PAUSE_MS } from './draft-pause';
import { canRedo, canUndo, recordHistory, redoHistory, startHistory, undoHistory } from './history';

/**
 * Undo and redo over the draft: each pause in typing is one step, and so is each replacement from
 * outside the form (a write, their version, a proposal), which `record` keeps before it happens.
 * The draft being typed is an unrecorded step: Undo records it first, Redo only runs from a recorded one.
 */
export function useUndoHistory(draft: CorsConfig) {
  const [history, setHistory] = useState(() => startHistory(draft));

  useEffect(() => {
    const timer = window.setTimeout(() => setHistory((h) => recordHistory(h, draft, sameConfig)), DRAFT_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

  const atRecordedStep = sameConfig(draft, history.present);
  return {
    canUndo: canUndo(history) || !atRecordedStep,
    canRedo: canRedo(history) && atRecordedStep,
    record: () => setHistory((h) => recordHistory(h, draft, sameConfig)),
    /** Steps back; returns the configuration to show, or undefined when there is nothing to undo. */
    undo: (): CorsConfig | undefined => {
      const recorded = recordHistory(history, draft, sameConfig);
      if (!canUndo(recorded)) return undefined;
      const next = undoHistory(recorded);
      setHistory(next);
      return next.present;
    },
    redo: (): CorsConfig | undefined => {
      if (!canRedo(history) || !atRecordedStep) return undefined;
      const next = redoHistory(history);
      setHistory(next);
      return next.present;
    },
  };
}

/** Ctrl+Z (Cmd+Z) undoes; Ctrl+Shift+Z and Ctrl+Y redo. */
export function historyShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  return key === 'y' ? 'redo' : null;
}
