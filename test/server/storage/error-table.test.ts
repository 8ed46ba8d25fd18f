import { describe, expect, it } from 'vitest';
import { classify, STORAGE_CODE, unreachableCodeIn, type ThrownFacts } from '../../../src/server/storage/error-table';

describe('the storage error table', () => {
  it.each<{ facts: Omit<ThrownFacts, 'detail'>; failure: string }>([
    { facts: { transportCode: 'ECONNREFUSED' }, failure: 'unreachable' },
    { facts: { transportCode: 'ENOTFOUND' }, failure: 'unreachable' },
    { facts: { transportCode: 'CERT_NOT_YET_VALID' }, failure: 'unreachable' },
    { facts: { transportCode: 'ESOCKETTIMEDOUT' }, failure: 'timeout' },
    { facts: { providerCode: 'TimeoutError' }, failure: 'timeout' },
    { facts: { providerCode: 'RequestTimeout', providerStatus: 400 }, failure: 'timeout' },
    { facts: { transport: 'unreachable' }, failure: 'unreachable' },
    { facts: { transport: 'timeout', transportCode: 'ECONNRESET' }, failure: 'timeout' },
    { facts: { transportCode: 'ECONNRESET', providerCode: 'TimeoutError' }, failure: 'unreachable' },
    { facts: { providerCode: 'NoSuchBucket', providerStatus: 404 }, failure: 'not-found' },
    { facts: { providerCode: 'NotFound', providerStatus: 404 }, failure: 'not-found' },
    { facts: { providerCode: 'AccessDenied', providerStatus: 403 }, failure: 'access-denied' },
    { facts: { providerCode: 'SignatureDoesNotMatch', providerStatus: 403 }, failure: 'access-denied' },
    { facts: { providerCode: 'InvalidAccessKeyId', providerStatus: 403 }, failure: 'access-denied' },
    { facts: { providerCode: 'CredentialsProviderError' }, failure: 'no-credentials' },
    { facts: { providerCode: 'NotImplemented', providerStatus: 501 }, failure: 'not-supported' },
    { facts: { providerCode: 'MalformedXML', providerStatus: 400 }, failure: 'provider-error' },
    { facts: { providerStatus: 405 }, failure: 'provider-error' },
    { facts: { transportCode: 'ERR_SOMETHING_ELSE' }, failure: 'provider-error' },
  ])('classifies $facts as $failure', ({ facts, failure }) => {
    expect(classify({ ...facts, detail: '' })).toBe(failure);
  });

  it('reports a missing credential as access denied, the kind the API knows', () => {
    expect(STORAGE_CODE['no-credentials']).toBe('access-denied');
  });

  it.each([
    { text: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' },
    { text: 'getaddrinfo ENOTFOUND oss-cn-nowhere.aliyuncs.com', code: 'ENOTFOUND' },
    { text: 'certificate has expired (CERT_HAS_EXPIRED)', code: 'CERT_HAS_EXPIRED' },
    { text: 'ResponseTimeoutError: Response timeout for 60000ms', code: undefined },
  ])('finds $code in a message that only names it ("$text")', ({ text, code }) => {
    expect(unreachableCodeIn(text)).toBe(code);
  });
});
