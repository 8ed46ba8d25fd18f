import { useLayoutEffect, useRef } from 'react';

export type FocusButton = 'save' | 'delete' | 'add' | 'undo' | 'redo';
/**
 * `rule`: the card a rule moved to. `button`: a toolbar button (a disabled one hands focus to
 * `fallback`, else to "Add rule"). `field`: the form field of that name, where focus was before
 * the draft was replaced (undo, redo), else the card of `rule`.
 */
export type FocusRequest = { rule: number } | { button: FocusButton; fallback?: FocusButton } | { field: string; rule: number };

/**
 * Focus for after the next render, when what to focus exists: the card a rule moved to, the
 * button a dialog returns to, the field undo re-created. A rule past the end focuses the last
 * card; no card, or a disabled button, focuses "Add rule". Nothing moves while a dialog is open
 * (`isEditing` false).
 */
export function usePendingFocus(isEditing: boolean, ruleHeading: (index: number) => HTMLElement | null, field: (name: string) => HTMLElement | null) {
  const pending = useRef<FocusRequest | null>(null);
  const save = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  const redo = useRef<HTMLButtonElement>(null);
  const buttons = { save, delete: remove, add, undo, redo };

  // In the commit that renders the target, so nothing sees the moved rule without focus on it.
  useLayoutEffect(() => {
    const request = pending.current;
    if (!request || !isEditing) return;
    pending.current = null;
    if ('field' in request) {
      (field(request.field) ?? ruleHeading(request.rule) ?? add.current)?.focus();
      return;
    }
    if ('rule' in request) {
      (ruleHeading(request.rule) ?? add.current)?.focus();
      return;
    }
    const enabled = (name: FocusButton | undefined) => {
      const button = name ? buttons[name].current : null;
      return button && !button.disabled ? button : null;
    };
    (enabled(request.button) ?? enabled(request.fallback) ?? add.current)?.focus();
  });

  return {
    buttons,
    focusLater: (request: FocusRequest) => {
      pending.current = request;
    },
  };
}
