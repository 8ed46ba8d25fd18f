import { describe, expect, it } from 'vitest';
import type { ProbeExchange, TestRequest } from '../../../../src/contract/api';
import { evaluate, type CorsConfig } from '../../../../src/core';
import type { FetchOutcome } from '../../../../src/web/lib/browser-fetch';
import { diagnose } from '../../../../src/web/features/test-pane/diagnose';
import { compareRoutes, type DiagnosedRun } from '../../../../src/web/features/test-pane/route-comparison';
import { DEFAULT_REQUEST, requestFormSchema, targetsOf } from '../../../../src/web/features/test-pane/request-form';
import { formStorageKey, loadRequestForm } from '../../../../src/web/features/test-pane/form-storage';
import { predictFor, type TestRun } from '../../../../src/web/features/test-pane/run-test';
import type { ProbeTarget } from '../../../../src/contract/api';
import { rule } from '../../../support/builders';

// Issue 19: the same request through the bucket's endpoint and through its public URL (a CDN or
// cache in front of it). The rules are the same both ways, so a difference is the cache's doing.

const APP = 'https://app.example.com';
const CONFIG: CorsConfig = { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })] };
const REQUEST: TestRequest = { key: 'photo.png', method: 'GET', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'scratch' };

function exchange(headers: Record<string, string>, status = 200): ProbeExchange {
  return { request: { method: 'GET', url: 'http://x/photo.png', headers: { Origin: APP } }, response: { status, headers, bodyBytes: 0, bodyPreview: '' }, timing: { totalMs: 1 }, prediction: evaluate(CONFIG, { method: 'GET', headers: { Origin: APP } }), matchesPrediction: true };
}

function diagnosed(through: ProbeTarget, answered: Record<string, string>, browser: FetchOutcome): DiagnosedRun {
  const url = through === 'endpoint' ? 'http://127.0.0.1:9000/b/photo.png' : 'http://cdn.example.com/b/photo.png';
  const run: TestRun = {
    request: REQUEST,
    through,
    origin: APP,
    url,
    browser,
    probe: { dialect: 's3', objectUrl: url, target: through, predictedWith: { config: CONFIG, version: 'v1' }, actual: exchange(answered) },
    prediction: { saved: predictFor(CONFIG, REQUEST, APP, 's3', url) },
  };
  return { run, diagnosis: diagnose(run, CONFIG) };
}

const readable: FetchOutcome = { readable: true, status: 200, readableHeaders: {}, bodyBytes: 1, ms: 2 };
const refused: FetchOutcome = { readable: false, error: 'TypeError: Failed to fetch', ms: 2 };
const allowedAnswer = { 'access-control-allow-origin': APP, vary: 'Origin' };

describe('compareRoutes', () => {
  it('names a verdict that differs: the endpoint allows, the cache replays an answer without Access-Control-Allow-Origin', () => {
    const comparison = compareRoutes([diagnosed('endpoint', allowedAnswer, readable), diagnosed('public', { age: '12', 'x-varnish': '32770 3', via: '1.1 varnish (Varnish/7.1)' }, refused)]);
    expect(comparison.verdictsDiffer).toBe(true);
    expect(comparison.headersDiffer).toBe(false);
    expect(comparison.routes.map((route) => [route.through, route.level, route.allowOrigin])).toEqual([
      ['endpoint', 'allowed', [APP]],
      ['public', 'blocked', []],
    ]);
    expect(comparison.routes[1]!.signs).toMatchObject({ kind: 'varnish', hit: true, ageSeconds: 12 });
    expect(comparison.routes[0]!.signs?.signs).toEqual([]);
  });

  it('names CORS headers that differ under the same verdict (a CDN adding its own Access-Control-Allow-Origin), but not a Vary or a cache header it adds', () => {
    const added = compareRoutes([diagnosed('endpoint', allowedAnswer, readable), diagnosed('public', { ...allowedAnswer, 'access-control-allow-methods': 'GET, PUT' }, readable)]);
    expect(added).toMatchObject({ verdictsDiffer: false, headersDiffer: true });
    const same = compareRoutes([diagnosed('endpoint', allowedAnswer, readable), diagnosed('public', { ...allowedAnswer, vary: 'Origin, Accept-Encoding', age: '3', 'x-cache': 'Hit from cloudfront' }, readable)]);
    expect(same).toMatchObject({ verdictsDiffer: false, headersDiffer: false });
    expect(same.routes[1]!.signs?.kind).toBe('cloudfront');
  });

  it('reads a route with no answer as no status and no Access-Control-Allow-Origin', () => {
    const noAnswer = diagnosed('public', {}, refused);
    const run = { ...noAnswer.run, probe: { ...noAnswer.run.probe, actual: { ...exchange({}), response: null, error: { code: 'provider-unreachable' as const, transportCode: 'ECONNREFUSED' } } } };
    const comparison = compareRoutes([diagnosed('endpoint', allowedAnswer, readable), { run, diagnosis: diagnose(run, CONFIG) }]);
    expect(comparison.routes[1]).toMatchObject({ status: null, allowOrigin: [], signs: null });
  });
});

describe('Where the request goes', () => {
  it('runs the endpoint, the public URL, or both in that order; without a public URL, the endpoint whatever the form kept', () => {
    expect(targetsOf('endpoint', true)).toEqual(['endpoint']);
    expect(targetsOf('public', true)).toEqual(['public']);
    expect(targetsOf('both', true)).toEqual(['endpoint', 'public']);
    expect(targetsOf('both', false)).toEqual(['endpoint']);
    expect(targetsOf('public', false)).toEqual(['endpoint']);
  });

  it('refuses a presigned request through the public URL at the Signed URL field, and leaves the route out of the request sent', () => {
    const refusedForm = requestFormSchema.safeParse({ ...DEFAULT_REQUEST, signed: true, via: 'both' });
    expect(refusedForm.success).toBe(false);
    expect(refusedForm.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['signed', "A presigned URL belongs to the bucket's endpoint: a CDN would cache it or refuse a signature made for another host. Untick it, or send the request to the endpoint only."],
    ]);
    const accepted = requestFormSchema.parse({ ...DEFAULT_REQUEST, signed: true, via: 'endpoint' });
    expect(accepted.signed).toBe(true);
    expect('via' in requestFormSchema.parse({ ...DEFAULT_REQUEST, via: 'public' })).toBe(false);
  });

  it('reads a form kept before the public URL existed as going to the endpoint', () => {
    const older: Record<string, unknown> = { ...DEFAULT_REQUEST, key: 'kept.txt' };
    delete older['via'];
    window.localStorage.setItem(formStorageKey('p', 'b'), JSON.stringify(older));
    expect(loadRequestForm('p', 'b')).toMatchObject({ key: 'kept.txt', via: 'endpoint' });
    window.localStorage.setItem(formStorageKey('p', 'b'), JSON.stringify({ ...DEFAULT_REQUEST, via: 'both' }));
    expect(loadRequestForm('p', 'b')?.via).toBe('both');
  });
});
