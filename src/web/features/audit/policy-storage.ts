import { z } from 'zod';
import { auditPolicySchema, type AuditPolicy } from '../../../core';

// The Audit page's policy, kept per profile in localStorage so the next audit (after a reload, or
// another day) runs against the same checks. What is read back was written by another version of
// the console or edited by hand, so it is parsed, never trusted.

const KEY_PREFIX = 'cors-console:audit-policy:v1:';

/** The policy the page audits with, and the file it was loaded from (to say whether it was changed since). */
export interface PolicyChoice {
  policy: AuditPolicy;
  file: { name: string; policy: AuditPolicy } | null;
}

const storedChoiceSchema = z
  .object({
    policy: auditPolicySchema,
    file: z.object({ name: z.string().max(1024), policy: auditPolicySchema }).strict().nullable(),
  })
  .strict();

const keyOf = (profile: string) => `${KEY_PREFIX}${encodeURIComponent(profile)}`;

/** Storage can be missing or refused (private windows, a full quota, a policy); the choice then lasts as long as the page. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The choice last made for this profile; null when none was kept (a malformed entry is dropped). */
export function loadPolicyChoice(profile: string): PolicyChoice | null {
  const store = storage();
  try {
    const raw = store?.getItem(keyOf(profile));
    if (raw == null) return null;
    const parsed = storedChoiceSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable JSON or refused storage: dropped below.
  }
  try {
    store?.removeItem(keyOf(profile));
  } catch {
    // Nothing more to do: the entry is ignored either way.
  }
  return null;
}

/** Keeps the choice; the default policy with no file is kept as no entry at all. */
export function savePolicyChoice(profile: string, choice: PolicyChoice | null): void {
  try {
    if (choice) storage()?.setItem(keyOf(profile), JSON.stringify(choice));
    else storage()?.removeItem(keyOf(profile));
  } catch {
    // A full or refused storage: the choice lasts as long as the page.
  }
}
