import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import S3rver from 's3rver';
import { fromStorageError } from '../http/api-error';
import type { ConnectedProfile } from '../profiles/connect';
import { createS3Adapter } from '../storage/s3-adapter';
import { demoBuckets, TEST_OBJECT } from './seeds';

// s3rver accepts its own well-known key pair; these are not secrets.
const LOCAL_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface EmbeddedS3 {
  profile: ConnectedProfile;
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

async function seed(endpoint: string, appOrigins: string[], log: (line: string) => void): Promise<void> {
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: LOCAL_KEYS, requestChecksumCalculation: 'WHEN_REQUIRED' });
  const adapter = createS3Adapter({ endpoint, region: 'us-east-1', addressing: 'path', credentials: LOCAL_KEYS });
  for (const demo of demoBuckets(appOrigins)) {
    await client.send(new CreateBucketCommand({ Bucket: demo.name }));
    await client.send(new PutObjectCommand({ Bucket: demo.name, Key: TEST_OBJECT.key, Body: TEST_OBJECT.body, ContentType: TEST_OBJECT.contentType }));
    if (demo.cors) {
      const put = await adapter.putCors(demo.name, demo.cors);
      if (!put.ok) throw new Error(`Seeding ${demo.name} failed: ${fromStorageError(put.error).error.message}`);
    }
    log(`seeded ${demo.name}: ${demo.lesson}`);
  }
  client.destroy();
}

/**
 * The embedded default: a real s3rver on a loopback port, its data in the data folder (so it
 * survives restarts), seeded with the demo buckets on first run.
 */
export async function startEmbeddedS3({ dataDir, port, appOrigins, log }: EmbeddedS3Options): Promise<EmbeddedS3> {
  const directory = join(dataDir, 's3rver');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const marker = join(dataDir, 'seeded-demo-buckets');
  if (!existsSync(marker)) {
    await seed(endpoint, appOrigins, log);
    await writeFile(marker, `${new Date().toISOString()}\n`);
  }
  const adapter = createS3Adapter({ endpoint, region: 'us-east-1', addressing: 'path', credentials: LOCAL_KEYS });
  return {
    endpoint,
    profile: {
      adapter,
      summary: {
        id: 'local',
        label: 'Local s3rver',
        kind: 's3',
        dialect: 's3rver',
        endpoint,
        region: 'us-east-1',
        embedded: true,
        capabilities: { ...adapter.capabilities },
      },
    },
    stop: () => server.close(),
  };
}
