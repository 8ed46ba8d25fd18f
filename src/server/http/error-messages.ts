import { SCRATCH_PREFIX, type ApiErrorCode, type ApiErrorParams } from '../../contract/api';
import { issueMessage } from '../../core';

type Catalogue = { [C in ApiErrorCode]: (params: ApiErrorParams<C>) => string };

function badRequest(params: ApiErrorParams<'bad-request'>): string {
  switch (params.reason) {
    case 'bucket-name':
      return `"${params.bucket}" is not a valid bucket name.`;
    case 'body-not-json':
      return 'The request body must be JSON (Content-Type: application/json).';
    case 'body-shape':
      return `The request body does not fit the API.${params.detail ? ` ${issueMessage({ severity: 'error', code: 'body.invalid', params: { field: params.field, detail: params.detail }, path: [] })}` : ''}`;
    case 'reserved-header':
      return `Header ${params.headers.join(', ')} cannot be set here: ${params.headers.some((h) => h.toLowerCase() === 'origin') ? 'use the origin field; ' : ''}the probe sets it itself.`;
    case 'key-unaddressable':
      return `Cannot address ${JSON.stringify(params.key)} in bucket ${params.bucket}: ${params.detail}`;
    case 'signed-post':
      return 'A signed POST is a form upload: use the presign call with method POST and send the form.';
    case 'off-endpoint':
      return `The console will not send requests to ${params.origin}: it is not ${params.profile}'s endpoint (${params.endpoint}).`;
  }
}

/** Why a call was refused as cross-origin; the server log says it too. */
export function crossOriginReason(params: ApiErrorParams<'cross-origin-refused'>): string {
  switch (params.reason) {
    case 'host':
      return `it does not answer to host "${params.host}". Open the console at ${params.consoleOrigin ?? 'its own address'}.`;
    case 'site':
      return `this call came from another site (Sec-Fetch-Site: ${params.site}).`;
    case 'origin':
      return `this call came from origin ${JSON.stringify(params.origin)}, not ${params.expected}.`;
  }
}

function crossOrigin(params: ApiErrorParams<'cross-origin-refused'>): string {
  return `The console API answers only its own pages: ${crossOriginReason(params)}`;
}

/** The English of every API error, made from its code and params: the one place a translation replaces. */
const MESSAGES: Catalogue = {
  'bad-request': badRequest,
  'validation-failed': ({ profile, first }) =>
    `The configuration has problems ${profile} would reject or that can never work; nothing was written.${first ? ` First: config.${first.path.join('.') || '(root)'}: ${issueMessage(first)}` : ''}`,
  'precondition-required': () => 'Send If-Match with the version you loaded (the ETag of GET .../cors), so a newer configuration is never overwritten blindly.',
  'version-conflict': () => "The bucket's CORS configuration changed since you loaded it. Nothing was written; compare your draft with the current configuration.",
  'profile-not-found': ({ profile }) => `There is no profile "${profile}". GET /api/profiles lists them.`,
  'bucket-not-found': ({ detail }) => detail,
  'not-found': ({ method, path }) => `No API route ${method} ${path}.`,
  'not-supported': (params) => ('detail' in params ? params.detail : `${params.profile} has no browser POST uploads here.`),
  'provider-unreachable': ({ detail }) => detail,
  'provider-timeout': ({ detail }) => detail,
  'provider-access-denied': ({ detail }) => detail,
  'provider-error': ({ detail }) => detail,
  'internal-error': () => 'The console hit an unexpected error; the server log has details.',
  unauthenticated: ({ reason }) =>
    reason === 'wrong-token'
      ? "That is not this console's access token. It is the CORS_CONSOLE_TOKEN setting, or the token the console printed when it started."
      : 'This console needs its access token: sign in with POST /api/session {"token": "..."} (the web app asks for it), or send Authorization: Bearer <token>.',
  'cross-origin-refused': crossOrigin,
  'payload-too-large': ({ method, path, limitKiB }) => `The request body is larger than ${method} ${path} accepts (${limitKiB} KiB).`,
  'unsupported-media-type': ({ method, path }) => `${method} ${path} takes a JSON body: send Content-Type: application/json.`,
  'too-many-requests': () => 'Too many wrong tokens in the last minute; wait a minute and try again.',
  'confirmation-required': ({ bucket, key, method }) =>
    `${method} would ${method === 'DELETE' ? 'delete' : 'replace'} ${JSON.stringify(key)} in bucket ${bucket}, an object the console did not create. Send "confirmWrite": true to do it, or test on a scratch object under ${SCRATCH_PREFIX} (the console creates and removes it).`,
};

/** The message of an error, from its code and params. */
export function messageOf<C extends ApiErrorCode>(code: C, params: ApiErrorParams<C>): string {
  const describe: (params: ApiErrorParams<C>) => string = MESSAGES[code];
  return describe(params);
}

