import { describe, expect, it } from 'vitest';
import { configIdentity, sameConfig, sameRuleValues, type CorsConfig, type CorsRule } from '../../src/core';

const uploads: CorsRule = { id: 'uploads', allowedOrigins: ['https://a.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['Content-Type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 };
const reads: CorsRule = { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] };
const config: CorsConfig = { rules: [uploads, reads] };

describe('configIdentity and sameConfig', () => {
  it('are the same whatever the key order, and with absent and empty spelled alike', () => {
    const shuffled = JSON.parse(JSON.stringify({ rules: config.rules.map((r) => ({ maxAgeSeconds: r.maxAgeSeconds, ...r })) })) as CorsConfig;
    expect(configIdentity(shuffled)).toBe(configIdentity(config));
    expect(sameConfig({ ...config, responseVary: false }, config)).toBe(true);
    expect(sameConfig({ rules: [{ ...reads, maxAgeSeconds: undefined }] }, { rules: [reads] })).toBe(true);
  });

  it('take no configuration for one without rules', () => {
    expect(sameConfig(null, { rules: [], responseVary: false })).toBe(true);
    expect(sameConfig(null, { rules: [], responseVary: true })).toBe(false);
  });

  it('count rule order, IDs, the case of every value and ResponseVary', () => {
    expect(sameConfig({ rules: [reads, uploads] }, config)).toBe(false);
    expect(sameConfig({ rules: [{ ...uploads, id: 'other' }, reads] }, config)).toBe(false);
    expect(sameConfig({ rules: [{ ...uploads, exposeHeaders: ['etag'] }, reads] }, config)).toBe(false);
    expect(sameConfig({ ...config, responseVary: true }, config)).toBe(false);
  });
});

describe('sameRuleValues', () => {
  it('ignores the ID and the case of header names: such rules answer alike', () => {
    expect(sameRuleValues({ ...uploads, id: undefined }, uploads)).toBe(true);
    expect(sameRuleValues({ ...uploads, allowedHeaders: ['content-type'], exposeHeaders: ['etag'] }, uploads)).toBe(true);
  });

  it('counts origins, methods and max age', () => {
    expect(sameRuleValues({ ...uploads, allowedOrigins: ['https://A.example.com'] }, uploads)).toBe(false);
    expect(sameRuleValues({ ...uploads, allowedMethods: ['PUT'] }, uploads)).toBe(false);
    expect(sameRuleValues({ ...uploads, maxAgeSeconds: undefined }, uploads)).toBe(false);
  });
});
