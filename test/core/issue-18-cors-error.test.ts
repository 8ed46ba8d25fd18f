import { describe, expect, it } from 'vitest';
import { CHROMIUM_CORS_ERRORS, corsErrorReasonText, corsFixText, explainCorsError, type CorsErrorContext } from '../../src/core';

// Issue 18: Chromium's exact reason (DevTools corsErrorStatus) in the console's words. The same
// mapping is checked against real Chromium refusals in test/e2e/engines-cors-errors.test.ts.

const ORIGIN = 'http://127.0.0.1:5000';
const context: CorsErrorContext = { origin: ORIGIN, method: 'PUT' };

describe('explainCorsError', () => {
  it('gives the console block reason and fix for each origin check, on the actual answer and on the preflight', () => {
    expect(explainCorsError({ corsError: 'MissingAllowOriginHeader', failedParameter: '' }, context)).toEqual({
      corsError: 'MissingAllowOriginHeader', block: { check: 'allow-origin-missing', stage: 'actual', params: {} }, fix: { code: 'list-origin', params: { origin: ORIGIN } },
    });
    expect(explainCorsError({ corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '' }, context)).toMatchObject({
      corsError: 'PreflightMissingAllowOriginHeader', block: { check: 'allow-origin-missing', stage: 'preflight' },
    });
    const slash = explainCorsError({ corsError: 'AllowOriginMismatch', failedParameter: `${ORIGIN}/` }, context);
    expect(slash.block).toEqual({ check: 'allow-origin-mismatch', stage: 'actual', params: { allowOrigin: `${ORIGIN}/`, origin: ORIGIN } });
    expect(corsErrorReasonText(slash)).toBe(`The response allows origin ${ORIGIN}/, not ${ORIGIN}.`);
    expect(corsFixText(slash.fix)).toBe(`List the origin exactly as the page sends it: ${ORIGIN} (scheme, host and port, no trailing "/"), not ${ORIGIN}/.`);
    const twice = explainCorsError({ corsError: 'MultipleAllowOriginValues', failedParameter: `${ORIGIN}, ${ORIGIN}` }, context);
    expect(twice.fix).toEqual({ code: 'single-allow-origin', params: { values: `${ORIGIN}, ${ORIGIN}` } });
    expect(explainCorsError({ corsError: 'PreflightWildcardOriginNotAllowed', failedParameter: '*' }, context)).toMatchObject({
      block: { check: 'wildcard-with-credentials', stage: 'preflight' }, fix: { code: 'name-origin-for-credentials' },
    });
    expect(explainCorsError({ corsError: 'InvalidAllowCredentials', failedParameter: '' }, context)).toMatchObject({
      block: { check: 'credentials-not-allowed', stage: 'actual' }, fix: { code: 'allow-credentials', params: { received: '' } },
    });
  });

  it('names the method and headers with the preflight answer the caller saw', () => {
    const preflight = { status: 204, headers: { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' } };
    const method = explainCorsError({ corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' }, { ...context, preflight });
    expect(method.block).toEqual({ check: 'method-not-allowed', stage: 'preflight', params: { method: 'PUT', allowMethods: ['GET', 'POST'] } });
    expect(corsErrorReasonText(method)).toBe('The preflight response does not list PUT in Access-Control-Allow-Methods (GET, POST).');
    expect(corsFixText(method.fix)).toBe('Add PUT to the rule\'s allowed methods (methods are case-sensitive).');
    const header = explainCorsError({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-amz-meta-owner' }, { ...context, preflight });
    expect(header.block).toEqual({ check: 'header-not-allowed', stage: 'preflight', params: { headers: ['x-amz-meta-owner'], allowHeaders: 'content-type' } });
    expect(corsFixText(header.fix)).toBe("Add x-amz-meta-owner to the rule's allowed headers.");
  });

  it('explains a refused or redirected preflight by its status', () => {
    const refused = explainCorsError({ corsError: 'PreflightInvalidStatus', failedParameter: '' }, { ...context, preflight: { status: 403, headers: {} } });
    expect(refused).toMatchObject({ block: { check: 'preflight-status', stage: 'preflight', params: { status: 403 } }, fix: { code: 'answer-preflight-ok', params: { status: 403 } } });
    expect(corsFixText(refused.fix)).toContain('not 403');
    const redirected = explainCorsError({ corsError: 'PreflightDisallowedRedirect', failedParameter: '' }, { ...context, preflight: { status: 307, headers: {} } });
    expect(redirected).toMatchObject({ block: { check: 'preflight-status', params: { status: 307 } }, fix: { code: 'answer-preflight-in-place', params: { status: 307 } } });
  });

  it('says Local Network Access is no CORS rule’s doing, and gives no block reason for it', () => {
    const lna = explainCorsError({ corsError: 'LocalNetworkAccessPermissionDenied', failedParameter: '' }, context);
    expect(lna).toEqual({ corsError: 'LocalNetworkAccessPermissionDenied', fix: { code: 'local-network-permission', params: { origin: ORIGIN, secure: true } } });
    expect(corsFixText(lna.fix)).toMatch(/^No CORS rule can fix this/);
    expect(corsErrorReasonText(lna)).toContain('Local Network Access');
  });

  it('keeps an unknown value (a newer Chromium) as Chromium named it', () => {
    const unknown = explainCorsError({ corsError: 'SomethingNew', failedParameter: 'x' }, context);
    expect(unknown).toEqual({ corsError: 'SomethingNew', fix: { code: 'unknown', params: { corsError: 'SomethingNew', failedParameter: 'x' } } });
    expect(corsErrorReasonText(unknown)).toBe('Chromium refused the request: SomethingNew.');
  });

  it('has a sentence for every value of the protocol, never an empty one', () => {
    for (const corsError of CHROMIUM_CORS_ERRORS) {
      const explanation = explainCorsError({ corsError, failedParameter: '' }, context);
      expect(corsErrorReasonText(explanation).length).toBeGreaterThan(10);
      expect(corsFixText(explanation.fix).length).toBeGreaterThan(10);
    }
  });
});
