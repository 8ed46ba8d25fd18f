import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** A running Ceph RADOS Gateway started by scripts/rgw-peer.sh, and the S3 keys of its test user. */
export interface RgwPeer {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The folder the script started it in (its `stop` argument). */
  dir: string;
  /** Seconds the start took, as the script measured it. */
  startSeconds: number | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    rgwPeer: RgwPeer;
  }
}

const SCRIPT = resolve('scripts/rgw-peer.sh');

export const RGW_INSTALL_HINT = 'apt-get update && apt-get install -y ceph-mon ceph-osd radosgw ceph-common';

function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Reads the peer from the `KEY=VALUE` lines the script prints (and `rgw-peer.sh run` exports). */
export function rgwPeerFromEnv(env: Record<string, string | undefined>): RgwPeer | undefined {
  const endpoint = env['RGW_ENDPOINT'];
  const accessKeyId = env['RGW_ACCESS_KEY'];
  const secretAccessKey = env['RGW_SECRET_KEY'];
  if (!endpoint || !accessKeyId || !secretAccessKey) return undefined;
  const seconds = Number(env['RGW_START_SECONDS']);
  return { endpoint, accessKeyId, secretAccessKey, dir: env['RGW_PEER_DIR'] ?? '', startSeconds: Number.isFinite(seconds) ? seconds : null };
}

/** Starts a throwaway peer; throws with the script's own explanation (and the install command). */
export async function startRgwPeer(): Promise<{ peer: RgwPeer; stop(): Promise<void> }> {
  const started = await runScript(['start']);
  const env = Object.fromEntries(
    started.stdout
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  const peer = started.code === 0 ? rgwPeerFromEnv(env) : undefined;
  if (!peer) {
    throw new Error(
      `The Ceph RGW storage peer did not start (the storage and browser tests run against it and are never skipped).\n` +
        `${started.stderr.trim()}\nIf Ceph is missing: ${RGW_INSTALL_HINT}`,
    );
  }
  return {
    peer,
    stop: async () => {
      const stopped = await runScript(['stop', peer.dir]);
      if (stopped.code !== 0) throw new Error(`Stopping the RGW peer in ${peer.dir} failed: ${stopped.stderr}`);
    },
  };
}
