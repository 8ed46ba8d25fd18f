import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Beside the embedded store's files and the `state/` folder; its own name, so no other part of the console uses it. */
export const LOCK_FILE = 'console.lock';

const holderSchema = z.object({ pid: z.number(), host: z.string(), startedAt: z.string() });
type Holder = z.infer<typeof holderSchema>;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface FolderLock {
  release(): Promise<void>;
}

/**
 * Locks the data folder for this console; two consoles starting at once cannot both win. A lock held by a running process refuses the start,
 * naming it; a lock left by a process that is gone (a `kill -9`) is taken over, with a log line.
 * Only processes on this host can be checked; a lock from another host is treated as held.
 */
export async function lockDataFolder(dataDir: string, log: (line: string) => void): Promise<FolderLock> {
  const path = join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written in full to a temporary file, then linked into place: link() fails if the lock
    // exists, so exactly one console wins, and nobody ever reads a half-written lock.
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, path);
      return {
        release: async () => {
          const holder = await readHolder(path);
          if (holder?.pid === me.pid && holder.startedAt === me.startedAt) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
    const holder = await readHolder(path);
    if (holder && (holder.host !== me.host || isRunning(holder.pid))) {
      throw new Error(
        `The data folder ${dataDir} is in use by another console: pid ${holder.pid} on ${holder.host}, started ${holder.startedAt} (${path}). Stop that console, or set CORS_CONSOLE_DATA to another folder.`,
      );
    }
    log(holder ? `data folder lock of pid ${holder.pid} (started ${holder.startedAt}) is stale: that process is gone; taking it over` : `data folder lock ${path} is unreadable (a start interrupted while writing it); taking it over`);
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`Cannot lock the data folder ${dataDir}: another console keeps taking ${path}.`);
}
