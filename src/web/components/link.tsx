import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { hrefOf, useLinkHandler, type Route } from '../lib/router';

/** A real link (open in new tab, copy address) that navigates without a reload. */
/** `attributes`: ARIA roles and states for a link that is also a widget part (a tab). */
export function Link({ to, children, className, current, ...attributes }: { to: Route; children: ReactNode; className?: string; current?: boolean } & Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'role' | 'id' | 'aria-selected' | 'aria-controls' | 'title'>) {
  const onClick = useLinkHandler(to);
  return (
    <a {...attributes} href={hrefOf(to)} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
