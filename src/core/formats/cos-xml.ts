import { xmlCodec } from './xml-cors';

/** Tencent COS PUT Bucket cors body: S3's elements including ID, plus a root `<ResponseVary>`. */
export const cosXml = xmlCodec({ label: 'COS XML', ruleIds: true, responseVary: true });
