import { useEffect, useState } from 'react';

const TOAST_MS = 8000;

/** One short status message at a time; it goes after a while, and showing the same text again restarts its time. */
export function useToast() {
  const [toast, setToast] = useState<{ text: string } | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast(null), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  return { text: toast?.text, show: (text: string) => setToast({ text }) };
}
