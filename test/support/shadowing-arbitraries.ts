import fc from 'fast-check';
import { METHODS, type CorsConfig, type CorsRule } from '../../src/core';

// Values drawn from small pools, so that rules overlap often: a `*` rule, a subdomain wildcard and
// the exact origins it covers, upload headers, ETag exposed or not, short and long max-ages.
const ORIGINS = ['*', 'https://app.example.com', 'https://*.example.com', 'http://localhost:5173', 'https://other.example.org'];
const ALLOWED_HEADERS = ['content-type', 'x-amz-*', '*'];
const EXPOSE_HEADERS = ['ETag', 'x-amz-request-id'];

/** A rule the providers accept, built from overlapping pools. */
export const overlappingRule: fc.Arbitrary<CorsRule> = fc.record(
  {
    allowedOrigins: fc.uniqueArray(fc.constantFrom(...ORIGINS), { minLength: 1, maxLength: 2 }),
    allowedMethods: fc.uniqueArray(fc.constantFrom(...METHODS), { minLength: 1, maxLength: 3 }),
    allowedHeaders: fc.uniqueArray(fc.constantFrom(...ALLOWED_HEADERS), { maxLength: 2 }),
    exposeHeaders: fc.uniqueArray(fc.constantFrom(...EXPOSE_HEADERS), { maxLength: 2 }),
    maxAgeSeconds: fc.constantFrom(5, 600, 3000),
  },
  { requiredKeys: ['allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders'] },
);

/** 1 to 4 overlapping rules (OSS allows 10, so every dialect accepts them). */
export const overlappingConfig: fc.Arbitrary<CorsConfig> = fc.record({ rules: fc.array(overlappingRule, { minLength: 1, maxLength: 4 }) });
