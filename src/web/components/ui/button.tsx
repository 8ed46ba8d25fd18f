import type { LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './cx';
import './ui.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** A lucide icon shown before the label; decorative, the label names the button. */
  icon?: LucideIcon;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = 'secondary', size = 'md', icon: Icon, className, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button type={type} className={cx('ui-button', `ui-button-${variant}`, `ui-button-${size}`, className)} {...rest}>
      {Icon && <Icon aria-hidden="true" className="ui-icon" />}
      {children}
    </button>
  );
}

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> {
  /** The button's accessible name, also shown as its tooltip: an icon alone names nothing. */
  label: string;
  icon: LucideIcon;
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLButtonElement>;
}

export function IconButton({ label, icon: Icon, variant = 'ghost', size = 'md', className, type = 'button', ...rest }: IconButtonProps) {
  return (
    <button type={type} aria-label={label} title={label} className={cx('ui-button', 'ui-icon-button', `ui-button-${variant}`, `ui-button-${size}`, className)} {...rest}>
      <Icon aria-hidden="true" className="ui-icon" />
    </button>
  );
}
