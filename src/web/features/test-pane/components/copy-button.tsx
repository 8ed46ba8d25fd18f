import { Copy } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { TEST_TAB_TEXT } from '../../../lib/messages';
import { Button, TextArea } from '../../../components/ui';

/**
 * Copies `text` to the clipboard and says so beside the button. When the browser refuses (no
 * permission, an insecure origin, no Clipboard API), the text is shown in a read-only field,
 * selected and focused, so it can be copied by hand.
 */
export function CopyButton({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state !== 'refused') return;
    field.current?.focus();
    field.current?.select();
  }, [state]);
  const copy = async () => {
    try {
      // Absent in insecure contexts; writeText rejects when the permission is refused.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('refused');
    }
  };
  return (
    <div className="tp-copy">
      <Button variant="secondary" size="sm" onClick={() => void copy()} icon={Copy}>
        {label}
      </Button>
      <span role="status" className="tp-copied">
        {state === 'copied' ? TEST_TAB_TEXT.copied : ''}
      </span>
      {state === 'refused' && (
        <div className="tp-copy-fallback">
          <p id={`${id}-refused`}>{TEST_TAB_TEXT.clipboardRefused}</p>
          <TextArea ref={field} label={label} hideLabel readOnly value={text} aria-describedby={`${id}-refused`} rows={Math.min(12, text.split('\n').length + 1)} spellCheck={false} />
        </div>
      )}
    </div>
  );
}
