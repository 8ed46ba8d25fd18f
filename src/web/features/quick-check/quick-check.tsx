import { useId, useMemo, useState } from 'react';
import { DIALECTS, DOCUMENT_FORMATS, parseCorsDocument, validateConfig, type Dialect, type DocumentFormat, type Issue } from '../../../core';

const SAMPLE = `{
  "CORSRules": [
    {
      "AllowedOrigins": ["https://app.example.com/"],
      "AllowedMethods": ["GET", "PUT"],
      "AllowedHeaders": ["content-type"]
    }
  ]
}`;

function where(issue: Issue): string {
  const [, rule, field] = issue.path;
  const parts = [typeof rule === 'number' ? `Rule ${rule + 1}` : '', typeof field === 'string' ? field : '', issue.line ? `line ${issue.line}` : ''];
  return parts.filter(Boolean).join(' · ');
}

/** Paste a CORS document and see what the provider would reject and what would surprise you. */
export function QuickCheck() {
  const [text, setText] = useState(SAMPLE);
  const [format, setFormat] = useState<DocumentFormat>('aws-json');
  const [dialect, setDialect] = useState<Dialect>('s3');
  const ids = { text: useId(), format: useId(), dialect: useId() };

  const issues = useMemo(() => {
    const parsed = parseCorsDocument(text, format);
    return parsed.ok ? [...parsed.issues, ...validateConfig(parsed.config, dialect)] : parsed.issues;
  }, [text, format, dialect]);

  return (
    <section aria-labelledby="quick-check-title">
      <h2 id="quick-check-title">Check a CORS configuration</h2>
      <label htmlFor={ids.format}>Format</label>
      <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as DocumentFormat)}>
        {DOCUMENT_FORMATS.map((f) => <option key={f}>{f}</option>)}
      </select>
      <label htmlFor={ids.dialect}>Provider</label>
      <select id={ids.dialect} value={dialect} onChange={(e) => setDialect(e.target.value as Dialect)}>
        {DIALECTS.map((d) => <option key={d}>{d}</option>)}
      </select>
      <label htmlFor={ids.text}>Configuration</label>
      <textarea id={ids.text} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      {issues.length === 0 ? (
        <p className="ok" role="status">No problems found.</p>
      ) : (
        <ul className="issues" aria-label="Problems">
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity}>
              <strong>{issue.severity === 'error' ? 'Error' : 'Warning'}</strong> {where(issue) && <em>({where(issue)})</em>} {issue.message}
              {issue.hint && <span className="hint">{issue.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
