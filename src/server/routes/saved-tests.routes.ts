import { routes } from '../../contract/api';
import { answer, type Register } from '../http/register';
import type { SavedTestStore } from '../state/saved-test-store';

/** A bucket's saved test cases: read them, or replace the whole list. */
export function registerSavedTestsRoutes(register: Register, store: SavedTestStore) {
  register(routes.listSavedTests, async ({ profile, bucket }) => answer({ tests: await store.list(profile.summary.id, bucket) }));
  register(routes.putSavedTests, async ({ profile, bucket, body }) => {
    await store.replace(profile.summary.id, bucket, body.tests);
    return answer({ tests: body.tests });
  });
}
