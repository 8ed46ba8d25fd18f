import { createHash } from 'node:crypto';
import type { CorsConfig } from '../../core';

/** Keys in a fixed order, so the same configuration always hashes the same. */
function canonical(config: CorsConfig | null): string {
  if (!config) return 'null';
  return JSON.stringify({
    rules: config.rules.map((r) => ({
      id: r.id ?? null,
      allowedOrigins: r.allowedOrigins,
      allowedMethods: r.allowedMethods,
      allowedHeaders: r.allowedHeaders,
      exposeHeaders: r.exposeHeaders,
      maxAgeSeconds: r.maxAgeSeconds ?? null,
    })),
    responseVary: config.responseVary ?? false,
  });
}

/**
 * The version of what a provider holds: a hash of the configuration. Providers have no version
 * for CORS, so a write names the version it started from and the server compares hashes.
 */
export function corsVersion(config: CorsConfig | null): string {
  return createHash('sha256').update(canonical(config)).digest('base64url').slice(0, 22);
}

/** The `If-Match` value without quotes or a weak prefix; `undefined` when absent. */
export function parseIfMatch(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}
