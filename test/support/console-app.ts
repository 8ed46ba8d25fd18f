import { createApp } from '../../src/server/app';
import type { ConnectedProfile } from '../../src/server/profiles/connect';
import { createProfileRegistry } from '../../src/server/profiles/registry';
import type { StateStore } from '../../src/server/state/state-store';
import { createS3Adapter } from '../../src/server/storage/s3-adapter';
import type { StorageBackend } from './storage-backends';
import { typedClient } from './api-client';
import { profileSummary } from './builders';

/** A profile on a test s3rver, as the embedded default builds it. */
export function s3rverProfile(endpoint: string, id = 'local'): ConnectedProfile {
  const adapter = createS3Adapter({ endpoint, region: 'us-east-1', addressing: 'path', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, timeoutMs: 3000 });
  return {
    adapter,
    summary: profileSummary({ id, label: `Test ${id}`, endpoint, capabilities: { ...adapter.capabilities } }),
  };
}

/**
 * The console app over the given profiles, driven through `app.request`: `client` calls routes of
 * the table; `call` sends anything at all (for the guard's and the router's own refusals).
 */
export function consoleWith(profiles: ConnectedProfile[], { state }: { state?: StateStore } = {}) {
  const logs: string[] = [];
  const app = createApp({ profiles: createProfileRegistry(profiles), log: (line) => logs.push(line), ...(state ? { state } : {}) });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return { app, call, client: typedClient(app), logs };
}

/** The console app with profile `local` on a real storage backend (plus any extra profiles). */
export function consoleOver(storage: StorageBackend, extra: ConnectedProfile[] = []) {
  return consoleWith([storage.profile('local'), ...extra]);
}
