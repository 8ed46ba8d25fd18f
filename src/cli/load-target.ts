import { readFile } from 'node:fs/promises';
import { suiteSchema, type Suite, type SuiteTest } from '../contract/suite';
import { issueMessage, parseCorsDocument, type CorsConfig } from '../core';
import { parseEnv } from '../server/env';
import { fromStorageError } from '../server/http/api-error';
import type { ConnectedProfile } from '../server/profiles/connect';
import { createProfileRegistry } from '../server/profiles/registry';
import { openState } from '../server/state/open-state';
import type { StateStore } from '../server/state/state-store';
import { loadConfiguredProfiles } from '../server/start';
import { infrastructureError, usageError } from './command-error';

/** What the command tests against: the profile as the console serves it, and the console's state store. */
export interface Target {
  profile: ConnectedProfile;
  /** Where the state lives (a folder, `s3://…`), for messages. */
  stateWhere: string;
  /** The bucket's saved tests, as the Test tab lists them. */
  savedTests(bucket: string): Promise<SuiteTest[]>;
  /** The console's state store itself: its history and saved tests (the audit reads both). */
  state: StateStore;
}

/**
 * The profile read exactly as the console reads it: the same profiles file (CORS_CONSOLE_CONFIG),
 * environment and credential chain (src/server/start.ts), and the same state store
 * (CORS_CONSOLE_STATE or the file's `state`, else the data folder).
 */
export async function loadTarget(id: string, processEnv: Record<string, string | undefined>, dataDir: string): Promise<Target> {
  const env = parseEnv(processEnv);
  if (!env.ok) throw usageError(env.message);
  const path = env.env.CORS_CONSOLE_CONFIG;
  if (!path) throw usageError('Set CORS_CONSOLE_CONFIG to the profiles file the console uses (or pass --config FILE): the command tests buckets of configured profiles.');
  let loaded: Awaited<ReturnType<typeof loadConfiguredProfiles>>;
  try {
    loaded = await loadConfiguredProfiles(path, processEnv);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const registry = createProfileRegistry(loaded.profiles);
  const profile = registry.get(id);
  if (!profile) throw usageError(`No profile "${id}" in ${path}: it has ${registry.list().map((p) => p.id).join(', ')}.`);
  let state: StateStore;
  try {
    state = openState(env.env.CORS_CONSOLE_STATE ?? loaded.state, loaded.profiles, dataDir);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  return {
    profile,
    state,
    stateWhere: state.where,
    async savedTests(bucket) {
      try {
        return await state.savedTests.list(id, bucket);
      } catch (error) {
        throw infrastructureError(`Cannot read the saved tests of ${id}/${bucket} from ${state.where}: ${(error as Error).message}`);
      }
    },
  };
}

/** A suite file read and checked against the versioned format; every problem named with its path. */
export async function readSuite(path: string): Promise<{ suite: Suite; text: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`Cannot read the suite ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw usageError(`The suite ${path} is not JSON: ${(error as Error).message}`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== undefined && version !== 1) throw usageError(`The suite ${path} is version ${JSON.stringify(version)}; this cors-console reads version 1.`);
  const parsed = suiteSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw usageError(`The suite ${path} is not a valid cors-console suite (schemas/cors-suite.v1.json):\n${lines.join('\n')}`);
  }
  return { suite: parsed.data, text };
}

/** The bucket's live CORS configuration; a bucket that does not exist is a bad argument, anything else infrastructure. */
export async function readLiveConfig(profile: ConnectedProfile, bucket: string): Promise<CorsConfig | null> {
  const stored = await profile.adapter.getCors(bucket);
  if (!stored.ok) {
    const message = fromStorageError(stored.error).error.message;
    throw stored.error.code === 'not-found' ? usageError(message) : infrastructureError(message);
  }
  const { config, raw, unread } = stored.value;
  if (unread === undefined) return config;
  const parsed = parseCorsDocument(raw ?? '', unread);
  if (!parsed.ok) throw infrastructureError(`The CORS document of ${bucket} cannot be read: ${parsed.issues[0] ? issueMessage(parsed.issues[0]) : 'unreadable'}.`);
  return parsed.config;
}
