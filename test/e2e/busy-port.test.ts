import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 15.5: `npm start` with a busy CORS_CONSOLE_S3_PORT printed an unhandled 'error' event's
// stack trace (s3rver's listen). The built console, as `npm start` runs it, must say in one line
// which port is busy and which variable picks another, for each of its ports.

/** Runs dist/server/main.js to its exit; its own lines on stderr (the AWS SDK's Node-version notice left out). */
function runMain(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve('dist/server/main.js')], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.on('exit', (code) => done({ code, lines: stderr.split('\n').filter((line) => line && !/NodeVersionSupportWarning|AWS SDK|node >=22|versions published|security updates|a\.co\/|trace-warnings|^\s*$|^To continue|^will require/.test(line)) }));
  });
}

describe('issue 15: a busy port, in the console as npm start runs it', () => {
  it.each([
    ['CORS_CONSOLE_S3_PORT', 'the embedded s3rver'],
    ['PORT', 'the console'],
  ])('%s: exits 1 with one line naming the port and the variable, no stack trace', async (variable, what) => {
    const holder = createServer();
    await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
    const { port } = holder.address() as AddressInfo;
    const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-busy-'));
    try {
      const { code, lines } = await runMain({ CORS_CONSOLE_DATA: dataDir, [variable]: String(port) });
      expect(code).toBe(1);
      expect(lines).toEqual([`cors-console cannot start: Port ${port} (${what}) is in use: set ${variable} to a free port (0 picks one).`]);
    } finally {
      await new Promise((closed) => holder.close(closed));
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
