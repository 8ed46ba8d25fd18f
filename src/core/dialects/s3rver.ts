import type { DialectProfile } from './dialect';
import { s3, S3_NOT_ALLOWED_MESSAGE } from './s3';

// Read from s3rver 3.7.1: lib/middleware/cors.js, lib/models/config.js, lib/models/error.js.
// Where it differs from AWS the console says so to the user; each switch names the difference.
export const s3rver: DialectProfile = {
  ...s3,
  id: 's3rver',
  label: 's3rver (local emulator)',
  // s3rver enforces no rule-count, size or ID limits; keeping S3's is the safer model.
  // Its XML store trims values and writes & < > back unescaped (found by fuzzing the console's
  // API): an ID of "<x>" made every later GET ?cors unreadable.
  validation: { ...s3.validation, rejectsExposeWildcard: false, mangledXmlValues: true },
  matching: {
    // matchRule() picks the first rule by origin + method; only that rule's headers are checked.
    preflightSelection: 'origin-method-then-headers',
    actualSelection: 'all-conditions',
    uppercasesRequestMethod: true,
    // Actual requests never look at Access-Control-Request-Headers.
    actualRequestHeaders: 'ignored',
    // ctx.get('origin') is '' without the header, and `*` (regex ^.*$) matches it.
    matchesEmptyOriginOnActual: true,
    // `^prefix.*suffix$`: the run stands between prefix and suffix.
    wildcardAffixesMayOverlap: false,
    // `if (!origin)` and `ctx.get('access-control-request-method') || ctx.method`: an empty value
    // is no value. Cases "preflight with an empty Origin" (403 BadRequest "Origin request header
    // needed") and "GET with an empty Access-Control-Request-Method" (answered as a GET).
    emptyOrigin: 'missing',
    emptyRequestMethod: 'missing',
    // `.split(',')` without dropping empties: case "preflight with an empty item in
    // Access-Control-Request-Headers" answers `Allow-Headers: x-a, , x-b`, and a trailing comma
    // asks for the name "" that only `*` allows (403 against `content-type`).
    keepsEmptyRequestHeaderItems: true,
  },
  response: {
    ...s3.response,
    preflightAllowOrigin: 'star', // preflights always answer `*`
    preflightCredentials: 'never',
    actualCredentials: 'always', // even beside `*`, which browsers then refuse for credentials
    preflightHasExposeAndMaxAge: false,
    actualHasAllowMethods: false,
  },
  errors: {
    // S3Error maps BadRequest to 403, and CORS refusals use the code CORSResponse.
    noOrigin: { status: 403, code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' },
    noRequestMethod: { status: 403, code: 'BadRequest', message: 'Invalid Access-Control-Request-Method: null' },
    checksRequestMethodFirst: true,
    // The store answers "no CORS" for a missing bucket too.
    noBucket: { status: 403, code: 'CORSResponse', message: 'CORS is not enabled for this bucket.' },
    noConfig: { status: 403, code: 'CORSResponse', message: 'CORS is not enabled for this bucket.' },
    noMatch: { status: 403, code: 'CORSResponse', message: S3_NOT_ALLOWED_MESSAGE },
    hasErrorDetails: false,
  },
};
