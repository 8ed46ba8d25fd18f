import { serializeCorsDocument, type CorsConfig, type DocumentFormat } from '../../core';

/** The document for a configuration; no configuration at all is an empty document. */
export function documentText(config: CorsConfig | null, format: DocumentFormat): string {
  return config ? serializeCorsDocument(config, format) : '';
}
