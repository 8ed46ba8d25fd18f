import * as RadixToast from '@radix-ui/react-toast';
import { X } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { Tone } from './badge';
import './ui.css';

const TOAST_MS = 8000;

interface ToastMessage {
  text: string;
  tone: Tone;
  /** A new message restarts the timer even when its text repeats. */
  serial: number;
}

/** A component's toast: `show` replaces the message; `<Toaster toast={...} />` shows it. */
export function useToast() {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const show = useCallback((text: string, tone: Tone = 'success') => setMessage((last) => ({ text, tone, serial: (last?.serial ?? 0) + 1 })), []);
  const dismiss = useCallback(() => setMessage(null), []);
  return { text: message?.text, message, show, dismiss };
}

export type ToastState = ReturnType<typeof useToast>;

/**
 * Where a toast appears: fixed to the viewport's bottom edge, so it never moves the page. The
 * text is a status (announced politely); it stays while hovered or focused, and F8 reaches it.
 */
export function Toaster({ toast, label = 'Notifications' }: { toast: ToastState; label?: string }) {
  const { message, dismiss } = toast;
  return (
    <RadixToast.Provider duration={TOAST_MS} label={label}>
      {message && (
        <RadixToast.Root key={message.serial} type="background" className={`ui-toast ui-tone-${message.tone}`} onOpenChange={(open) => !open && dismiss()}>
          <RadixToast.Description role="status" className="ui-toast-text">
            {message.text}
          </RadixToast.Description>
          <RadixToast.Close className="ui-button ui-button-ghost ui-button-sm ui-icon-button" aria-label="Dismiss">
            <X aria-hidden="true" className="ui-icon" />
          </RadixToast.Close>
        </RadixToast.Root>
      )}
      <RadixToast.Viewport className="ui-toast-viewport" label={`${label} ({hotkey})`} />
    </RadixToast.Provider>
  );
}
