import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The key pair the embedded store's gate accepts; made for one data folder and kept in it. */
export interface StoreKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Named apart from the data folder's other files (the state store's lock among them). */
export const STORE_KEYS_FILE = 'embedded-keys.json';

const storeKeysSchema = z.object({ accessKeyId: z.string().regex(/^[A-Z0-9]{20}$/), secretAccessKey: z.string().min(40) });

/** An access key id in AWS's shape (20 upper-case letters and digits) and a 40-character secret. */
function newStoreKeys(): StoreKeys {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const id = [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return { accessKeyId: `CCGW${id}`, secretAccessKey: randomBytes(30).toString('base64') };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The data folder's store keys, made on first use. The file is readable by its owner only
 * (0600), and made so again if someone widened it: whoever reads it can write every bucket.
 */
export async function loadStoreKeys(dataDir: string): Promise<StoreKeys> {
  const path = join(dataDir, STORE_KEYS_FILE);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read the embedded store's keys ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (text !== null) {
    const parsed = storeKeysSchema.safeParse(parseJson(text));
    if (!parsed.success) throw new Error(`The embedded store's keys file ${path} is damaged: delete it and start again for new keys.`);
    await chmod(path, 0o600);
    return parsed.data;
  }
  const keys = newStoreKeys();
  // `wx`: two starts at once cannot both write a pair; the loser reads the winner's.
  try {
    await writeFile(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadStoreKeys(dataDir);
    throw error;
  }
  return keys;
}
