import { CircleCheck, CircleX, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { VerdictLevel } from '../../../../core';

const ICONS: Record<VerdictLevel, LucideIcon> = { allowed: CircleCheck, broken: TriangleAlert, blocked: CircleX };

/**
 * A verdict level's icon, hidden from assistive technology: the level's words always stand beside
 * it, so neither colour nor icon is ever the only signal.
 */
export function VerdictIcon({ level, size = 16 }: { level: VerdictLevel; size?: number }) {
  const Icon = ICONS[level];
  return <Icon aria-hidden="true" focusable="false" size={size} className={`tp-icon tp-icon-${level}`} data-icon={level} />;
}
