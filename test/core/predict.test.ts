import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/core/dialects';
import { predictBrowserFetch, type BlockCheck, type BrowserFetch } from '../../src/core/predict';
import type { CorsConfig, CorsRule } from '../../src/core/rule';
import { rule } from '../support/builders';

const PAGE = 'https://app.example.com';
const one = (partial: Partial<CorsRule>): CorsConfig => ({ rules: [rule(partial)] });

interface Case {
  name: string;
  config: CorsConfig | null;
  fetch: Omit<BrowserFetch, 'origin'>;
  dialect?: Dialect;
  allowed: boolean;
  blockedBy?: { check: BlockCheck; stage: 'request' | 'preflight' | 'actual' };
  preflighted: boolean;
  exposed?: string[];
}

const cases: Case[] = [
  { name: 'simple GET from a listed origin is allowed without preflight', config: one({ exposeHeaders: ['ETag'] }), fetch: { method: 'GET' }, allowed: true, preflighted: false, exposed: ['etag'] },
  { name: 'simple GET from an unlisted origin is blocked on the missing Allow-Origin', config: one({ allowedOrigins: ['https://other.example'] }), fetch: { method: 'GET' }, allowed: false, blockedBy: { check: 'allow-origin-missing', stage: 'actual' }, preflighted: false },
  { name: 'credentialed GET against * is blocked: * with credentials', config: one({ allowedOrigins: ['*'] }), fetch: { method: 'GET', credentials: 'include' }, allowed: false, blockedBy: { check: 'wildcard-with-credentials', stage: 'actual' }, preflighted: false },
  { name: 'credentialed GET from a listed origin is allowed on S3 (echo + credentials)', config: one({}), fetch: { method: 'GET', credentials: 'include' }, allowed: true, preflighted: false },
  { name: 'PUT is preflighted and allowed when the rule lists PUT', config: one({ allowedMethods: ['PUT'] }), fetch: { method: 'PUT' }, allowed: true, preflighted: true },
  { name: 'PUT against a GET rule fails at the preflight status', config: one({}), fetch: { method: 'PUT' }, allowed: false, blockedBy: { check: 'preflight-status', stage: 'preflight' }, preflighted: true },
  { name: 'a header the rule does not allow fails the preflight', config: one({}), fetch: { method: 'GET', headers: { 'x-custom': '1' } }, allowed: false, blockedBy: { check: 'preflight-status', stage: 'preflight' }, preflighted: true },
  { name: 'no configuration at all fails a simple GET', config: null, fetch: { method: 'GET' }, allowed: false, blockedBy: { check: 'allow-origin-missing', stage: 'actual' }, preflighted: false },
  { name: 'credentialed PUT is allowed on S3, whose preflight echoes the origin', config: one({ allowedMethods: ['PUT'] }), fetch: { method: 'PUT', credentials: 'include' }, allowed: true, preflighted: true },
  { name: 'credentialed PUT is blocked on s3rver, whose preflight answers *', config: one({ allowedMethods: ['PUT'] }), fetch: { method: 'PUT', credentials: 'include' }, dialect: 's3rver', allowed: false, blockedBy: { check: 'wildcard-with-credentials', stage: 'preflight' }, preflighted: true },
  {
    name: 'upload whose preflight matches rule 2 but whose PUT is answered by rule 1 cannot read ETag',
    config: { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }), rule({ allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] })] },
    fetch: { method: 'PUT', headers: { 'content-type': 'application/json' } },
    allowed: true,
    preflighted: true,
    exposed: [],
  },
  { name: 'a forbidden method is refused by the browser before anything is sent', config: one({ allowedOrigins: ['*'] }), fetch: { method: 'TRACE' }, allowed: false, blockedBy: { check: 'request-refused', stage: 'request' }, preflighted: false },
];

describe('predictBrowserFetch', () => {
  it.each(cases)('$name', (c) => {
    const p = predictBrowserFetch(c.config, { origin: PAGE, ...c.fetch }, c.dialect ?? 's3');
    expect(p.allowed).toBe(c.allowed);
    expect(p.request.preflight).toBe(c.preflighted);
    expect(p.preflight !== undefined).toBe(c.preflighted);
    if (c.blockedBy) expect(p.blockedBy).toMatchObject(c.blockedBy);
    else expect(p.blockedBy).toBeUndefined();
    if (c.exposed) expect(p.exposedHeaders).toEqual(c.exposed);
  });
});
