import { describe, expect, it } from 'vitest';
import { DraftReader } from '../../../../src/web/features/rule-editor/draft-reader';
import { configToForm, formToConfig, type EditorFormValues } from '../../../../src/web/features/rule-editor/rule-form';
import { rule } from '../../../support/builders';

const form = configToForm({ rules: [rule({ id: 'a', allowedOrigins: ['https://a.example'] }), rule({ id: 'b', allowedOrigins: ['https://b.example'] }), rule({ id: 'c' })] });
const withOrigins = (values: EditorFormValues, index: number, origins: string): EditorFormValues => ({ ...values, rules: values.rules.map((r, i) => (i === index ? { ...r, allowedOrigins: origins } : r)) });

describe('DraftReader', () => {
  it('reads the form as formToConfig does', () => {
    const edited = withOrigins(form, 1, 'https://b.example\nhttps://c.example');
    expect(new DraftReader().read(edited)).toEqual(formToConfig(edited));
  });

  it('answers the same draft while the fields are the same, though the form hands over new objects', () => {
    const reader = new DraftReader();
    const first = reader.read(form);
    expect(reader.read(structuredClone(form))).toBe(first);
  });

  it('re-reads only the rule that changed: the others are the same objects', () => {
    const reader = new DraftReader();
    const before = reader.read(form);
    const after = reader.read(withOrigins(structuredClone(form), 1, 'https://changed.example'));
    expect(after).not.toBe(before);
    expect(after.rules[0]).toBe(before.rules[0]);
    expect(after.rules[2]).toBe(before.rules[2]);
    expect(after.rules[1]?.allowedOrigins).toEqual(['https://changed.example']);
  });

  it('follows a move, and keeps two equal rules two objects', () => {
    const reader = new DraftReader();
    const before = reader.read(form);
    const moved = reader.read({ ...form, rules: [form.rules[2]!, form.rules[0]!, form.rules[1]!] });
    expect(moved.rules).toEqual([before.rules[2], before.rules[0], before.rules[1]]);
    expect(moved.rules[0]).toBe(before.rules[2]);
    const twins = reader.read({ ...form, rules: [form.rules[0]!, { ...form.rules[0]! }] });
    expect(twins.rules[0]).toEqual(twins.rules[1]);
    expect(twins.rules[0]).not.toBe(twins.rules[1]);
  });

  it('answers a new draft when only the Vary flag changes', () => {
    const reader = new DraftReader();
    const before = reader.read(form);
    const after = reader.read({ ...form, responseVary: true });
    expect(after).not.toBe(before);
    expect(after.responseVary).toBe(true);
  });
});
