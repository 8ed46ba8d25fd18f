import { X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { webText } from '../../lib/i18n/feature-text';
import type { Tone } from './badge';
import { IconButton } from './button';
import { cx } from './cx';
import './ui.css';

const TOAST_MS = 8000;

interface ToastMessage {
  text: string;
  tone: Tone;
}

/** A component's toast: `show` replaces the message; `<Toaster toast={...} />` shows it. */
export function useToast() {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  // A new object each time: the same text shown twice restarts the timer.
  const show = useCallback((text: string, tone: Tone = 'success') => setMessage({ text, tone }), []);
  const dismiss = useCallback(() => setMessage(null), []);
  return { text: message?.text, message, show, dismiss };
}

export type ToastState = ReturnType<typeof useToast>;

/**
 * Where a toast appears: fixed to the viewport's bottom corner, so it never moves the page. The
 * status element is always there (a live region announces changes, not its own arrival), it
 * stays while the pointer or focus is on it, and it can be dismissed.
 * Not Radix Toast: its announcer adds a second status with the same text (and a "Notifications"
 * prefix) for a second, so a toast was two status elements at once.
 */
export function Toaster({ toast }: { toast: ToastState }) {
  const { message, dismiss } = toast;
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!message || held) return;
    const timer = window.setTimeout(dismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [message, held, dismiss]);
  return (
    <div className="ui-toast-viewport" onPointerEnter={() => setHeld(true)} onPointerLeave={() => setHeld(false)} onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      <div className={cx('ui-toast', message ? `ui-tone-${message.tone}` : 'ui-toast-idle')}>
        <p role="status" className="ui-toast-text">
          {message?.text}
        </p>
        {message && <IconButton label={webText('toast.dismiss')} icon={X} size="sm" onClick={dismiss} />}
      </div>
    </div>
  );
}
