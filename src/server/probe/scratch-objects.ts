import { fromStorageError } from '../http/api-error';
import type { StorageAdapter } from '../storage/adapter';
import { fail, ok, type Result, type StorageError } from '../storage/result';
import { sendRaw, type RawOutcome } from './send-raw';

/** One scratch object: a profile's bucket and a key under the scratch prefix. */
export interface ScratchTarget {
  profile: string;
  adapter: StorageAdapter;
  bucket: string;
  key: string;
}

/**
 * The console's own test objects (keys under SCRATCH_PREFIX). A test's browser request goes from
 * the page straight to the bucket, after the server's probe, so the server cannot remove the
 * object when its probe ends. Instead each scratch object the server signs for is tracked until
 * it is removed: by the page's removeScratch call right after its request, or else by this
 * tracker once the object's signed URL has expired (nothing can write it after that), or when the
 * console stops. A removal that fails is logged with the key and tried again, never dropped silently.
 */
export interface ScratchObjects {
  /** Writes a small object, so that a DELETE test deletes a real object. */
  create(target: ScratchTarget): Promise<Result<void>>;
  /** Removes the object at `afterMs` from now, unless it is removed sooner. */
  removeLater(target: ScratchTarget, afterMs: number): void;
  /** Removes the object now (a missing one counts as removed: S3's DELETE answers 204 for it). */
  remove(target: ScratchTarget): Promise<Result<void>>;
  /** Removes every object still pending (the console is stopping). */
  removeAll(): Promise<void>;
  /** `profile/bucket/key` of the objects still pending removal. */
  pending(): string[];
}

const SCRATCH_BODY = 'cors-console scratch object: created by a test, removed after it\n';
const REQUEST_TIMEOUT_MS = 10_000;
const SIGNED_FOR_SECONDS = 60;

function failed(call: 'create-scratch' | 'remove-scratch', target: ScratchTarget, outcome: RawOutcome): StorageError {
  const where = { call: { call, bucket: target.bucket, key: target.key }, provider: target.adapter.provider };
  if (outcome.ok) return { code: 'provider-error', params: { reason: 'error-answer', ...where, providerStatus: outcome.answer.status }, providerStatus: outcome.answer.status };
  const { failure } = outcome;
  if (failure.code === 'provider-timeout') return { code: 'timeout', params: { reason: 'no-answer-in-time', ...where } };
  return { code: 'unreachable', params: { reason: 'no-answer', ...where, ...(failure.transportCode ? { transportCode: failure.transportCode } : {}) } };
}

async function send(target: ScratchTarget, method: 'PUT' | 'DELETE', call: 'create-scratch' | 'remove-scratch'): Promise<Result<void>> {
  const url = await target.adapter.presign(target.bucket, target.key, { method, expiresSeconds: SIGNED_FOR_SECONDS, ...(method === 'PUT' ? { contentType: 'text/plain' } : {}) });
  if (!url.ok) return url;
  const outcome = await sendRaw(new URL(url.value), method, method === 'PUT' ? { 'content-type': 'text/plain' } : {}, method === 'PUT' ? SCRATCH_BODY : undefined, REQUEST_TIMEOUT_MS);
  return outcome.ok && outcome.answer.status < 300 ? ok(undefined) : fail(failed(call, target, outcome));
}

/** A removal that failed is tried again this much later, this many times in all, each failure logged. */
const RETRY_AFTER_MS = 30_000;
const ATTEMPTS = 3;

export function createScratchObjects(log: (line: string) => void = () => {}): ScratchObjects {
  const pending = new Map<string, { target: ScratchTarget; timer: ReturnType<typeof setTimeout>; attempt: number }>();
  const idOf = ({ profile, bucket, key }: ScratchTarget) => `${profile}/${bucket}/${key}`;

  const schedule = (target: ScratchTarget, afterMs: number, attempt: number) => {
    const id = idOf(target);
    const previous = pending.get(id);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => void remove(target), afterMs);
    // A pending removal must not keep a stopping process alive; removeAll runs on stop.
    timer.unref?.();
    pending.set(id, { target, timer, attempt });
  };

  const remove = async (target: ScratchTarget): Promise<Result<void>> => {
    const id = idOf(target);
    const entry = pending.get(id);
    if (entry) clearTimeout(entry.timer);
    pending.delete(id);
    const removed = await send(target, 'DELETE', 'remove-scratch');
    if (!removed.ok) {
      const attempt = (entry?.attempt ?? 0) + 1;
      const again = attempt < ATTEMPTS;
      log(`scratch object ${id} was not removed (attempt ${attempt} of ${ATTEMPTS}${again ? `; trying again in ${RETRY_AFTER_MS / 1000} s` : '; giving up, remove it by hand'}): ${fromStorageError(removed.error).error.message}`);
      if (again) schedule(target, RETRY_AFTER_MS, attempt);
    }
    return removed;
  };

  return {
    create: (target) => send(target, 'PUT', 'create-scratch'),
    removeLater: (target, afterMs) => schedule(target, afterMs, pending.get(idOf(target))?.attempt ?? 0),
    remove,
    async removeAll() {
      // One at a time: s3rver's DeleteObject prunes the emptied key folders (.cors-console/tests/)
      // and two deletes at once race on that rmdir, one answering 500 (node_modules/s3rver
      // lib/stores/filesystem.js deleteObject); on stop there is no retry to catch it.
      for (const { target } of [...pending.values()]) await remove(target);
    },
    pending: () => [...pending.keys()],
  };
}
