import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

/**
 * A modal dialog: labelled by its title, focus moved in on open, kept inside by Tab, given back
 * to whatever had it on close; Escape closes. A portal keeps it above the page's own stacking.
 * (jsdom has no `<dialog>.showModal()`, so the component tests could not cover a native one.)
 */
export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes on close; by default, whatever had it on open. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

export function ModalDialog({ title, onClose, children, returnFocusTo }: ModalDialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = panel.current;
    // The rest of the page is made inert, so neither the pointer nor assistive technology reaches it.
    const backdrop = root?.parentElement;
    const outside = [...document.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el !== backdrop && !el.inert);
    for (const el of outside) el.inert = true;
    if (root) (focusables(root)[0] ?? root).focus();
    const target = returnFocusTo;
    return () => {
      for (const el of outside) el.inert = false;
      (target?.current ?? opener)?.focus();
    };
  }, [returnFocusTo]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = focusables(panel.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="rw-backdrop">
      <div ref={panel} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} className="rw-dialog" onKeyDown={onKeyDown}>
        <h2 id={titleId} className="rw-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
