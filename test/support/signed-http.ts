import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
// The gate's own hash for the signer: the test signs as the server checks, with one implementation.
import { NodeSha256 } from '../../src/server/embedded/request-signature';

/** A raw HTTP answer: status, lowercased headers, body text. */
export interface RawResponse {
  status: number;
  /** Repeated lines joined with ", ", as Node joins them. */
  headers: Record<string, string>;
  /** Every header line as received, names lowercased: a repeated header stays two lines. */
  lines: Array<[name: string, value: string]>;
  body: string;
}

export interface SendOptions {
  /** A connection of its own, not one kept alive from an earlier request. */
  freshConnection?: boolean;
  /** Fails the request when no answer comes within this time. */
  timeoutMs?: number;
}

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Sends a request as written: no header added, none normalised (Origin case, empty values). */
export function sendRaw(url: string, method: string, headers: Record<string, string | undefined> = {}, body?: string, { freshConnection = false, timeoutMs }: SendOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const defined = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const req = httpRequest(url, { method, headers: defined, ...(freshConnection ? { agent: false } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const lines: Array<[string, string]> = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers: flat, lines, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    if (timeoutMs !== undefined) req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Anonymous, header-signed (SigV4 `Authorization`) and presigned requests to one S3 endpoint. */
export interface SignedHttp {
  anonymous(method: string, path: string, headers?: Record<string, string | undefined>, body?: string): Promise<RawResponse>;
  /** Signs every header given (Origin included), as the AWS SDK would. */
  signed(method: string, path: string, headers?: Record<string, string>, body?: string): Promise<RawResponse>;
  /** A presigned URL (`X-Amz-Signature` in the query, no Authorization header). */
  presign(method: string, path: string, expiresSeconds?: number): Promise<string>;
}

export function signedHttp(endpoint: string, keys: AccessKeys, region = 'us-east-1'): SignedHttp {
  const signer = new SignatureV4({ credentials: keys, region, service: 's3', sha256: NodeSha256, uriEscapePath: false, applyChecksum: true });
  // The SDK's own presigner: S3 query signing signs UNSIGNED-PAYLOAD, not the body's hash.
  const presigner = new S3RequestPresigner({ credentials: keys, region, sha256: NodeSha256 });
  const base = new URL(endpoint);
  const toRequest = (method: string, path: string, headers: Record<string, string>, body?: string) => {
    const url = new URL(path, base);
    return {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host, ...headers },
      ...(body !== undefined ? { body } : {}),
    };
  };
  return {
    anonymous: (method, path, headers, body) => sendRaw(new URL(path, base).toString(), method, headers, body),
    signed: async (method, path, headers = {}, body) => {
      const payloadHash = createHash('sha256').update(body ?? '').digest('hex');
      const signed = await signer.sign(toRequest(method, path, { ...headers, 'x-amz-content-sha256': payloadHash }, body));
      return sendRaw(new URL(path, base).toString(), method, signed.headers, body);
    },
    presign: async (method, path, expiresSeconds = 600) => {
      const presigned = await presigner.presign(toRequest(method, path, {}), { expiresIn: expiresSeconds });
      const url = new URL(path, base);
      url.search = new URLSearchParams(presigned.query as Record<string, string>).toString();
      return url.toString();
    },
  };
}
