import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeToggle } from '../../../src/web/app/theme-toggle';
import { THEME_STORAGE_KEY } from '../../../src/web/lib/theme';

// public/theme.js, as the page's <head> runs it before the first paint.
const runThemeScript = () => new Function(readFileSync(resolve(__dirname, '../../../public/theme.js'), 'utf8'))();
const theme = () => document.documentElement.getAttribute('data-theme');
const pressed = () => screen.getAllByRole('radio').filter((item) => item.getAttribute('aria-checked') === 'true').map((item) => item.getAttribute('aria-label'));

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('theme toggle', () => {
  it('follows the system until a theme is chosen', () => {
    render(<ThemeToggle />);
    expect(screen.getByRole('radiogroup', { name: 'Theme' })).toBeTruthy();
    expect(pressed()).toEqual(['System theme']);
    expect(theme()).toBeNull();
  });

  it('applies the chosen theme at once and remembers it for the next visit, before the app starts', () => {
    const first = render(<ThemeToggle />);
    fireEvent.click(screen.getByRole('radio', { name: 'Dark theme' }));
    expect(theme()).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    first.unmount();

    // The next visit: a fresh document, the head's script runs, then the app.
    document.documentElement.removeAttribute('data-theme');
    runThemeScript();
    expect(theme()).toBe('dark');
    render(<ThemeToggle />);
    expect(pressed()).toEqual(['Dark theme']);
  });

  it('goes back to the system preference, and forgets the choice', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    runThemeScript();
    render(<ThemeToggle />);
    expect(theme()).toBe('light');
    fireEvent.click(screen.getByRole('radio', { name: 'System theme' }));
    expect(theme()).toBeNull();
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    runThemeScript();
    expect(theme()).toBeNull();
  });

  it('ignores a stored value that is not a theme', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    runThemeScript();
    expect(theme()).toBeNull();
  });
});
