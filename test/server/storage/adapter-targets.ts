import type { DocumentFormat } from '../../../src/core';
import type { StorageAdapter } from '../../../src/server/storage/adapter';
import { createCosAdapter } from '../../../src/server/storage/cos-adapter';
import { createOssAdapter } from '../../../src/server/storage/oss-adapter';
import { createS3Adapter } from '../../../src/server/storage/s3-adapter';
import { COS_PROTOCOL, OSS_PROTOCOL, serveBuckets, startProviderDouble, type BucketProtocol } from '../../support/provider-double';
import { startStorageBackend, type BackendName } from '../../support/storage-backends';

/** A key pair as every adapter takes one (S3 access key, OSS AccessKey, COS SecretId/SecretKey). */
export interface Keys {
  id: string;
  secret: string;
}

/** One adapter on one storage service, as the contract suite drives it. */
export interface AdapterTarget {
  /** The adapter on the service, with keys it knows. */
  adapter: StorageAdapter;
  /** The same adapter kind on any endpoint, with any keys and deadline. */
  build(endpoint: string, keys: Keys, timeoutMs: number): StorageAdapter;
  /** The service's own endpoint and keys. */
  endpoint: string;
  keys: Keys;
  /** A bucket name this service accepts, made from a short stem (unique on the shared RGW). */
  bucketName(stem: string): string;
  createBucket(name: string): Promise<void>;
  /** The format of the provider's own CORS document (`StoredCors.raw`). */
  format: DocumentFormat;
  /** The unsigned URL of an object, as a browser requests it from this service. */
  objectUrlOf(bucket: string, key: string): string;
  stop(): Promise<void>;
}

export interface TargetSpec {
  name: string;
  start(): Promise<AdapterTarget>;
}

const CONTRACT_TIMEOUT_MS = 5000;
const RUN = Date.now().toString(36);

function s3Target(backend: BackendName): TargetSpec {
  return {
    name: `S3 on ${backend}`,
    start: async () => {
      const service = await startStorageBackend(backend);
      const build = (endpoint: string, keys: Keys, timeoutMs: number) =>
        createS3Adapter({ endpoint, region: 'us-east-1', addressing: 'path', credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret }, timeoutMs });
      const keys = { id: service.keys.accessKeyId, secret: service.keys.secretAccessKey };
      return {
        adapter: build(service.endpoint, keys, CONTRACT_TIMEOUT_MS),
        build,
        endpoint: service.endpoint,
        keys,
        // The RGW peer is shared by every test file and run: names carry the file's and the run's.
        bucketName: (stem) => `adapter-contract-${stem}-${RUN}`,
        createBucket: (name) => service.createBucket(name),
        format: 's3-xml',
        objectUrlOf: (bucket, key) => `${service.endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
        stop: () => service.stop(),
      };
    },
  };
}

/** OSS and COS are not reachable from here: a loopback double keeps their buckets and documents. */
function doubleTarget(name: string, protocol: BucketProtocol, keys: Keys, options: Pick<AdapterTarget, 'bucketName' | 'format'>, build: AdapterTarget['build']): TargetSpec {
  return {
    name,
    start: async () => {
      const double = await startProviderDouble();
      const buckets = serveBuckets(double, protocol, keys.id);
      return {
        adapter: build(double.origin, keys, CONTRACT_TIMEOUT_MS),
        build,
        endpoint: double.origin,
        keys,
        ...options,
        createBucket: async (bucket) => buckets.createBucket(bucket),
        // With an IP endpoint, browsers are still sent to the bucket's regional host.
        objectUrlOf: (bucket, key) => `https://${bucket}${protocol.bucketHostSuffix}/${key.split('/').map(encodeURIComponent).join('/')}`,
        stop: () => double.stop(),
      };
    },
  };
}

export const ADAPTER_TARGETS: TargetSpec[] = [
  s3Target('s3rver'),
  s3Target('rgw'),
  doubleTarget(
    'OSS on its contract double',
    OSS_PROTOCOL,
    { id: 'LTAI5tContractKeyId01', secret: 'ContractOssSecretKey0001' },
    { bucketName: (stem) => `kit-${stem}`, format: 'oss-xml' },
    (endpoint, keys, timeoutMs) => createOssAdapter({ region: 'cn-hangzhou', endpoint, accessKeyId: keys.id, accessKeySecret: keys.secret, timeoutMs }),
  ),
  doubleTarget(
    'COS on its contract double',
    COS_PROTOCOL,
    { id: 'AKIDcontractSecretId000000000001', secret: 'ContractCosSecretKey0001' },
    // COS bucket names end with the account's APPID.
    { bucketName: (stem) => `kit-${stem}-1250000000`, format: 'cos-xml' },
    (endpoint, keys, timeoutMs) => createCosAdapter({ region: 'ap-guangzhou', endpoint, secretId: keys.id, secretKey: keys.secret, timeoutMs }),
  ),
];
