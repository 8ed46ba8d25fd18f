import { z } from 'zod';

/** The five methods a bucket CORS rule may allow (PutBucketCors rejects any other). */
export const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;

/** A method a CORS rule can allow. */
export type Method = (typeof METHODS)[number];

/**
 * One CORS rule. Field names follow the AWS API (`CORSRule`), pluralised because each holds a list.
 * Values are kept verbatim: providers store them as written, so the console must too.
 */
export interface CorsRule {
  /** Optional rule name (`ID`); S3 limits it to 255 characters. OSS rules have no ID. */
  id?: string;
  /** Origins this rule answers: `*`, an exact origin (`https://app.example.com`), or one with a single `*`. */
  allowedOrigins: string[];
  /** Methods this rule answers; for a preflight, the `Access-Control-Request-Method` value is compared. */
  allowedMethods: Method[];
  /** Header names a preflight may ask for (`Access-Control-Request-Headers`); case-insensitive, one `*` each. */
  allowedHeaders: string[];
  /** Response headers that script may read (`Access-Control-Expose-Headers`); no wildcards. */
  exposeHeaders: string[];
  /** Seconds a browser may cache the preflight (`Access-Control-Max-Age`); omitted when unset. */
  maxAgeSeconds?: number;
}

/** A bucket's CORS configuration: rules in evaluation order (the first matching rule wins). */
export interface CorsConfig {
  /** The rules, in the order the provider evaluates them. */
  rules: CorsRule[];
  /** OSS/COS `ResponseVary`: send `Vary: Origin` on every response. Absent means false. */
  responseVary?: boolean;
}

const methodSchema = z.enum(METHODS);

/** Structural schema of a rule, for API bodies and forms; provider rules live in `validateConfig`. */
export const corsRuleSchema = z.object({
  id: z.string().optional(),
  allowedOrigins: z.array(z.string()),
  allowedMethods: z.array(methodSchema),
  allowedHeaders: z.array(z.string()),
  exposeHeaders: z.array(z.string()),
  maxAgeSeconds: z.number().int().nonnegative().optional(),
});

/** Structural schema of a configuration. */
export const corsConfigSchema = z.object({
  rules: z.array(corsRuleSchema),
  responseVary: z.boolean().optional(),
});

/** Type guard for the five CORS methods (exact, upper case, as S3 compares them). */
export function isMethod(value: string): value is Method {
  return (METHODS as readonly string[]).includes(value);
}
