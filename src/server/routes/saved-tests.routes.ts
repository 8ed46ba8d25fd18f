import { Hono } from 'hono';
import { putSavedTestsBodySchema, type SavedTests } from '../../contract/api';
import type { ApiEnv } from '../http/context';
import { limitBody, readBody } from '../http/read-body';

/** A list holds at most 200 tests; their request bodies are usually a line, rarely large. */
const MAX_SAVED_TESTS_BODY_BYTES = 8 * 1024 * 1024;
import type { SavedTestStore } from '../saved-tests/saved-test-store';

/** A bucket's saved test cases: read them, or replace the whole list. */
export function savedTestsRoutes(store: SavedTestStore) {
  return new Hono<ApiEnv>()
    .get('/', async (c) => {
      const body: SavedTests = { tests: await store.list(c.get('profile').summary.id, c.get('bucket')) };
      return c.json(body);
    })
    .put('/', limitBody(MAX_SAVED_TESTS_BODY_BYTES), async (c) => {
      const body = await readBody(c, putSavedTestsBodySchema);
      if (!body.ok) return body.response;
      await store.replace(c.get('profile').summary.id, c.get('bucket'), body.data.tests);
      const saved: SavedTests = { tests: body.data.tests };
      return c.json(saved);
    });
}
