import * as RadixDialog from '@radix-ui/react-dialog';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { cx } from './cx';
import './ui.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Where focus goes on close; by default, whatever had it on open. */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** `drawer` slides in from the left edge (the bucket list on narrow screens). */
  placement?: 'center' | 'drawer';
}

/**
 * A modal dialog (Radix): labelled by its heading, focus kept inside, the page behind hidden from
 * assistive technology and the pointer, Escape asks the owner to close (so it can refuse while a
 * write runs). Focus goes to `[data-autofocus]` or the first control, and back on close.
 * Radix's Overlay is not used: it injects a <style> element to lock scrolling, which the CSP
 * (style-src 'self') refuses; the backdrop here is a plain element and scrolls instead.
 */
export function Dialog({ title, onClose, children, className, returnFocusTo, placement = 'center' }: DialogProps) {
  const content = useRef<HTMLDivElement>(null);

  // Read during render, before the dialog's own effects move focus in.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    // Nothing behind the dialog takes focus or the pointer (Radix only hides it with aria-hidden).
    const backdrop = content.current?.parentElement;
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
    const root = content.current;
    if (!root || root.contains(document.activeElement)) return;
    const first = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => !el.closest('[hidden]'));
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? first ?? root).focus();
  });

  // Escape is the dialog's: it does not also reach the page's own key handlers through React.
  const stopEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') event.stopPropagation();
  };

  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      {/* The body as container: the dialog renders in the same commit, so the focus effect below finds it. */}
      <RadixDialog.Portal container={document.body}>
        <div className={cx('ui-dialog-backdrop', placement === 'drawer' && 'ui-dialog-backdrop-drawer')}>
          <RadixDialog.Content
            ref={content}
            aria-modal="true"
            aria-describedby={undefined}
            className={cx('ui-dialog', placement === 'drawer' && 'ui-drawer', className)}
            onOpenAutoFocus={(event) => event.preventDefault()}
            onCloseAutoFocus={(event) => event.preventDefault()}
            onPointerDownOutside={(event) => placement !== 'drawer' && event.preventDefault()}
            onKeyDown={stopEscape}
          >
            <RadixDialog.Title className="ui-dialog-title">{title}</RadixDialog.Title>
            {children}
          </RadixDialog.Content>
        </div>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A dialog's row of actions, at its foot. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="ui-dialog-actions">{children}</div>;
}
