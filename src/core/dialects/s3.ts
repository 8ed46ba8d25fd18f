import type { DialectProfile } from './dialect';

// Facts and evidence tags from shared/design/s3-cors-semantics.md.
// [R] recorded from AWS, [D] documented, [U] unverified (modelled as noted).

const NOT_ALLOWED =
  'This CORS request is not allowed. This is usually because the evalution of Origin, ' +
  'request method / Access-Control-Request-Method or Access-Control-Request-Headers are not ' +
  "whitelisted by the resource's CORS spec."; // "evalution" is AWS's own spelling [R]

/** AWS S3: the reference dialect. */
export const s3: DialectProfile = {
  id: 's3',
  label: 'Amazon S3',
  limits: { maxRules: 100, maxDocumentBytes: 64 * 1024, maxIdLength: 255, maxAgeSeconds: null }, // [D]
  validation: {
    rejectsExposeWildcard: true, // [O] "We currently do not support wildcard for ExposeHeader."
    exposeForbiddenChars: '',
    mangledXmlValues: false,
    rejectsPortWildcard: false,
    hasRuleIds: true,
  },
  documents: { native: 's3-xml', offered: ['s3-xml', 'aws-json'], exported: 'aws-json' },
  supportsBucketCors: true,
  supportsResponseVary: false,
  // AWS's own CORS example exposes x-amz-request-id and x-amz-id-2 [D]; version ids for versioned buckets.
  suggestedExposeHeaders: ['ETag', 'x-amz-request-id', 'x-amz-id-2', 'x-amz-version-id'],
  matching: {
    preflightSelection: 'all-conditions', // [D] first rule matching origin, method and headers
    actualSelection: 'all-conditions',
    uppercasesRequestMethod: false, // [U] verbatim comparison is the safer model
    actualRequestHeaders: 'all-must-match', // [R] a GET with a non-allowed ACRH got no CORS headers
    matchesEmptyOriginOnActual: false, // [R] no Origin, no CORS processing
    wildcardAffixesMayOverlap: false, // [U] a `*` standing for a run of characters is the safer model
    // [U] Empty header values are not recorded for AWS; read as absent, as s3rver (written from
    // AWS's documentation) does. Ceph RGW differs (rgw.ts).
    emptyOrigin: 'missing',
    emptyRequestMethod: 'missing',
    keepsEmptyRequestHeaderItems: false, // [U] empty items dropped
  },
  response: {
    preflightAllowOrigin: 'rule', // [R] `*` if the rule lists `*`, else echoed
    actualAllowOrigin: 'rule', // [R] (unsigned requests; signed ones are [U], modelled the same)
    preflightCredentials: 'when-echoed', // [R]
    actualCredentials: 'when-echoed', // [R]
    preflightHasExposeAndMaxAge: true, // [R]
    actualHasAllowMethods: true, // [R] surprise 3
    allowMethods: 'rule', // [R] surprise 4
    allowHeadersCase: 'lower', // [R]
    listSeparator: ', ', // [R]
    omitsEmptyHeaders: false, // [U] an empty Access-Control-Request-Headers is not recorded
    headersNeedAllowOrigin: false,
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method', // [R]
    varyWithStar: true, // [R]
    formUploadHasEtag: true, // [D] PostObject's response headers include ETag
  },
  errors: {
    noOrigin: { status: 400, code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' }, // [R]
    // [U] for AWS; s3rver and Ceph's tests expect this 400, and s3rver copies its wording from S3.
    noRequestMethod: { status: 400, code: 'BadRequest', message: 'Invalid Access-Control-Request-Method: null' },
    checksRequestMethodFirst: false, // [R] no config + no ACRM answers "CORS is not enabled" with Method=OPTIONS
    noBucket: { status: 403, code: 'AccessForbidden', message: 'CORSResponse: Bucket not found' }, // [R]
    noConfig: { status: 403, code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.' }, // [R]
    noMatch: { status: 403, code: 'AccessForbidden', message: `CORSResponse: ${NOT_ALLOWED}` }, // [R]
    hasErrorDetails: true, // [R] Method and ResourceType elements
  },
};

export { NOT_ALLOWED as S3_NOT_ALLOWED_MESSAGE };
