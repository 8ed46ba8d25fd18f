import { beforeAll, describe, expect, it } from 'vitest';
import { providerErrorOf, serializeCorsDocument, validateConfig, type CorsConfig, type CorsRule, type IssueCode } from '../../src/core';
import { rule } from '../support/builders';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 14, item 5: each error says who refuses it. For every error the console reports, send the
// configuration to the real server: where the issue says `source: 'provider'` the server must
// refuse it with that code (and message, where the dialect knows it); where it says
// `source: 'console'` the server must store it, and only the console refuses.

const one = (partial: Partial<CorsRule>): CorsConfig => ({ rules: [rule({ allowedOrigins: ['http://a.example'], allowedMethods: ['GET'], ...partial })] });

const cases: { code: IssueCode; config: CorsConfig }[] = [
  { code: 'origin.empty', config: one({ allowedOrigins: [''] }) },
  { code: 'origin.missing-scheme', config: one({ allowedOrigins: ['localhost'] }) },
  { code: 'origin.missing-scheme', config: one({ allowedOrigins: ['*.example.com'] }) },
  { code: 'origin.whitespace', config: one({ allowedOrigins: [' http://a.example '] }) },
  { code: 'origin.trailing-slash', config: one({ allowedOrigins: ['http://a.example/'] }) },
  { code: 'origin.has-path', config: one({ allowedOrigins: ['http://a.example/x'] }) },
  { code: 'origin.multiple-wildcards', config: one({ allowedOrigins: ['http://*.*.example'] }) },
  { code: 'header.empty', config: one({ allowedHeaders: [''] }) },
  { code: 'header.empty', config: one({ exposeHeaders: [''] }) },
  { code: 'header.invalid-name', config: one({ allowedHeaders: ['a b'] }) },
  { code: 'header.multiple-wildcards', config: one({ allowedHeaders: ['x-*-*'] }) },
  { code: 'expose.wildcard', config: one({ exposeHeaders: ['x-amz-*'] }) },
  { code: 'max-age.invalid', config: one({ maxAgeSeconds: -1 }) },
  { code: 'rule.id-too-long', config: one({ id: 'x'.repeat(256) }) },
  { code: 'rule.no-origins', config: one({ allowedOrigins: [] }) },
  { code: 'rule.no-methods', config: one({ allowedMethods: [] }) },
  { code: 'config.no-rules', config: { rules: [] } },
];

describe.each(STORAGE_BACKENDS)('who refuses, on a real %s', (backend) => {
  const storage = useStorageBackend(backend);
  const bucket = 'edges-refusals';
  beforeAll(async () => {
    await storage.current.createBucket(bucket);
  });

  it.each(cases)('$code: $config.rules', async ({ code, config }) => {
    const issue = validateConfig(config, storage.current.dialect).find((i) => i.code === code && i.severity === 'error');
    expect(issue?.source).toBeDefined();
    const answer = await storage.current.putCors(bucket, serializeCorsDocument(config, 's3-xml'));
    if (issue?.source === 'console') {
      expect(answer.status).toBe(200);
      expect(issue.consoleReason).toBeDefined();
    } else {
      expect(answer.status).toBe(400);
      const error = providerErrorOf(answer.body);
      if (issue?.providerCode !== undefined) expect(error?.code).toBe(issue.providerCode);
      if (issue?.providerMessage !== undefined) expect(error?.message).toBe(issue.providerMessage);
    }
  });
});
