import { diffLines } from '../lib/line-diff';
import './diff-view.css';

export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = diffLines(before, after);
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  return (
    <figure className="re-diff">
      <figcaption>
        {label}: {added} line{added === 1 ? '' : 's'} added, {removed} removed.
      </figcaption>
      {/* Focusable: it scrolls sideways, and keyboard users must be able to scroll it too. */}
      <pre tabIndex={0}>
        {lines.map((line, index) =>
          line.kind === 'added' ? (
            <ins key={index} className="re-diff-line re-diff-added">{`+ ${line.text}\n`}</ins>
          ) : line.kind === 'removed' ? (
            <del key={index} className="re-diff-line re-diff-removed">{`- ${line.text}\n`}</del>
          ) : (
            <span key={index} className="re-diff-line">{`  ${line.text}\n`}</span>
          ),
        )}
      </pre>
    </figure>
  );
}
