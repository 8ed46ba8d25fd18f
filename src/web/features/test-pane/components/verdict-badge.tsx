import { breakageText, verdictLevelText, type AppVerdict } from '../../../../core';

/**
 * A verdict's level in words, with its icon (drawn by CSS, hidden from assistive technology: the
 * words carry the meaning, so colour and icon are never the only signal).
 */
export function VerdictBadge({ verdict }: { verdict: AppVerdict }) {
  return (
    <span className={`tp-level tp-level-${verdict.level}`} data-level={verdict.level}>
      {verdictLevelText(verdict.level)}
    </span>
  );
}

/** What the app will see fail, one line per breakage, the deciding one first. */
export function Breakages({ verdict }: { verdict: AppVerdict }) {
  if (verdict.level !== 'broken') return null;
  return (
    <ul className="tp-breakages" aria-label="What breaks for the app">
      {verdict.breakages.map((breakage) => (
        <li key={breakage.code} data-code={breakage.code}>
          {breakageText(breakage)}
        </li>
      ))}
    </ul>
  );
}
