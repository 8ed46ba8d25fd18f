import type { StorageProvider } from '../../contract/api';
import type { CorsConfig, DocumentFormat } from '../../core';
import type { Result } from './result';

export interface BucketEntry {
  name: string;
  /** ISO date, when the provider says. */
  createdAt?: string;
}

/** A bucket's CORS as the provider holds it. */
export interface StoredCors {
  /** `null` when the bucket has no CORS configuration. */
  config: CorsConfig | null;
  /** The provider's own document (XML), verbatim, or `null` when there is none. */
  raw: string | null;
  /**
   * Set when the adapter left a large document for the analysis to read, in this format, away
   * from the event loop (see `LARGE_CORS_DOCUMENT_BYTES`); `config` is then `null` until read.
   */
  unread?: DocumentFormat;
}

export interface PresignOptions {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE';
  expiresSeconds: number;
  /** For PUT: the Content-Type the upload must carry (it is signed). */
  contentType?: string;
}

export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

/** What a provider can do; the API reports it instead of crashing on a missing feature. */
export interface Capabilities {
  /** Per-bucket CORS; `false` where the provider answers NotImplemented (MinIO community). */
  bucketCors: boolean;
  /** The OSS/COS `ResponseVary` switch. */
  responseVary: boolean;
  /** Browser POST uploads with a signed policy. */
  presignedPost: boolean;
}

/**
 * One provider account behind one profile. Every call answers a `Result`; none throws. Each
 * provider is a descriptor (`provider-kit.ts`) that maps its SDK's shapes to the core's model,
 * here and nowhere else.
 */
export interface StorageAdapter {
  readonly capabilities: Capabilities;
  /** Who answers, for failures its callers report themselves (a test's scratch objects). */
  readonly provider: StorageProvider;
  listBuckets(): Promise<Result<BucketEntry[]>>;
  getCors(bucket: string): Promise<Result<StoredCors>>;
  /** Replaces the whole configuration (PutBucketCors semantics). */
  putCors(bucket: string, config: CorsConfig): Promise<Result<void>>;
  deleteCors(bucket: string): Promise<Result<void>>;
  /** The unsigned URL of an object, as a browser would request it; refused when it would leave the bucket. */
  objectUrl(bucket: string, key: string): Result<URL>;
  presign(bucket: string, key: string, options: PresignOptions): Promise<Result<string>>;
  presignPost(bucket: string, key: string, expiresSeconds: number): Promise<Result<PresignedPost>>;
}
