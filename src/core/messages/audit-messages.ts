// The fleet audit's catalogue (messages `audit.*` of locales/*.json): each check's title and each
// finding as a sentence naming its values. Origins and header names are values, never message text.
import type { AuditCheckCode, AuditFinding } from '../audit/checks';
import type { ShadowHarm } from '../issues';
import { text } from './catalogue';
import { engineLabel } from './decision-messages';
import { andList, durationText, listText, ruleLabel, ruleName } from './words';

const TITLES = {
  'wildcard-origin-writes': 'audit.title.wildcard-origin-writes',
  'wildcard-origin-credentials': 'audit.title.wildcard-origin-credentials',
  'upload-etag-hidden': 'audit.title.upload-etag-hidden',
  'shadowing-harm': 'audit.title.shadowing-harm',
  'wildcard-origin-no-dot': 'audit.title.wildcard-origin-no-dot',
  'authorization-by-wildcard': 'audit.title.authorization-by-wildcard',
  'max-age-over-cap': 'audit.title.max-age-over-cap',
  'rule-count-near-limit': 'audit.title.rule-count-near-limit',
  'changed-outside-console': 'audit.title.changed-outside-console',
  'configuration-refused': 'audit.title.configuration-refused',
  'configuration-unreadable': 'audit.title.configuration-unreadable',
} as const satisfies Record<AuditCheckCode, string>;

const HARMS = {
  blocked: 'audit.harm.blocked',
  'credentials-refused': 'audit.harm.credentials-refused',
  'header-unreadable': 'audit.harm.header-unreadable',
  'shorter-max-age': 'audit.harm.shorter-max-age',
} as const satisfies Record<ShadowHarm, string>;

/** A check's name, as a short phrase (a SARIF rule's short description, a filter's option). */
export function auditCheckTitle(code: AuditCheckCode): string {
  return text(TITLES[code]);
}

/** A finding as one sentence, with the values it names. */
export function auditFindingText(finding: AuditFinding): string {
  switch (finding.code) {
    case 'wildcard-origin-writes':
      return text('audit.finding.wildcard-origin-writes', { rule: ruleLabel(finding.params.rule), methods: listText(finding.params.methods) });
    case 'wildcard-origin-credentials':
      return text('audit.finding.wildcard-origin-credentials', { rule: ruleLabel(finding.params.rule), because: finding.params.because });
    case 'upload-etag-hidden':
      return text('audit.finding.upload-etag-hidden', { rule: ruleLabel(finding.params.rule), methods: listText(finding.params.methods) });
    case 'shadowing-harm':
      return text('audit.finding.shadowing-harm', {
        cause: ruleLabel(finding.params.cause),
        causeName: ruleName(finding.params.cause),
        loser: ruleName(finding.params.loser),
        origins: listText(finding.params.origins),
        methods: listText(finding.params.methods),
        harms: andList(finding.params.harms.map((harm) => text(HARMS[harm]))),
      });
    case 'wildcard-origin-no-dot':
      return text('audit.finding.wildcard-origin-no-dot', { rule: ruleLabel(finding.params.rule), origin: finding.params.origin, example: lookalikeOf(finding.params.origin) });
    case 'authorization-by-wildcard':
      return text('audit.finding.authorization-by-wildcard', { rule: ruleLabel(finding.params.rule) });
    case 'max-age-over-cap':
      return text('audit.finding.max-age-over-cap', {
        rule: ruleLabel(finding.params.rule),
        maxAge: durationText(finding.params.maxAgeSeconds),
        caps: listText(finding.params.engines.map(({ engine, cap }) => `${engineLabel(engine)} ${durationText(cap)}`)),
      });
    case 'rule-count-near-limit':
      return text('audit.finding.rule-count-near-limit', { count: finding.params.count, limit: finding.params.limit });
    case 'changed-outside-console':
      return text('audit.finding.changed-outside-console', { entry: finding.params.entry, lastKnown: finding.params.lastKnownVersion, current: finding.params.currentVersion });
    case 'configuration-refused':
      return finding.params.status === undefined
        ? text('audit.finding.configuration-refused', { code: finding.params.providerCode })
        : text('audit.finding.configuration-refused-status', { code: finding.params.providerCode, status: finding.params.status });
    case 'configuration-unreadable':
      return text('audit.finding.configuration-unreadable', { reason: finding.params.reason });
  }
}

/** A host the undotted wildcard also matches: `https://*example.com` → `https://evilexample.com`. */
function lookalikeOf(origin: string): string {
  return origin.replace('*', 'evil');
}
