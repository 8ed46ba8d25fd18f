import type { CorsConfig } from '../../core';
import { webText } from './i18n/feature-text';

/** `3 rules`: a number of rules, in the words every feature uses. */
export function ruleCountText(count: number): string {
  return webText('rules.count', { count });
}

/** `3 rules`: how big a configuration is. */
export function countRules(config: CorsConfig | null): string {
  return ruleCountText(config?.rules.length ?? 0);
}
