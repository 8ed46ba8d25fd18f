import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketPage } from '../../../src/contract/api';
import { startConsole } from '../../../src/server/start';

// Issue 15 (items 1 and 5): a first start killed while seeding the demo buckets left buckets
// behind and no "seeded" marker; the next start then failed on "The requested bucket already
// exists" forever. Seeding now finishes on the next start.

let dataDir: string;
const logs: string[] = [];
const start = () => startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: join(dataDir, 'no-web-build'), log: (line) => logs.push(line) });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-seeding-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('demo seeding', () => {
  it('finishes on the next start after a start that stopped half-way (buckets made, no marker)', async () => {
    const first = await start();
    await first.stop();
    // What a kill during seeding leaves: the buckets exist, the marker that says "done" does not.
    await rm(join(dataDir, 'seeded-demo-buckets'));
    logs.length = 0;
    const second = await start();
    try {
      expect(logs.filter((line) => line.startsWith('seeded ')).length).toBe(3);
      const page = (await (await fetch(`${second.url}/api/profiles/local/buckets`)).json()) as BucketPage;
      expect(page.buckets.map((b) => [b.name, b.cors])).toEqual([
        ['demo-direct-upload', { status: 'rules', ruleCount: 2 }],
        ['demo-no-cors', { status: 'none' }],
        ['demo-shadowed-etag', { status: 'rules', ruleCount: 2 }],
      ]);
    } finally {
      await second.stop();
    }
  });
});
