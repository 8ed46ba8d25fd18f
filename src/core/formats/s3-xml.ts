import { xmlCodec } from './xml-cors';

/** The S3 PutBucketCors body; also what MinIO, Ceph RGW, R2's S3 API and s3rver take. */
export const s3Xml = xmlCodec({
  label: 'S3 XML',
  namespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
  ruleIds: true,
  responseVary: false,
});
