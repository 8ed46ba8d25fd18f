/** Provider behaviours the core knows. A profile names one so predictions match its server. */
export const DIALECTS = ['s3', 'oss', 'cos', 'rgw', 'minio', 'r2', 's3rver'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** An error a provider answers to a refused preflight. */
export interface PreflightError {
  status: number;
  code: string;
  message: string;
}

/**
 * How a provider validates configurations and shapes CORS responses, as data.
 * The evaluator and validator read these switches instead of branching on provider names.
 */
export interface DialectProfile {
  id: Dialect;
  /** Human name, for messages. */
  label: string;

  limits: {
    /** Most rules a configuration may hold; `null` when the provider documents none. */
    maxRules: number | null;
    /** Largest configuration document in bytes; `null` when unknown. */
    maxDocumentBytes: number | null;
    /** Longest rule ID; `null` when the provider has no IDs or no limit. */
    maxIdLength: number | null;
    /** Largest MaxAgeSeconds the provider accepts; `null` when uncapped. */
    maxAgeSeconds: number | null;
  };

  validation: {
    /** `*` in an ExposeHeader is rejected by the provider. */
    rejectsExposeWildcard: boolean;
    /** Characters the provider rejects in ExposeHeader values (OSS: `< > & ' "`). */
    exposeForbiddenChars: string;
    /**
     * The provider does not store values verbatim: its XML round trip trims surrounding
     * whitespace and writes `<`, `&`, `>` back unescaped (s3rver), so such a value comes back
     * changed, or as a document no reader accepts.
     */
    mangledXmlValues: boolean;
    /** The provider rejects a wildcard in the port part (`http://localhost:*`). */
    rejectsPortWildcard: boolean;
    /** Rules may carry an ID. */
    hasRuleIds: boolean;
  };

  /** Per-bucket CORS exists. MinIO community answers PutBucketCors with NotImplemented. */
  supportsBucketCors: boolean;
  /** The provider has the `ResponseVary` switch (`Vary: Origin` on every response). */
  supportsResponseVary: boolean;
  /**
   * Response headers worth exposing to script on this provider: `ETag` (multipart uploads read
   * part ETags) and the request-id headers people quote to support. Never a wildcard.
   */
  suggestedExposeHeaders: string[];

  matching: {
    /**
     * `all-conditions`: the first rule matching origin, method AND every requested header wins
     * (AWS). `origin-method-then-headers`: the first rule matching origin and method is chosen,
     * and its headers alone decide (s3rver).
     */
    preflightSelection: 'all-conditions' | 'origin-method-then-headers';
    /** Upper-case the requested method before comparing (s3rver does; AWS compares verbatim). */
    uppercasesRequestMethod: boolean;
    /** Actual requests are also judged on `Access-Control-Request-Headers` when sent. */
    actualChecksRequestHeaders: boolean;
    /** Actual requests without `Origin` are still matched, against the empty string (s3rver). */
    matchesEmptyOriginOnActual: boolean;
  };

  response: {
    /** `rule`: `*` when the rule lists `*`, else the echoed origin. `star`: always `*`. */
    preflightAllowOrigin: 'rule' | 'star';
    /** `when-echoed`: credentials header only with an echoed origin; `never`; `always`. */
    preflightCredentials: 'when-echoed' | 'never' | 'always';
    actualCredentials: 'when-echoed' | 'never' | 'always';
    /** Preflights carry Expose-Headers and Max-Age. */
    preflightHasExposeAndMaxAge: boolean;
    /** Actual responses carry Allow-Methods. */
    actualHasAllowMethods: boolean;
    /** The Vary value added when a rule matched. */
    vary: string;
  };

  errors: {
    /** OPTIONS without Origin. */
    noOrigin: PreflightError;
    /** OPTIONS with Origin but without Access-Control-Request-Method, when a config exists. */
    noRequestMethod: PreflightError;
    /** Whether the missing-method check runs before the missing-config check. */
    checksRequestMethodFirst: boolean;
    /** The bucket does not exist. */
    noBucket: PreflightError;
    /** The bucket has no CORS configuration. */
    noConfig: PreflightError;
    /** A configuration exists and no rule matched. */
    noMatch: PreflightError;
    /** Extra XML elements (`Method`, `ResourceType`) in the error body. */
    hasErrorDetails: boolean;
  };
}
