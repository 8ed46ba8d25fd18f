import type { CorsConfig, DocumentFormat } from '../../../../core';
import { documentText, FORMAT_LABELS } from '../../../lib/document-formats';
import { countRules } from '../../../lib/config-identity';
import { summarizeRule } from '../rule-form';

/** A configuration read-only: numbered rule summaries and the document itself. */
export function ConfigSummary({ config, format }: { config: CorsConfig | null; format: DocumentFormat }) {
  if (!config || config.rules.length === 0) return <p className="re-muted">No CORS configuration.</p>;
  return (
    <>
      <p className="re-muted">{countRules(config)}</p>
      <ol className="re-summary-list">
        {config.rules.map((rule, index) => (
          <li key={index}>
            <strong>
              Rule {index + 1}
              {rule.id ? ` ${rule.id}` : ''}
            </strong>
            : {summarizeRule(rule)}
          </li>
        ))}
      </ol>
      <details>
        <summary>As {FORMAT_LABELS[format]}</summary>
        <pre className="re-doc">{documentText(config, format)}</pre>
      </details>
    </>
  );
}
