import { describe, expect, it } from 'vitest';
import { compareConfigurations, type CorsConfig } from '../../src/core';
import { rule } from '../support/builders';

// Issue 20, item 4: the live configuration against a file, semantically: the four cases the
// `cors-console diff` exit codes rest on.

const APP = 'https://app.example.com';
const reads = rule({ id: 'reads', allowedOrigins: ['*'], allowedMethods: ['GET'] });
const uploads = rule({ id: 'uploads', allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });
const partner = rule({ id: 'partner', allowedOrigins: ['https://partner.example.org'], allowedMethods: ['GET'] });

describe('compareConfigurations', () => {
  it('identical: the same rules in the same order (spelling aside)', () => {
    const live: CorsConfig = { rules: [uploads, reads] };
    expect(compareConfigurations(live, { rules: [{ ...uploads }, { ...reads }] }, 's3')).toMatchObject({ verdict: 'identical', equivalent: true, edits: [], changedRequests: [] });
  });

  it('reordered without effect: rules for different origins swapped; no request fares differently', () => {
    const result = compareConfigurations({ rules: [uploads, partner] }, { rules: [partner, uploads] }, 's3');
    expect(result).toMatchObject({ verdict: 'reordered-without-effect', equivalent: true, changedRequests: [] });
    expect(result.edits.map((edit) => edit.code)).toEqual(['rule.moved']);
    expect(result.sampled).toBeGreaterThan(0);
  });

  it('reordered with effect: the catch-all * GET moved above the upload rule answers the app\'s GET with * and no ETag, named as a changed request', () => {
    const result = compareConfigurations({ rules: [uploads, reads] }, { rules: [reads, uploads] }, 's3');
    expect(result).toMatchObject({ verdict: 'reordered-with-effect', equivalent: false });
    expect(result.edits.every((edit) => edit.code === 'rule.moved')).toBe(true);
    const get = result.changedRequests.find((changed) => changed.request.origin === APP && changed.request.method === 'GET' && changed.request.credentials !== 'include');
    expect(get?.live.actualHeaders).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-expose-headers': 'ETag' });
    expect(get?.file.actualHeaders).toMatchObject({ 'access-control-allow-origin': '*' });
    expect(get?.file.actualHeaders?.['access-control-expose-headers']).toBeUndefined();
    // With cookies, the * answer is refused outright.
    const withCookies = result.changedRequests.find((changed) => changed.request.origin === APP && changed.request.method === 'GET' && changed.request.credentials === 'include');
    expect(withCookies).toMatchObject({ live: { allowed: true }, file: { allowed: false, blockedAt: 'wildcard-with-credentials' } });
  });

  it('changed: an expose header removed is an edit, with the requests whose readable headers change', () => {
    const result = compareConfigurations({ rules: [uploads] }, { rules: [{ ...uploads, exposeHeaders: [] }] }, 's3');
    expect(result).toMatchObject({ verdict: 'changed', equivalent: false });
    expect(result.edits).toEqual([{ code: 'rule.values-removed', params: { at: 0, id: 'uploads', field: 'exposeHeaders', values: ['ETag'] } }]);
    expect(result.changedRequests.length).toBeGreaterThan(0);
    expect(compareConfigurations({ rules: [uploads] }, null, 's3')).toMatchObject({ verdict: 'changed', edits: [{ code: 'config.emptied' }] });
  });
});
