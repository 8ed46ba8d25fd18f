/**
 * A CORS rule value with at most one `*`: `*` alone, an exact string, or `prefix*suffix`.
 * Providers reject a second `*`; a value that has one is kept as `invalid` and matches nothing.
 */
export type WildcardPattern =
  | { kind: 'any'; source: string }
  | { kind: 'exact'; source: string; value: string }
  | { kind: 'wildcard'; source: string; prefix: string; suffix: string }
  | { kind: 'invalid'; source: string };

/**
 * Parses a rule value. `caseInsensitive` lowercases it (header names); origins keep their case
 * because S3's origin comparison is not known to ignore it, and exact is the safer model.
 */
export function parsePattern(source: string, caseInsensitive = false): WildcardPattern {
  const text = caseInsensitive ? source.toLowerCase() : source;
  if (text === '*') return { kind: 'any', source };
  const parts = text.split('*');
  if (parts.length === 1) return { kind: 'exact', source, value: text };
  if (parts.length === 2) return { kind: 'wildcard', source, prefix: parts[0] ?? '', suffix: parts[1] ?? '' };
  return { kind: 'invalid', source };
}

/**
 * Whether `value` matches. The `*` stands for any run of characters, the empty run included
 * (s3rver's `^prefix.*suffix$`; Ceph's s3-tests expect `start*end` to match `startend`).
 * With `affixesMayOverlap`, prefix and suffix are checked apart and may share characters, as
 * Ceph RGW does (`ab*bc` matches `abc`).
 */
export function matchesPattern(pattern: WildcardPattern, value: string, affixesMayOverlap = false): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'exact':
      return pattern.value === value;
    case 'wildcard':
      return (
        (affixesMayOverlap || value.length >= pattern.prefix.length + pattern.suffix.length) &&
        value.startsWith(pattern.prefix) &&
        value.endsWith(pattern.suffix)
      );
    case 'invalid':
      return false;
  }
}

/** Whether every value `inner` matches is also matched by `outer`. */
export function patternCovers(outer: WildcardPattern, inner: WildcardPattern): boolean {
  if (inner.kind === 'invalid') return true;
  switch (outer.kind) {
    case 'any':
      return true;
    case 'invalid':
      return false;
    case 'exact':
      return inner.kind === 'exact' && inner.value === outer.value;
    case 'wildcard':
      if (inner.kind === 'exact') return matchesPattern(outer, inner.value);
      if (inner.kind === 'any') return false;
      return inner.prefix.startsWith(outer.prefix) && inner.suffix.endsWith(outer.suffix);
  }
}

/** Whether some value is matched by both patterns. */
export function patternsOverlap(a: WildcardPattern, b: WildcardPattern): boolean {
  if (a.kind === 'invalid' || b.kind === 'invalid') return false;
  if (a.kind === 'any' || b.kind === 'any') return true;
  if (a.kind === 'exact') return matchesPattern(b, a.value);
  if (b.kind === 'exact') return matchesPattern(a, b.value);
  // Two `prefix*suffix` patterns share a value when their prefixes and suffixes are compatible:
  // the free middle of the longer one absorbs the rest.
  const prefixesAgree = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixesAgree = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixesAgree && suffixesAgree;
}
