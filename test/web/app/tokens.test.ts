import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The tokens every theme must define (the brief's list), and the pairs of text on background
// that the widgets use; each must reach WCAG AA for normal text (4.5:1).
const css = readFileSync(resolve(__dirname, '../../../src/web/app/tokens.css'), 'utf8');

function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const themes = { light: block("[data-theme='light']"), dark: block("[data-theme='dark']"), systemDark: block(':root:not([data-theme])') };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const COLOURS = ['bg', 'surface', 'surface-raised', 'border', 'border-strong', 'text', 'text-muted', 'accent', 'accent-hover', 'on-accent', 'danger', 'danger-soft', 'warning', 'warning-soft', 'success', 'success-soft', 'info', 'info-soft', 'focus'].map((c) => `--color-${c}`);
const BACKGROUNDS = ['bg', 'surface', 'surface-raised'];
const TEXT_ON = [
  ...['text', 'text-muted', 'accent', 'danger', 'warning', 'success', 'info'].flatMap((text) => BACKGROUNDS.map((bg) => [text, bg] as const)),
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
  ['on-accent', 'danger'],
  ...(['danger', 'warning', 'success', 'info'] as const).flatMap((tone) => [
    [tone, `${tone}-soft`] as const,
    ['text', `${tone}-soft`] as const,
  ]),
] as const;

describe('design tokens', () => {
  it.each(Object.entries(themes))('the %s theme defines every colour token', (_, tokens) => {
    expect(COLOURS.filter((name) => !tokens.has(name))).toEqual([]);
    expect(tokens.get('--shadow-1')).toBeDefined();
  });

  it('the system-dark block repeats the dark theme exactly', () => {
    expect(Object.fromEntries(themes.systemDark)).toEqual(Object.fromEntries(themes.dark));
  });

  it.each(['light', 'dark'] as const)('every text colour reaches 4.5:1 on the backgrounds it is used on in the %s theme', (name) => {
    const tokens = themes[name];
    const colour = (token: string) => tokens.get(`--color-${token}`)!;
    const failing = TEXT_ON.map(([text, bg]) => ({ text, bg, ratio: Math.round(contrast(colour(text), colour(bg)) * 100) / 100 })).filter((pair) => pair.ratio < 4.5);
    expect(failing).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('the focus ring and input borders reach 3:1 against the page in the %s theme', (name) => {
    const tokens = themes[name];
    for (const token of ['focus', 'border-strong']) for (const bg of BACKGROUNDS) expect(contrast(tokens.get(`--color-${token}`)!, tokens.get(`--color-${bg}`)!)).toBeGreaterThanOrEqual(3);
  });
});
