import { useState } from 'react';
import { configIdentity, conversionLosses, documentFormatInfo, issueText, parseCorsDocument, serializeCorsDocument, type CorsConfig, type DocumentFormat, type Issue } from '../../../../core';
import { Select, TextArea } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { onLineText } from '../../../lib/messages';
import { configToForm, formToConfig } from '../rule-form';

interface RawEdit {
  text: string;
  /** The draft and format the text stands for; when either changes elsewhere, the text is written afresh. */
  basis: string;
  issues: Issue[];
}

function issueLine(issue: Issue): { text: string; hint?: string } {
  const { message, hint } = issueText(issue);
  return { text: issue.line !== undefined ? onLineText(issue.line, message) : message, ...(hint ? { hint } : {}) };
}

export function RawView({ domId, config, format, formats, onFormatChange, onApply }: {
  domId: string;
  config: CorsConfig;
  format: DocumentFormat;
  formats: readonly DocumentFormat[];
  onFormatChange: (format: DocumentFormat) => void;
  onApply: (config: CorsConfig) => void;
}) {
  const [edit, setEdit] = useState<RawEdit | null>(null);
  const basis = `${format}:${configIdentity(config)}`;
  const current = edit?.basis === basis ? edit : null;
  const text = current ? current.text : serializeCorsDocument(config, format);
  const parseIssues = current?.issues ?? [];
  const losses = conversionLosses(config, format);
  const problems = [...parseIssues, ...losses];

  const onChange = (next: string) => {
    const result = parseCorsDocument(next, format);
    if (!result.ok) {
      setEdit({ text: next, basis, issues: result.issues });
      return;
    }
    const vary = documentFormatInfo(format).carries.responseVary ? result.config.responseVary === true : config.responseVary === true;
    const parsed: CorsConfig = { rules: result.config.rules, ...(vary ? { responseVary: true } : {}) };
    onApply(parsed);
    setEdit({ text: next, basis: `${format}:${configIdentity(formToConfig(configToForm(parsed)))}`, issues: result.issues });
  };

  return (
    <div className="re-raw">
      <Select
        id={`${domId}-format`}
        label={webText('editor.raw.format')}
        hint={webText('editor.raw.format-hint')}
        className="re-raw-format"
        value={format}
        onChange={(event) => onFormatChange(event.target.value as DocumentFormat)}
      >
        {formats.map((f) => (
          <option key={f} value={f}>
            {documentFormatInfo(f).label}
          </option>
        ))}
      </Select>
      <TextArea
        id={`${domId}-raw`}
        label={webText('editor.raw.document')}
        inputClassName="re-raw-text"
        spellCheck={false}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={parseIssues.some((i) => i.severity === 'error') || undefined}
        aria-describedby={problems.length ? `${domId}-raw-issues` : undefined}
      />
      {problems.length > 0 && (
        <ul id={`${domId}-raw-issues`} className="re-issues" aria-label={webText('editor.raw.problems')}>
          {problems.map((issue, index) => {
            const { text, hint } = issueLine(issue);
            return (
              <li key={`${issue.code}-${index}`} className={`re-issue re-issue-${issue.severity}`}>
                <span className="re-sr">{issue.severity === 'error' ? webText('issue-prefix.error') : webText('issue-prefix.warning')}</span>
                <span>{text}</span>
                {hint && <span className="re-hint">{hint}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
