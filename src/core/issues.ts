/** Where an issue points: `['rules', 2, 'allowedOrigins', 0]`, or `[]` for the whole document. */
export type IssuePath = (string | number)[];

/**
 * A problem found in a configuration or a document, as a value a person can act on.
 * `error` means the provider would reject it (or it can never work); `warning` means it will be
 * accepted but probably does not do what the author wants.
 */
export interface Issue {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `origin.missing-scheme`; the UI and tests key on it. */
  code: string;
  /** One sentence that names the offending value. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The rule and field concerned. */
  path: IssuePath;
  /** The error code the provider answers for this input, when known (e.g. `InvalidRequest`). */
  providerCode?: string;
  /** 1-based line in the source document, for issues found while parsing text. */
  line?: number;
  /** Other rule indexes involved (e.g. the earlier rules that shadow this one). */
  relatedRules?: number[];
}

/** Shorthand constructors keep issue literals short and uniform. */
export function error(code: string, message: string, path: IssuePath, extra: Partial<Issue> = {}): Issue {
  return { severity: 'error', code, message, path, ...extra };
}

export function warning(code: string, message: string, path: IssuePath, extra: Partial<Issue> = {}): Issue {
  return { severity: 'warning', code, message, path, ...extra };
}
