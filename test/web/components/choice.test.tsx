import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkbox, Radio, RadioGroup } from '../../../src/web/components/ui';

afterEach(cleanup);

function Modes() {
  const [mode, setMode] = useState('replace');
  return (
    <RadioGroup label="Mode">
      {['replace', 'append'].map((m) => (
        <Radio key={m} name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} label={m === 'replace' ? 'Replace their rules' : 'Append after their rules'} note={`(${m} note)`} />
      ))}
    </RadioGroup>
  );
}

describe('Checkbox and Radio', () => {
  it('name the native control by its label alone; the note describes it', () => {
    render(<Checkbox label="photos" note="(2 rules)" defaultChecked />);
    const box = screen.getByRole('checkbox', { name: 'photos' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe(' (2 rules)');
    fireEvent.click(screen.getByText('photos'));
    expect(box.checked).toBe(false);
  });

  it('keeps a described-by passed in beside the note', () => {
    render(<Checkbox label="Signed URL" aria-describedby="elsewhere" note="for private buckets" />);
    expect(screen.getByRole('checkbox', { name: 'Signed URL' }).getAttribute('aria-describedby')).toMatch(/^elsewhere \S+-note$/);
  });

  it('groups radios under their visible heading, or under a fuller name when given', () => {
    render(<Modes />);
    const group = screen.getByRole('radiogroup', { name: 'Mode' });
    fireEvent.click(screen.getByRole('radio', { name: 'Append after their rules' }));
    expect((screen.getByRole('radio', { name: 'Append after their rules' }) as HTMLInputElement).checked).toBe(true);
    expect(group.querySelectorAll('input[type=radio]')).toHaveLength(2);
    cleanup();
    render(
      <RadioGroup label="PUT on" aria-label="Object the test writes">
        <Radio name="t" value="a" label="A scratch object" />
      </RadioGroup>,
    );
    expect(screen.getByRole('radiogroup', { name: 'Object the test writes' })).toBeTruthy();
    expect(screen.getByText('PUT on').getAttribute('aria-hidden')).toBe('true');
  });
});
