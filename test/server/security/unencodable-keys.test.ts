import { describe, expect, it } from 'vitest';
import { errorCode, httpCall } from '../../support/http';
import { useTokenConsoles } from '../../support/token-console';

// Issue 15.5: JSON can carry half of a surrogate pair (`"\ud800"`), which no UTF-8 and so no URL
// can: such an object key is a 400 with a code, not a 502 from the URL encoder throwing.

const start = useTokenConsoles();
const BUCKET = '/api/profiles/local/buckets/demo-no-cors';

describe('issue 15: keys that cannot be encoded', () => {
  it.each([
    ['presign, a lone high surrogate', 'presign', '{"key":"a\\ud800b","method":"GET"}'],
    ['presign, a lone low surrogate', 'presign', '{"key":"\\udc00.txt","method":"PUT","confirmWrite":true}'],
    ['probe, a high surrogate at the end', 'probe', '{"key":"x\\udbff","method":"GET","send":"preflight"}'],
    ['scratch removal', 'scratch', '{"key":".cors-console/tests/\\ud800"}'],
  ])('refuses %s with 400 bad-request naming the key and the rule', async (_name, call, body) => {
    const running = await start({ CORS_CONSOLE_TOKEN: undefined });
    const res = await httpCall(`${running.url}${BUCKET}/${call}`, call === 'scratch' ? 'DELETE' : 'POST', { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body);
    expect(res.status, res.text).toBe(400);
    expect(errorCode(res)).toBe('bad-request');
    expect(res.json['error']).toMatchObject({
      params: { reason: 'body-shape', field: 'key', misfit: { kind: 'broken-rule', rule: 'key-not-unicode' } },
      message: expect.stringContaining('surrogate'),
    });
  }, 30_000);

  it('still signs a key with a whole surrogate pair (an emoji)', async () => {
    const running = await start({ CORS_CONSOLE_TOKEN: undefined });
    const res = await httpCall(`${running.url}${BUCKET}/presign`, 'POST', { 'content-type': 'application/json' }, '{"key":"smile-\\ud83d\\ude00.txt","method":"GET"}');
    expect(res.status).toBe(200);
    expect(String(res.json['url'])).toContain('smile-%F0%9F%98%80.txt');
  }, 30_000);
});
