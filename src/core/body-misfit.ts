import type { z } from 'zod';

/** Checks of the API's own (refined) body schemas, by code: the schema names its check in `params.rule`. */
export const BODY_RULES = ['key-too-long', 'key-control-character', 'key-dot-segment', 'too-many-headers', 'duplicate-test-ids', 'header-name-characters', 'header-value-characters', 'key-not-unicode', 'origin-serialized'] as const;
export type BodyRule = (typeof BODY_RULES)[number];

/**
 * Why a value in a request body does not fit its schema, as a code and the values it names
 * (read from the schema library's issue, never from its English text).
 */
export type BodyMisfit =
  /** `expected`: the schema's type name (`string`, `number`, `array`, `object`...). */
  | { kind: 'wrong-type'; expected: string }
  /** `of`: what is measured (`string` length, `array` items, a `number`). */
  | { kind: 'too-small'; of: string; minimum: number }
  | { kind: 'too-big'; of: string; maximum: number }
  | { kind: 'bad-format'; format: string }
  | { kind: 'not-one-of'; values: string[] }
  | { kind: 'unknown-fields'; fields: string[] }
  | { kind: 'no-shape-fits' }
  | { kind: 'broken-rule'; rule: BodyRule; limit?: number }
  | { kind: 'other' };

/** The parameters a refinement gives its issue, so `misfitOf` can name the check: `refine(check, bodyRule('key-too-long'))`. */
export function bodyRule(rule: BodyRule, limit?: number): { params: { rule: BodyRule; limit?: number } } {
  return { params: { rule, ...(limit !== undefined ? { limit } : {}) } };
}

const isBodyRule = (value: unknown): value is BodyRule => BODY_RULES.some((rule) => rule === value);

/** A zod issue as a misfit. */
export function misfitOf(issue: z.core.$ZodIssue): BodyMisfit {
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'wrong-type', expected: issue.expected };
    case 'too_small':
      return { kind: 'too-small', of: issue.origin, minimum: Number(issue.minimum) };
    case 'too_big':
      return { kind: 'too-big', of: issue.origin, maximum: Number(issue.maximum) };
    case 'invalid_format':
      return { kind: 'bad-format', format: issue.format };
    case 'invalid_value':
      return { kind: 'not-one-of', values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { kind: 'unknown-fields', fields: issue.keys };
    case 'invalid_union':
      return { kind: 'no-shape-fits' };
    case 'custom': {
      const rule: unknown = issue.params?.['rule'];
      const limit: unknown = issue.params?.['limit'];
      return isBodyRule(rule) ? { kind: 'broken-rule', rule, ...(typeof limit === 'number' ? { limit } : {}) } : { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}
