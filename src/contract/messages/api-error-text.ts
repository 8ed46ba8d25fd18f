// Every API error as a sentence, from its code and params: the one place the API's wording lives.
// The server answers it in English (scripts read `message`); the web app renders the same code and
// params in the active locale. The provider's own text (providerMessage) is quoted as it came.
import { SCRATCH_PREFIX } from '../scratch';
import type { Issue } from '../../core/issues';
import type { ApiErrorBody, ApiErrorCode, ApiErrorParams, StorageCall, StorageProvider } from '../errors';
import type { CallError } from '../call-error';
import { contractText } from './catalogue';

/** How the core words an issue an error names (the server passes the core's `issueMessage`). */
export type IssueText = (issue: Issue) => string;

type Values = Record<string, string | number>;

/** A code as an ICU select key (`read-cors` → `read_cors`): keys are words, without hyphens. */
const key = (code: string) => code.replace(/-/g, '_');
/** A select between a value and none: `{hasX, select, yes {…{x}…} other {}}`. */
const optional = (name: string, value: string | undefined): Values => ({ [`has${name[0]!.toUpperCase()}${name.slice(1)}`]: value ? 'yes' : 'no', [name]: value ?? '' });

/** The failed storage call, as the `{call, select, …}` of every "Could not …" names it. */
function callValues(call: StorageCall): Values {
  return { call: key(call.call), bucket: 'bucket' in call ? call.bucket : '', key: 'key' in call ? call.key : '', method: 'method' in call ? call.method : '' };
}

/**
 * The S3 API is spoken by many stores (AWS, Ceph RGW, MinIO, R2, s3rver), so an S3-API provider
 * goes unnamed ("the provider"); OSS and COS are named.
 */
function providerValues(provider: StorageProvider): Values {
  return provider.kind === 's3-api' ? { provider: 's3_api', name: '' } : { provider: provider.kind, name: provider.kind.toUpperCase() };
}

type Describe<C extends ApiErrorCode> = (params: ApiErrorParams<C>, issueText: IssueText | undefined) => string;

const unreachable: Describe<'provider-unreachable'> = ({ call, provider, transportCode }) => {
  const values = { ...callValues(call), ...optional('code', transportCode) };
  if (provider.kind === 's3-api') return contractText('api-error.provider-unreachable', values);
  return contractText('api-error.provider-unreachable.named', { ...values, ...providerValues(provider), endpoint: provider.endpoint });
};

const timedOut: Describe<'provider-timeout'> = ({ call, provider }) => {
  if (provider.kind === 's3-api') return contractText('api-error.provider-timeout', callValues(call));
  return contractText('api-error.provider-timeout.named', { ...callValues(call), ...providerValues(provider), endpoint: provider.endpoint });
};

const bucketNotFound: Describe<'bucket-not-found'> = ({ call, provider }) => {
  if (provider.kind === 's3-api') return contractText('api-error.bucket-not-found', callValues(call));
  return contractText('api-error.bucket-not-found.named', { ...callValues(call), ...providerValues(provider), region: provider.region });
};

const ACCESS_DENIED = { 's3-api': 'api-error.provider-access-denied', oss: 'api-error.provider-access-denied.oss', cos: 'api-error.provider-access-denied.cos' } as const;

const accessDenied: Describe<'provider-access-denied'> = (params) => {
  if (params.reason === 'no-credentials') return contractText('api-error.provider-access-denied.no-credentials', { ...callValues(params.call), ...optional('message', params.providerMessage) });
  const said = [params.providerCode, params.providerMessage].filter(Boolean).join(': ');
  return contractText(ACCESS_DENIED[params.provider.kind], { ...callValues(params.call), ...optional('said', said) });
};

const notSupported: Describe<'not-supported'> = (params) => {
  if ('feature' in params) return contractText('api-error.not-supported.presigned-post', { profile: params.profile });
  if (params.reason === 'sdk-cannot-sign-post') return contractText('api-error.not-supported.sdk-cannot-sign-post', providerValues(params.provider));
  return contractText('api-error.not-supported', { ...callValues(params.call), ...providerValues(params.provider), ...optional('code', params.providerCode) });
};

const INVALID_BUCKET_NAME = { 's3-api': 'api-error.provider-error.invalid-bucket-name', oss: 'api-error.provider-error.invalid-bucket-name.oss', cos: 'api-error.provider-error.invalid-bucket-name.cos' } as const;

const providerError: Describe<'provider-error'> = (params, issueText) => {
  const values = { ...callValues(params.call), ...providerValues(params.provider) };
  switch (params.reason) {
    case 'error-answer': {
      const said = { ...optional('code', params.providerCode), ...optional('message', params.providerMessage) };
      if (params.provider.kind === 's3-api' || params.providerStatus === undefined) return contractText('api-error.provider-error.error-answer', { ...values, ...said });
      return contractText('api-error.provider-error.error-answer-status', { ...values, ...said, status: String(params.providerStatus) });
    }
    case 'invalid-bucket-name':
      return contractText(INVALID_BUCKET_NAME[params.provider.kind], { bucket: JSON.stringify(params.bucket) });
    case 'unreadable-cors-document':
      return contractText('api-error.provider-error.unreadable-cors-document', { ...values, ...optional('issue', params.first && issueText?.(params.first)) });
    case 'cors-document-too-large':
      return contractText('api-error.provider-error.cors-document-too-large', { ...values, ...optional('bytes', params.bytes?.toString()), max: String(params.maxBytes) });
    case 'unreadable-answer':
      return contractText('api-error.provider-error.unreadable-answer', values);
    case 'key-outside-bucket':
      return params.call.call === 'build-url'
        ? contractText('api-error.provider-error.key-outside-bucket.build-url', { key: JSON.stringify(params.call.key), bucket: params.call.bucket })
        : contractText('api-error.provider-error.key-outside-bucket', values);
    case 'no-url':
      return contractText('api-error.provider-error.no-url', values);
  }
};

const badRequest: Describe<'bad-request'> = (params, issueText) => {
  switch (params.reason) {
    case 'bucket-name':
      return contractText('api-error.bad-request.bucket-name', { bucket: params.bucket });
    case 'body-not-json':
      return contractText('api-error.bad-request.body-not-json');
    case 'body-shape': {
      const issue: Issue = { severity: 'error', code: 'body.invalid', params: { field: params.field, misfit: params.misfit }, path: [] };
      return contractText('api-error.bad-request.body-shape', optional('issue', issueText?.(issue)));
    }
    case 'reserved-header':
      return contractText('api-error.bad-request.reserved-header', { headers: params.headers.join(', '), origin: params.headers.some((h) => h.toLowerCase() === 'origin') ? 'yes' : 'no' });
    case 'key-unaddressable':
      return contractText('api-error.bad-request.key-unaddressable', { key: JSON.stringify(params.key), bucket: params.bucket, cause: key(params.cause), ...optional('message', params.providerMessage) });
    case 'signed-post':
      return contractText('api-error.bad-request.signed-post');
    case 'off-endpoint':
      return contractText('api-error.bad-request.off-endpoint', { origin: params.origin, profile: params.profile, endpoint: params.endpoint });
    case 'no-harness-origin':
      return contractText('api-error.bad-request.no-harness-origin');
    case 'signed-public':
      return contractText('api-error.bad-request.signed-public');
  }
};

const crossOrigin: Describe<'cross-origin-refused'> = (params) => {
  switch (params.reason) {
    case 'host':
      return contractText('api-error.cross-origin-refused.host', { host: params.host, ...optional('consoleOrigin', params.consoleOrigin) });
    case 'site':
      return contractText('api-error.cross-origin-refused.site', { site: params.site });
    case 'origin':
      return contractText('api-error.cross-origin-refused.origin', { origin: JSON.stringify(params.origin), expected: params.expected });
  }
};

const MESSAGES: { [C in ApiErrorCode]: Describe<C> } = {
  'bad-request': badRequest,
  'validation-failed': ({ profile, first }, issueText) => {
    const issue = first && issueText?.(first);
    return contractText('api-error.validation-failed', { profile, hasFirst: issue ? 'yes' : 'no', path: first?.path.join('.') || '(root)', issue: issue ?? '' });
  },
  'precondition-required': () => contractText('api-error.precondition-required'),
  'version-conflict': () => contractText('api-error.version-conflict'),
  'profile-not-found': ({ profile }) => contractText('api-error.profile-not-found', { profile }),
  'bucket-not-found': bucketNotFound,
  'not-found': ({ method, path }) => contractText('api-error.not-found', { method, path }),
  'not-supported': notSupported,
  'provider-unreachable': unreachable,
  'provider-timeout': timedOut,
  'provider-access-denied': accessDenied,
  'provider-error': providerError,
  'internal-error': () => contractText('api-error.internal-error'),
  unauthenticated: ({ reason }) =>
    reason === 'wrong-token' ? contractText('api-error.unauthenticated.wrong-token') : contractText('api-error.unauthenticated.no-session', { body: '{"token": "..."}' }),
  'cross-origin-refused': crossOrigin,
  'payload-too-large': ({ method, path, limitKiB }) => contractText('api-error.payload-too-large', { method, path, limit: String(limitKiB) }),
  'unsupported-media-type': ({ method, path }) => contractText('api-error.unsupported-media-type', { method, path }),
  'too-many-requests': ({ retryAfterSeconds }) => contractText('api-error.too-many-requests', { seconds: String(retryAfterSeconds) }),
  'confirmation-required': ({ bucket, key: objectKey, method }) => contractText('api-error.confirmation-required', { method, key: JSON.stringify(objectKey), bucket, prefix: SCRATCH_PREFIX }),
  'history-entry-not-found': ({ bucket, entry }) => contractText('api-error.history-entry-not-found', { bucket, entry }),
  'history-unwritable': ({ bucket, backend, where, systemCode }) => contractText('api-error.history-unwritable', { bucket, backend: key(backend), where, ...optional('code', systemCode) }),
  'engine-run-busy': ({ running }) => contractText('api-error.engine-run-busy', { running }),
  'engine-not-installed': ({ engine, missing, installCommand }) => contractText('api-error.engine-not-installed', { engine, missing: missing.join(', '), command: installCommand }),
  'engine-run-not-found': ({ run }) => contractText('api-error.engine-run-not-found', { run }),
  'audit-not-found': ({ audit }) => contractText('api-error.audit-not-found', { audit }),
  'no-public-url': ({ profile, bucket }) =>
    contractText('api-error.no-public-url', {
      profile,
      bucket,
      // Settings as values, so ICU never reads their braces and a translation keeps them verbatim.
      profileSetting: '"publicUrl": "https://cdn.example.com/{bucket}/{key}"',
      bucketSetting: `"publicUrls": { ${JSON.stringify(bucket)}: "https://cdn.example.com/{key}" }`,
    }),
};

/**
 * The sentence of an API error, from its code and params, in the active locale. `issueText` words
 * the issue an error names (the first validation error, a body misfit); without it, the sentence
 * leaves the issue out (a page that has not loaded the core).
 */
export function apiErrorText<C extends ApiErrorCode>(code: C, params: ApiErrorParams<C>, issueText?: IssueText): string {
  const describe: Describe<C> = MESSAGES[code];
  return describe(params, issueText);
}

/** The sentence of a failed call: the server's error, or one the client found itself. */
export function callErrorText(error: CallError, issueText?: IssueText): string {
  switch (error.code) {
    case 'console-unreachable':
      return contractText('api-error.console-unreachable');
    case 'malformed-answer': {
      const { route, status, field } = error.params;
      if (status >= 200 && status < 300) return contractText('api-error.malformed-answer', { route, ...optional('field', field) });
      return contractText('api-error.malformed-answer.status', { status: String(status) });
    }
    default:
      return apiErrorText(error.code, (error as ApiErrorBody).params as ApiErrorParams<typeof error.code>, issueText);
  }
}
