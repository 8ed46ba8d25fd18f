import { z } from 'zod';
import { savedTestSchema, type SavedTest } from '../../contract/api';
import type { StateBlobs } from './state-blobs';

/** A bucket's saved test cases, kept by the console (not the provider). */
export interface SavedTestStore {
  list(profile: string, bucket: string): Promise<SavedTest[]>;
  replace(profile: string, bucket: string, tests: SavedTest[]): Promise<void>;
}

const fileSchema = z.object({ tests: z.array(savedTestSchema) });

// Profile ids and bucket names are already checked by the API; encoding them anyway keeps a
// name from ever becoming a path of its own. `saved-tests/` is where the data folder kept them
// before the state store existed, so existing lists are still found.
const keyOf = (profile: string, bucket: string) => `saved-tests/${encodeURIComponent(profile)}--${encodeURIComponent(bucket)}.json`;

/** Saved tests as one JSON blob per bucket; a replace is atomic, so a crash leaves the previous list. */
export function createSavedTestStore(blobs: StateBlobs): SavedTestStore {
  return {
    async list(profile, bucket) {
      const text = await blobs.read(keyOf(profile, bucket));
      if (text === null) return [];
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`The saved tests of ${profile}/${bucket} in ${blobs.where} are not readable: ${parsed.error.issues[0]?.message ?? 'bad file'}.`);
      return parsed.data.tests;
    },
    async replace(profile, bucket, tests) {
      await blobs.replace(keyOf(profile, bucket), `${JSON.stringify({ tests }, null, 2)}\n`);
    },
  };
}
