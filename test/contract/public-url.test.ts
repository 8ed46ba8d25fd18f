// Public URL patterns (issue 19): checked like an endpoint, with a reason per refusal, and expanded
// with the key encoded per path segment, so one pattern yields one URL per bucket and key.
import { describe, expect, it } from 'vitest';
import { expandPublicUrl, publicUrlPatternOf, publicUrlProblem, type PublicUrlProblem } from '../../src/contract/public-url';

describe('public URL patterns', () => {
  it.each([
    'https://cdn.example.com/{bucket}/{key}',
    'https://{bucket}.cdn.example.com/{key}',
    'http://127.0.0.1:6081/{bucket}/{key}',
    'https://cdn.example.com/static/{key}',
    'https://cdn.example.com/{bucket}-assets/v1/{key}',
  ])('takes %s', (pattern) => {
    expect(publicUrlProblem(pattern)).toBeNull();
  });

  it.each<[string, PublicUrlProblem]>([
    ['cdn.example.com/{key}', 'not-a-url'],
    ['ftp://cdn.example.com/{key}', 'scheme'],
    ['javascript://cdn.example.com/{key}', 'scheme'],
    ['https://user:pw@cdn.example.com/{key}', 'userinfo'],
    ['https://user@cdn.example.com/{key}', 'userinfo'],
    ['https://cdn.example.com/{key}?v=1', 'query'],
    ['https://cdn.example.com/{key}?', 'query'],
    ['https://cdn.example.com/{key}#top', 'fragment'],
    ['https://cdn.example.com/{bucket}', 'no-key'],
    ['https://cdn.example.com/{key}/{key}', 'key-twice'],
    ['https://{key}.cdn.example.com/x', 'key-outside-path'],
    ['https://{bucket}.cdn.example.com/{bucket}/{key}', 'bucket-twice'],
    ['https://cdn.example.com/{region}/{key}', 'unknown-placeholder'],
    ['https://cdn.example.com/{Key}', 'unknown-placeholder'],
    ['https://cdn.example.com/{key}}', 'stray-brace'],
    ['https://cdn.example.com/{{key}', 'stray-brace'],
  ])('refuses %s (%s)', (pattern, problem) => {
    expect(publicUrlProblem(pattern)).toBe(problem);
  });

  it('encodes the key per path segment, slashes kept', () => {
    expect(expandPublicUrl('https://cdn.example.com/{bucket}/{key}', 'media', 'a b/c?d#e/%/ü.png')).toBe('https://cdn.example.com/media/a%20b/c%3Fd%23e/%25/%C3%BC.png');
  });

  it('puts the bucket in the host where the pattern says', () => {
    expect(expandPublicUrl('https://{bucket}.cdn.example.com/{key}', 'media', 'x.png')).toBe('https://media.cdn.example.com/x.png');
  });

  it('refuses to expand an invalid pattern', () => {
    expect(() => expandPublicUrl('https://cdn.example.com/{key}?x', 'b', 'k')).toThrow(/query/);
  });

  it("prefers the bucket's own pattern over the profile's", () => {
    const settings = { publicUrl: 'https://cdn.example.com/{bucket}/{key}', publicUrls: { logos: 'https://logos.example.com/{key}' } };
    expect(publicUrlPatternOf(settings, 'logos')).toBe('https://logos.example.com/{key}');
    expect(publicUrlPatternOf(settings, 'media')).toBe('https://cdn.example.com/{bucket}/{key}');
    expect(publicUrlPatternOf({ publicUrls: { logos: 'https://logos.example.com/{key}' } }, 'media')).toBeUndefined();
    expect(publicUrlPatternOf({ publicUrls: {} }, 'constructor')).toBeUndefined();
  });
});
