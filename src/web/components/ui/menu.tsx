import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';
import { cx } from './cx';
import './ui.css';

export interface MenuProps {
  /** The trigger's label. */
  label: string;
  icon?: LucideIcon;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  children: ReactNode;
  align?: 'start' | 'end';
}

/**
 * A menu button (Radix dropdown: arrow keys, typeahead, Escape returns to the trigger). Not modal:
 * a modal menu locks scrolling with an injected <style>, which the CSP refuses.
 */
export function Menu({ label, icon, variant = 'secondary', size = 'md', align = 'start', children }: MenuProps) {
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>
        <Button variant={variant} size={size} {...(icon ? { icon } : {})}>
          {label}
        </Button>
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="ui-menu" align={align} sideOffset={4} collisionPadding={8}>
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}

export interface MenuItemProps {
  onSelect: () => void;
  children: ReactNode;
  icon?: LucideIcon;
  tone?: 'neutral' | 'danger';
  disabled?: boolean;
}

export function MenuItem({ onSelect, children, icon: Icon, tone = 'neutral', disabled }: MenuItemProps) {
  return (
    <RadixMenu.Item className={cx('ui-menu-item', tone === 'danger' && 'ui-menu-item-danger')} onSelect={onSelect} {...(disabled ? { disabled } : {})}>
      {Icon && <Icon aria-hidden="true" className="ui-icon" />}
      {children}
    </RadixMenu.Item>
  );
}

export function MenuSeparator() {
  return <RadixMenu.Separator className="ui-menu-separator" />;
}
