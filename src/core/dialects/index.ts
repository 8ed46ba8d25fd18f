import type { Dialect, DialectProfile } from './dialect';
import { cos, minio, oss, r2 } from './others';
import { rgw } from './rgw';
import { s3 } from './s3';
import { s3rver } from './s3rver';

export type { Dialect, DialectProfile, PreflightError } from './dialect';
export { DIALECTS } from './dialect';

const PROFILES: Record<Dialect, DialectProfile> = { s3, oss, cos, rgw, minio, r2, s3rver };

/** The behaviour profile of a dialect. */
export function dialectProfile(dialect: Dialect): DialectProfile {
  return PROFILES[dialect];
}
