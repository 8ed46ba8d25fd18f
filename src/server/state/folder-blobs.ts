import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { StateBlobs } from './state-blobs';

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to a fresh temporary file beside `target` and flushes it to the disk. */
async function writeDurableTemporary(target: string, text: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/**
 * State as files under `root`. Every write is a temporary file, fsync'd, then moved into place
 * and the folder fsync'd: a `kill -9` or a power cut leaves the old file or the new one, never a
 * half-written or empty one (what s3rver's in-place rewrite of a bucket's CORS file did, issue 15).
 */
export function createFolderBlobs(root: string): StateBlobs {
  const pathOf = (key: string) => join(root, ...key.split('/'));
  return {
    backend: 'data-folder',
    where: root,
    async create(key, text) {
      const target = pathOf(key);
      const temporary = await writeDurableTemporary(target, text);
      try {
        // link(), unlike rename(), refuses an existing target: an entry is never replaced.
        await link(temporary, target);
      } finally {
        await unlink(temporary);
      }
      await fsyncPath(dirname(target));
    },
    async replace(key, text) {
      const target = pathOf(key);
      await rename(await writeDurableTemporary(target, text), target);
      await fsyncPath(dirname(target));
    },
    async read(key) {
      try {
        return await readFile(pathOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async list(folder, { startAfter, limit }) {
      let names: string[];
      try {
        names = await readdir(pathOf(folder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return names
        .filter((name) => !name.endsWith('.tmp') && !name.includes(sep))
        .map((name) => `${folder}/${name}`)
        .sort()
        .filter((key) => startAfter === undefined || key > startAfter)
        .slice(0, limit);
    },
  };
}
