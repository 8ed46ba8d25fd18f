import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/server/env';
import { dialectOf, parseProfilesFile } from '../../../src/server/profiles/profile';

describe('parseProfilesFile', () => {
  it('reads s3, oss and cos profiles with defaults for the dialect', () => {
    const parsed = parseProfilesFile(
      JSON.stringify({
        profiles: [
          { id: 'aws-prod', kind: 's3', region: 'eu-west-1', credentials: { awsProfile: 'prod' } },
          { id: 'ceph', kind: 's3', endpoint: 'http://127.0.0.1:7480', addressing: 'path', dialect: 'rgw', credentials: { env: { accessKeyId: 'CEPH_KEY', secretAccessKey: 'CEPH_SECRET' } } },
          { id: 'oss-hz', kind: 'oss', region: 'cn-hangzhou' },
          { id: 'cos-gz', kind: 'cos', region: 'ap-guangzhou' },
        ],
      }),
      'profiles.json',
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.profiles.map(dialectOf)).toEqual(['s3', 'rgw', 'oss', 'cos']);
  });

  it.each([
    ['not JSON', '{', /profiles.json is not valid JSON/],
    ['no profiles', '{"profiles":[]}', /profiles: Too small/],
    ['a bad id', '{"profiles":[{"id":"Bad Id","kind":"s3"}]}', /profiles\.0\.id: Profile ids are lower-case/],
    ['an unknown kind', '{"profiles":[{"id":"x","kind":"gcs"}]}', /profiles\.0\.kind/],
    ['an OSS profile without region', '{"profiles":[{"id":"x","kind":"oss"}]}', /profiles\.0\.region: A oss profile needs a region/],
    ['a duplicate id', '{"profiles":[{"id":"x","kind":"s3"},{"id":"x","kind":"s3"}]}', /Profile id "x" is used twice/],
    ['keys written into the file', '{"profiles":[{"id":"x","kind":"s3","credentials":{"accessKeyId":"AKIA","secretAccessKey":"s"}}]}', /profiles\.0\.credentials/],
    ['a non-http endpoint', '{"profiles":[{"id":"x","kind":"s3","endpoint":"ftp://a"}]}', /profiles\.0\.endpoint/],
    ['an unknown dialect', '{"profiles":[{"id":"x","kind":"s3","dialect":"gcs"}]}', /profiles\.0\.dialect/],
  ])('explains %s with the path of the problem', (_name, text, message) => {
    const parsed = parseProfilesFile(text, 'profiles.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('parseEnv', () => {
  it('defaults the port and leaves the profiles file unset', () => {
    expect(parseEnv({})).toEqual({ ok: true, env: { HOST: '127.0.0.1', PORT: 8787, CORS_CONSOLE_S3_PORT: 0 } });
  });

  it('names each bad variable', () => {
    const parsed = parseEnv({ PORT: 'eighty', CORS_CONSOLE_S3_PORT: '70000' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/PORT: .*\n.*CORS_CONSOLE_S3_PORT/);
  });
});
