import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Page } from 'playwright-core';
import { CHINESE_CATALOGUE, ENGLISH_CATALOGUE } from './locale-text';

// Finds English left on a page shown in another locale (issue 17): every visible text node and
// every name or label the page gives (aria-label, title, placeholder, alt, a table cell's
// data-label), judged twice: does it hold an English catalogue message (text the catalogue has
// but the page did not translate), and does it hold an English word that is not a technical token
// or data (text no catalogue has: hard-coded). Code, provider quotes (lang="en") and header lists
// are data by nature and are not read.

/** One text the page shows: what it says, what kind (a text node or an attribute), and where. */
export interface ShownText {
  text: string;
  kind: string;
  where: string;
}

/** Elements whose text is code or data whatever the locale: XML and JSON, commands, header names and values, the provider's own words. */
const DATA_SELECTORS = ['code', 'pre', 'kbd', 'samp', 'script', 'style', 'noscript', 'template', '[lang="en"]', '[translate="no"]', '.tp-mono', '.tp-method', '.tp-url', '.tp-header-list'];

/** Every visible text and label on the page (sr-only text included: screen readers read it). */
export async function shownTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate((dataSelector) => {
    const shown: { text: string; kind: string; where: string }[] = [];
    const pathOf = (element: Element): string => {
      const parts: string[] = [];
      for (let at: Element | null = element; at && at !== document.body && parts.length < 4; at = at.parentElement) {
        const label = at.getAttribute('aria-label');
        parts.unshift(`${at.tagName.toLowerCase()}${at.id ? `#${at.id}` : ''}${at.classList.length ? `.${[...at.classList].slice(0, 2).join('.')}` : ''}${label ? `[${label.slice(0, 30)}]` : ''}`);
      }
      return parts.join(' > ');
    };
    const visible = (element: Element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || element.closest('.sr-only') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (!parent || text === '' || parent.closest(dataSelector)) continue;
      // An option shows when its select does (only the chosen one, but all are offered).
      const holder = parent.closest('select') ?? parent;
      if (!visible(holder)) continue;
      shown.push({ text, kind: 'text', where: pathOf(parent) });
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [data-label]')) {
      if (element.closest(dataSelector) || !visible(element)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'data-label']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) shown.push({ text: value, kind: attribute, where: pathOf(element) });
      }
    }
    return shown;
  }, DATA_SELECTORS.join(', '));
}

interface Glossary {
  tokens: string[];
}

const glossary = JSON.parse(readFileSync('docs/glossary.zh-CN.json', 'utf8')) as Glossary;

/**
 * Words that stay as they are in every locale, beyond the glossary's tokens: header and
 * field names written in prose, fetch()'s credentials modes, formats, products and providers.
 */
const TECHNICAL_WORDS = new Set(
  [
    ...glossary.tokens.flatMap((token) => token.split(/[^A-Za-z]+/)),
    ...['Origin', 'Vary', 'Authorization', 'Cookie', 'Cookies', 'Range', 'curl', 'fetch', 'omit', 'include', 'crossorigin', 'img', 'video', 'script', 'Content', 'Type', 'Cache', 'Control', 'no-cache'],
    // Written in Latin letters in Chinese too: "Web 应用" (a web app), as the OSS and COS docs write it.
    'Web',
    ...['JSON', 'XML', 'URL', 'URLs', 'HTTP', 'HTTPS', 'http', 'https', 'localhost', 'pid', 'Amazon', 'AWS', 'MinIO', 'Alibaba', 'Cloud', 'Tencent', 'Ceph', 'RGW', 's3rver', 'English'],
    // Keycaps, as keyboards print them.
    ...['Ctrl', 'Shift', 'Alt', 'Enter', 'Esc', 'Escape', 'Tab', 'Space'],
  ].map((word) => word.toLowerCase()),
);

/** A hyphenated technical token: a header name (`Content-Type`, `x-amz-meta-a`), an ACL (`public-read`). */
const HYPHENATED_TOKEN = /^(?:(?:[A-Z][A-Za-z0-9]*)(?:-[A-Z][A-Za-z0-9]*)+|[xX]-[A-Za-z0-9-]+|public-read(?:-write)?|authenticated-read|bucket-owner-[a-z-]+|cors-console)$/;

/** The English of a message with its placeholders, plurals and selects taken out: its literal runs. */
function literalRuns(message: string): string[] {
  const runs: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of message) {
    if (char === '{') {
      if (depth === 0) runs.push(current);
      current = depth === 0 ? '' : current;
      depth++;
    } else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) current += char;
  }
  runs.push(current);
  return runs.map((run) => run.trim()).filter(Boolean);
}

/** English runs of at least three words (or a whole message of two): long enough that a match is a leftover, not chance. */
const ENGLISH_RUNS = Object.entries(ENGLISH_CATALOGUE).flatMap(([id, message]) => {
  if (CHINESE_CATALOGUE[id] === message) return [];
  const whole = !message.includes('{');
  return literalRuns(message)
    .filter((run) => (run.match(/[A-Za-z]{2,}/g) ?? []).length >= (whole ? 1 : 3) && /[a-z]{3,}/.test(run))
    .map((run) => ({ id, run, whole }));
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why `text` is English left untranslated, or null. `data` are values the page shows as they are (bucket names, origins, rule IDs). */
export function untranslatedReason(text: string, data: readonly string[]): string | null {
  const message = ENGLISH_RUNS.find(({ run, whole }) => (whole ? text === run : text.includes(run)));
  if (message) return `English message ${message.id}`;
  let rest = text;
  for (const value of [...data].sort((a, b) => b.length - a.length)) if (value) rest = rest.replace(new RegExp(escape(value), 'g'), ' ');
  rest = rest
    // URLs, host names, paths, file names, e-mail-like and dotted tokens.
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
    .replace(/\S+\.\S+/g, ' ')
    // MIME types and paths: application/json, image/png.
    .replace(/\S+\/\S+/g, ' ')
    .replace(/(^|\s)[/~]\S*/g, ' ')
    .replace(/<\/?[a-z]+>/gi, ' ')
    .replace(/--[a-z-]+/g, ' ');
  // Words in any script: a word with one letter beyond ASCII (pseudo-locale accents, Chinese) is not English.
  const english = (rest.match(/\p{L}[\p{L}\p{N}]*(?:[-'][\p{L}\p{N}]+)*/gu) ?? []).filter((word) => {
    if (HYPHENATED_TOKEN.test(word)) return false;
    return word.split('-').some((part) => {
      if (part.length < 2 || /\d/.test(part)) return false;
      // Only prose looks like this: all lowercase, or one capital then lowercase. ALL-CAPS and
      // camelCase are tokens (GET, CORS, AllowedOrigin, withCredentials).
      if (!/^[A-Za-z][a-z']+$/.test(part)) return false;
      return !TECHNICAL_WORDS.has(part.toLowerCase());
    });
  });
  return english.length ? `English words: ${english.join(' ')}` : null;
}

/** Each shown text that is English left untranslated, with its screen, kind, place and reason. */
export function untranslated(screen: string, texts: readonly ShownText[], data: readonly string[]): string[] {
  const found = new Set<string>();
  for (const { text, kind, where } of texts) {
    const reason = untranslatedReason(text, data);
    if (reason) found.add(`${screen} | ${kind} "${text}" | ${reason} | at ${where}`);
  }
  return [...found];
}

/**
 * The values a main screen shows as they are, beside the test's own (`values`: origins, rule IDs,
 * keys): every bucket name in the list (the shared RGW peer lists other suites' buckets too), this
 * host's name (a console's label names it) and the CLI command the suite export names.
 */
export async function dataOnScreen(page: Page, values: readonly string[]): Promise<string[]> {
  return [...(await page.locator('.bucket-name').allTextContents()), ...values, hostname(), 'cors-console test --suite'];
}
