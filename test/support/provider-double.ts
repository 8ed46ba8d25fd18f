import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';

/** One request as the double received it; header names are lower-case (Node's parsing). */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/?cors`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface DoubleReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Answers one request; may wait, to stand in for a service that is slow to answer. */
export type DoubleHandler = (request: RecordedRequest) => DoubleReply | Promise<DoubleReply>;

/**
 * A loopback HTTP server standing in for a storage provider: it records every request and
 * answers from the handler the current test sets.
 */
export interface ProviderDouble {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  requests: RecordedRequest[];
  /** Sets the handler for the requests that follow, and forgets the requests recorded so far. */
  reply(handler: DoubleHandler): void;
  stop(): Promise<void>;
}

/** Until a test says otherwise, the double answers like a provider that has no such operation. */
const unexpected: DoubleHandler = (request) => ({
  status: 501,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>No reply set for ${request.method} ${request.url}</Message></Error>`,
});

export async function startProviderDouble(): Promise<ProviderDouble> {
  const requests: RecordedRequest[] = [];
  let handler = unexpected;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded)).then((reply) => {
        if (res.destroyed) return;
        const body = reply.body ?? '';
        res.writeHead(reply.status, { 'content-length': String(Buffer.byteLength(body)), ...reply.headers });
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      handler = next;
      requests.length = 0;
    },
    stop: () =>
      new Promise((resolve, reject) => {
        // The SDKs keep connections alive; without this, close() would wait for them to idle out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** An origin on a loopback port nothing listens on, so connecting is refused at once. */
export async function refusedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return `http://127.0.0.1:${port}`;
}

/** How one provider's REST API names buckets and keys, for `serveBuckets`. */
export interface BucketProtocol {
  /** What follows the bucket name in a virtual-hosted `Host` (`.cos.ap-guangzhou.myqcloud.com`). */
  bucketHostSuffix: string;
  /** The access key id an `Authorization` header names. */
  keyIdOf(authorization: string): string | undefined;
}

export const OSS_PROTOCOL: BucketProtocol = {
  bucketHostSuffix: '.oss-cn-hangzhou.aliyuncs.com',
  keyIdOf: (authorization) => /^OSS ([^:]+):/.exec(authorization)?.[1],
};

export const COS_PROTOCOL: BucketProtocol = {
  bucketHostSuffix: '.cos.ap-guangzhou.myqcloud.com',
  keyIdOf: (authorization) => /(?:^|&)q-ak=([^&]+)/.exec(authorization)?.[1],
};

/**
 * The error document S3, OSS and COS all answer with: `<Error><Code>…</Code><Message>…</Message>`,
 * then what each provider adds (OSS: RequestId, HostId; COS: Resource, RequestId, TraceId).
 */
export function errorXml(code: string, message: string, extra: Record<string, string> = {}): string {
  const fields = { Code: code, Message: message, ...extra };
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<Error>', ...Object.entries(fields).map(([name, value]) => `  <${name}>${value}</${name}>`), '</Error>'].join('\n');
}

/** An XML answer, with the provider's own headers (its request id). */
export function xmlReply(status: number, body: string, headers: Record<string, string> = {}): DoubleReply {
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body };
}

export function errorDocument(status: number, code: string, message: string): DoubleReply {
  return xmlReply(status, errorXml(code, message));
}

/** The one request a call sent: fails the test if it sent none or several. */
export function onlyRequest(double: ProviderDouble): RecordedRequest {
  expect(double.requests).toHaveLength(1);
  return double.requests[0]!;
}

/** One double for the enclosing file or describe block: started before its tests, stopped after. */
export function useProviderDouble(): { readonly current: ProviderDouble } {
  const handle: { current?: ProviderDouble } = {};
  beforeAll(async () => {
    handle.current = await startProviderDouble();
  });
  afterAll(() => handle.current?.stop());
  return {
    get current() {
      if (!handle.current) throw new Error('The provider double is used before its beforeAll ran.');
      return handle.current;
    },
  };
}

/**
 * Makes the double a small stateful provider: buckets, and one CORS document per bucket kept as
 * sent (ListBuckets, GET/PUT/DELETE ?cors). It checks the key id, not the signature: the
 * per-provider tests check the exact signed request. Answers what the provider answers for an
 * unknown key, a missing bucket and a bucket without CORS.
 */
export function serveBuckets(double: ProviderDouble, protocol: BucketProtocol, keyId: string): { createBucket(name: string): void } {
  const buckets = new Map<string, { createdAt: string; cors: string | null }>();
  double.reply((request) => {
    if (protocol.keyIdOf(String(request.headers.authorization ?? '')) !== keyId) {
      return errorDocument(403, 'InvalidAccessKeyId', 'The access key id you provided does not exist in our records.');
    }
    const host = String(request.headers.host ?? '');
    const named = host.endsWith(protocol.bucketHostSuffix) ? host.slice(0, -protocol.bucketHostSuffix.length) : undefined;
    // Any other host is the service's (ListBuckets). ali-oss on an IP endpoint sends ListBuckets
    // with the bucket host of an empty bucket name (`Host: .oss-cn-hangzhou.aliyuncs.com`).
    if (!named && request.method === 'GET') {
      const entries = [...buckets].map(([name, { createdAt }]) => `<Bucket><Name>${name}</Name><CreationDate>${createdAt}</CreationDate></Bucket>`);
      return {
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body: `<ListAllMyBucketsResult><Owner><ID>1</ID><DisplayName>1</DisplayName></Owner><Buckets>${entries.join('')}</Buckets></ListAllMyBucketsResult>`,
      };
    }
    const bucket = named ? buckets.get(named) : undefined;
    if (!bucket) return errorDocument(404, 'NoSuchBucket', 'The specified bucket does not exist.');
    if (!request.url.startsWith('/?cors')) return errorDocument(501, 'NotImplemented', `No reply for ${request.method} ${request.url}`);
    switch (request.method) {
      case 'GET':
        return bucket.cors === null ? errorDocument(404, 'NoSuchCORSConfiguration', 'The CORS configuration does not exist.') : { status: 200, headers: { 'content-type': 'application/xml' }, body: bucket.cors };
      case 'PUT':
        bucket.cors = request.body;
        return { status: 200 };
      case 'DELETE':
        bucket.cors = null;
        return { status: 204 };
      default:
        return errorDocument(405, 'MethodNotAllowed', `${request.method} is not allowed on ?cors.`);
    }
  });
  return { createBucket: (name) => void buckets.set(name, { createdAt: new Date().toISOString(), cors: null }) };
}
