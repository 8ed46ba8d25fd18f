import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** The built command, as users run it (`npm run build` first). */
export const CLI_BIN = resolve('bin/cors-console.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cors-console ARGS…` in a clean environment (PATH and HOME kept, `env` added). */
export function runCli(args: string[], env: Record<string, string>, timeoutMs: number): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI_BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NODE_NO_WARNINGS: '1', ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}
