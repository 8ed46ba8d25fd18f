import type { DialectProfile } from './dialect';
import { s3 } from './s3';

// Facts from shared/design/providers.md (Ceph RGW, measured, has its own file: rgw.ts). Where a provider's behaviour is not documented, the
// dialect inherits from 's3' (spread first) and the comment says so.

/** Alibaba Cloud OSS. Response shaping is undocumented beyond "echoes the Origin": inherited from S3. */
export const oss: DialectProfile = {
  ...s3,
  id: 'oss',
  label: 'Alibaba Cloud OSS',
  // 10 rules (GetBucketCors doc); document size not documented, S3's 64 KB kept.
  limits: { ...s3.limits, maxRules: 10, maxIdLength: null },
  validation: {
    ...s3.validation,
    rejectsExposeWildcard: true, // OSS error 0034-00000013 for `x-oss-*`
    exposeForbiddenChars: `<>&'"`,
    hasRuleIds: false,
  },
  // OSS XML is S3's without rule IDs and with ResponseVary.
  documents: { native: 'oss-xml', offered: ['oss-xml', 's3-xml', 'aws-json'], exported: 'oss-xml' },
  supportsResponseVary: true,
  // The OSS console recommends exposing ETag and x-oss-request-id.
  suggestedExposeHeaders: ['ETag', 'x-oss-request-id'],
};

/** Tencent Cloud COS. Response shaping inherited from S3 (its OPTIONS doc: echoes the origin). */
export const cos: DialectProfile = {
  ...s3,
  id: 'cos',
  label: 'Tencent Cloud COS',
  limits: { ...s3.limits, maxRules: 100, maxDocumentBytes: 64 * 1024 }, // PUT Bucket cors doc
  validation: { ...s3.validation, rejectsExposeWildcard: true },
  documents: { native: 'cos-xml', offered: ['cos-xml', 's3-xml', 'aws-json'], exported: 'cos-xml' },
  supportsResponseVary: true,
  suggestedExposeHeaders: ['ETag', 'x-cos-request-id'],
};

/** MinIO. AIStor follows S3 semantics; the community edition has no per-bucket CORS. */
export const minio: DialectProfile = { ...s3, id: 'minio', label: 'MinIO', supportsBucketCors: false };

/** Cloudflare R2. Rule limit undocumented (S3's 100 kept); max-age capped at 86400. */
export const r2: DialectProfile = {
  ...s3,
  id: 'r2',
  label: 'Cloudflare R2',
  limits: { ...s3.limits, maxAgeSeconds: 86_400 },
  // `http://localhost:*` is answered with 400 MalformedXML (cloudflare-docs#32888).
  validation: { ...s3.validation, rejectsPortWildcard: true },
  // R2 takes S3 XML through its S3 API; its dashboard and wrangler take its own JSON.
  documents: { ...s3.documents, exported: 'r2-json' },
  // R2 documents no request-id response header, so only ETag is suggested.
  suggestedExposeHeaders: ['ETag'],
};
