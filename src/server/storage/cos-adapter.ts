import COS from 'cos-nodejs-sdk-v5';
import type { CorsRule } from '../../core';
import type { BucketEntry, Capabilities, PresignOptions, StorageAdapter } from './adapter';
import { endpointUrl, isIpEndpoint } from './endpoint';
import type { ThrownFacts } from './error-table';
import { numberOf, storedCorsFrom, textOf } from './provider-answers';
import { adapterFrom } from './provider-kit';
import { fail, ok } from './result';

export interface CosAdapterOptions {
  /** `ap-guangzhou`. */
  region: string;
  secretId: string;
  secretKey: string;
  /**
   * `https://host[:port]`: buckets are addressed as `<bucket>.host` and buckets are listed at
   * `host`. An IP endpoint only says where to connect (the SDK's `Ip` option): requests still carry
   * and sign the regional host (`<bucket>.cos.<region>.myqcloud.com`), like ali-oss does for IPs.
   */
  endpoint?: string;
  timeoutMs?: number;
}

/** The Node SDK has no PostObject policy signer, so browser form uploads are not offered. */
const CAPABILITIES: Capabilities = { bucketCors: true, responseVary: true, presignedPost: false };

/** The SDK's own check: COS bucket names carry the APPID (`examplebucket-1250000000`). */
const BUCKET_NAME = /^[a-z\d-]+-\d+$/;

/** GetService's largest page. */
const PAGE_SIZE = 2000;

/** The SDK's default is no timeout at all; match ali-oss's 60 s so a dead endpoint cannot hang a request. */
const DEFAULT_TIMEOUT_MS = 60_000;

/** COS rules carry an `<ID>` (the core's `cos-xml` keeps it); the SDK's CORSRule type omits it. */
type CosRule = COS.CORSRule & { ID?: string };

export function createCosAdapter(options: CosAdapterOptions): StorageAdapter {
  const { region } = options;
  const endpoint = endpointOptions(options.endpoint);
  const cos = new COS({
    SecretId: options.secretId,
    SecretKey: options.secretKey,
    Timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...endpoint.connection,
  });

  return adapterFrom({
    capabilities: CAPABILITIES,
    provider: { kind: 'cos', endpoint: options.endpoint ?? `cos.${region}.myqcloud.com`, region },
    secrets: [options.secretKey, options.secretId],
    bucketNames: BUCKET_NAME,
    readError,
    operations: {
      listBuckets: async () => {
        const entries: BucketEntry[] = [];
        let marker: string | undefined;
        for (;;) {
          const page = await cos.getService(marker === undefined ? { MaxKeys: PAGE_SIZE } : { Marker: marker, MaxKeys: PAGE_SIZE });
          for (const bucket of page.Buckets) {
            entries.push({ name: bucket.Name, ...(bucket.CreationDate ? { createdAt: bucket.CreationDate } : {}) });
          }
          // The SDK drops IsTruncated/NextMarker; a full page means there may be more, and the
          // marker is the last name ("return buckets after this one", per the SDK's typings).
          const last = page.Buckets.at(-1)?.Name;
          if (page.Buckets.length < PAGE_SIZE || last === undefined || last === marker) return ok(entries);
          marker = last;
        }
      },

      getCors: async (bucket) => {
        // getBucketCors returns the rules re-shaped and no document, so the raw GET ?cors goes
        // through the SDK's generic signed request with RawBody: the XML is kept verbatim.
        const response = await cos.request({ Bucket: bucket, Region: region, Method: 'GET', Action: 'cors', RawBody: true });
        return storedCorsFrom(response.Body, 'cos-xml');
      },

      putCors: async (bucket, config) => {
        // The SDK builds (and escapes) the XML and computes Content-MD5 itself.
        await cos.putBucketCors({
          Bucket: bucket,
          Region: region,
          CORSRules: config.rules.map(toCosRule),
          // Always stated, so replacing a configuration also resets the switch (absent means false).
          ResponseVary: config.responseVary === true ? 'true' : 'false',
        });
        return ok(undefined);
      },

      deleteCors: async (bucket) => {
        await cos.deleteBucketCors({ Bucket: bucket, Region: region });
        return ok(undefined);
      },

      objectUrl: (bucket, key) => {
        const url: unknown = cos.getObjectUrl({ Bucket: bucket, Region: region, Key: key, Sign: false, ...endpoint.browser });
        if (typeof url !== 'string') return fail({ code: 'provider-error', params: { reason: 'no-url' } });
        return ok(new URL(url));
      },

      presign: async (bucket, key, presign) => ok(await signedUrl(cos, { Bucket: bucket, Region: region, Key: key, ...endpoint.browser }, presign)),

      // The COS Node SDK cannot sign a POST policy.
      presignPost: async () => fail({ code: 'not-supported', params: { reason: 'sdk-cannot-sign-post' } }),
    },
  });
}

/** The callback form of getObjectUrl, as a promise: it signs asynchronously and calls back with the URL. */
function signedUrl(cos: COS, target: Pick<COS.GetObjectUrlParams, 'Bucket' | 'Region' | 'Key' | 'Protocol'>, presign: PresignOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    cos.getObjectUrl(
      {
        ...target,
        Sign: true,
        // The SDK's types list no HEAD, but it signs whatever method it is given.
        Method: presign.method as COS.Method,
        Expires: presign.expiresSeconds,
        ...(presign.contentType !== undefined ? { Headers: { 'Content-Type': presign.contentType } } : {}),
      },
      (err, data) => (err ? reject(err) : resolve(data.Url)),
    );
  });
}

function toCosRule(rule: CorsRule): CosRule {
  return {
    ...(rule.id !== undefined ? { ID: rule.id } : {}),
    AllowedOrigin: rule.allowedOrigins,
    AllowedMethod: rule.allowedMethods,
    AllowedHeader: rule.allowedHeaders,
    ExposeHeader: rule.exposeHeaders,
    ...(rule.maxAgeSeconds !== undefined ? { MaxAgeSeconds: rule.maxAgeSeconds } : {}),
  };
}

interface EndpointOptions {
  connection: Pick<COS.COSOptions, 'Protocol' | 'Domain' | 'ServiceDomain' | 'Ip'>;
  /** For URLs handed to browsers, which never go to the IP the server connects to. */
  browser: Pick<COS.GetObjectUrlParams, 'Protocol'>;
}

function endpointOptions(endpoint: string | undefined): EndpointOptions {
  if (endpoint === undefined) return { connection: {}, browser: {} };
  const url = endpointUrl(endpoint);
  const Protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  if (isIpEndpoint(url)) {
    return { connection: { Protocol, Ip: url.host }, browser: { Protocol: 'https:' } };
  }
  return { connection: { Protocol, Domain: `{Bucket}.${url.host}`, ServiceDomain: url.host }, browser: {} };
}

/**
 * Reads what the COS SDK rejects with. Provider answers come as `{ code: <Code>, statusCode,
 * message: <Message> }` (code is the status digits when the body has no <Error>); network
 * failures (cos-request passes Node's errors through) and `request`'s connect and read timeouts
 * (`ETIMEDOUT`, `ESOCKETTIMEDOUT`) as Node's error `code` with no status.
 */
function readError(thrown: unknown): ThrownFacts {
  const code = textOf(thrown, 'code');
  const status = numberOf(thrown, 'statusCode');
  const detail = textOf(thrown, 'message') ?? String(thrown);
  if (status === undefined) return { ...(code !== undefined ? { transportCode: code } : {}), detail };
  const providerCode = code !== undefined && code !== String(status) ? code : undefined;
  return { ...(providerCode !== undefined ? { providerCode } : {}), providerStatus: status, detail };
}
