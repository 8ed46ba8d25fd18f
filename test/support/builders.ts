import type { Capabilities, ProfileSummary } from '../../src/contract/api';
import type { CorsRule } from '../../src/core';

/** A rule for the app at https://app.example.com reading with GET; tests set only the fields they are about. */
export function rule(fields: Partial<CorsRule> = {}): CorsRule {
  return { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], ...fields };
}

/** What the embedded s3rver can do, changed where a test's provider differs. */
export function capabilities(changes: Partial<Capabilities> = {}): Capabilities {
  return { bucketCors: true, responseVary: false, presignedPost: true, ...changes };
}

/** Profile `local` as the API shows the embedded s3rver, changed where a test's profile differs. */
export function profileSummary(changes: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    id: 'local',
    label: 'Test local',
    kind: 's3',
    dialect: 's3rver',
    endpoint: null,
    region: 'us-east-1',
    embedded: true,
    capabilities: capabilities(),
    ...changes,
  };
}
