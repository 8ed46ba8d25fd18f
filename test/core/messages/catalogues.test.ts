import { describe, expect, it } from 'vitest';
import {
  blockText,
  classifyBrowserRequest,
  conversionLosses,
  evaluate,
  explanationText,
  fixChangeText,
  insertEffectively,
  issueText,
  parseCorsDocument,
  predictBrowserFetch,
  requestReasonsText,
  ruleReasonText,
  strictestFixFor,
  summaryText,
  validateConfig,
  wizardErrorText,
  type CorsConfig,
  type CorsRule,
} from '../../../src/core';
import { rule } from '../../support/builders';

// The English wording of the core's catalogues, pinned for a few codes of each: everything else
// asserts codes and params, so these are where a change of wording shows.
const APP = 'https://app.example.com';
const one = (partial: Partial<CorsRule>): CorsConfig => ({ rules: [rule(partial)] });
const texts = (config: CorsConfig, dialect: Parameters<typeof validateConfig>[1] = 's3') => validateConfig(config, dialect).map(issueText);

describe('the issue catalogue', () => {
  it('names the value and suggests the fix', () => {
    expect(texts(one({ allowedOrigins: ['www.a.com'] }))).toEqual([
      { message: 'Origin needs a protocol: https://www.a.com', hint: 'Browsers send scheme://host[:port]; an origin without a scheme never matches.' },
    ]);
    expect(texts(one({ allowedOrigins: ['https://app.example.com/'] }))).toEqual([
      { message: 'Origin "https://app.example.com/" ends with "/", so it never matches.', hint: 'Browsers send origins without a trailing slash: use https://app.example.com.' },
    ]);
  });

  it("uses S3's own wording where S3 has one, and the console's elsewhere", () => {
    const many = { rules: Array.from({ length: 101 }, (_, i) => rule({ allowedOrigins: [`https://app${i}.example.com`] })) };
    expect(texts(many)[0]?.message).toBe('The number of CORS rules should not exceed allowed limit of 100 rules.');
    expect(texts({ rules: many.rules.slice(0, 11) }, 'oss')[0]?.message).toBe('Alibaba Cloud OSS allows at most 10 rules; this configuration has 11.');
    expect(texts(one({ allowedMethods: ['GET', 'OPTIONS' as never] }))[0]?.message).toBe('Found unsupported HTTP method in CORS config. Unsupported method is OPTIONS');
  });

  it('words shadowing, conversion losses and parse errors', () => {
    const twins = { rules: [rule({}), rule({ id: 'copy' })] };
    expect(texts(twins)).toContainEqual({ message: 'Rule 2 (copy) never matches: it is identical to rule 1, which comes first.', hint: 'Remove the duplicate.' });
    const etag = { rules: [rule({ id: 'everyone', allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }), rule({ id: 'uploads', allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] })] };
    expect(texts(etag, 's3rver')).toContainEqual({
      message:
        'Rule 1 (everyone) takes requests that rule 2 (uploads) was written for (PUT from https://app.example.com): the browser blocks some of them; script cannot read ETag. Rule 2 (uploads) answers no request at all.',
    });
    const [merged] = conversionLosses(one({ allowedHeaders: ['Content-Type'], exposeHeaders: ['ETag', 'x-goog-hash'] }), 'gcs-json');
    expect(issueText(merged!).message).toBe(
      'Rule 1: GCS JSON has one responseHeader list for allowed and exposed headers, so Content-Type also becomes exposed and ETag, x-goog-hash also become allowed.',
    );
    const parsed = parseCorsDocument('{"CORSRules": [{"AllowedOrigins": ["*"], "AllowedMethods": 5}]}', 'aws-json');
    expect(parsed.issues.map((i) => issueText(i).message)).toContain('Rule 1: AllowedMethods must be a list of strings, not 5.');
  });
});

describe('the decision catalogue', () => {
  const config = { rules: [rule({ allowedOrigins: ['https://other.example'] }), rule({ id: 'app', allowedMethods: ['GET', 'PUT'] })] };

  it('words each rule reason and the summary', () => {
    const decision = evaluate(config, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'PUT' } });
    expect(decision.reasons.map(ruleReasonText)).toEqual([
      'Rule 1 does not match: origin https://app.example.com is not listed (allowed: https://other.example); method PUT is not allowed (allowed: GET).',
      'Rule 2 (app) matches: origin https://app.example.com matches https://app.example.com; method PUT is allowed; no request headers asked for.',
    ]);
    expect(summaryText(decision.summary)).toBe('Rule 2 (app) allows the preflight (200).');
    const refused = evaluate(config, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'x-a' } });
    expect(summaryText(refused.summary)).toBe('No rule allows DELETE from https://app.example.com with headers x-a, so the preflight is refused and the browser blocks the request.');
  });

  it('words why the browser preflights and why it blocks', () => {
    expect(requestReasonsText(classifyBrowserRequest({ method: 'patch', headers: { 'Content-Type': 'application/json' } }).reasons)).toBe(
      'patch is not a CORS-safelisted method (GET, HEAD, POST), so the browser sends a preflight first; fetch() sends it as written (it upper-cases only DELETE, GET, HEAD, OPTIONS, POST, PUT) and Access-Control-Allow-Methods must match it exactly. ' +
        'Content-Type application/json is not one of the three safelisted types (application/x-www-form-urlencoded, multipart/form-data, text/plain).',
    );
    const blocked = predictBrowserFetch(config, { origin: APP, method: 'DELETE' });
    // The provider's own text (with AWS's typo "evalution") is never the reason: it is quoted apart.
    expect(blockText(blocked.blockedBy!)).toBe('The provider refuses the preflight with 403 AccessForbidden.');
  });
});

describe('the wizard catalogue', () => {
  it('words a fix, its explanations and its refusals', () => {
    const fix = strictestFixFor(one({ id: 'reads' }), { origin: 'https://other.example.com', method: 'GET' });
    if (!fix.ok) throw new Error(fix.error.code);
    expect(fixChangeText(fix.change)).toBe('Add origin https://other.example.com to rule 1 (reads).');
    expect(fix.explanations.map(explanationText)).toContain('https://other.example.com added because the page is served from there and rule 1 (reads) does not list it.');
    const refused = strictestFixFor(one({}), { origin: APP, method: 'PATCH' });
    expect(!refused.ok && wizardErrorText(refused.error)).toBe('No CORS rule can allow PATCH: bucket CORS rules allow only GET, PUT, POST, DELETE and HEAD.');
  });

  it('words why a request fails with the verdict levels of the test pane: allowed but broken for the app, or blocked', () => {
    const hidden = strictestFixFor(one({ allowedMethods: ['PUT'] }), { origin: APP, method: 'PUT', needsReadableHeaders: ['ETag'] });
    if (!hidden.ok) throw new Error(hidden.error.code);
    expect(explanationText(hidden.explanations[0]!)).toBe(
      'Allowed, but broken for the app. The app gets null for ETag, so a multipart upload cannot complete (each part\'s ETag is needed) and integrity checks fail.',
    );
    const blocked = strictestFixFor(one({ allowedMethods: ['GET'] }), { origin: APP, method: 'PUT' });
    if (!blocked.ok) throw new Error(blocked.error.code);
    expect(explanationText(blocked.explanations[0]!)).toBe('Blocked. The provider refuses the preflight with 403 AccessForbidden.');
  });

  it('words where a rule goes', () => {
    const placed = insertEffectively({ rules: [rule({ allowedMethods: ['PUT'] })] }, [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })]);
    expect(placed.ok && placed.explanations.map(explanationText)).toEqual([
      'The new rule goes at position 1, above rule 1: that rule also answers PUT from https://app.example.com, and the first matching rule wins, so below it the new rule would not take effect there.',
    ]);
  });
});
