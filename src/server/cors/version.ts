import { createHash } from 'node:crypto';
import { configIdentity, type CorsConfig } from '../../core';

/**
 * The version of what a provider holds: a hash of the configuration. Providers have no version
 * for CORS, so a write names the version it started from and the server compares hashes. Equal
 * configurations (the core's `configIdentity`) have equal versions.
 */
export function corsVersion(config: CorsConfig | null): string {
  return createHash('sha256').update(configIdentity(config)).digest('base64url').slice(0, 22);
}

/** The `If-Match` value without quotes or a weak prefix; `undefined` when absent. */
export function parseIfMatch(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}
