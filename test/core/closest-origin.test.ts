import { closestListedOrigin, type CorsConfig } from '../../src/core';

const config: CorsConfig = {
  rules: [
    { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
    { allowedOrigins: ['https://app.example.com', 'https://admin.example.com'], allowedMethods: ['PUT'], allowedHeaders: [], exposeHeaders: [] },
    { allowedOrigins: ['http://localhost:3000'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ],
};

describe('closestListedOrigin', () => {
  it('prefers a known near miss and says why', () => {
    expect(closestListedOrigin('http://app.example.com', config)).toEqual({
      origin: 'https://app.example.com',
      rule: 1,
      nearMiss: { kind: 'scheme', candidate: 'https://app.example.com', scheme: 'https', requestScheme: 'http' },
    });
    expect(closestListedOrigin('http://localhost:5173', config)).toMatchObject({ origin: 'http://localhost:3000', rule: 2, nearMiss: { kind: 'port', candidate: 'http://localhost:3000', port: '3000', requestPort: '5173' } });
  });

  it('otherwise picks the smallest edit distance, never *', () => {
    expect(closestListedOrigin('https://apps.example.com', config)).toEqual({ origin: 'https://app.example.com', rule: 1 });
    expect(closestListedOrigin('https://admin2.example.com', config)).toEqual({ origin: 'https://admin.example.com', rule: 1 });
  });

  it('has no answer without listed origins', () => {
    expect(closestListedOrigin('https://a.example', null)).toBeUndefined();
    expect(closestListedOrigin('https://a.example', { rules: [config.rules[0]!] })).toBeUndefined();
  });
});
