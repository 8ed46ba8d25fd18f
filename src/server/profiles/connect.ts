import type { ProfileSummary } from '../../contract/api';
import type { StorageAdapter } from '../storage/adapter';
import { createCosAdapter } from '../storage/cos-adapter';
import { createOssAdapter } from '../storage/oss-adapter';
import { createS3Adapter, type S3AdapterOptions } from '../storage/s3-adapter';
import { dialectOf, type ProfileConfig } from './profile';

/** A profile ready to serve: what the API may show, and the adapter that holds the keys. */
export interface ConnectedProfile {
  summary: ProfileSummary;
  adapter: StorageAdapter;
  /** The secret keys this profile was given, so logs and error answers can be scrubbed of them. */
  secrets?: readonly string[];
  /** For an S3-API profile: the settings its adapter was built with (the S3 state backend uses them too). */
  s3?: S3AdapterOptions;
}

type Env = Record<string, string | undefined>;
type Connected = { ok: true; profile: ConnectedProfile } | { ok: false; message: string };

/** Reads a key pair from the named environment variables, or says which are missing. */
function keyPair(env: Env, idVar: string, secretVar: string, profileId: string): { ok: true; id: string; secret: string } | { ok: false; message: string } {
  const id = env[idVar];
  const secret = env[secretVar];
  if (id && secret) return { ok: true, id, secret };
  const missing = [!id && idVar, !secret && secretVar].filter(Boolean).join(' and ');
  return { ok: false, message: `Profile "${profileId}" needs credentials: set ${missing} (or name other variables in the profile's credentials.env).` };
}

function defaultEndpoint(profile: ProfileConfig): string | null {
  if (profile.endpoint) return profile.endpoint;
  switch (profile.kind) {
    case 's3':
      return `https://s3.${profile.region ?? 'us-east-1'}.amazonaws.com`;
    case 'oss':
      return `https://oss-${profile.region}.aliyuncs.com`;
    case 'cos':
      return `https://cos.${profile.region}.myqcloud.com`;
  }
}

type Built = { ok: true; adapter: StorageAdapter; secrets: string[]; s3?: S3AdapterOptions } | { ok: false; message: string };

function adapterFor(profile: ProfileConfig, env: Env): Built {
  const named = profile.credentials && 'env' in profile.credentials ? profile.credentials.env : undefined;
  const region = profile.region ?? 'us-east-1';
  switch (profile.kind) {
    case 's3': {
      const keys = named ? keyPair(env, named.accessKeyId, named.secretAccessKey, profile.id) : undefined;
      if (keys && !keys.ok) return keys;
      const s3: S3AdapterOptions = {
        region,
        addressing: profile.addressing ?? (profile.endpoint ? 'path' : 'virtual'),
        ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
        ...(keys?.ok ? { credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret } } : {}),
        ...(profile.credentials && 'awsProfile' in profile.credentials ? { awsProfile: profile.credentials.awsProfile } : {}),
      };
      return { ok: true, secrets: keys?.ok ? [keys.secret] : [], adapter: createS3Adapter(s3), s3 };
    }
    case 'oss': {
      const keys = keyPair(env, named?.accessKeyId ?? 'OSS_ACCESS_KEY_ID', named?.secretAccessKey ?? 'OSS_ACCESS_KEY_SECRET', profile.id);
      if (!keys.ok) return keys;
      return { ok: true, secrets: [keys.secret], adapter: createOssAdapter({ region, accessKeyId: keys.id, accessKeySecret: keys.secret, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) }) };
    }
    case 'cos': {
      const keys = keyPair(env, named?.accessKeyId ?? 'COS_SECRET_ID', named?.secretAccessKey ?? 'COS_SECRET_KEY', profile.id);
      if (!keys.ok) return keys;
      return { ok: true, secrets: [keys.secret], adapter: createCosAdapter({ region, secretId: keys.id, secretKey: keys.secret, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) }) };
    }
  }
}

/** Builds the adapter of a configured profile with its credentials from the environment. */
export function connectProfile(profile: ProfileConfig, env: Env): Connected {
  let built: Built;
  try {
    built = adapterFor(profile, env);
  } catch (error) {
    // The SDKs throw on settings they cannot use (a malformed endpoint): report, do not crash.
    return { ok: false, message: `Profile "${profile.id}" cannot be used: ${(error as Error).message}` };
  }
  if (!built.ok) return built;
  return {
    ok: true,
    profile: {
      adapter: built.adapter,
      secrets: built.secrets,
      ...(built.s3 ? { s3: built.s3 } : {}),
      summary: {
        id: profile.id,
        label: profile.label ?? profile.id,
        kind: profile.kind,
        dialect: dialectOf(profile),
        endpoint: defaultEndpoint(profile),
        region: profile.region ?? 'us-east-1',
        embedded: false,
        ...(profile.publicUrl ? { publicUrl: profile.publicUrl } : {}),
        ...(profile.publicUrls ? { publicUrls: profile.publicUrls } : {}),
        capabilities: { ...built.adapter.capabilities },
      },
    },
  };
}
