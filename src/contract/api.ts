// The HTTP contract shared by the server and the web app, in one import: the route table
// (routes.ts), the schemas of bodies and answers by area, and the error envelope.
export { API_ERROR_CODES, GUARD_ERRORS, apiErrorSchema } from './errors';
export type { ApiErrorBody, ApiErrorCode, ApiErrorParams, StorageCall, StorageProvider, UnaddressableCause } from './errors';
export { apiErrorEnvelopeSchema } from './envelope';
export type { ApiError } from './envelope';
export { corsStateSchema, putCorsBodySchema } from './cors';
export type { CorsState, PutCorsBody } from './cors';
export { DEMO_LESSONS, bucketCorsSchema } from './cors';
export type { BucketCors, DemoLesson } from './cors';
export * from './profiles';
export * from './testing';
export * from './cache-check';
export * from './public-url';
export * from './history';
export * from './engine-runs';
export { AUDIT_JOB_STATES, auditJobSchema, startAuditBodySchema } from './audit';
export type { AuditJob, AuditJobState, BucketAudit, StartAuditBody } from './audit';
export { routes } from './routes';
export type { RouteName, Routes } from './routes';
export { DEFAULT_MAX_BODY_BYTES, errorCodesOf, maxBodyBytesOf, pathOf } from './route';
export type { AnswerOf, BodyOf, ErrorCodeOf, ParamsOf, RouteSpec } from './route';
