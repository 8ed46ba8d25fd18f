import { BucketAlreadyExists, BucketAlreadyOwnedByYou, CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromStorageError } from '../http/api-error';
import type { ConnectedProfile } from '../profiles/connect';
import { createS3Adapter } from '../storage/s3-adapter';
import { startStoreGate } from './gate';
import { demoBuckets, TEST_OBJECT } from './seeds';
import { loadStoreKeys, type StoreKeys } from './store-keys';
import { startStoreProcess } from './store-process';

export interface EmbeddedS3 {
  profile: ConnectedProfile;
  /** The gate's endpoint: what browsers, presigned URLs and the console's own calls use. */
  endpoint: string;
  stop(): Promise<void>;
}

export interface EmbeddedS3Options {
  dataDir: string;
  port: number;
  /** The console's own origins, allowed by the demo rules. */
  appOrigins: string[];
  log: (line: string) => void;
}

const REGION = 'us-east-1';

/**
 * Creates the demo buckets, their test object and rules. Every step may have been done by a start
 * that was killed half-way, so each tolerates finding its work done: an existing bucket is used
 * as it is, and the object and rules are written again (the marker file says seeding finished).
 */
async function seed(endpoint: string, keys: StoreKeys, appOrigins: string[], log: (line: string) => void): Promise<void> {
  const client = new S3Client({ endpoint, region: REGION, forcePathStyle: true, credentials: keys, requestChecksumCalculation: 'WHEN_REQUIRED' });
  const adapter = createS3Adapter({ endpoint, region: REGION, addressing: 'path', credentials: keys });
  try {
    for (const demo of demoBuckets(appOrigins)) {
      try {
        await client.send(new CreateBucketCommand({ Bucket: demo.name }));
      } catch (error) {
        // s3rver answers BucketAlreadyExists ("The requested bucket already exists") for its own buckets.
        if (!(error instanceof BucketAlreadyExists || error instanceof BucketAlreadyOwnedByYou)) throw error;
      }
      await client.send(new PutObjectCommand({ Bucket: demo.name, Key: TEST_OBJECT.key, Body: TEST_OBJECT.body, ContentType: TEST_OBJECT.contentType }));
      if (demo.cors) {
        const put = await adapter.putCors(demo.name, demo.cors);
        if (!put.ok) throw new Error(`Seeding ${demo.name} failed: ${fromStorageError(put.error).error.message}`);
      }
      log(`seeded ${demo.name} (lesson: ${demo.lesson})`);
    }
  } finally {
    client.destroy();
  }
}

/**
 * The embedded default: a real s3rver in a supervised child process, its data in the data folder
 * (so it survives restarts), reached only through the gate on `port`, which checks the signature
 * of everything but public reads against keys made for this data folder. Seeded with the demo
 * buckets until a seeding has finished once.
 */
export async function startEmbeddedS3({ dataDir, port, appOrigins, log }: EmbeddedS3Options): Promise<EmbeddedS3> {
  const directory = join(dataDir, 's3rver');
  await mkdir(directory, { recursive: true });
  const keys = await loadStoreKeys(dataDir);
  const store = await startStoreProcess({ directory, log });
  let endpoint: string;
  let closeGate: () => Promise<void>;
  try {
    const gate = await startStoreGate({ host: '127.0.0.1', port, keys, store, log });
    endpoint = gate.endpoint;
    closeGate = gate.close;
  } catch (error) {
    await store.stop();
    throw error;
  }
  const stop = async () => {
    await closeGate();
    await store.stop();
  };
  const marker = join(dataDir, 'seeded-demo-buckets');
  if (!existsSync(marker)) {
    try {
      await seed(endpoint, keys, appOrigins, log);
      await writeFile(marker, `${new Date().toISOString()}\n`);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  const adapter = createS3Adapter({ endpoint, region: REGION, addressing: 'path', credentials: keys });
  return {
    endpoint,
    profile: {
      adapter,
      secrets: [keys.secretAccessKey],
      summary: {
        id: 'local',
        label: 'Local s3rver',
        kind: 's3',
        dialect: 's3rver',
        endpoint,
        region: REGION,
        embedded: true,
        capabilities: { ...adapter.capabilities },
      },
    },
    stop,
  };
}
