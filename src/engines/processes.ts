// Every process an engine starts carries a marker in its environment (inherited by the browser's
// own children: renderers, content processes, WebKit's web and network processes), so teardown can
// find and end them all, even ones that outlived their parent and were re-parented to init.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export const ENGINE_MARKER_VARIABLE = 'CORS_CONSOLE_ENGINE_RUN';

const markers = new WeakMap<object, string>();

/** Remembers which marker `engine`'s processes carry (tests check nothing is left behind). */
export function rememberMarker(engine: object, marker: string): void {
  markers.set(engine, marker);
}

/** The marker `engine`'s processes carry, for an engine launched here. */
export function markerOf(engine: object): string | undefined {
  return markers.get(engine);
}

/** A fresh marker and the environment to start an engine's processes with. */
export function markedEnvironment(): { marker: string; env: NodeJS.ProcessEnv } {
  const marker = randomUUID();
  return { marker, env: { ...process.env, [ENGINE_MARKER_VARIABLE]: marker } };
}

/** The ids of live processes (of this user; /proc hides others' environments) started under `marker`. */
export function markedProcesses(marker: string): number[] {
  const needle = `${ENGINE_MARKER_VARIABLE}=${marker}\0`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (`${environ}\0`.includes(needle) && !isZombie(entry)) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours.
    }
  }
  return found;
}

function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Ends every process started under `marker` (SIGKILL), waiting until none is left or `timeoutMs` passes. */
export async function killMarked(marker: string, timeoutMs = 5_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = markedProcesses(marker);
  while (left.length > 0) {
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = markedProcesses(marker);
  }
  return left;
}
