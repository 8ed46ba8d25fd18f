// The public API of the CORS core (shared/design/architecture.md). Pure: no I/O, no React.
export { METHODS, isMethod, corsRuleSchema, corsConfigSchema } from './rule';
export type { Method, CorsRule, CorsConfig } from './rule';
export type { Issue, IssuePath } from './issues';
export { DIALECTS, dialectProfile } from './dialects';
export type { Dialect, DialectProfile, PreflightError } from './dialects';
export { evaluate, describeNearMiss } from './evaluate';
export type { CorsRequest, Decision, RuleReason, CheckResult } from './evaluate';
export { validateConfig, validateSize, BROWSER_MAX_AGE_CAPS } from './validate';
export type { ValidateOptions } from './validate';
export { findShadowedRules } from './shadowing';
export { classifyBrowserRequest, isCorsSafelistedMethod, isCorsSafelistedRequestHeader, readableResponseHeaders, SAFELISTED_RESPONSE_HEADERS } from './browser';
export type { BrowserRequest, BrowserRequestClass, CredentialsMode } from './browser';
export { predictBrowserFetch } from './predict';
export type { BrowserFetch, BrowserPrediction, BlockReason, BlockCheck } from './predict';
export { parseCorsDocument, serializeCorsDocument, conversionLosses, DOCUMENT_FORMATS } from './formats';
export type { DocumentFormat } from './formats';
export { parsePattern, matchesPattern, patternCovers, patternsOverlap } from './pattern';
export type { WildcardPattern } from './pattern';
