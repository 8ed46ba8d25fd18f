// The public API of the CORS core (shared/design/architecture.md). Pure: no I/O, no React.
export { METHODS, isMethod, corsRuleSchema, corsConfigSchema } from './rule';
export type { Method, CorsRule, CorsConfig } from './rule';
export { ISSUE_CODES, SHADOW_HARMS } from './issues';
export { BODY_RULES, bodyRule, misfitOf } from './body-misfit';
export type { BodyMisfit, BodyRule } from './body-misfit';
export type { Issue, IssueOf, IssueCode, IssueParamsByCode, IssuePath, FoundValue, RuleRef, ValueField, FieldOwner, AppRequestRef, ConsoleReason, ShadowHarm, RuleFix, ShadowDecision } from './issues';
export { DIALECTS, dialectProfile } from './dialects';
export type { Dialect, DialectProfile, PreflightError } from './dialects';
export { evaluate, findNearMiss, CHECK_CODES, RULE_REASON_CODES, SUMMARY_CODES } from './evaluate';
export type {
  CorsRequest,
  Decision,
  DecisionSummary,
  SummaryCode,
  SummaryParamsByCode,
  RuleReason,
  RuleReasonCode,
  RuleReasonParamsByCode,
  CheckResult,
  CheckCode,
  CheckParamsByCode,
  NearMiss,
  StopSelection,
} from './evaluate';
export { validateConfig, validateSize, analysesAcrossRules, maxAnalysedRules, validateRuleAt, validateAcrossRules, storedDocumentIssues, isStoredDocumentIssue, BROWSER_MAX_AGE_CAPS } from './validate';
export type { ValidateOptions } from './validate';
export { findShadowedRules } from './shadowing';
export { corsHeadersOf, answerDifferences, answerMatches, providerErrorOf } from './answer';
export type { ReceivedAnswer, AnswerDifference } from './answer';
export { closestListedOrigin } from './closest-origin';
export type { ClosestOrigin } from './closest-origin';
export { REQUEST_REASON_CODES, reasonConcerns, classifyBrowserRequest, isCorsSafelistedMethod, isCorsSafelistedRequestHeader, readableResponseHeaders, SAFELISTED_RESPONSE_HEADERS, PREFLIGHT_CACHE_CAPS, WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION, checkAllowHeaders, DEFAULT_PREFLIGHT_CACHE_SECONDS, preflightCacheSeconds } from './browser';
export type { BrowserRequest, BrowserRequestClass, CredentialsMode, RequestReason, RequestReasonCode, RequestReasonParamsByCode } from './browser';
export { predictBrowserFetch, headerReadability, BLOCK_CHECKS, CAUTION_CODES, preflightAnswerBlock, preflightCautions } from './predict';
export { BREAKAGE_CODES, VERDICT_LEVELS, judgeOutcome, isSurelyCrossSite, observedVerdict, predictedVerdict, preflightFacts, providerAnswerOfBlock } from './verdict';
export type { AppVerdict, Breakage, BreakageCode, BreakageParamsByCode, ObservedFetch, OutcomeFacts, ProviderAnswer, VerdictLevel } from './verdict';
export { decidingRule } from './deciding-rule';
export type { DecidingRule } from './deciding-rule';
export type { BrowserFetch, BrowserPrediction, BlockReason, BlockCheck, BlockParamsByCheck, BlockStage, HeaderReadability, BrowserCaution, CautionCode, CautionParamsByCode } from './predict';
export { parseCorsDocument, serializeCorsDocument, conversionLosses, DOCUMENT_FORMATS, documentFormatInfo, detectDocumentFormat, CODE_FORMATS, SOURCE_FORMATS, detectSourceFormat, detectSourceFormatWith, isDocumentFormat, parseSourceDocument, parsersFor, sourceFormatLabel, loadCodeParsers, EXPORT_TARGETS, exportLosses, exportTargetInfo, exportToCode } from './formats';
export type { CodeFormat, PendingDetection, SourceDetection, SourceFormat, CodeParserName, CodeParsers, CodeExport, ExportTarget, ExportTargetInfo } from './formats';
export { orderSensitivePairs } from './order-sensitivity';
export type { OrderSensitivePair } from './order-sensitivity';
export type { DocumentFormat, DocumentFormatInfo, FormatCapabilities } from './formats';
export { configIdentity, sameConfig, sameRuleValues } from './identity';
export { configEdits, CONFIG_EDIT_CODES } from './config-edits';
export type { ConfigEdit, ConfigEditCode, ConfigEditParamsByCode, EditedField } from './config-edits';
export { parsePattern, matchesPattern, patternCovers, patternsOverlap } from './pattern';
export type { WildcardPattern } from './pattern';
export { loosestRule, LOOSEST_MAX_AGE_SECONDS, LOOSEST_RULE_ID } from './wizard/loosest';
export type { ExplainedRule, LoosestRule } from './wizard/loosest';
export { strictestRules, STRICTEST_MAX_AGE_SECONDS } from './wizard/strictest';
export type { StrictestOptions, StrictestResult } from './wizard/strictest';
export { APP_OPERATIONS, OPERATION_METHODS, appFetches, validateApp } from './wizard/app';
export type { AppDescription, AppOperation, AppRequestHeader, AppReadableHeader, AppFetch } from './wizard/app';
export { insertEffectively } from './wizard/placement';
export type { PlacementResult } from './wizard/placement';
export { strictestFixFor } from './wizard/fix';
export type { FailingFetch, FixResult } from './wizard/fix';
export { compareConfigs } from './wizard/probe';
export type { ConfigChange, SampleChange, SampleRequest } from './wizard/probe';
export { EXPLANATION_CODES, WIZARD_ERROR_CODES } from './wizard/explain';
export type {
  Explanation,
  ExplanationCode,
  ExplanationParamsByCode,
  ExplanationField,
  FixAddition,
  FixBlock,
  FixChange,
  MethodPurpose,
  SharedCell,
  WizardError,
  WizardErrorCode,
  WizardErrorParamsByCode,
} from './wizard/explain';
// The English message catalogues: code + params → sentences. A translation replaces these.
export { issueText, issueMessage, refusalText, ruleFixText } from './messages/issue-messages';
export type { IssueText, RefusalText, RuleFixText } from './messages/issue-messages';
export { blockText, cautionText, checkText, nearMissText, requestReasonText, requestReasonsText, ruleReasonText, summaryText } from './messages/decision-messages';
export { breakageText, decidingRuleText, providerAnswerLabel, refusingRuleText, verdictLevelText } from './messages/decision-messages';
export { explanationText, fixBlockText, fixChangeText, sampleChangeText, wizardErrorText } from './messages/wizard-messages';
export { configEditText } from './messages/edit-messages';
export { firstMatchHelp } from './messages/matching-messages';
export type { FirstMatchHelp } from './messages/matching-messages';
export { headerSpelling, ruleLabel, ruleName } from './messages/words';
export { refusalOf, REFUSALS } from './refusals';
export type { Refusal, ConfigErrorCode } from './refusals';
export { BROWSER_ENGINES, ENGINE_FACTS, enginePreflightCacheSeconds, enginePreflightsEveryTime } from './engines';
export type { BrowserEngine, EngineFacts } from './engines';
export { isLoopbackHost, mixedContent, mixedContentRefusal } from './mixed-content';
export { hostAddressSpace, isSecurePage, localNetworkFetch, localNetworkRefusal, LOCAL_NETWORK_FIX_CODES, pageAddressSpace } from './local-network';
export type { AddressSpace, LocalNetworkFetch, LocalNetworkFixCode } from './local-network';
export { localNetworkFixText } from './messages/local-network-messages';
export { judgeAnswers } from './predict';
export type { EngineContext, AnswersJudgement, ReceivedBrowserAnswer } from './predict';
export { CHROMIUM_CORS_ERRORS, CORS_FIX_CODES, explainCorsError } from './cors-error';
export type { ChromiumCorsError, CorsErrorContext, CorsErrorExplanation, CorsFix, CorsFixCode, CorsFixParamsByCode } from './cors-error';
export { corsErrorReasonText, corsFixText } from './messages/cors-error-messages';
// The cache check (issue 19): the requests through a CDN or proxy and straight to the bucket, and what their answers show.
export { CACHE_CHECK_STEPS, CACHE_BUST_PARAMETER, cacheCheckPlan } from './cache-check/plan';
export type { CacheCheckInput, CacheCheckPlan, CacheCheckStep, CacheCheckStepId } from './cache-check/plan';
export { observedAnswer, headerValues, allowOriginValues, variesOnOrigin, accessControlHeaders } from './cache-check/headers';
export type { ObservedAnswer } from './cache-check/headers';
export { CACHE_KINDS, CACHE_SIGN_HEADERS, cacheSigns } from './cache-check/signs';
export type { CacheKind, CacheSign, CacheSigns } from './cache-check/signs';
export { CACHE_FINDING_CODES, analyseCacheCheck } from './cache-check/analyse';
export type { CacheFinding, CacheFindingCode, CacheFindingParamsByCode, CacheCheckResult, CacheCheckOptions, StaleHeader, StepSigns } from './cache-check/analyse';
export { CACHE_FIX_CODES } from './cache-check/fixes';
export type { CacheFix, CacheFixCode, CacheFixParamsByCode } from './cache-check/fixes';
export { cacheStepText, cacheSignsText, cacheFindingText, cacheFixText } from './messages/cache-check-messages';
export { AUDIT_CHECK_CODES, AUDIT_SEVERITIES, DEFAULT_SEVERITIES, NEAR_LIMIT_RATIO, auditConfiguration } from './audit/checks';
export type { AuditCheckCode, AuditContext, AuditFinding, AuditParamsByCode, AuditSeverity } from './audit/checks';
export { DEFAULT_AUDIT_POLICY, MAX_POLICY_FILE_BYTES, SEVERITY_RANK, applyPolicy, auditPolicyFile, auditPolicySchema, checkSetting, policyFileTooLarge, readAuditPolicy, samePolicy, withCheckSetting } from './audit/policy';
export type { AuditPolicy, AuditPolicyRead, CheckSetting, RatedFinding } from './audit/policy';
export { auditCheckTitle, auditFindingText } from './messages/audit-messages';
export { COMPARISON_VERDICTS, MAX_CHANGED_REQUESTS, compareConfigurations } from './drift';
export type { ChangedRequest, ComparisonVerdict, ConfigComparison, RequestOutcome } from './drift';
export { comparisonVerdictText, changedRequestText } from './messages/drift-messages';
