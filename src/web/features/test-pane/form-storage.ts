import { z } from 'zod';
import { METHODS } from '../../../core';
import { TEST_VIAS, type RequestFormValues } from './request-form';

// The Test tab's request form, kept per profile and bucket in localStorage so a reload (or a
// visit to another bucket and back) finds the request as it was left. What is read back was
// written by another version of the console or edited by hand, so it is parsed, never trusted.

const KEY_PREFIX = 'cors-console:test-form:v1:';

/** Generous bounds: a header list or a body far beyond them is no form a person typed. */
const text = (max: number) => z.string().max(max);

const storedFormSchema = z
  .object({
    key: text(2048),
    method: z.enum(METHODS),
    headers: text(64 * 1024),
    body: text(1024 * 1024),
    credentials: z.enum(['omit', 'include']),
    signed: z.boolean(),
    from: z.enum(['console', 'harness']),
    mustRead: text(16 * 1024),
    target: z.enum(['scratch', 'named']),
    // Kept by consoles since the public URL (issue 19); a form kept before it went to the endpoint.
    via: z.enum(TEST_VIAS).default('endpoint'),
  })
  .strict() satisfies z.ZodType<RequestFormValues>;

export function formStorageKey(profile: string, bucket: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(profile)}/${encodeURIComponent(bucket)}`;
}

/** Storage can be missing or refused (private windows, a full quota, a policy); the form then simply is not kept. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The form as last left for this bucket; null when none was kept, and a malformed entry is dropped. */
export function loadRequestForm(profile: string, bucket: string): RequestFormValues | null {
  const store = storage();
  const key = formStorageKey(profile, bucket);
  let raw: string | null;
  try {
    raw = store?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const values = storedFormSchema.safeParse(parsed);
  if (values.success) return values.data;
  try {
    store?.removeItem(key);
  } catch {
    // Nothing more to do: the entry is ignored either way.
  }
  return null;
}

export function saveRequestForm(profile: string, bucket: string, values: RequestFormValues): void {
  try {
    storage()?.setItem(formStorageKey(profile, bucket), JSON.stringify(values));
  } catch {
    // A full or refused storage only means the form is not kept across reloads.
  }
}
