import { describe, expect, it } from 'vitest';
import type { ApiErrorCode, ApiErrorParams, StorageProvider } from '../../../src/contract/api';
import { messageOf } from '../../../src/server/http/error-messages';

// The English of the API's errors is made here from codes and values; these pin the wording
// (the storage layer and the routes are tested on codes and params).

const S3: StorageProvider = { kind: 's3-api' };
const OSS: StorageProvider = { kind: 'oss', endpoint: 'oss-cn-hangzhou.aliyuncs.com', region: 'oss-cn-hangzhou' };
const COS: StorageProvider = { kind: 'cos', endpoint: 'cos.ap-guangzhou.myqcloud.com', region: 'ap-guangzhou' };
const readCors = { call: 'read-cors', bucket: 'b1' } as const;

type Case = { [C in ApiErrorCode]: [string, C, ApiErrorParams<C>, string] }[ApiErrorCode];

const cases: Case[] = [
  ['an S3-API store that does not answer', 'provider-unreachable', { reason: 'no-answer', call: readCors, provider: S3, transportCode: 'ECONNREFUSED' },
    'Could not read the CORS configuration of b1: the storage endpoint did not answer (ECONNREFUSED). Check the endpoint and that the service is running.'],
  ['OSS not answering', 'provider-unreachable', { reason: 'no-answer', call: { call: 'list-buckets' }, provider: OSS },
    'Could not reach OSS at oss-cn-hangzhou.aliyuncs.com to list buckets. Check the endpoint and region, and that this server can connect to it.'],
  ['COS answering too late', 'provider-timeout', { reason: 'no-answer-in-time', call: { call: 'write-cors', bucket: 'b1-125' }, provider: COS },
    'COS (cos.ap-guangzhou.myqcloud.com) did not answer in time when asked to write the CORS configuration of b1-125. Check the network path to it, or allow a longer timeout.'],
  ['an S3-API store without the bucket', 'bucket-not-found', { reason: 'no-such-bucket', call: { call: 'delete-cors', bucket: 'gone' }, provider: S3, providerCode: 'NoSuchBucket' },
    'Could not delete the CORS configuration of gone: the bucket does not exist.'],
  ['OSS without the bucket', 'bucket-not-found', { reason: 'no-such-bucket', call: readCors, provider: OSS },
    'Could not read the CORS configuration of b1: OSS has no such bucket. Check the name, and that the bucket is in oss-cn-hangzhou.'],
  ['refused credentials, quoting the provider', 'provider-access-denied', { reason: 'credentials-refused', call: readCors, provider: OSS, providerCode: 'InvalidAccessKeyId', providerMessage: 'The OSS Access Key Id you provided does not exist in our records.' },
    'Could not read the CORS configuration of b1: OSS refused the credentials (InvalidAccessKeyId: The OSS Access Key Id you provided does not exist in our records.). Check the access key, and that its RAM policy or the bucket policy allows this.'],
  ['no credentials at all', 'provider-access-denied', { reason: 'no-credentials', call: { call: 'list-buckets' }, provider: S3, providerMessage: 'Could not load credentials from any providers' },
    'Could not list buckets: no credentials were found for this profile (Could not load credentials from any providers).'],
  ['a store without per-bucket CORS', 'not-supported', { reason: 'not-implemented', call: readCors, provider: S3, providerCode: 'NotImplemented' },
    'Could not read the CORS configuration of b1: the provider does not implement it (NotImplemented).'],
  ['an SDK that cannot sign a form upload', 'not-supported', { reason: 'sdk-cannot-sign-post', call: { call: 'sign-post', bucket: 'b1-125', key: 'k' }, provider: COS },
    'Browser form uploads (POST with a signed policy) are not available for COS profiles: its Node SDK cannot sign a POST policy.'],
  ['an error answer with status, quoting the provider', 'provider-error', { reason: 'error-answer', call: readCors, provider: COS, providerCode: 'ServiceUnavailable', providerStatus: 503, providerMessage: 'Please reduce your request rate.' },
    'Could not read the CORS configuration of b1: COS answered ServiceUnavailable (HTTP 503): Please reduce your request rate.'],
  ['an S3-API error answer', 'provider-error', { reason: 'error-answer', call: { call: 'write-cors', bucket: 'b1' }, provider: S3, providerCode: 'MalformedXML', providerStatus: 400, providerMessage: 'The XML you provided was not well-formed.' },
    'Could not write the CORS configuration of b1: The XML you provided was not well-formed. (MalformedXML).'],
  ['a name COS cannot have', 'provider-error', { reason: 'invalid-bucket-name', call: readCors, provider: COS, bucket: 'examplebucket' },
    '"examplebucket" is not a COS bucket name: COS names end with the APPID, as in examplebucket-1250000000.'],
  ['a stored document the core cannot read', 'provider-error', { reason: 'unreadable-cors-document', call: readCors, provider: OSS, first: { severity: 'error', code: 'method.unsupported', params: { value: 'PATCH' }, path: [] } },
    expect.stringMatching(/^Could not read the CORS configuration of b1: OSS returned a CORS document the console cannot read: .*PATCH/) as unknown as string],
  ['a key that leaves the bucket', 'provider-error', { reason: 'key-outside-bucket', call: { call: 'build-url', bucket: 'b1', key: '../x' }, provider: S3 },
    'Object key "../x" does not stay inside bucket b1.'],
  ['a body field of the wrong kind', 'bad-request', { reason: 'body-shape', field: 'config.rules.0.maxAgeSeconds', misfit: { kind: 'wrong-type', expected: 'number' } },
    'The request body does not fit the API. config.rules.0.maxAgeSeconds: Expected number.'],
  ['a body breaking one of the API checks', 'bad-request', { reason: 'body-shape', field: 'key', misfit: { kind: 'broken-rule', rule: 'key-too-long', limit: 1024 } },
    'The request body does not fit the API. key: Object keys are at most 1024 bytes.'],
  ['a key the adapter cannot address', 'bad-request', { reason: 'key-unaddressable', key: 'a/../b', bucket: 'b1', cause: 'key-outside-bucket' },
    'Cannot address "a/../b" in bucket b1: the key does not stay inside the bucket.'],
  ['a key the SDK refuses, quoting it', 'bad-request', { reason: 'key-unaddressable', key: 'k', bucket: 'b1', cause: 'sdk-refused', providerMessage: 'bad key' },
    'Cannot address "k" in bucket b1: the provider\'s SDK refused it (bad key).'],
];

describe('the API error catalogue', () => {
  it.each(cases)('says %s in English', (_name, code, params, english) => {
    expect(messageOf(code, params)).toEqual(english);
  });
});
