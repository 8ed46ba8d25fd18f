import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketCors, BucketPage, CorsState } from '../../src/contract/api';
import { startConsole, type RunningConsole } from '../../src/server/start';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// The embedded default as `npm start` runs it: a real s3rver in the data folder, seeded once.

let dataDir: string;
const logs: string[] = [];

const start = (env: Record<string, string> = {}) =>
  startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, ...env },
    processEnv: {},
    dataDir,
    webDir: join(dataDir, 'no-web-build'),
    log: (line) => logs.push(line),
  });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-start-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('startConsole on the embedded default', () => {
  let running: RunningConsole;

  it('serves the demo buckets with their CORS status on 127.0.0.1', async () => {
    running = await start();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = (await (await fetch(`${running.url}/api/profiles/local/buckets`)).json()) as BucketPage;
    expect(page.buckets.map((b) => [b.name, b.cors])).toEqual([
      ['demo-direct-upload', { status: 'rules', ruleCount: 2 }],
      ['demo-no-cors', { status: 'none' }],
      ['demo-shadowed-etag', { status: 'rules', ruleCount: 2 }],
    ]);
    expect(logs.some((l) => l.startsWith('seeded demo-shadowed-etag'))).toBe(true);
  });

  it('seeds a shadowing lesson the core warns about', async () => {
    const state = (await (await fetch(`${running.url}/api/profiles/local/buckets/demo-shadowed-etag/cors`)).json()) as CorsState;
    expect(state.issues).toContainEqual(expect.objectContaining({ code: 'rule.shadowed', path: ['rules', 1], relatedRules: [0] }));
  });

  it('names each demo bucket\'s lesson (a catalogue key) in its CORS answer, for its page to show', async () => {
    for (const [bucket, lesson] of [['demo-direct-upload', 'direct-upload'], ['demo-no-cors', 'no-cors'], ['demo-shadowed-etag', 'shadowed-etag']]) {
      const state = (await (await fetch(`${running.url}/api/profiles/local/buckets/${bucket}/cors`)).json()) as BucketCors;
      expect(state.lesson).toBe(lesson);
    }
  });

  it('puts test.txt in every demo bucket', async () => {
    for (const bucket of ['demo-direct-upload', 'demo-no-cors', 'demo-shadowed-etag']) {
      const text = await (await fetch(`${running.localS3Endpoint}/${bucket}/test.txt`)).text();
      expect(text).toContain('Hello from cors-console');
    }
  });

  it('keeps changes across a restart and does not seed again', async () => {
    const url = `${running.url}/api/profiles/local/buckets/demo-no-cors/cors`;
    const loaded = (await (await fetch(url)).json()) as CorsState;
    const config = { rules: [{ allowedOrigins: ['https://kept.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };
    const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': `"${loaded.version}"` }, body: JSON.stringify({ config }) });
    expect(put.status).toBe(200);
    await running.stop();
    logs.length = 0;

    running = await start();
    const after = (await (await fetch(`${running.url}/api/profiles/local/buckets/demo-no-cors/cors`)).json()) as CorsState;
    expect(after.config).toEqual(config);
    expect(logs.some((l) => l.startsWith('seeded'))).toBe(false);
    await running.stop();
  });

  it('fails fast with a clear message for a bad profiles file', async () => {
    await expect(start({ CORS_CONSOLE_CONFIG: join(dataDir, 'missing.json') })).rejects.toThrow(/Cannot read the profiles file/);
  });
});

describe('issue 15: a busy port stops the start with one line naming the port and its variable', () => {
  it.each([
    ['CORS_CONSOLE_S3_PORT', 'the embedded s3rver'],
    ['PORT', 'the console'],
    ['CORS_CONSOLE_HARNESS_PORT', 'the test harness'],
  ])('%s', async (variable, what) => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    const folder = await mkdtemp(join(dataDir, 'busy-'));
    try {
      const failure = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, [variable]: port }, processEnv: {}, dataDir: folder, webDir: join(folder, 'no-web'), log: () => {} }).then(
        (running) => running.stop().then(() => null),
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toBe(`Port ${port} (${what}) is in use: set ${variable} to a free port (0 picks one).`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 30_000);
});

describe.each(STORAGE_BACKENDS)('startConsole on a profiles file for %s', (backend) => {
  const storage = useStorageBackend(backend);

  it('serves that server\'s buckets and CORS, with the keys from the environment only', async () => {
    await storage.current.createBucket('start-profile');
    const { path, env } = await storage.current.writeProfilesFile(dataDir);
    const running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: path }, processEnv: env, dataDir, webDir: join(dataDir, 'no-web-build'), log: () => {} });
    try {
      expect(running.localS3Endpoint).toBeNull();
      const page = (await (await fetch(`${running.url}/api/profiles/${backend}/buckets?prefix=start-`)).json()) as BucketPage;
      expect(page.buckets.map((b) => [b.name, b.cors])).toEqual([['start-profile', { status: 'none' }]]);
      const state = (await (await fetch(`${running.url}/api/profiles/${backend}/buckets/start-profile/cors`)).json()) as CorsState;
      expect(state).toMatchObject({ config: null, dialect: storage.current.dialect });
    } finally {
      await running.stop();
    }
  });
});
