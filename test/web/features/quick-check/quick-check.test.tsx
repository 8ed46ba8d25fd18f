import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuickCheck } from '../../../../src/web/features/quick-check/quick-check';

describe('QuickCheck', () => {
  it('explains the sample configuration inline: trailing slash and ETag not exposed', () => {
    render(<QuickCheck />);
    const problems = within(screen.getByRole('list', { name: 'Problems' }));
    expect(problems.getByText(/ends with "\/", so it never matches/)).toBeTruthy();
    expect(problems.getByText(/does not expose ETag/)).toBeTruthy();
  });

  it('says so when the configuration is clean', () => {
    render(<QuickCheck />);
    fireEvent.change(screen.getByLabelText('Configuration'), {
      target: { value: '{"CORSRules":[{"AllowedOrigins":["https://app.example.com"],"AllowedMethods":["GET"]}]}' },
    });
    expect(screen.getByRole('status').textContent).toBe('No problems found.');
  });

  it('points a syntax error at its line', () => {
    render(<QuickCheck />);
    fireEvent.change(screen.getByLabelText('Configuration'), { target: { value: '{\n  "CORSRules": [\n    {,\n  ]\n}' } });
    expect(screen.getByRole('list', { name: 'Problems' }).textContent).toMatch(/line 3/);
  });
});
