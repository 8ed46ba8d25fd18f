import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, recordHistory, redoHistory, startHistory, undoHistory } from '../../../../src/web/features/rule-editor/history';
import { historyShortcut } from '../../../../src/web/features/rule-editor/use-undo-history';

describe('draft history', () => {
  it('undoes and redoes recorded snapshots in order', () => {
    let h = startHistory('a');
    h = recordHistory(h, 'b');
    h = recordHistory(h, 'c');
    h = undoHistory(h);
    expect(h.present).toBe('b');
    h = undoHistory(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redoHistory(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch when something new is recorded', () => {
    const h = recordHistory(undoHistory(recordHistory(startHistory('a'), 'b')), 'x');
    expect(h).toEqual({ past: ['a'], present: 'x', future: [] });
  });

  it('does not record a snapshot equal to the present', () => {
    const h = startHistory({ n: 1 });
    expect(recordHistory(h, { n: 1 }, (x, y) => x.n === y.n)).toBe(h);
  });

  it('keeps at most the given number of past snapshots', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 10; i++) h = recordHistory(h, i, Object.is, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('leaves the history unchanged when there is nothing to undo or redo', () => {
    const h = startHistory('a');
    expect(undoHistory(h)).toBe(h);
    expect(redoHistory(h)).toBe(h);
  });

  it.each([
    { keys: 'Ctrl+Z', event: { key: 'z', ctrlKey: true }, expected: 'undo' },
    { keys: 'Cmd+Z', event: { key: 'z', metaKey: true }, expected: 'undo' },
    { keys: 'Ctrl+Shift+Z', event: { key: 'Z', ctrlKey: true, shiftKey: true }, expected: 'redo' },
    { keys: 'Ctrl+Y', event: { key: 'y', ctrlKey: true }, expected: 'redo' },
    { keys: 'Ctrl+Alt+Z', event: { key: 'z', ctrlKey: true, altKey: true }, expected: null },
    { keys: 'Z', event: { key: 'z' }, expected: null },
  ])('reads $keys as $expected', ({ event, expected }) => {
    expect(historyShortcut({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...event })).toBe(expected);
  });
});
