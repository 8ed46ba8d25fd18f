import { documentFormatInfo, type CorsConfig, type DocumentFormat } from '../../../../core';
import { documentText } from '../../../lib/document-formats';
import { countRules } from '../../../lib/rule-count';
import { webText } from '../../../lib/i18n/feature-text';
import { summarizeRule } from '../rule-form';

/** A configuration read-only: numbered rule summaries and the document itself. */
export function ConfigSummary({ config, format }: { config: CorsConfig | null; format: DocumentFormat }) {
  if (!config || config.rules.length === 0) return <p className="re-muted">{webText('editor.no-config')}</p>;
  return (
    <>
      <p className="re-muted">{countRules(config)}</p>
      <ol className="re-summary-list">
        {config.rules.map((rule, index) => (
          <li key={index}>
            <strong>{rule.id ? webText('editor.rule-named', { number: index + 1, id: rule.id }) : webText('editor.rule', { number: index + 1 })}</strong>
            {webText('editor.summary.rest', { summary: summarizeRule(rule) })}
          </li>
        ))}
      </ol>
      <details>
        <summary>{webText('config-diff.as-format', { format: documentFormatInfo(format).label })}</summary>
        <pre className="re-doc" tabIndex={0}>{documentText(config, format)}</pre>
      </details>
    </>
  );
}
