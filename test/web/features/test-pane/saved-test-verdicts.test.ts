import type { SavedTest } from '../../../../src/contract/api';
import { predictFor } from '../../../../src/web/features/test-pane/run-test';
import { judgeSavedTest, liveVerdict, predictedVerdict } from '../../../../src/web/features/test-pane/saved-test-verdicts';
import { rule } from '../../../support/builders';

const APP = 'https://app.example.com';
const test: SavedTest = { id: 'up', name: 'uploads', expect: 'allowed', request: { key: 'k', method: 'PUT', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: ['ETag'], target: 'scratch' } };

const level = (verdict: { level: string }) => verdict.level;
const CACHED = { maxAgeSeconds: 3000 };

describe('saved test verdicts', () => {
  it('counts a request allowed only when every header the app must read is readable, else allowed but broken', () => {
    const hidden = predictFor({ rules: [rule({ allowedMethods: ['PUT'], ...CACHED })] }, test.request, APP, 's3');
    const exposed = predictFor({ rules: [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'], ...CACHED })] }, test.request, APP, 's3');
    expect(predictedVerdict(hidden, ['ETag'], 's3')).toEqual({ level: 'broken', breakages: [{ code: 'header-unreadable', params: { headers: ['etag'] } }] });
    expect(level(predictedVerdict(hidden, ['Content-Type'], 's3'))).toBe('allowed');
    expect(level(predictedVerdict(exposed, ['ETag'], 's3'))).toBe('allowed');
    expect(level(liveVerdict({ readable: true, status: 200, readableHeaders: { 'content-type': 'text/plain' }, ms: 1 }, ['ETag']))).toBe('broken');
    expect(level(liveVerdict({ readable: true, status: 200, readableHeaders: { etag: '"x"' }, ms: 1 }, ['ETag']))).toBe('allowed');
    expect(level(liveVerdict({ readable: false, ms: 1 }, []))).toBe('blocked');
  });

  it('reads ExposeHeaders * as the core does: every header without credentials, a literal name with them (issue 13)', () => {
    const everything = { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'], exposeHeaders: ['*'], ...CACHED })] };
    expect(level(predictedVerdict(predictFor(everything, test.request, APP, 'rgw'), ['ETag'], 'rgw'))).toBe('allowed');
    const listed = { rules: [rule({ allowedMethods: ['GET'], exposeHeaders: ['*'] })] };
    const credentialed = { ...test.request, method: 'GET', credentials: 'include' } as const;
    expect(level(predictedVerdict(predictFor(listed, credentialed, APP, 's3rver'), ['Content-Type'], 's3rver'))).toBe('allowed');
    expect(level(predictedVerdict(predictFor(listed, credentialed, APP, 's3rver'), ['ETag'], 's3rver'))).toBe('broken');
  });

  it('passes only when the prediction and the browser both give the expected verdict; allowed but broken is not allowed', () => {
    const exposed = predictFor({ rules: [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'], ...CACHED })] }, test.request, APP, 's3');
    expect(judgeSavedTest(test, exposed, { readable: true, status: 200, readableHeaders: { etag: '"x"' }, ms: 1 }, 's3')).toMatchObject({ predicted: { level: 'allowed' }, live: { level: 'allowed' }, passed: true });
    expect(judgeSavedTest(test, exposed, { readable: false, ms: 1 }, 's3')).toMatchObject({ predicted: { level: 'allowed' }, live: { level: 'blocked' }, passed: false });
    expect(judgeSavedTest(test, exposed, { readable: true, status: 200, readableHeaders: {}, ms: 1 }, 's3')).toMatchObject({ live: { level: 'broken' }, passed: false });
    expect(judgeSavedTest({ ...test, expect: 'blocked' }, exposed, { readable: false, ms: 1 }, 's3')).toMatchObject({ passed: false });
    const uncached = predictFor({ rules: [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] }, test.request, APP, 's3');
    expect(judgeSavedTest(test, uncached, { readable: true, status: 200, readableHeaders: { etag: '"x"' }, ms: 1 }, 's3')).toMatchObject({
      predicted: { level: 'broken', breakages: [{ code: 'preflight-not-cached', params: { seconds: 5, maxAgeAnswered: false } }] },
      passed: false,
    });
  });
});
