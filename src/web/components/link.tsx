import type { ReactNode } from 'react';
import { hrefOf, useLinkHandler, type Route } from '../lib/router';

/** A real link (open in new tab, copy address) that navigates without a reload. */
export function Link({ to, children, className, current }: { to: Route; children: ReactNode; className?: string; current?: boolean }) {
  const onClick = useLinkHandler(to);
  return (
    <a href={hrefOf(to)} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
