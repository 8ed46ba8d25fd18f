import type { ConnectedProfile } from '../profiles/connect';
import { s3ClientConfig } from '../storage/s3-adapter';
import { createS3Blobs, type S3StateLocation } from './s3-blobs';
import { createFolderState, stateOver, type StateStore } from './state-store';

const STATE_URL = /^s3:\/\/([^/]+)\/([^/]+)(?:\/(.*))?$/;

/** `s3://profile/bucket/prefix` → its parts, or why it is not one. */
export function parseStateUrl(url: string): { ok: true; location: S3StateLocation } | { ok: false; message: string } {
  const match = STATE_URL.exec(url);
  if (!match) return { ok: false, message: `The state backend ${JSON.stringify(url)} is not s3://<profile>/<bucket>/<prefix> (the prefix may be left out).` };
  return { ok: true, location: { profile: match[1]!, bucket: match[2]!, prefix: (match[3] ?? '').replace(/\/+$/, '') } };
}

/**
 * The console's state: the data folder, or an S3 bucket and prefix on one of the configured
 * S3-API profiles (`CORS_CONSOLE_STATE`, or the profiles file's `state`). Throws a message a
 * person can act on when the setting names no usable profile.
 */
export function openState(stateUrl: string | undefined, profiles: readonly ConnectedProfile[], dataDir: string): StateStore {
  if (!stateUrl) return createFolderState(dataDir);
  const parsed = parseStateUrl(stateUrl);
  if (!parsed.ok) throw new Error(parsed.message);
  const { location } = parsed;
  const profile = profiles.find((p) => p.summary.id === location.profile);
  if (!profile) throw new Error(`The state backend ${stateUrl} names profile "${location.profile}", which the profiles file does not have.`);
  if (!profile.s3) throw new Error(`The state backend ${stateUrl} names profile "${location.profile}", a ${profile.summary.kind} profile: state can live on an S3-API profile only.`);
  return stateOver(createS3Blobs(s3ClientConfig(profile.s3), location));
}
