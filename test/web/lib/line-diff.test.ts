import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/web/lib/line-diff';

describe('line diff', () => {
  it('marks added and removed lines between common ones', () => {
    expect(diffLines('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'd' },
    ]);
  });

  it('shows everything as added when there was nothing before', () => {
    expect(diffLines('', 'a\nb\n')).toEqual([
      { kind: 'added', text: 'a' },
      { kind: 'added', text: 'b' },
    ]);
  });

  it('shows equal texts as unchanged', () => {
    expect(diffLines('a\r\nb', 'a\nb').every((line) => line.kind === 'same')).toBe(true);
  });

  it('aligns moved blocks by the longest common run', () => {
    const kinds = diffLines('x\n1\n2\n3\ny', 'y\n1\n2\n3\nx').map((l) => `${l.kind[0]}${l.text}`);
    expect(kinds).toEqual(['rx', 'ay', 's1', 's2', 's3', 'ry', 'ax']);
  });
});
