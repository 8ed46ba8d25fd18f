import { breakageText, verdictLevelText, type AppVerdict, type VerdictLevel } from '../../../../core';
import { webText } from '../../../lib/i18n/feature-text';
import { VerdictIcon } from './verdict-icon';

/** A verdict's level in words, with its icon. */
export function VerdictBadge({ verdict }: { verdict: AppVerdict }) {
  return <LevelBadge level={verdict.level} />;
}

export function LevelBadge({ level }: { level: VerdictLevel }) {
  return (
    <span className={`tp-level tp-level-${level}`} data-level={level}>
      <VerdictIcon level={level} />
      {verdictLevelText(level)}
    </span>
  );
}

/** What the app will see fail, one line per breakage, the deciding one first. */
export function Breakages({ verdict }: { verdict: AppVerdict }) {
  if (verdict.level !== 'broken') return null;
  return (
    <ul className="tp-breakages" aria-label={webText('test-pane.verdict.breakages')}>
      {verdict.breakages.map((breakage) => (
        <li key={breakage.code} data-code={breakage.code}>
          {breakageText(breakage)}
        </li>
      ))}
    </ul>
  );
}
