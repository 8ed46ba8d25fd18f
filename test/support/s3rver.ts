import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

import { sendRaw, type RawResponse } from './signed-http';

export type { RawResponse } from './signed-http';

/** A real s3rver listening on a loopback port, with its data in a temp folder. */
export interface LocalS3 {
  endpoint: string;
  port: number;
  request(method: string, path: string, headers?: Record<string, string | undefined>, body?: string): Promise<RawResponse>;
  createBucket(name: string): Promise<void>;
  putCors(bucket: string, xml: string): Promise<RawResponse>;
  putObject(bucket: string, key: string, body: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalS3(): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'cors-console-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;

  const request: LocalS3['request'] = (method, path, headers = {}, body) => sendRaw(`${endpoint}${path}`, method, headers, body);

  const expectOk = async (what: string, response: Promise<RawResponse>) => {
    const r = await response;
    if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${r.body}`);
    return r;
  };

  return {
    endpoint,
    port: address.port,
    request,
    createBucket: async (name) => void (await expectOk(`create bucket ${name}`, request('PUT', `/${name}`))),
    putCors: (bucket, xml) => request('PUT', `/${bucket}?cors`, { 'content-type': 'application/xml' }, xml),
    putObject: async (bucket, key, body) =>
      void (await expectOk(`put ${bucket}/${key}`, request('PUT', `/${bucket}/${key}`, { 'content-type': 'text/plain' }, body))),
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
