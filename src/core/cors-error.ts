// Chromium's exact reason for a CORS refusal (DevTools `Network.loadingFailed.corsErrorStatus`,
// the `Network.CorsError` enum of the protocol; Chromium's network/cors/cors_error.mojom) turned
// into the console's own words: the block reason the prediction uses, with its values, and what to
// change. The page itself only sees `TypeError: Failed to fetch`; the CLI and the Test tab show this.
import { localNetworkFetch } from './local-network';
import type { BlockReason, BlockStage } from './predict';

/** Every value of DevTools `Network.CorsError` (Chromium 156). */
export const CHROMIUM_CORS_ERRORS = [
  'DisallowedByMode', 'InvalidResponse', 'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues',
  'InvalidAllowOriginValue', 'AllowOriginMismatch', 'InvalidAllowCredentials', 'CorsDisabledScheme', 'PreflightInvalidStatus',
  'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed', 'PreflightMissingAllowOriginHeader', 'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials', 'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal', 'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse', 'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse', 'RedirectContainsCredentials', 'InsecureLocalNetwork', 'InvalidLocalNetworkAccess',
  'NoCorsRedirectModeNotFollow', 'LocalNetworkAccessPermissionDenied',
] as const;
export type ChromiumCorsError = (typeof CHROMIUM_CORS_ERRORS)[number];

/** What to change so the request passes, by code. */
export interface CorsFixParamsByCode {
  /** No answer carried Access-Control-Allow-Origin: add a rule that lists the origin (and method); an error answer (403/404) carries none either. */
  'list-origin': { origin: string };
  /** The answer names another origin (a typo, a trailing `/`, another port): list the page's origin exactly. */
  'correct-origin': { listed: string; origin: string };
  /** Two Access-Control-Allow-Origin values (often a CDN or proxy adding its own): keep one, where only the bucket answers. */
  'single-allow-origin': { values: string };
  /** `*` cannot answer a request with credentials: list the origin by name. */
  'name-origin-for-credentials': { origin: string };
  /** A request with credentials needs Access-Control-Allow-Credentials: true (`received` as answered, empty when absent). */
  'allow-credentials': { received: string };
  'allow-method': { method: string };
  'allow-headers': { headers: string[] };
  /** A preflight must be answered where it is sent, with a 2xx: no redirect (a bucket URL moved, an http→https hop). */
  'answer-preflight-in-place': { status: number | null };
  /** A preflight answered with a non-2xx status fails even with every CORS header right. */
  'answer-preflight-ok': { status: number | null };
  /**
   * Not a CORS rule: Chrome asks the user to allow a public page to reach a private or loopback
   * address, and refuses an insecure page outright (`secure` false: `InsecureLocalNetwork`).
   */
  'local-network-permission': { origin: string; secure: boolean };
  /** A reason the console has no explanation for; Chromium's own name is shown. */
  'unknown': { corsError: string; failedParameter: string };
}
export type CorsFixCode = keyof CorsFixParamsByCode;
export const CORS_FIX_CODES = [
  'list-origin', 'correct-origin', 'single-allow-origin', 'name-origin-for-credentials', 'allow-credentials', 'allow-method', 'allow-headers',
  'answer-preflight-in-place', 'answer-preflight-ok', 'local-network-permission', 'unknown',
] as const satisfies readonly CorsFixCode[];
export type CorsFix = { [C in CorsFixCode]: { code: C; params: CorsFixParamsByCode[C] } }[CorsFixCode];

/** What the request and the answers were, as far as the caller knows them (the raw probe gives the answers). */
export interface CorsErrorContext {
  /** The page's origin. */
  origin: string;
  method: string;
  /** The preflight's answer, when one was sent and seen (headers lowercased). */
  preflight?: { status: number | null; headers: Record<string, string> };
  /** The URL fetched, when known: a Local Network Access refusal is then the block the prediction gives. */
  url?: string;
}

/**
 * Chromium's reason explained: `block` is the console's block reason (as the prediction would
 * give it) when the refusal is a CORS check, absent for a refusal no CORS rule causes (Local
 * Network Access) or one the console does not know; `fix` says what to change.
 */
export interface CorsErrorExplanation {
  corsError: string;
  block?: BlockReason;
  fix: CorsFix;
}

const isChromiumCorsError = (value: string): value is ChromiumCorsError => (CHROMIUM_CORS_ERRORS as readonly string[]).includes(value);

function allowMethodsOf(context: CorsErrorContext): string[] {
  const value = context.preflight?.headers['access-control-allow-methods'];
  return value ? value.split(',').map((method) => method.trim()).filter(Boolean) : [];
}

/** The origin checks come in two forms, on the preflight (`Preflight…`) and on the actual answer. */
function originCheck(error: string, failedParameter: string, context: CorsErrorContext, stage: BlockStage): CorsErrorExplanation | undefined {
  const unknown = { corsError: error };
  switch (error) {
    case 'MissingAllowOriginHeader':
      return { ...unknown, block: { check: 'allow-origin-missing', stage, params: {} }, fix: { code: 'list-origin', params: { origin: context.origin } } };
    case 'AllowOriginMismatch':
    case 'InvalidAllowOriginValue':
      return { ...unknown, block: { check: 'allow-origin-mismatch', stage, params: { allowOrigin: failedParameter, origin: context.origin } }, fix: { code: 'correct-origin', params: { listed: failedParameter, origin: context.origin } } };
    case 'MultipleAllowOriginValues':
      // The browser reads the two lines as one value, which equals no origin.
      return { ...unknown, block: { check: 'allow-origin-mismatch', stage, params: { allowOrigin: failedParameter, origin: context.origin } }, fix: { code: 'single-allow-origin', params: { values: failedParameter } } };
    case 'WildcardOriginNotAllowed':
      return { ...unknown, block: { check: 'wildcard-with-credentials', stage, params: {} }, fix: { code: 'name-origin-for-credentials', params: { origin: context.origin } } };
    case 'InvalidAllowCredentials':
      return { ...unknown, block: { check: 'credentials-not-allowed', stage, params: {} }, fix: { code: 'allow-credentials', params: { received: failedParameter } } };
    default:
      return undefined;
  }
}

/** The console's explanation of a `corsErrorStatus`; `context` fills the values Chromium does not name. */
export function explainCorsError(status: { corsError: string; failedParameter: string }, context: CorsErrorContext): CorsErrorExplanation {
  const { corsError, failedParameter } = status;
  const preflightStatus = context.preflight?.status ?? null;
  if (isChromiumCorsError(corsError)) {
    const onPreflight = corsError.startsWith('Preflight') ? originCheck(corsError.slice('Preflight'.length), failedParameter, context, 'preflight') : undefined;
    const explained = onPreflight ? { ...onPreflight, corsError } : originCheck(corsError, failedParameter, context, 'actual');
    if (explained) return explained;
    switch (corsError) {
      case 'PreflightInvalidStatus':
        return { corsError, block: { check: 'preflight-status', stage: 'preflight', params: { status: preflightStatus } }, fix: { code: 'answer-preflight-ok', params: { status: preflightStatus } } };
      case 'PreflightDisallowedRedirect':
        return { corsError, block: { check: 'preflight-status', stage: 'preflight', params: { status: preflightStatus } }, fix: { code: 'answer-preflight-in-place', params: { status: preflightStatus } } };
      case 'MethodDisallowedByPreflightResponse':
      case 'InvalidAllowMethodsPreflightResponse': {
        const method = corsError === 'MethodDisallowedByPreflightResponse' && failedParameter ? failedParameter : context.method;
        return { corsError, block: { check: 'method-not-allowed', stage: 'preflight', params: { method, allowMethods: allowMethodsOf(context) } }, fix: { code: 'allow-method', params: { method } } };
      }
      case 'HeaderDisallowedByPreflightResponse':
      case 'InvalidAllowHeadersPreflightResponse': {
        const headers = failedParameter ? [failedParameter.toLowerCase()] : [];
        const allowHeaders = context.preflight?.headers['access-control-allow-headers'];
        return {
          corsError,
          block: { check: 'header-not-allowed', stage: 'preflight', params: { headers, ...(allowHeaders === undefined ? {} : { allowHeaders }) } },
          fix: { code: 'allow-headers', params: { headers } },
        };
      }
      case 'LocalNetworkAccessPermissionDenied':
      case 'InsecureLocalNetwork':
      case 'InvalidLocalNetworkAccess': {
        // Chromium judged the page public (it knows the real addresses): the page's space is taken from its word.
        const secure = corsError !== 'InsecureLocalNetwork';
        const local = context.url === undefined ? undefined : localNetworkFetch(context.origin, context.url, 'public');
        const block: BlockReason | undefined = local && { check: 'request-refused', stage: 'request', params: { reasons: [{ code: 'local-network-access', params: { ...local, secure } }] } };
        return { corsError, ...(block ? { block } : {}), fix: { code: 'local-network-permission', params: { origin: context.origin, secure } } };
      }
      default:
        break;
    }
  }
  return { corsError, fix: { code: 'unknown', params: { corsError, failedParameter } } };
}
