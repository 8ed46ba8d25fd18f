import type { CorsConfig } from '../../core';

/** `3 rules`: how big a configuration is, in the words every feature uses. */
export function countRules(config: CorsConfig | null): string {
  const count = config?.rules.length ?? 0;
  return `${count} rule${count === 1 ? '' : 's'}`;
}
