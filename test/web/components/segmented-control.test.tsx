import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SegmentedControl } from '../../../src/web/components/ui';

const VIEWS = [
  { value: 'form', label: 'Form' },
  { value: 'raw', label: 'Raw' },
] as const;

function Harness() {
  const [view, setView] = useState<'form' | 'raw'>('form');
  return <SegmentedControl label="View" options={VIEWS} value={view} onChange={setView} />;
}

const pressed = (group: HTMLElement) =>
  within(group)
    .getAllByRole('button')
    .map((button) => `${button.textContent}:${button.getAttribute('aria-pressed')}`);

describe('SegmentedControl', () => {
  it('is a named group of toggle buttons with exactly the chosen one pressed, and a click chooses', () => {
    render(<Harness />);
    const group = screen.getByRole('group', { name: 'View' });
    expect(pressed(group)).toEqual(['Form:true', 'Raw:false']);
    fireEvent.click(within(group).getByRole('button', { name: 'Raw' }));
    expect(pressed(group)).toEqual(['Form:false', 'Raw:true']);
    expect(within(group).getByRole('button', { name: 'Raw' }).getAttribute('type')).toBe('button');
  });
});
