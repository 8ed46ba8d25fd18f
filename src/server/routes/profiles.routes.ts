import { Hono } from 'hono';
import type { ProfileRegistry } from '../profiles/registry';

export function profilesRoutes(registry: ProfileRegistry) {
  return new Hono().get('/', (c) => c.json({ profiles: registry.list() }));
}
