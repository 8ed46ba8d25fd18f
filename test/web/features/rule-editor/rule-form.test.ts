import { describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../../../src/core';
import { configToForm, duplicateRule, formToConfig, listLines, summarizeRule } from '../../../../src/web/features/rule-editor/rule-form';

const config: CorsConfig = {
  rules: [
    { id: 'uploads', allowedOrigins: ['https://a.example.com', 'https://b.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 },
    { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ],
};

describe('rule form conversion', () => {
  it('round-trips a configuration through the form values', () => {
    expect(formToConfig(configToForm(config))).toEqual(config);
  });

  it('joins list fields with newlines and leaves an unset max age empty', () => {
    const form = configToForm(config);
    expect(form.rules[0]).toMatchObject({ ruleId: 'uploads', allowedOrigins: 'https://a.example.com\nhttps://b.example.com', maxAgeSeconds: '600' });
    expect(form.rules[1]).toMatchObject({ ruleId: '', maxAgeSeconds: '' });
  });

  it('trims values and drops blank lines, an empty ID and an empty max age', () => {
    const form = configToForm(config);
    form.rules[1] = { ...form.rules[1]!, ruleId: '  ', allowedOrigins: '\n  https://x.example.com  \n\n', maxAgeSeconds: ' ' };
    expect(formToConfig(form).rules[1]).toEqual({ allowedOrigins: ['https://x.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] });
  });

  it('treats no configuration as no rules, and ResponseVary false as absent', () => {
    expect(configToForm(null)).toEqual({ rules: [], responseVary: false });
    expect(formToConfig({ rules: [], responseVary: false })).toEqual({ rules: [] });
    expect(formToConfig({ rules: [], responseVary: true })).toEqual({ rules: [], responseVary: true });
  });

  it('numbers the lines of a text area, counting blank lines', () => {
    expect(listLines('https://a.com\n\n  www.b.com ')).toEqual([
      { value: 'https://a.com', line: 1 },
      { value: 'www.b.com', line: 3 },
    ]);
  });

  it('names a duplicated rule\'s ID so it can be told apart', () => {
    const form = configToForm(config);
    expect(duplicateRule(form.rules[0]!).ruleId).toBe('uploads-copy');
    expect(duplicateRule(form.rules[1]!).ruleId).toBe('');
  });

  it('summarises a rule as origins · methods, shortening long origin lists', () => {
    expect(summarizeRule(config.rules[0]!)).toBe('https://a.example.com, https://b.example.com · PUT, POST');
    expect(summarizeRule({ ...config.rules[1]!, allowedOrigins: ['https://1.com', 'https://2.com', 'https://3.com', 'https://4.com', 'https://5.com'] })).toBe(
      'https://1.com, https://2.com, https://3.com +2 more · GET',
    );
    expect(summarizeRule({ allowedOrigins: [], allowedMethods: [], allowedHeaders: [], exposeHeaders: [] })).toBe('no origin · no method');
  });
});
