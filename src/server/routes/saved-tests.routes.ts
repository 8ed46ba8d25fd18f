import { Hono } from 'hono';
import { putSavedTestsBodySchema, type SavedTests } from '../../contract/api';
import type { ApiEnv } from '../http/context';
import { readBody } from '../http/read-body';
import type { SavedTestStore } from '../saved-tests/saved-test-store';

/** A bucket's saved test cases: read them, or replace the whole list. */
export function savedTestsRoutes(store: SavedTestStore) {
  return new Hono<ApiEnv>()
    .get('/', async (c) => {
      const body: SavedTests = { tests: await store.list(c.get('profile').summary.id, c.get('bucket')) };
      return c.json(body);
    })
    .put('/', async (c) => {
      const body = await readBody(c, putSavedTestsBodySchema);
      if (!body.ok) return body.response;
      await store.replace(c.get('profile').summary.id, c.get('bucket'), body.data.tests);
      const saved: SavedTests = { tests: body.data.tests };
      return c.json(saved);
    });
}
