import type { ProfileSummary } from '../../contract/api';
import type { ConnectedProfile } from './connect';

/** The profiles the server serves, by id. */
export interface ProfileRegistry {
  list(): ProfileSummary[];
  get(id: string): ConnectedProfile | undefined;
  /** Records that a provider answered NotImplemented for per-bucket CORS (MinIO community). */
  markBucketCorsUnsupported(id: string): void;
}

export function createProfileRegistry(profiles: ConnectedProfile[]): ProfileRegistry {
  const byId = new Map(profiles.map((p) => [p.summary.id, p]));
  return {
    list: () => [...byId.values()].map((p) => p.summary),
    get: (id) => byId.get(id),
    markBucketCorsUnsupported: (id) => {
      const profile = byId.get(id);
      if (profile) profile.summary.capabilities.bucketCors = false;
    },
  };
}
