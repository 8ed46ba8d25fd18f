import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, HttpRequest } from '@smithy/types';
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import type { StoreKeys } from './store-keys';

/**
 * AWS Signature Version 4, checked the way S3 checks it: the signature is computed again with
 * @smithy/signature-v4 (the AWS SDK's own signer) from the request as it arrived and the store's
 * secret, and compared in constant time. Nothing here implements the algorithm itself.
 * Spec: https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */

/** A request as the gate received it: raw (still encoded) path and query, lower-case header names. */
export interface ArrivedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string>;
}

/** S3's refusal codes for each way a signature can be wrong (same names, same 403). */
export type SignatureRefusal =
  | { code: 'AccessDenied'; message: string }
  | { code: 'InvalidAccessKeyId'; message: string }
  | { code: 'SignatureDoesNotMatch'; message: string }
  | { code: 'RequestTimeTooSkewed'; message: string }
  | { code: 'AuthorizationQueryParametersError'; message: string };

export type SignatureCheck = { signed: false } | { signed: true; ok: true } | { signed: true; ok: false; refusal: SignatureRefusal };

/** The SHA-256 the signer asks for, from node:crypto (what @smithy/hash-node does). */
export class NodeSha256 implements Checksum {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as ArrayBuffer));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {}
}

/** S3 refuses a header-signed request whose time is more than 15 minutes off. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const AUTH_QUERY = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token'];

const refused = (code: SignatureRefusal['code'], message: string): SignatureCheck => ({ signed: true, ok: false, refusal: { code, message } as SignatureRefusal });
const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/** `20261201T201500Z` → the instant, or null. */
export function parseAmzDate(value: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

/** `AKID/20261201/us-east-1/s3/aws4_request` → its parts, or null. */
export function parseCredential(value: string): { accessKeyId: string; day: string; region: string; service: string } | null {
  const m = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(value);
  return m ? { accessKeyId: m[1]!, day: m[2]!, region: m[3]!, service: m[4]! } : null;
}

/** The query as name → value(s), decoded once (the signer encodes them again, as the client did). */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const name = safeDecode(at < 0 ? part : part.slice(0, at));
    const value = at < 0 ? '' : safeDecode(part.slice(at + 1));
    const had = query[name];
    query[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return query;
}

/** Percent-decoded text, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameSignature(given: string, computed: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(computed);
  return a.length === b.length && timingSafeEqual(a, b);
}

function signerFor(keys: StoreKeys, region: string): SignatureV4 {
  // S3 signs the path as sent (already encoded once), hence no second escaping.
  return new SignatureV4({ credentials: keys, region, service: 's3', sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
}

function requestOf(arrived: ArrivedRequest, signedHeaders: string[], query: Record<string, string | string[]>): HttpRequest {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = arrived.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const host = arrived.headers.host ?? '';
  return { method: arrived.method, protocol: 'http:', hostname: host, path: arrived.rawPath, query, headers };
}

async function checkHeaderSignature(arrived: ArrivedRequest, keys: StoreKeys, now: Date): Promise<SignatureCheck> {
  const authorization = arrived.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim());
  if (!m) return refused('AccessDenied', 'Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted by this store.');
  const credential = parseCredential(m[1]!);
  if (!credential) return refused('AccessDenied', 'The Credential of the Authorization header is malformed.');
  if (credential.accessKeyId !== keys.accessKeyId) return refused('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const signingDate = parseAmzDate(arrived.headers['x-amz-date']);
  if (!signingDate) return refused('AccessDenied', 'AWS authentication requires a valid x-amz-date header.');
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS) return refused('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
  const signedHeaders = m[2]!.split(';');
  if (!signedHeaders.includes('host')) return refused('AccessDenied', 'The host header must be signed.');
  const request = requestOf(arrived, signedHeaders, parseQuery(arrived.rawQuery));
  const signed = await signerFor(keys, credential.region).sign(request, {
    signingDate,
    signingRegion: credential.region,
    signingService: credential.service,
    signableHeaders: new Set(signedHeaders),
  });
  const computed = /Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization))?.[1] ?? '';
  return sameSignature(m[3]!, computed) ? { signed: true, ok: true } : refused('SignatureDoesNotMatch', MISMATCH);
}

async function checkQuerySignature(arrived: ArrivedRequest, keys: StoreKeys, now: Date): Promise<SignatureCheck> {
  const query = parseQuery(arrived.rawQuery);
  const one = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? undefined : value;
  };
  if (one('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return refused('AuthorizationQueryParametersError', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  const credential = parseCredential(one('X-Amz-Credential') ?? '');
  const signingDate = parseAmzDate(one('X-Amz-Date'));
  const expires = Number(one('X-Amz-Expires'));
  const signature = one('X-Amz-Signature') ?? '';
  const signedHeaders = (one('X-Amz-SignedHeaders') ?? '').split(';');
  if (!credential || !signingDate || !Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS || !signedHeaders.includes('host')) {
    return refused('AuthorizationQueryParametersError', 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.');
  }
  if (credential.accessKeyId !== keys.accessKeyId) return refused('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (now.getTime() > signingDate.getTime() + expires * 1000) return refused('AccessDenied', 'Request has expired');
  if (signingDate.getTime() - now.getTime() > MAX_SKEW_MS) return refused('AccessDenied', 'Request is not valid yet');
  const unsigned = { ...query };
  delete unsigned['X-Amz-Signature'];
  const request = requestOf(arrived, signedHeaders, unsigned);
  // A presigned URL's payload is never hashed (S3's "UNSIGNED-PAYLOAD"); the header carries that
  // to the signer and is itself neither signed nor moved into the query.
  request.headers['x-amz-content-sha256'] = UNSIGNED_PAYLOAD;
  const presigned = await signerFor(keys, credential.region).presign(request, {
    signingDate,
    expiresIn: expires,
    signingRegion: credential.region,
    signingService: credential.service,
    signableHeaders: new Set(signedHeaders),
    unsignableHeaders: new Set(['x-amz-content-sha256']),
    unhoistableHeaders: new Set(Object.keys(request.headers)),
  });
  return sameSignature(signature, String(presigned.query?.['X-Amz-Signature'] ?? '')) ? { signed: true, ok: true } : refused('SignatureDoesNotMatch', MISMATCH);
}

/**
 * Whether a request carries a signature (Authorization header or presigned query), and if it
 * does, whether it is valid for the store's keys now. Unsigned is not a refusal here: the gate
 * decides what an anonymous caller may do.
 */
export async function checkRequestSignature(arrived: ArrivedRequest, keys: StoreKeys, now = new Date()): Promise<SignatureCheck> {
  const byHeader = arrived.headers.authorization !== undefined;
  const byQuery = /(^|&)X-Amz-(Algorithm|Signature|Credential)=/.test(arrived.rawQuery);
  if (byHeader && byQuery) return refused('AccessDenied', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified');
  if (byHeader) return checkHeaderSignature(arrived, keys, now);
  if (byQuery) return checkQuerySignature(arrived, keys, now);
  return { signed: false };
}

/** The raw query without the presigning parameters (the store behind the gate checks no signature). */
export function withoutAuthQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((part) => part && !AUTH_QUERY.includes(safeDecode(part.split('=')[0]!)))
    .join('&');
}

/** A browser form upload's signed policy (the fields S3's POST Object takes). */
export interface PostPolicyFields {
  policy?: string;
  algorithm?: string;
  credential?: string;
  date?: string;
  signature?: string;
}

/**
 * Checks a POST policy's signature: HMAC-SHA256 of the base64 policy with the SigV4 signing key,
 * computed by the signer's `sign(string)`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */
export async function checkPolicySignature(fields: PostPolicyFields, keys: StoreKeys): Promise<SignatureCheck> {
  if (!fields.policy && !fields.signature) return { signed: false };
  if (fields.algorithm !== 'AWS4-HMAC-SHA256') return refused('AccessDenied', 'Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted by this store.');
  const credential = parseCredential(fields.credential ?? '');
  const signingDate = parseAmzDate(fields.date);
  if (!credential || !signingDate || !fields.policy || !fields.signature) return refused('AccessDenied', 'Invalid according to Policy: the form lacks a policy, credential, date or signature.');
  if (credential.accessKeyId !== keys.accessKeyId) return refused('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const computed = await signerFor(keys, credential.region).sign(fields.policy, { signingDate, signingRegion: credential.region, signingService: credential.service });
  return sameSignature(fields.signature, computed) ? { signed: true, ok: true } : refused('SignatureDoesNotMatch', MISMATCH);
}
