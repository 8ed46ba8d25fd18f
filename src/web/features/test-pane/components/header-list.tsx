import { webText } from '../../../lib/i18n/feature-text';

/**
 * HTTP headers as a definition list: names and values in monospace, wrapping anywhere, so a long
 * value (a presigned URL, a header list) is never cut and never scrolls sideways.
 */
export function HeaderList({ headers, label }: { headers: Readonly<Record<string, string>>; label: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="tp-muted">{webText('test-pane.headers.none', { label })}</p>;
  return (
    <dl className="tp-header-list" aria-label={label}>
      {entries.map(([name, value]) => (
        <div key={name} className="tp-header">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
