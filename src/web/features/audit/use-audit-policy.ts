import { useCallback, useState } from 'react';
import { AUDIT_CHECK_CODES, auditPolicyFile, checkSetting, DEFAULT_AUDIT_POLICY, DEFAULT_SEVERITIES, policyFileTooLarge, readAuditPolicy, samePolicy, withCheckSetting, type AuditCheckCode, type AuditPolicy, type CheckSetting, type Issue } from '../../../core';
import type { DownloadFile } from '../../lib/download';
import { loadPolicyChoice, savePolicyChoice, type PolicyChoice } from './policy-storage';

/** What the page calls the policy: the default, a file as loaded, a file changed here, or the default changed here. */
export type PolicyName = { kind: 'default' } | { kind: 'file'; name: string; changed: boolean } | { kind: 'changed-default' };

export function policyName(choice: PolicyChoice): PolicyName {
  if (choice.file) return { kind: 'file', name: choice.file.name, changed: !samePolicy(choice.policy, choice.file.policy) };
  return samePolicy(choice.policy, DEFAULT_AUDIT_POLICY) ? { kind: 'default' } : { kind: 'changed-default' };
}

/** How the policy departs from the default: checks off, severities changed, credentials assumed. */
export function policyChanges(policy: AuditPolicy): { off: AuditCheckCode[]; rerated: AuditCheckCode[]; expectCredentials: boolean } {
  const off = AUDIT_CHECK_CODES.filter((code) => checkSetting(policy, code) === 'off');
  const rerated = AUDIT_CHECK_CODES.filter((code) => !off.includes(code) && checkSetting(policy, code) !== DEFAULT_SEVERITIES[code]);
  return { off, rerated, expectCredentials: policy.expectCredentials };
}

/** A file that was not an audit policy: its name and what is wrong with it. The policy in use is unchanged. */
export interface RefusedPolicyFile {
  name: string;
  issues: Issue[];
}

export interface AuditPolicyState {
  choice: PolicyChoice;
  refused: RefusedPolicyFile | null;
  /** Reads a policy file; a file that is not one is refused, with its issues, and changes nothing. */
  load: (file: File) => Promise<void>;
  setCheck: (code: AuditCheckCode, setting: CheckSetting) => void;
  setExpectCredentials: (expect: boolean) => void;
  /** Back to the default policy, forgetting the file. */
  reset: () => void;
  /** The policy as a file for `cors-console audit --policy`. */
  file: () => DownloadFile;
}

const DEFAULT_CHOICE: PolicyChoice = { policy: DEFAULT_AUDIT_POLICY, file: null };

/** The policy the Audit page runs with, kept per profile in this browser. */
export function useAuditPolicy(profile: string): AuditPolicyState {
  // The page is keyed by profile (app/layout.tsx), so the kept choice is read once per profile.
  const [choice, setChoice] = useState(() => loadPolicyChoice(profile) ?? DEFAULT_CHOICE);
  const [refused, setRefused] = useState<RefusedPolicyFile | null>(null);

  const choose = useCallback(
    (next: PolicyChoice) => {
      setChoice(next);
      savePolicyChoice(profile, next.file === null && samePolicy(next.policy, DEFAULT_AUDIT_POLICY) ? null : next);
    },
    [profile],
  );

  const load = useCallback(
    async (file: File) => {
      // Checked before reading: a large file picked by mistake is not read into the page at all.
      const tooLarge = policyFileTooLarge(file.size);
      const read = tooLarge ? { ok: false as const, issues: [tooLarge] } : readAuditPolicy(await file.text());
      if (!read.ok) {
        setRefused({ name: file.name, issues: read.issues });
        return;
      }
      setRefused(null);
      choose({ policy: read.policy, file: { name: file.name, policy: read.policy } });
    },
    [choose],
  );

  return {
    choice,
    refused,
    load,
    setCheck: (code, setting) => choose({ ...choice, policy: withCheckSetting(choice.policy, code, setting) }),
    setExpectCredentials: (expect) => choose({ ...choice, policy: { ...choice.policy, expectCredentials: expect } }),
    reset: () => {
      setRefused(null);
      choose(DEFAULT_CHOICE);
    },
    file: () => ({ fileName: choice.file?.name ?? 'cors-policy.json', text: auditPolicyFile(choice.policy), mimeType: 'application/json' }),
  };
}
