import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import './modal-dialog.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Where focus goes on close; by default, whatever had it on open. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/**
 * A modal dialog: labelled by its heading, focus moved in on open (to `[data-autofocus]` or the
 * first control), kept inside while it is open, and given back on close; the rest of the page is
 * inert meanwhile, and a portal keeps the dialog above the page's own stacking. Escape asks the
 * owner to close, so the owner can refuse while a write is running. (Not a native `<dialog>`:
 * jsdom has no `showModal()`, so component tests could not cover one.)
 */
export function ModalDialog({ title, onClose, children, className, returnFocusTo }: ModalDialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);

  // Read during render, before the dialog's own effect moves focus in.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    // Neither the pointer nor assistive technology reaches the page behind the dialog.
    const backdrop = dialog.current?.parentElement;
    const outside = [...document.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el !== backdrop && !el.inert);
    for (const el of outside) el.inert = true;
    const target = returnFocusTo;
    return () => {
      for (const el of outside) el.inert = false;
      const back = target?.current ?? opener;
      if (back?.isConnected) back.focus();
    };
  }, [opener, returnFocusTo]);

  // On open, and whenever a step replaces the focused control (focus falls to <body>), focus
  // moves to the step's [data-autofocus] control, so keyboard users are never left outside.
  // A layout effect: focus moves in the same commit as the step, before anything (a screen
  // reader, a test, a keypress) can see the new step with focus still on <body>.
  useLayoutEffect(() => {
    const root = dialog.current!;
    if (root.contains(document.activeElement)) return;
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root).focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(dialog.current!);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} className={`modal-dialog${className ? ` ${className}` : ''}`} onKeyDown={onKeyDown}>
        <h3 id={titleId}>{title}</h3>
        {children}
      </div>
    </div>,
    document.body,
  );
}
