import { SCRATCH_PREFIX, type ApiErrorCode, type ApiErrorParams, type StorageCall, type StateBackend, type StorageProvider, type UnaddressableCause } from '../../contract/api';
import { issueMessage } from '../../core';

type Catalogue = { [C in ApiErrorCode]: (params: ApiErrorParams<C>) => string };

/** What the failed storage call was doing, as "Could not <action>" says it. */
function actionText(call: StorageCall): string {
  switch (call.call) {
    case 'list-buckets':
      return 'list buckets';
    case 'read-cors':
      return `read the CORS configuration of ${call.bucket}`;
    case 'write-cors':
      return `write the CORS configuration of ${call.bucket}`;
    case 'delete-cors':
      return `delete the CORS configuration of ${call.bucket}`;
    case 'build-url':
      return `build the URL of ${call.bucket}/${call.key}`;
    case 'sign-url':
      return `sign a ${call.method} URL for ${call.bucket}/${call.key}`;
    case 'sign-post':
      return `sign a POST policy for ${call.bucket}/${call.key}`;
    case 'create-scratch':
      return `create the test's scratch object ${call.bucket}/${call.key}`;
    case 'remove-scratch':
      return `remove the test's scratch object ${call.bucket}/${call.key}`;
  }
}

/**
 * The S3 API is spoken by many stores (AWS, Ceph RGW, MinIO, R2, s3rver), so an S3-API provider
 * goes unnamed ("the storage endpoint", "the provider"); OSS and COS are named, with where to look.
 */
const NAMED = {
  oss: {
    name: 'OSS',
    credentialHint: 'Check the access key, and that its RAM policy or the bucket policy allows this.',
    bucketNameRule: 'is not an OSS bucket name: use 3 to 63 lower-case letters, digits and hyphens.',
  },
  cos: {
    name: 'COS',
    credentialHint: 'Check the SecretId/SecretKey and that its CAM policy allows this on the bucket.',
    bucketNameRule: 'is not a COS bucket name: COS names end with the APPID, as in examplebucket-1250000000.',
  },
} as const;

function providerName(provider: StorageProvider): string {
  return provider.kind === 's3-api' ? 'the provider' : NAMED[provider.kind].name;
}

/** ` (code)`, or nothing. */
const inParens = (value: string | undefined) => (value ? ` (${value})` : '');

function unreachable({ call, provider, transportCode }: ApiErrorParams<'provider-unreachable'>): string {
  const action = actionText(call);
  if (provider.kind === 's3-api') return `Could not ${action}: the storage endpoint did not answer${inParens(transportCode)}. Check the endpoint and that the service is running.`;
  return `Could not reach ${NAMED[provider.kind].name} at ${provider.endpoint} to ${action}${inParens(transportCode)}. Check the endpoint and region, and that this server can connect to it.`;
}

function timedOut({ call, provider }: ApiErrorParams<'provider-timeout'>): string {
  const action = actionText(call);
  if (provider.kind === 's3-api') return `Could not ${action}: the storage endpoint did not answer in time.`;
  return `${NAMED[provider.kind].name} (${provider.endpoint}) did not answer in time when asked to ${action}. Check the network path to it, or allow a longer timeout.`;
}

function bucketNotFound({ call, provider }: ApiErrorParams<'bucket-not-found'>): string {
  const action = actionText(call);
  if (provider.kind === 's3-api') return `Could not ${action}: the bucket does not exist.`;
  return `Could not ${action}: ${NAMED[provider.kind].name} has no such bucket. Check the name, and that the bucket is in ${provider.region}.`;
}

function accessDenied(params: ApiErrorParams<'provider-access-denied'>): string {
  const action = actionText(params.call);
  if (params.reason === 'no-credentials') return `Could not ${action}: no credentials were found for this profile${inParens(params.providerMessage)}.`;
  const said = [params.providerCode, params.providerMessage].filter(Boolean).join(': ');
  if (params.provider.kind === 's3-api') return `Could not ${action}: the provider refused the credentials${inParens(said)}.`;
  const named = NAMED[params.provider.kind];
  return `Could not ${action}: ${named.name} refused the credentials${inParens(said)}. ${named.credentialHint}`;
}

function notSupported(params: ApiErrorParams<'not-supported'>): string {
  if ('feature' in params) return `${params.profile} has no browser POST uploads here.`;
  if (params.reason === 'sdk-cannot-sign-post') {
    return `Browser form uploads (POST with a signed policy) are not available for ${providerName(params.provider)} profiles: its Node SDK cannot sign a POST policy.`;
  }
  return `Could not ${actionText(params.call)}: ${providerName(params.provider)} does not implement it${inParens(params.providerCode)}.`;
}

function providerError(params: ApiErrorParams<'provider-error'>): string {
  const action = actionText(params.call);
  const who = providerName(params.provider);
  switch (params.reason) {
    case 'error-answer': {
      if (params.provider.kind === 's3-api' || params.providerStatus === undefined) {
        return `Could not ${action}: ${params.providerMessage || `${who} answered with an error`}${inParens(params.providerCode)}.`;
      }
      return `Could not ${action}: ${who} answered ${params.providerCode ?? 'an error'} (HTTP ${params.providerStatus})${params.providerMessage ? `: ${params.providerMessage}` : '.'}`;
    }
    case 'invalid-bucket-name':
      return params.provider.kind === 's3-api'
        ? `${JSON.stringify(params.bucket)} is not a valid bucket name.`
        : `${JSON.stringify(params.bucket)} ${NAMED[params.provider.kind].bucketNameRule}`;
    case 'unreadable-cors-document':
      return `Could not ${action}: ${who} returned a CORS document the console cannot read${params.first ? `: ${issueMessage(params.first)}` : '.'}`;
    case 'cors-document-too-large':
      return `Could not ${action}: ${who} holds a CORS document ${params.bytes === undefined ? 'over' : `of ${params.bytes} bytes; more than`} the ${params.maxBytes} bytes the console reads. No provider's own limit allows one that large (S3 takes 64 KiB); replace it with a smaller configuration through the provider's own tools.`;
    case 'unreadable-answer':
      return `Could not ${action}: ${who} sent an answer the console does not understand.`;
    case 'key-outside-bucket':
      return params.call.call === 'build-url' ? `Object key ${JSON.stringify(params.call.key)} does not stay inside bucket ${params.call.bucket}.` : `Could not ${action}: the object key does not stay inside the bucket.`;
    case 'no-url':
      return `Could not ${action}: ${who}'s SDK built no URL for it.`;
  }
}

/** Why an object's URL cannot be built, as "Cannot address <key> in bucket <b>: ..." ends. */
const UNADDRESSABLE: Record<UnaddressableCause, string> = {
  'invalid-bucket-name': 'the provider can have no bucket of that name',
  'key-outside-bucket': 'the key does not stay inside the bucket',
  'no-url': "the provider's SDK built no URL for it",
  'sdk-refused': "the provider's SDK refused it",
};

function badRequest(params: ApiErrorParams<'bad-request'>): string {
  switch (params.reason) {
    case 'bucket-name':
      return `"${params.bucket}" is not a valid bucket name.`;
    case 'body-not-json':
      return 'The request body must be JSON (Content-Type: application/json).';
    case 'body-shape':
      return `The request body does not fit the API. ${issueMessage({ severity: 'error', code: 'body.invalid', params: { field: params.field, misfit: params.misfit }, path: [] })}`;
    case 'reserved-header':
      return `Header ${params.headers.join(', ')} cannot be set here: ${params.headers.some((h) => h.toLowerCase() === 'origin') ? 'use the origin field; ' : ''}the probe sets it itself.`;
    case 'key-unaddressable':
      return `Cannot address ${JSON.stringify(params.key)} in bucket ${params.bucket}: ${UNADDRESSABLE[params.cause]}${params.providerMessage ? ` (${params.providerMessage})` : ''}.`;
    case 'signed-post':
      return 'A signed POST is a form upload: use the presign call with method POST and send the form.';
    case 'off-endpoint':
      return `The console will not send requests to ${params.origin}: it is not ${params.profile}'s endpoint (${params.endpoint}).`;
    case 'no-harness-origin':
      return 'A test sends from the second origin, and this console serves none: send it from the console.';
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
  'bucket-not-found': bucketNotFound,
  'not-found': ({ method, path }) => `No API route ${method} ${path}.`,
  'not-supported': notSupported,
  'provider-unreachable': unreachable,
  'provider-timeout': timedOut,
  'provider-access-denied': accessDenied,
  'provider-error': providerError,
  'internal-error': () => 'The console hit an unexpected error; the server log has details.',
  unauthenticated: ({ reason }) =>
    reason === 'wrong-token'
      ? "That is not this console's access token. It is the CORS_CONSOLE_TOKEN setting, or the token the console printed when it started."
      : 'This console needs its access token: sign in with POST /api/session {"token": "..."} (the web app asks for it), or send Authorization: Bearer <token>.',
  'cross-origin-refused': crossOrigin,
  'payload-too-large': ({ method, path, limitKiB }) => `The request body is larger than ${method} ${path} accepts (${limitKiB} KiB).`,
  'unsupported-media-type': ({ method, path }) => `${method} ${path} takes a JSON body: send Content-Type: application/json.`,
  'too-many-requests': ({ retryAfterSeconds }) => `Too many wrong tokens from this address in the last minute; try again in ${retryAfterSeconds} s.`,
  'confirmation-required': ({ bucket, key, method }) =>
    `${method} would ${method === 'DELETE' ? 'delete' : 'replace'} ${JSON.stringify(key)} in bucket ${bucket}, an object the console did not create. Send "confirmWrite": true to do it, or test on a scratch object under ${SCRATCH_PREFIX} (the console creates and removes it).`,
  'history-entry-not-found': ({ bucket, entry }) => `The history of ${bucket} has no entry ${entry}. GET .../history lists its entries.`,
  'history-unwritable': ({ bucket, backend, where, systemCode }) =>
    `Nothing was written to ${bucket}: the console records every change in its history before it writes, and the history ${STATE_BACKEND_TEXT[backend]} ${where} refused the entry${systemCode ? ` (${systemCode})` : ''}. Make it writable again, then save again.`,
  'engine-run-busy': ({ running }) => `The engines on this host are busy with run ${running}: the console runs one at a time. Wait for it to end, or cancel it (DELETE /api/engine-runs/${running}).`,
  'engine-not-installed': ({ engine, missing, installCommand }) => `${engine} is not installed on the console's host (missing ${missing.join(', ')}). Install it with: ${installCommand}`,
  'engine-run-not-found': ({ run }) => `There is no engine run ${run} (a run is kept a while after it ends, and not across restarts).`,
};

const STATE_BACKEND_TEXT: Record<StateBackend, string> = { 'data-folder': 'in the data folder', s3: 'in the state bucket', memory: 'in memory' };

/** The message of an error, from its code and params. */
export function messageOf<C extends ApiErrorCode>(code: C, params: ApiErrorParams<C>): string {
  const describe: (params: ApiErrorParams<C>) => string = MESSAGES[code];
  return describe(params);
}

