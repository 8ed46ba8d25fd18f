import { describe, expect, it } from 'vitest';
import { validateConfig, type Issue } from '../../../../src/core';
import { editorFormSchema } from '../../../../src/web/features/rule-editor/editor-schema';
import { causesOf, formFieldName, issueLineText, mergeRuleIssues, placeIssues, placeOwnIssues } from '../../../../src/web/features/rule-editor/issue-placement';
import { emptyRule, formToConfig, type EditorFormValues } from '../../../../src/web/features/rule-editor/rule-form';

function form(...rules: Partial<ReturnType<typeof emptyRule>>[]): EditorFormValues {
  return { rules: rules.map((r) => ({ ...emptyRule(), allowedOrigins: 'https://app.example.com', ...r })), responseVary: false };
}

const issue = (path: Issue['path'], extra: Partial<Pick<Issue, 'severity' | 'relatedRules'>> & { code?: 'origin.empty' | 'origin.duplicate' | 'rule.never-matches' } = {}): Issue =>
  ({ severity: 'error', code: 'origin.empty', params: {}, path, ...extra }) as Issue;

describe('issue placement', () => {
  it('names the text area line of the value an issue is about, counting blank lines', () => {
    const values = form({ allowedOrigins: 'https://a.com\n\nwww.a.com' });
    const [found] = validateConfig(formToConfig(values), 's3rver').filter((i) => i.code === 'origin.missing-scheme');
    expect(issueLineText(found!, values)).toBe('Line 3: Origin needs a protocol: https://www.a.com');
  });

  it('sorts issues to the configuration, the rule card or the field they concern', () => {
    const values = form({}, {});
    const placed = placeIssues([issue(['rules']), issue(['rules', 1]), issue(['rules', 0, 'exposeHeaders', 0]), issue(['rules', 0, 'id']), issue(['rules', 7, 'id'])], values);
    expect(placed.config.map((p) => p.issue.path)).toEqual([['rules'], ['rules', 7, 'id']]);
    expect(placed.rules[1]!.rule).toHaveLength(1);
    expect(Object.keys(placed.rules[0]!.fields).sort()).toEqual(['exposeHeaders', 'id']);
    expect(placed.errorCount).toBe(5);
  });

  it('lists errors before warnings in each place', () => {
    const placed = placeIssues([issue(['rules', 0, 'allowedOrigins'], { severity: 'warning', code: 'origin.duplicate' }), issue(['rules', 0, 'allowedOrigins'], { code: 'origin.empty' })], form({}));
    expect(placed.rules[0]!.fields.allowedOrigins!.map((p) => p.issue.code)).toEqual(['origin.empty', 'origin.duplicate']);
  });

  it('places one rule\'s own issues as the whole placement places them, from that rule\'s fields alone', () => {
    const values = form({}, { allowedOrigins: 'https://b.com\nb.com', ruleId: 'x'.repeat(300) });
    const own = validateConfig(formToConfig(values), 's3rver').filter((i) => i.path[1] === 1);
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(placeOwnIssues(own, values.rules[1]!)).toEqual(placeIssues(own, values).rules[1]);
    expect(placeOwnIssues(own, values.rules[1]!).fields.allowedOrigins![0]!.text).toMatch(/^Line 2: /);
  });

  it('merges a card\'s two placements, errors before warnings, the first placement\'s first within a level', () => {
    const warning = placeIssues([issue(['rules', 0, 'allowedOrigins'], { severity: 'warning', code: 'origin.duplicate' }), issue(['rules', 0], { severity: 'warning', code: 'origin.duplicate' })], form({})).rules[0]!;
    const error = placeIssues([issue(['rules', 0, 'allowedOrigins'], { code: 'origin.empty' }), issue(['rules', 0, 'id'])], form({})).rules[0]!;
    const merged = mergeRuleIssues(warning, error);
    expect(merged.fields.allowedOrigins!.map((p) => p.issue.code)).toEqual(['origin.empty', 'origin.duplicate']);
    expect(merged.fields.id!.map((p) => p.issue.code)).toEqual(['origin.empty']);
    expect(merged.rule.map((p) => p.issue.code)).toEqual(['origin.duplicate']);
  });

  it('maps issue paths to form field names, the ID included', () => {
    expect(formFieldName(issue(['rules', 2, 'id']), 3)).toBe('rules.2.ruleId');
    expect(formFieldName(issue(['rules', 0, 'allowedOrigins', 4]), 3)).toBe('rules.0.allowedOrigins');
    expect(formFieldName(issue(['rules', 5, 'id']), 3)).toBeUndefined();
    expect(formFieldName(issue(['rules']), 3)).toBeUndefined();
  });

  it('finds the rules that take a shadowed rule\'s requests', () => {
    expect(causesOf(issue(['rules', 2], { code: 'rule.never-matches', relatedRules: [1, 0] }))).toEqual([1, 0]);
    expect(causesOf(issue(['rules', 2], { code: 'origin.duplicate', relatedRules: [1] }))).toEqual([]);
  });

  it('shows a shadowing warning on both cards, each linking to the other', () => {
    const warned: Issue = { severity: 'warning', code: 'rule.never-matches', params: { rule: 2, answeredBy: [0] }, path: ['rules', 2], relatedRules: [0] };
    const placed = placeIssues([warned], form({}, {}, {}));
    expect(placed.rules.map((r) => r.rule.map((p) => p.link))).toEqual([[{ role: 'cause', other: 2 }], [], [{ role: 'loser', other: 0 }]]);
    expect(placed.rules[0]!.rule[0]!.key).not.toBe(placed.rules[2]!.rule[0]!.key);
  });
});

describe('editor form schema', () => {
  it('turns the core\'s errors into field errors with their line', () => {
    const result = editorFormSchema('s3rver').safeParse(form({ allowedOrigins: 'https://a.com\nwww.a.com' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['rules.0.allowedOrigins', 'Line 2: Origin needs a protocol: https://www.a.com']]);
  });

  it('lets warnings through and gives back the configuration', () => {
    const result = editorFormSchema('s3rver').safeParse(form({ allowedMethods: ['PUT'], maxAgeSeconds: '60' }));
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ rules: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: 60 }] });
  });

  it('refuses a configuration without rules', () => {
    const result = editorFormSchema('s3rver').safeParse(form());
    expect(result.error?.issues[0]?.path).toEqual(['rules']);
  });
});
