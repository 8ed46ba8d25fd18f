import { documentFormatInfo, type CorsConfig, type DocumentFormat } from '../../../../core';
import { documentText } from '../../../lib/document-formats';
import { countRules } from '../../../lib/rule-count';
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
        <summary>As {documentFormatInfo(format).label}</summary>
        <pre className="re-doc" tabIndex={0}>{documentText(config, format)}</pre>
      </details>
    </>
  );
}
