import type { RefObject } from 'react';

export type EditorView = 'form' | 'raw';

export function EditorToolbar({ view, onView, canUndo, canRedo, onUndo, onRedo, onAdd, canDiscard, onDiscard, canDelete, onDelete, canSave, onSave, addButton, deleteButton, saveButton, undoButton, redoButton }: {
  view: EditorView;
  onView: (view: EditorView) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAdd: () => void;
  canDiscard: boolean;
  onDiscard: () => void;
  /** There is a configuration on the provider to delete. */
  canDelete: boolean;
  onDelete: () => void;
  canSave: boolean;
  onSave: () => void;
  // Where focus returns after a dialog, a write, an undo or a redo.
  addButton: RefObject<HTMLButtonElement | null>;
  deleteButton: RefObject<HTMLButtonElement | null>;
  saveButton: RefObject<HTMLButtonElement | null>;
  undoButton: RefObject<HTMLButtonElement | null>;
  redoButton: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <div className="re-toolbar">
      <div className="re-view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'form'} onClick={() => onView('form')}>
          Form
        </button>
        <button type="button" aria-pressed={view === 'raw'} onClick={() => onView('raw')}>
          Raw
        </button>
      </div>
      <button type="button" ref={undoButton} onClick={onUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Ctrl+Z">
        Undo
      </button>
      <button type="button" ref={redoButton} onClick={onRedo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Ctrl+Shift+Z">
        Redo
      </button>
      {/* Away from Save: one destroys, the other keeps. */}
      <button type="button" ref={deleteButton} className="re-danger" onClick={onDelete} disabled={!canDelete}>
        Delete all rules
      </button>
      <span className="re-spacer" />
      <button type="button" ref={addButton} onClick={onAdd}>
        Add rule
      </button>
      <button type="button" onClick={onDiscard} disabled={!canDiscard}>
        Discard changes
      </button>
      <button type="button" ref={saveButton} className="re-primary" onClick={onSave} disabled={!canSave}>
        Save
      </button>
    </div>
  );
}
