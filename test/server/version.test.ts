import { describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../src/core';
import { corsVersion } from '../../src/server/cors/version';

const config: CorsConfig = {
  rules: [
    { id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT'], allowedHeaders: ['Content-Type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 },
    { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ],
  responseVary: true,
};

describe('corsVersion', () => {
  it('hashes the core configuration identity, so equal configurations have equal versions', () => {
    const shuffled = JSON.parse(JSON.stringify({ responseVary: true, rules: config.rules.map(({ exposeHeaders, ...rest }) => ({ exposeHeaders, ...rest })) })) as CorsConfig;
    expect(corsVersion(shuffled)).toBe(corsVersion(config));
    expect(corsVersion(null)).toBe(corsVersion({ rules: [] }));
    expect(corsVersion({ ...config, responseVary: false })).not.toBe(corsVersion(config));
  });

  it('names a stored configuration as it did before the identity moved to the core, so kept drafts still match', () => {
    expect(corsVersion(config)).toBe('P-bAUvs03tIcUibqDus-Q3');
  });
});
