import type { HTMLAttributes, Ref } from 'react';
import { cx } from './cx';
import './ui.css';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** `section` when the card has a heading of its own (pass aria-labelledby), `div` otherwise. */
  as?: 'div' | 'section' | 'article' | 'li';
  ref?: Ref<HTMLElement>;
}

export function Card({ as: Tag = 'div', className, ref, ...rest }: CardProps) {
  return <Tag ref={ref as Ref<never>} className={cx('ui-card', className)} {...rest} />;
}
