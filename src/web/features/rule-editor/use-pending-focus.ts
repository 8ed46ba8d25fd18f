import { useLayoutEffect, useRef } from 'react';

export type FocusButton = 'save' | 'delete' | 'add';
export type FocusRequest = { rule: number } | { button: FocusButton };

/**
 * Focus for after the next render, when what to focus exists: the card a rule moved to, or the
 * button a dialog returns to. A rule past the end focuses the last card; no card, or a disabled
 * button, focuses "Add rule". Nothing moves while a dialog is open (`isEditing` false).
 */
export function usePendingFocus(isEditing: boolean, ruleHeading: (index: number) => HTMLElement | null) {
  const pending = useRef<FocusRequest | null>(null);
  const save = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const add = useRef<HTMLButtonElement>(null);

  // In the commit that renders the target, so nothing sees the moved rule without focus on it.
  useLayoutEffect(() => {
    const request = pending.current;
    if (!request || !isEditing) return;
    pending.current = null;
    if ('rule' in request) {
      (ruleHeading(request.rule) ?? add.current)?.focus();
      return;
    }
    const button = { save, delete: remove, add }[request.button].current;
    (button && !button.disabled ? button : add.current)?.focus();
  });

  return {
    buttons: { save, delete: remove, add },
    focusLater: (request: FocusRequest) => {
      pending.current = request;
    },
  };
}
