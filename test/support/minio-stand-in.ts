import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * A stand-in for MinIO community over real HTTP: it lists one bucket, `minio-bucket`, and answers
 * NotImplemented (501) to every `?cors` request, as MinIO does (no per-bucket CORS).
 */
export async function startMinioStandIn(): Promise<StandIn> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/xml');
    if (req.url?.includes('cors')) {
      res.statusCode = 501;
      res.end('<?xml version="1.0"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>');
      return;
    }
    res.end('<?xml version="1.0"?><ListAllMyBucketsResult><Owner><ID>x</ID></Owner><Buckets><Bucket><Name>minio-bucket</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
