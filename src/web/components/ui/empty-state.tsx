import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import './ui.css';

export interface EmptyStateProps {
  title: string;
  icon?: LucideIcon;
  children?: ReactNode;
  /** What the user can do about it: usually a button. */
  action?: ReactNode;
}

/** What an empty screen or list says instead of a blank area: what is missing and what to do. */
export function EmptyState({ title, icon: Icon, children, action }: EmptyStateProps) {
  return (
    <div className="ui-empty-state">
      {Icon && <Icon aria-hidden="true" className="ui-empty-state-icon" />}
      <p className="ui-empty-state-title">{title}</p>
      {children && <div className="ui-empty-state-body">{children}</div>}
      {action && <div className="ui-empty-state-action">{action}</div>}
    </div>
  );
}
