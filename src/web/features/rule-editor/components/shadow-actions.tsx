import { Wrench } from 'lucide-react';
import { ruleFixText, type CorsConfig, type DocumentFormat, type RuleFix } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Button } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { shadowLinkText } from '../../../lib/messages';
import type { PlacedIssue } from '../issue-placement';

export interface ShadowActionProps {
  /** The heading id of rule `index`'s card, for the link between the two cards. */
  ruleAnchor: (index: number) => string;
  focusRule: (index: number) => void;
  /** The draft as it is now: what a fix's diff starts from. */
  currentDraft: () => CorsConfig;
  diffFormat: DocumentFormat;
  applyFix: (fix: RuleFix) => void;
}

/** A shadowing warning's link to the card at the other end and, on the losing rule's card, its checked fixes. */
export function ShadowActions({ placed, ruleAnchor, focusRule, currentDraft, diffFormat, applyFix }: ShadowActionProps & { placed: PlacedIssue }) {
  const { link } = placed;
  if (!link) return null;
  const fixes = link.role === 'loser' ? (placed.issue.fixes ?? []) : [];
  return (
    <div className="re-shadow">
      <a
        href={`#${ruleAnchor(link.other)}`}
        className="re-shadow-link"
        onClick={(event) => {
          event.preventDefault();
          focusRule(link.other);
        }}
      >
        {shadowLinkText(link)}
      </a>
      {fixes.map((fix) => (
        <FixOffer key={JSON.stringify(fix)} fix={fix} before={currentDraft()} format={diffFormat} onApply={() => applyFix(fix)} />
      ))}
    </div>
  );
}

function FixOffer({ fix, before, format, onApply }: { fix: RuleFix; before: CorsConfig; format: DocumentFormat; onApply: () => void }) {
  const { label, effect } = ruleFixText(fix);
  return (
    <div className="re-shadow-fix" role="group" aria-label={webText('editor.fix.group', { fix: label })}>
      <Button size="sm" icon={Wrench} onClick={onApply}>
        {webText('editor.fix.apply', { fix: label })}
      </Button>
      <span className="re-hint">
        {effect} {webText('editor.fix.checked')}
      </span>
      <ConfigDiff before={before} after={{ ...before, rules: fix.rules }} format={format} label={webText('editor.fix.diff')} />
    </div>
  );
}
