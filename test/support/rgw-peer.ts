import { runPeerScript } from './peer-script';
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
  const started = await runPeerScript(SCRIPT, ['start']);
  const peer = started.code === 0 ? rgwPeerFromEnv(started.values) : undefined;
  if (!peer) {
    throw new Error(
      `The Ceph RGW storage peer did not start (the storage and browser tests run against it and are never skipped).\n` +
        `${started.stderr.trim()}\nIf Ceph is missing: ${RGW_INSTALL_HINT}`,
    );
  }
  return {
    peer,
    stop: async () => {
      const stopped = await runPeerScript(SCRIPT, ['stop', peer.dir]);
      if (stopped.code !== 0) throw new Error(`Stopping the RGW peer in ${peer.dir} failed: ${stopped.stderr}`);
    },
  };
}
