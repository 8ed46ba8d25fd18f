import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Dialect } from '../../src/core';
import type { ConnectedProfile } from '../../src/server/profiles/connect';
import { STORE_KEYS_FILE, type StoreKeys } from '../../src/server/embedded/store-keys';
import { startConsole, type RunningConsole } from '../../src/server/start';
import { createS3Adapter } from '../../src/server/storage/s3-adapter';
import { startLocalS3 } from './s3rver';
import { signedHttp, type AccessKeys, type RawResponse, type SignedHttp } from './signed-http';
import { profileSummary } from './builders';

/**
 * The S3 servers the storage-facing suites run against: s3rver (in-process, from npm) and a
 * real Ceph RADOS Gateway (scripts/rgw-peer.sh, started once per run by the global setup).
 * A suite runs once per backend with `describe.each(STORAGE_BACKENDS)` and `useStorageBackend`.
 * Every file gets its own s3rver, but all share the one RGW (and its bucket namespace), so bucket
 * names must differ between test files; each handle deletes the buckets it created when stopped.
 */
export const STORAGE_BACKENDS = ['s3rver', 'rgw'] as const;
/**
 * The embedded store as `npm start` runs it: s3rver in its child process behind the gate, which
 * refuses unsigned writes (issue 15). The browser suites run on it too, with its own console.
 */
export const WITH_EMBEDDED_STORE = [...STORAGE_BACKENDS, 'embedded'] as const;
export type BackendName = (typeof WITH_EMBEDDED_STORE)[number];

export interface StorageBackend {
  name: BackendName;
  /** The core dialect that predicts this server. */
  dialect: Dialect;
  endpoint: string;
  keys: AccessKeys;
  /** Raw requests: anonymous, header-signed or presigned. */
  http: SignedHttp;
  /** Creates a bucket that anyone may read and write, as every s3rver bucket is. */
  createBucket(name: string): Promise<void>;
  /** Stores a public-read object. */
  putObject(bucket: string, key: string, body: string, contentType?: string): Promise<void>;
  /** PutBucketCors with the given XML document, signed. */
  putCors(bucket: string, xml: string): Promise<RawResponse>;
  /** GetBucketCors, signed: the raw document (404 when there is none). */
  getCors(bucket: string): Promise<RawResponse>;
  /** A console profile on this server, as a profiles file would build it. */
  profile(id?: string): ConnectedProfile;
  /**
   * Writes a profiles file (`CORS_CONSOLE_CONFIG`) for this server into `dir`, and answers the
   * environment that holds its keys: the console reads credentials from there, never the file.
   */
  writeProfilesFile(dir: string, id?: string): Promise<{ path: string; env: Record<string, string> }>;
  /** Stops s3rver; on the shared RGW, deletes the buckets (and objects) this handle created. */
  stop(): Promise<void>;
  /** The embedded store's own console (profile `local`), which runs it; absent for the others. */
  embeddedConsole?: RunningConsole;
}

// s3rver accepts its own well-known key pair; these are not secrets.
const S3RVER_KEYS: AccessKeys = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

async function expectOk(what: string, response: Promise<RawResponse>): Promise<RawResponse> {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${r.body}`);
  return r;
}

function keysOf(listing: string): string[] {
  return [...listing.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

function backendOn(name: BackendName, dialect: Dialect, endpoint: string, keys: AccessKeys, shutdown: () => Promise<void>): StorageBackend {
  const http = signedHttp(endpoint, keys);
  const created: string[] = [];
  const profile = (id = 'local'): ConnectedProfile => {
    const adapter = createS3Adapter({ endpoint, region: 'us-east-1', addressing: 'path', credentials: keys, timeoutMs: 5000 });
    return {
      adapter,
      summary: profileSummary({ id, label: `Test ${id} (${name})`, dialect, endpoint, embedded: false, capabilities: { ...adapter.capabilities } }),
    };
  };
  const removeBucket = async (bucket: string) => {
    const listing = await http.signed('GET', `/${bucket}`);
    for (const key of keysOf(listing.body)) await http.signed('DELETE', `/${bucket}/${encodeURIComponent(key)}`);
    await http.signed('DELETE', `/${bucket}`);
  };
  return {
    name,
    dialect,
    endpoint,
    keys,
    http,
    createBucket: async (bucket) => {
      await expectOk(`create bucket ${bucket} on ${name}`, http.signed('PUT', `/${bucket}`, { 'x-amz-acl': 'public-read-write' }));
      created.push(bucket);
    },
    putObject: async (bucket, key, body, contentType = 'text/plain') =>
      void (await expectOk(`put ${bucket}/${key} on ${name}`, http.signed('PUT', `/${bucket}/${key}`, { 'content-type': contentType, 'x-amz-acl': 'public-read' }, body))),
    putCors: (bucket, xml) =>
      http.signed('PUT', `/${bucket}?cors`, { 'content-type': 'application/xml', 'content-md5': createHash('md5').update(xml).digest('base64') }, xml),
    getCors: (bucket) => http.signed('GET', `/${bucket}?cors`),
    profile,
    writeProfilesFile: async (dir, id = name) => {
      const env = { CORS_TEST_ACCESS_KEY: keys.accessKeyId, CORS_TEST_SECRET_KEY: keys.secretAccessKey };
      const file = {
        profiles: [
          { id, kind: 's3', endpoint, addressing: 'path', dialect, credentials: { env: { accessKeyId: 'CORS_TEST_ACCESS_KEY', secretAccessKey: 'CORS_TEST_SECRET_KEY' } } },
        ],
      };
      const path = join(dir, `profiles-${name}.json`);
      await writeFile(path, JSON.stringify(file, null, 2));
      return { path, env };
    },
    stop: async () => {
      await shutdown();
      if (name !== 'rgw') return;
      for (const bucket of created.splice(0)) await removeBucket(bucket);
    },
  };
}

/** Starts (s3rver) or connects to (RGW, from the global setup) one backend. */
export async function startStorageBackend(name: BackendName): Promise<StorageBackend> {
  if (name === 'embedded') {
    const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-embedded-'));
    const running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: resolve('dist/web'), log: () => {} });
    const keys = JSON.parse(await readFile(join(dataDir, STORE_KEYS_FILE), 'utf8')) as StoreKeys;
    const backend = backendOn('embedded', 's3rver', running.localS3Endpoint!, keys, async () => {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    return { ...backend, embeddedConsole: running };
  }
  if (name === 's3rver') {
    const s3 = await startLocalS3();
    return backendOn('s3rver', 's3rver', s3.endpoint, S3RVER_KEYS, () => s3.stop());
  }
  const peer = inject('rgwPeer');
  if (!peer) throw new Error('No RGW peer was provided: this project needs test/support/rgw-global-setup.ts as a globalSetup.');
  return backendOn('rgw', 'rgw', peer.endpoint, { accessKeyId: peer.accessKeyId, secretAccessKey: peer.secretAccessKey }, async () => {});
}

/** One backend for the enclosing describe block: started before its tests, stopped after. */
export function useStorageBackend(name: BackendName): { readonly current: StorageBackend } {
  const handle = {} as { current: StorageBackend };
  beforeAll(async () => {
    handle.current = await startStorageBackend(name);
  });
  afterAll(async () => {
    await handle.current?.stop();
  });
  return handle;
}
