import type { ConnectedProfile } from '../profiles/connect';

/** Variables the API's middleware puts on the request context. */
export interface ApiEnv {
  Variables: {
    profile: ConnectedProfile;
    bucket: string;
  };
}

// Legacy us-east-1 names allowed capitals and underscores; nothing allows `/`, so a bucket name
// can never reach another path or host.
// Ends with a letter or digit, so a virtual-hosted name never ends in `.` or `-` (`bucket..host`).
const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,253}[A-Za-z0-9]$/;

export function isBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..');
}
