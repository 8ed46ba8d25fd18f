import type { DocumentFormat } from '../formats';

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

  /** The CORS documents of this provider. */
  documents: {
    /** The provider's own document (what its PutBucketCors takes): diffs and size limits use it. */
    native: DocumentFormat;
    /** The formats an editor offers for this provider, the native one first. */
    offered: readonly DocumentFormat[];
    /** The file people feed the provider's own tool: the AWS CLI's JSON unless the provider has its own. */
    exported: DocumentFormat;
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
     * How the answering rule is chosen for a preflight.
     * `all-conditions`: the first rule matching origin, method AND every requested header wins
     * (AWS). `origin-method-then-headers`: the first rule matching origin and method is chosen,
     * and its headers alone decide (s3rver). `origin-then-method-and-headers`: the first rule
     * matching the origin is chosen, and its method and headers alone decide (Ceph RGW).
     */
    preflightSelection: 'all-conditions' | 'origin-method-then-headers' | 'origin-then-method-and-headers';
    /** The same for actual requests (`origin-method-then-headers` is `all-conditions` there). */
    actualSelection: 'all-conditions' | 'origin-then-method-and-headers';
    /** Upper-case the requested method before comparing (s3rver does; AWS compares verbatim). */
    uppercasesRequestMethod: boolean;
    /**
     * What `Access-Control-Request-Headers` does on an actual request. `all-must-match`: a
     * refused name fails the rule, as on a preflight (AWS). `ignored`: never read (s3rver).
     * `allowed-subset`: never fails the rule; Allow-Headers lists the allowed names (Ceph RGW).
     */
    actualRequestHeaders: 'all-must-match' | 'ignored' | 'allowed-subset';
    /** Actual requests without `Origin` are still matched, against the empty string (s3rver). */
    matchesEmptyOriginOnActual: boolean;
    /**
     * A `prefix*suffix` value is checked as "starts with prefix, ends with suffix" alone, so the
     * two may share characters: `http://ab*bc.example` matches `http://abc.example` (Ceph RGW).
     */
    wildcardAffixesMayOverlap: boolean;
    /**
     * How a present but empty `Origin` header is read. `missing`: as no Origin at all (s3rver's
     * `if (!origin)`). `origin`: as the origin `""`, matched like any other: a `*` rule answers it,
     * and an OPTIONS with an empty Origin passes the Origin check (Ceph RGW).
     */
    emptyOrigin: 'missing' | 'origin';
    /**
     * How a present but empty `Access-Control-Request-Method` is read. `missing`: as absent, so a
     * preflight is refused for want of it and an actual request is judged by its own method
     * (s3rver's `ctx.get(...) || ctx.method`). `method`: as the method `""`, which no rule allows
     * (Ceph RGW: 403 AccessDenied, not the 400 of a missing header).
     */
    emptyRequestMethod: 'missing' | 'method';
    /** Empty items of `Access-Control-Request-Headers` (`a,,b`) are kept as names `""` (s3rver splits only). */
    keepsEmptyRequestHeaderItems: boolean;
  };

  response: {
    /**
     * Allow-Origin on a preflight. `rule`: `*` when the rule lists `*`, else the echoed origin.
     * `star`: always `*`. `echo`: always the request's origin.
     */
    preflightAllowOrigin: 'rule' | 'star' | 'echo';
    /**
     * Allow-Origin on an actual request. `rule`: `*` when the rule lists `*`, else the echoed
     * origin. `rule-unless-authorization`: the same, but a request carrying an `Authorization`
     * header gets its origin echoed (presigned URLs carry none, so they get `*`).
     */
    actualAllowOrigin: 'rule' | 'rule-unless-authorization';
    /** `when-echoed`: credentials header only with an echoed origin; `never`; `always`. */
    preflightCredentials: 'when-echoed' | 'never' | 'always';
    actualCredentials: 'when-echoed' | 'never' | 'always';
    /** Preflights carry Expose-Headers and Max-Age. */
    preflightHasExposeAndMaxAge: boolean;
    /** Actual responses carry Allow-Methods. */
    actualHasAllowMethods: boolean;
    /** Allow-Methods lists the rule's methods (`rule`) or only the requested one (`requested`). */
    allowMethods: 'rule' | 'requested';
    /** Allow-Headers echoes the requested names lowercased (`lower`) or as sent (`as-sent`). */
    allowHeadersCase: 'lower' | 'as-sent';
    /** What joins the values of Allow-Methods, Allow-Headers and Expose-Headers. */
    listSeparator: ', ' | ',';
    /** A CORS header whose value would be empty is left out (an empty Allow-Headers, say). */
    omitsEmptyHeaders: boolean;
    /**
     * Every CORS header is sent only beside a non-empty Allow-Origin: an answer that would echo the
     * empty origin `""` carries no CORS header at all (Ceph RGW's dump_access_control nests them).
     */
    headersNeedAllowOrigin: boolean;
    /** The Vary value added when a rule matched. */
    vary: string;
    /** Vary is also sent when Allow-Origin is `*` (AWS); Ceph RGW sends it only with an echo. */
    varyWithStar: boolean;
    /**
     * A browser POST form upload's answer (204) carries an ETag header. Without it, exposing ETag
     * cannot help script read it; the form's `success_action_status=201` gets it in the XML body.
     */
    formUploadHasEtag: boolean;
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
