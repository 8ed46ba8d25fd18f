import type { DialectProfile } from './dialect';
import { s3 } from './s3';

// Measured, not read: every switch below is what a real radosgw (Ceph 16.2.15 "pacific", beast
// frontend) answered in test/core/evaluate.differential.test.ts, which sends each case over HTTP
// to a throwaway cluster (scripts/rgw-peer.sh). The code that explains it is Ceph's
// src/rgw/rgw_cors.cc (RGWCORSConfiguration::host_name_rule, is_string_in_set) and
// src/rgw/rgw_rest.cc (dump_access_control). Switches not listed are AWS's, and agree.

/** RGW's CORS refusals carry an empty message. */
const refusal = (status: number, code: string) => ({ status, code, message: '' });

/** Ceph RADOS Gateway. */
export const rgw: DialectProfile = {
  ...s3,
  id: 'rgw',
  label: 'Ceph RADOS Gateway',
  validation: {
    ...s3.validation,
    // PutBucketCors stores `ExposeHeader x-amz-meta-*` (AWS answers InvalidRequest).
    rejectsExposeWildcard: false,
  },
  matching: {
    ...s3.matching,
    // host_name_rule() takes the first rule whose origin matches; a method or header that rule
    // lacks refuses the request even when a later rule would allow it.
    preflightSelection: 'origin-then-method-and-headers',
    actualSelection: 'origin-then-method-and-headers',
    // A requested header the rule lacks is left out of Allow-Headers; the rest still answer.
    actualRequestHeaders: 'allowed-subset',
    // is_string_in_set() checks starts_with(prefix) and ends_with(suffix) separately.
    wildcardAffixesMayOverlap: true,
    // env->get() answers "" (not NULL) for a header sent empty, so "" is an origin and a method.
    // Case "preflight with an empty Origin against *": 200 (it matched `*`); "preflight with an
    // empty Origin": 403 AccessDenied, where no Origin at all is 400 InvalidArgument; "GET with an
    // empty Origin against *": `Allow-Origin: *`. Case "preflight with an empty
    // Access-Control-Request-Method": 403 AccessDenied, not the 400 of a missing header, and "GET
    // with an empty Access-Control-Request-Method" gets no CORS headers (no rule allows "").
    emptyOrigin: 'origin',
    emptyRequestMethod: 'method',
  },
  response: {
    ...s3.response,
    // Preflights echo the origin even for a `*` rule; actual requests answer `*` for a `*` rule
    // unless they carry an Authorization header (a presigned URL carries none).
    preflightAllowOrigin: 'echo',
    // Measured on Ceph 16.2.15: a POST form upload answers 204 with CORS headers but no ETag.
    formUploadHasEtag: false,
    actualAllowOrigin: 'rule-unless-authorization',
    // Never Access-Control-Allow-Credentials.
    preflightCredentials: 'never',
    actualCredentials: 'never',
    // Only the requested method; requested header names keep the case they were sent in.
    allowMethods: 'requested',
    allowHeadersCase: 'as-sent',
    listSeparator: ',',
    // dump_access_control() skips every empty value.
    omitsEmptyHeaders: true,
    // ...and nests every header under a non-empty Allow-Origin: case "preflight with an empty
    // Origin against *" answers 200 with no CORS header at all.
    headersNeedAllowOrigin: true,
    // `Vary: Origin`, and only beside an echoed origin.
    vary: 'Origin',
    varyWithStar: false,
  },
  errors: {
    // OPTIONS checks Origin, then Access-Control-Request-Method, then whether CORS exists.
    noOrigin: refusal(400, 'InvalidArgument'),
    noRequestMethod: refusal(400, 'InvalidArgument'),
    checksRequestMethodFirst: true,
    noBucket: refusal(404, 'NoSuchBucket'),
    noConfig: refusal(403, 'AccessDenied'),
    noMatch: refusal(403, 'AccessDenied'),
    hasErrorDetails: false,
  },
};
