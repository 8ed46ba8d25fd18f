import type { TestProject } from 'vitest/node';
import { rgwPeerFromEnv, startRgwPeer } from './rgw-peer';

// The storage suites run against a real Ceph RGW. `npm test` starts one peer for the whole run
// (scripts/rgw-peer.sh run) and passes it in the environment; a vitest run on its own starts
// its own here and stops it at the end. Either way a peer that cannot start fails the run.
export default async function setupRgwPeer(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const shared = rgwPeerFromEnv(process.env);
  if (shared) {
    project.provide('rgwPeer', shared);
    return undefined;
  }
  const started = await startRgwPeer();
  project.provide('rgwPeer', started.peer);
  return () => started.stop();
}
