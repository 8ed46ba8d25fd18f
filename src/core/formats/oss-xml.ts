import { xmlCodec } from './xml-cors';

/** Alibaba OSS PutBucketCors body: S3's elements without ID, plus a root `<ResponseVary>`. */
export const ossXml = xmlCodec({ label: 'OSS XML', ruleIds: false, responseVary: true });
