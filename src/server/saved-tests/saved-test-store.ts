import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { savedTestSchema, type SavedTest } from '../../contract/api';

/** A bucket's saved test cases, kept by the console (not the provider). */
export interface SavedTestStore {
  list(profile: string, bucket: string): Promise<SavedTest[]>;
  replace(profile: string, bucket: string, tests: SavedTest[]): Promise<void>;
}

const fileSchema = z.object({ tests: z.array(savedTestSchema) });

// Profile ids and bucket names are already checked by the API; encoding them anyway keeps a
// name from ever becoming a path of its own.
const fileName = (profile: string, bucket: string) => `${encodeURIComponent(profile)}--${encodeURIComponent(bucket)}.json`;

/**
 * Saved tests as one JSON file per bucket under `directory`. Writes go to a temporary file that
 * is renamed over the old one, so a crash mid-write leaves the previous list, never half of one.
 */
export function createFileSavedTestStore(directory: string): SavedTestStore {
  let writes = 0;
  return {
    async list(profile, bucket) {
      let text: string;
      try {
        text = await readFile(join(directory, fileName(profile, bucket)), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`The saved tests of ${profile}/${bucket} in ${directory} are not readable: ${parsed.error.issues[0]?.message ?? 'bad file'}.`);
      return parsed.data.tests;
    },
    async replace(profile, bucket, tests) {
      await mkdir(directory, { recursive: true });
      const target = join(directory, fileName(profile, bucket));
      const temporary = `${target}.${process.pid}.${++writes}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ tests }, null, 2)}\n`);
      await rename(temporary, target);
    },
  };
}

/** For an API without a data folder (component tests): the same contract, kept in memory. */
export function createMemorySavedTestStore(): SavedTestStore {
  const lists = new Map<string, SavedTest[]>();
  return {
    list: async (profile, bucket) => structuredClone(lists.get(fileName(profile, bucket)) ?? []),
    replace: async (profile, bucket, tests) => {
      lists.set(fileName(profile, bucket), structuredClone(tests));
    },
  };
}
