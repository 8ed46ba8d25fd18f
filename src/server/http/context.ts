// Legacy us-east-1 names allowed capitals and underscores; nothing allows `/`, so a bucket name
// can never reach another path or host.
// Ends with a letter or digit, so a virtual-hosted name never ends in `.` or `-` (`bucket..host`).
const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,253}[A-Za-z0-9]$/;

export function isBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..');
}
