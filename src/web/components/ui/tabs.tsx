import * as RadixTabs from '@radix-ui/react-tabs';
import type { ComponentProps } from 'react';
import { cx } from './cx';
import './ui.css';

/**
 * Tabs (WAI-ARIA tabs pattern from Radix): real buttons with role=tab, arrow keys, Home and End
 * move between them, and each tab selects as it gets focus (automatic activation).
 */
export function Tabs({ className, ...rest }: ComponentProps<typeof RadixTabs.Root>) {
  return <RadixTabs.Root className={cx('ui-tabs', className)} {...rest} />;
}

export function TabList({ className, ...rest }: ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List className={cx('ui-tab-list', className)} {...rest} />;
}

export function Tab({ className, ...rest }: ComponentProps<typeof RadixTabs.Trigger>) {
  return <RadixTabs.Trigger className={cx('ui-tab', className)} {...rest} />;
}

/**
 * A tab's panel. `keepMountedWhile` keeps an unselected panel mounted but hidden, so its state
 * (a draft, a test result) survives switching tabs: pass the selected tab's value.
 */
export function TabPanel({ className, value, keepMountedWhile, ...rest }: ComponentProps<typeof RadixTabs.Content> & { keepMountedWhile?: string }) {
  const kept = keepMountedWhile === undefined ? {} : { forceMount: true as const, hidden: keepMountedWhile !== value };
  return <RadixTabs.Content value={value} className={cx('ui-tab-panel', className)} {...kept} {...rest} />;
}
