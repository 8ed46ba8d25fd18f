// Small English pieces the core's catalogues share: rule names, lists, found values. A
// translation replaces this file together with the catalogues that use it.
import type { FoundValue } from '../issues';

/** `Rule 2 (main)`: the 1-based name people see; `rule 2 (main)` mid-sentence. */
export function ruleLabel(index: number, id?: string): string {
  return `Rule ${index + 1}${id ? ` (${id})` : ''}`;
}

export function ruleName(index: number, id?: string): string {
  return `rule ${index + 1}${id ? ` (${id})` : ''}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a, b, c`, or `(none)` for an empty list. */
export function listOrNone(values: readonly string[]): string {
  return values.length ? values.join(', ') : '(none)';
}

/** `1`, `2` → `s` when the count needs a plural. */
export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** A value found where another kind was expected, named without printing nested content. */
export function describeFound(found: FoundValue): string {
  switch (found.kind) {
    case 'nested-elements':
      return 'nested elements';
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'string':
      return `the string ${JSON.stringify(found.text)}`;
    case 'xml-text':
      return JSON.stringify(found.text);
    case 'scalar':
      return found.text;
  }
}

/** Seconds as people say them: `10 minutes`, `2 hours`, `45 seconds`. */
export function durationText(seconds: number): string {
  const unit = seconds % 3600 === 0 ? { size: 3600, name: 'hour' } : seconds % 60 === 0 ? { size: 60, name: 'minute' } : { size: 1, name: 'second' };
  const count = seconds / unit.size;
  return `${count} ${unit.name}${count === 1 ? '' : 's'}`;
}

/** A header name as people write it: `etag` → `ETag` (S3's own spelling), others as given. */
export function headerSpelling(name: string): string {
  return name.toLowerCase() === 'etag' ? 'ETag' : name;
}
