import { spawn } from 'node:child_process';

/** What a peer script (scripts/rgw-peer.sh, scripts/cache-proxy.sh) printed, and how it ended. */
export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The `KEY=VALUE` lines of its output: what a start tells about the peer it started. */
  values: Record<string, string | undefined>;
}

/** Runs `bash script args…` with `env` added to this process's environment. */
export function runPeerScript(script: string, args: string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const values = Object.fromEntries(
        stdout
          .split('\n')
          .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => [m[1]!, m[2]!]),
      );
      done({ code, stdout, stderr, values });
    });
  });
}
