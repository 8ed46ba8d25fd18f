import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The tokens every theme must define (the brief's list), and the pairs of text on background
// that the widgets use; each must reach WCAG AA for normal text (4.5:1) in both themes.
const css = readFileSync(resolve(__dirname, '../../../src/web/app/tokens.css'), 'utf8');

function block(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no ${selector} block`);
  return css.slice(start, css.indexOf('}', start));
}

// Each colour is written once, as light-dark(LIGHT, DARK) in the :root block that sets color-scheme.
const colourBlock = [...css.matchAll(/:root \{[^}]*\}/g)].map((m) => m[0]).find((b) => b.includes('color-scheme'))!;
const declarations = new Map([...colourBlock.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
const side = (index: 1 | 2) => new Map([...declarations].flatMap(([name, value]) => {
  const pair = /^light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)$/i.exec(value);
  return pair ? [[name, pair[index]!] as const] : [];
}));
const themes = { light: side(1), dark: side(2) };

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
  it('writes every colour token once, as a light and a dark hex value', () => {
    expect(COLOURS.filter((name) => !themes.light.has(name) || !themes.dark.has(name))).toEqual([]);
    // Once: no second theme block (for data-theme or prefers-color-scheme) restates a colour.
    expect(COLOURS.filter((name) => css.split(`${name}:`).length !== 2)).toEqual([]);
    expect(css).not.toContain('prefers-color-scheme');
    // The two sides differ: a colour the same in both themes would not need light-dark().
    expect(COLOURS.filter((name) => themes.light.get(name) === themes.dark.get(name))).toEqual([]);
  });

  it('gives the shadows a colour for each theme', () => {
    for (const shadow of ['--shadow-1', '--shadow-2']) {
      // Layers start with an offset; the commas inside light-dark() are followed by a colour.
      const layers = declarations.get(shadow)!.split(/,\s*(?=\d)/);
      expect(layers.filter((layer) => !/light-dark\([^,]+,[^)]+\)\)?$/.test(layer))).toEqual([]);
    }
  });

  it('follows the system until a theme is chosen, and the chosen theme pins the colour scheme', () => {
    expect(colourBlock).toMatch(/color-scheme: light dark;/);
    expect(block("[data-theme='light']")).toMatch(/color-scheme: light;/);
    expect(block("[data-theme='dark']")).toMatch(/color-scheme: dark;/);
    // After the :root block: same specificity, so the later rule wins.
    expect(css.indexOf("[data-theme='dark']")).toBeGreaterThan(css.indexOf(colourBlock));
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
