import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/server/env';

describe('parseEnv', () => {
  it('listens on loopback without a token by default', () => {
    expect(parseEnv({})).toEqual({ ok: true, env: expect.objectContaining({ HOST: '127.0.0.1', PORT: 8787 }) });
    expect(parseEnv({}).ok && (parseEnv({}) as { env: Record<string, unknown> }).env['CORS_CONSOLE_TOKEN']).toBeUndefined();
  });

  it('takes HOST and a token', () => {
    expect(parseEnv({ HOST: '0.0.0.0', CORS_CONSOLE_TOKEN: 'a-long-enough-token' })).toEqual({ ok: true, env: expect.objectContaining({ HOST: '0.0.0.0', CORS_CONSOLE_TOKEN: 'a-long-enough-token' }) });
  });

  it('refuses a short token, naming the variable', () => {
    const parsed = parseEnv({ CORS_CONSOLE_TOKEN: 'short' });
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/CORS_CONSOLE_TOKEN: The access token must be at least 16 characters/) });
  });
});
