import type { CorsConfig } from '../../core';

// What every feature says about a whole configuration: whether two are the same, and its size.

/** The same configuration whatever the key order, with absent and empty spelled alike; no configuration equals no rules. */
export function canonicalConfig(config: CorsConfig | null): string {
  return JSON.stringify({
    rules: (config?.rules ?? []).map((rule) => [
      rule.id ?? null,
      rule.allowedOrigins,
      rule.allowedMethods,
      rule.allowedHeaders,
      rule.exposeHeaders,
      rule.maxAgeSeconds ?? null,
    ]),
    responseVary: config?.responseVary === true,
  });
}

export function sameConfig(a: CorsConfig | null, b: CorsConfig | null): boolean {
  return canonicalConfig(a) === canonicalConfig(b);
}

export function countRules(config: CorsConfig | null): string {
  const count = config?.rules.length ?? 0;
  return `${count} rule${count === 1 ? '' : 's'}`;
}
