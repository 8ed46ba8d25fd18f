import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './modal-dialog.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

/**
 * A modal dialog: labelled by its heading, focus moved in on open (to `[data-autofocus]` or the
 * first control), kept inside while it is open, and given back to whatever had it on close.
 * Escape asks the owner to close, so the owner can refuse while a write is running.
 */
export function ModalDialog({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);

  // Read during render, before the dialog's own effect moves focus in.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );

  // On open, and whenever a step replaces the focused control (focus falls to <body>), focus
  // moves to the step's [data-autofocus] control, so keyboard users are never left outside.
  useEffect(() => {
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

  return (
    <div className="modal-backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} className={`modal-dialog${className ? ` ${className}` : ''}`} onKeyDown={onKeyDown}>
        <h3 id={titleId}>{title}</h3>
        {children}
      </div>
    </div>
  );
}
