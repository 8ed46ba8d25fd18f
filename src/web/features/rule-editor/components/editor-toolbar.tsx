import { Plus, Redo2, RotateCcw, Save, Trash2, Undo2 } from 'lucide-react';
import type { RefObject } from 'react';
import { Button, SegmentedControl } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';

export type EditorView = 'form' | 'raw';

const views = () =>
  [
    { value: 'form', label: webText('editor.view.form') },
    { value: 'raw', label: webText('editor.view.raw') },
  ] as const;

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
      <SegmentedControl label={webText('editor.view')} options={views()} value={view} onChange={onView} />
      <Button size="sm" variant="ghost" icon={Undo2} ref={undoButton} onClick={onUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Ctrl+Z">
        {webText('editor.undo')}
      </Button>
      <Button size="sm" variant="ghost" icon={Redo2} ref={redoButton} onClick={onRedo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Ctrl+Shift+Z">
        {webText('editor.redo')}
      </Button>
      {/* Away from Save: one destroys, the other keeps. */}
      <Button size="sm" variant="ghost" icon={Trash2} ref={deleteButton} className="re-danger-quiet" onClick={onDelete} disabled={!canDelete}>
        {webText('editor.delete-all')}
      </Button>
      <span className="re-spacer" />
      <Button size="sm" icon={Plus} ref={addButton} onClick={onAdd}>
        {webText('editor.add-rule')}
      </Button>
      <Button size="sm" icon={RotateCcw} onClick={onDiscard} disabled={!canDiscard}>
        {webText('editor.discard')}
      </Button>
      <Button size="sm" variant="primary" icon={Save} ref={saveButton} onClick={onSave} disabled={!canSave}>
        {webText('editor.save')}
      </Button>
    </div>
  );
}
