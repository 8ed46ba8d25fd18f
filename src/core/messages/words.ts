// Small pieces the core's catalogues share: rule names, lists, found values, durations. Each is a
// message of the catalogue (catalogue.ts), so a translation changes locales/*.json, not this file.
import type { FoundValue } from '../issues';
import { activeLocale, text } from './catalogue';

/** `Rule 2 (main)`: the 1-based name people see; `rule 2 (main)` mid-sentence. */
export function ruleLabel(index: number, id?: string): string {
  return id ? text('words.rule-label-named', { number: index + 1, id }) : text('words.rule-label', { number: index + 1 });
}

export function ruleName(index: number, id?: string): string {
  return id ? text('words.rule-name-named', { number: index + 1, id }) : text('words.rule-name', { number: index + 1 });
}

const listFormats = new Map<string, Intl.ListFormat>();

/** The active locale's list format of `style`, made once per locale. */
function listFormat(style: 'narrow' | 'long'): Intl.ListFormat {
  const key = `${activeLocale()} ${style}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(activeLocale(), { type: 'conjunction', style })));
  return format;
}

/** `a, b, c` (`a、b、c` in Chinese): values named one after another, in the active locale's list style. */
export function listText(values: readonly string[]): string {
  return listFormat('narrow').format(values);
}

/** `a and b`, `a, b, and c` (`a和b`, `a、b和c` in Chinese): values that all hold. */
export function andList(values: readonly string[]): string {
  return listFormat('long').format(values);
}

/** Clauses that each say one thing (`the browser blocks some of them; script cannot read ETag`), one after another. */
export function clausesText(clauses: readonly string[]): string {
  return clauses.join(text('words.clause-separator'));
}

/** Groups of values that are lists themselves (`AllowedMethods GET, PUT, AllowedHeaders x-a`; `；` between groups in Chinese). */
export function groupsText(groups: readonly string[]): string {
  return groups.join(text('words.group-separator'));
}

/** `a, b, c`, or `(none)` for an empty list. */
export function listOrNone(values: readonly string[]): string {
  return values.length ? listText(values) : text('words.none-in-parens');
}

/** A value found where another kind was expected, named without printing nested content. */
export function describeFound(found: FoundValue): string {
  switch (found.kind) {
    case 'nested-elements':
      return text('words.found.nested-elements');
    case 'null':
      return 'null';
    case 'list':
      return text('words.found.list');
    case 'object':
      return text('words.found.object');
    case 'string':
      return text('words.found.string', { text: JSON.stringify(found.text) });
    case 'xml-text':
      return JSON.stringify(found.text);
    case 'scalar':
      return found.text;
  }
}

/** Seconds as people say them: `10 minutes`, `2 hours`, `45 seconds`. */
export function durationText(seconds: number): string {
  if (seconds % 3600 === 0) return text('words.duration.hours', { count: seconds / 3600 });
  if (seconds % 60 === 0) return text('words.duration.minutes', { count: seconds / 60 });
  return text('words.duration.seconds', { count: seconds });
}

/** A header name as people write it: `etag` → `ETag` (S3's own spelling), others as given. */
export function headerSpelling(name: string): string {
  return name.toLowerCase() === 'etag' ? 'ETag' : name;
}
