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

describe('public URLs in the profiles file', () => {
  const file = (fields: object) => JSON.stringify({ profiles: [{ id: 'x', kind: 's3', ...fields }] });

  it('reads a profile-wide pattern and per-bucket ones', () => {
    const parsed = parseProfilesFile(file({ publicUrl: 'https://cdn.example.com/{bucket}/{key}', publicUrls: { logos: 'https://{bucket}.img.example.com/{key}' } }), 'profiles.json');
    expect(parsed).toMatchObject({ ok: true, profiles: [{ publicUrl: 'https://cdn.example.com/{bucket}/{key}', publicUrls: { logos: 'https://{bucket}.img.example.com/{key}' } }] });
  });

  it.each([
    ['an ftp URL', { publicUrl: 'ftp://cdn.example.com/{key}' }, /profiles\.0\.publicUrl: The public URL must be an http:\/\/ or https:\/\/ URL/],
    ['no {key}', { publicUrl: 'https://cdn.example.com/{bucket}' }, /publicUrl: The public URL must contain \{key\}/],
    ['a query', { publicUrl: 'https://cdn.example.com/{key}?v=2' }, /publicUrl: The public URL must not have a query/],
    ['a user name', { publicUrl: 'https://me@cdn.example.com/{key}' }, /publicUrl: The public URL must not hold a user name/],
    ['another placeholder', { publicUrls: { logos: 'https://cdn.example.com/{region}/{key}' } }, /publicUrls\.logos: The public URL may only use the placeholders/],
    ['a bucket name that is none', { publicUrls: { 'Not A Bucket': 'https://cdn.example.com/{key}' } }, /publicUrls.*bucket name/],
  ])('refuses %s, saying why', (_name, fields, message) => {
    const parsed = parseProfilesFile(file(fields), 'profiles.json');
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
