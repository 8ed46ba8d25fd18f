import type { ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';
import './ui.css';

export interface SegmentedOption<V extends string> {
  value: V;
  label: ReactNode;
}

export interface SegmentedControlProps<V extends string> {
  /** Names the group. */
  label: string;
  options: readonly SegmentedOption<V>[];
  value: V;
  onChange: (value: V) => void;
  className?: string;
}

/** A row of toggle buttons, one pressed (aria-pressed): a switch between views or modes of one screen. */
export function SegmentedControl<V extends string>({ label, options, value, onChange, className }: SegmentedControlProps<V>) {
  return (
    <div role="group" aria-label={label} className={cx('ui-segmented', className)}>
      {options.map((option) => (
        <Button key={option.value} size="sm" aria-pressed={value === option.value} onClick={() => onChange(option.value)}>
          {option.label}
        </Button>
      ))}
    </div>
  );
}
