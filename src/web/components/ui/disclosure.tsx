import * as Collapsible from '@radix-ui/react-collapsible';
import { ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { cx } from './cx';
import './ui.css';

export interface DisclosureProps {
  /** The toggle's label. */
  summary: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
}

/** A button that shows or hides a region below it (aria-expanded, aria-controls). */
export function Disclosure({ summary, children, defaultOpen = false, open, onOpenChange, className }: DisclosureProps) {
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const isOpen = open ?? ownOpen;
  const change = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  return (
    <Collapsible.Root open={isOpen} onOpenChange={change} className={cx('ui-disclosure', className)}>
      <Collapsible.Trigger className="ui-disclosure-trigger">
        <ChevronRight aria-hidden="true" className="ui-icon ui-disclosure-chevron" />
        {summary}
      </Collapsible.Trigger>
      <Collapsible.Content className="ui-disclosure-content">{children}</Collapsible.Content>
    </Collapsible.Root>
  );
}
