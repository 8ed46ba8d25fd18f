/** Shorter values are not secrets worth the false matches (and s3rver's public key pair is short). */
const MIN_SECRET_LENGTH = 8;

/** Replaces every occurrence of the given secrets with `[redacted]`. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const known = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  return (text) => known.reduce((clean, secret) => clean.split(secret).join('[redacted]'), text);
}
