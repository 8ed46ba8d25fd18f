import { describe, expect, it } from 'vitest';
import { AUDIT_CHECK_CODES, applyPolicy, auditPolicyFile, checkSetting, DEFAULT_AUDIT_POLICY, DEFAULT_SEVERITIES, issueText, MAX_POLICY_FILE_BYTES, readAuditPolicy, samePolicy, withCheckSetting, type AuditFinding, type AuditPolicy } from '../../../src/core';

// Issue 20, item 1 (policies are data): the one reader of a policy file, for the CLI's --policy and
// the Audit page; its refusals as codes with the path they name; the page's edits and the file it writes.

function refusal(text: string) {
  const read = readAuditPolicy(text);
  if (read.ok) throw new Error('expected the policy to be refused');
  return read.issues.map((issue) => ({ code: issue.code, params: issue.params, line: issue.line, ...issueText(issue) }));
}

describe('readAuditPolicy', () => {
  it('reads a policy file, filling in the defaults; a leading byte-order mark is allowed', () => {
    const read = readAuditPolicy('\uFEFF{ "checks": { "authorization-by-wildcard": { "enabled": false }, "upload-etag-hidden": { "severity": "error" } } }');
    expect(read).toEqual({
      ok: true,
      policy: { version: 1, expectCredentials: false, checks: { 'authorization-by-wildcard': { enabled: false }, 'upload-etag-hidden': { enabled: true, severity: 'error' } } },
    });
    expect(readAuditPolicy('{}')).toEqual({ ok: true, policy: DEFAULT_AUDIT_POLICY });
  });

  it('refuses broken JSON with its line and column', () => {
    expect(refusal('{\n  "version": 1,\n  "checks": { ,}\n}')).toEqual([
      expect.objectContaining({ code: 'document.syntax', params: expect.objectContaining({ problem: 'json', line: 3, column: 15 }), line: 3, message: expect.stringMatching(/^Invalid JSON at line 3, column 15: /) }),
    ]);
  });

  it('names each field that does not fit, with what it must be', () => {
    expect(refusal(JSON.stringify({ version: 2, expectCredentials: 'yes', checks: { 'upload-etag-hidden': { severity: 'fatal' } } }))).toEqual([
      expect.objectContaining({ code: 'policy.invalid', params: { field: 'version', misfit: { kind: 'not-one-of', values: ['1'] } }, message: 'Policy field version: Must be one of 1.' }),
      expect.objectContaining({ code: 'policy.invalid', params: { field: 'expectCredentials', misfit: { kind: 'wrong-type', expected: 'boolean' } } }),
      expect.objectContaining({ code: 'policy.invalid', params: { field: 'checks.upload-etag-hidden.severity', misfit: { kind: 'not-one-of', values: ['error', 'warning', 'note'] } }, message: 'Policy field checks.upload-etag-hidden.severity: Must be one of error, warning, note.' }),
    ]);
    expect(refusal('[]')).toEqual([expect.objectContaining({ code: 'policy.invalid', params: { field: '', misfit: { kind: 'wrong-type', expected: 'object' } } })]);
  });

  it('refuses a check that does not exist and lists the ones that do', () => {
    const [issue, ...rest] = refusal(JSON.stringify({ checks: { 'wildcard-origin': { enabled: false } } }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'policy.invalid', params: { field: 'checks', misfit: { kind: 'unknown-fields', fields: ['wildcard-origin'] } } });
    expect(issue!.message).toBe('Policy field checks: Unknown field wildcard-origin.');
    for (const code of AUDIT_CHECK_CODES) expect(issue!.hint).toContain(code);
  });

  it('refuses, unread, a text far larger than any policy', () => {
    const big = `{"checks":{}${' '.repeat(MAX_POLICY_FILE_BYTES)}}`;
    expect(refusal(big)).toEqual([
      expect.objectContaining({ code: 'document.too-large', params: { parser: 'policy', size: big.length, max: MAX_POLICY_FILE_BYTES }, message: expect.stringMatching(/^The file is 65 KB; an audit policy is a few lines of JSON, read up to 64 KB\./) }),
    ]);
  });
});

describe('editing a policy', () => {
  it('sets each check to a severity or off, and back to its default, which leaves the file', () => {
    let policy: AuditPolicy = DEFAULT_AUDIT_POLICY;
    policy = withCheckSetting(policy, 'shadowing-harm', 'off');
    policy = withCheckSetting(policy, 'upload-etag-hidden', 'error');
    expect(checkSetting(policy, 'shadowing-harm')).toBe('off');
    expect(checkSetting(policy, 'upload-etag-hidden')).toBe('error');
    expect(checkSetting(policy, 'max-age-over-cap')).toBe(DEFAULT_SEVERITIES['max-age-over-cap']);
    const found: AuditFinding[] = [
      { code: 'max-age-over-cap', params: { rule: 0, maxAgeSeconds: 86400, engines: [{ engine: 'webkit', cap: 600 }] } },
      { code: 'upload-etag-hidden', params: { rule: 0, methods: ['PUT'] } },
    ];
    expect(applyPolicy(found, withCheckSetting(policy, 'max-age-over-cap', 'off')).map((f) => [f.code, f.severity])).toEqual([['upload-etag-hidden', 'error']]);
    policy = withCheckSetting(policy, 'shadowing-harm', DEFAULT_SEVERITIES['shadowing-harm']);
    policy = withCheckSetting(policy, 'upload-etag-hidden', DEFAULT_SEVERITIES['upload-etag-hidden']);
    expect(policy.checks).toEqual({});
    expect(samePolicy(policy, DEFAULT_AUDIT_POLICY)).toBe(true);
  });

  it('writes only what differs from the default, and the file reads back as the same policy', () => {
    const policy = { ...withCheckSetting(withCheckSetting(DEFAULT_AUDIT_POLICY, 'rule-count-near-limit', 'off'), 'authorization-by-wildcard', 'warning'), expectCredentials: true };
    const file = auditPolicyFile(policy);
    expect(JSON.parse(file)).toEqual({ version: 1, expectCredentials: true, checks: { 'authorization-by-wildcard': { severity: 'warning' }, 'rule-count-near-limit': { enabled: false } } });
    const read = readAuditPolicy(file);
    expect(read.ok && samePolicy(read.policy, policy)).toBe(true);
    // A setting written out at its default severity is the same policy as none.
    expect(samePolicy(withCheckSetting(DEFAULT_AUDIT_POLICY, 'rule-count-near-limit', 'note'), { ...DEFAULT_AUDIT_POLICY, checks: { 'rule-count-near-limit': { enabled: true, severity: 'note' } } })).toBe(true);
    expect(samePolicy(policy, DEFAULT_AUDIT_POLICY)).toBe(false);
  });
});
