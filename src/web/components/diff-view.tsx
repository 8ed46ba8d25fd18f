import { useLayoutEffect, useRef } from 'react';
import { webText } from '../lib/i18n/feature-text';
import { diffLines } from '../lib/line-diff';
import './diff-view.css';

/** Lines of context kept above the first change when the box scrolls to it. */
const CONTEXT_LINES = 2;

export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = diffLines(before, after);
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  const firstChange = Math.max(0, lines.findIndex((l) => l.kind !== 'same') - CONTEXT_LINES);
  const box = useRef<HTMLPreElement>(null);
  // The box is only so tall: a change below its fold would be out of view, so it opens at the first one.
  useLayoutEffect(() => {
    const line = box.current?.children[firstChange];
    if (box.current && line instanceof HTMLElement) box.current.scrollTop = line.offsetTop;
  }, [firstChange, before, after]);
  return (
    <figure className="re-diff">
      <figcaption>{webText('diff-view.caption', { label, added, removed })}</figcaption>
      {/* Focusable: it scrolls sideways, and keyboard users must be able to scroll it too. */}
      <pre tabIndex={0} ref={box}>
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
