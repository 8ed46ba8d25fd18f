import type { Method } from '../core';

// The scratch-object facts, in a module without schemas, so the web app's test runner can use
// them without loading the contract's parsers.

/**
 * Where the console's own test objects live: a PUT, POST or DELETE test writes a fresh object
 * under this prefix (never one the user did not name), and the console removes it afterwards.
 * Any other key is the user's data, and writing it needs `confirmWrite` (409 otherwise).
 */
export const SCRATCH_PREFIX = '.cors-console/tests/';

/** Whether `key` is one of the console's scratch objects (under {@link SCRATCH_PREFIX}). */
export function isScratchKey(key: string): boolean {
  return key.startsWith(SCRATCH_PREFIX) && key.length > SCRATCH_PREFIX.length;
}

/** A fresh scratch key: 64 random bits, so concurrent runs never share an object. */
export function newScratchKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${SCRATCH_PREFIX}${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The methods whose request changes the object it names. */
export function writesObject(method: Method): method is 'PUT' | 'POST' | 'DELETE' {
  return method === 'PUT' || method === 'POST' || method === 'DELETE';
}
