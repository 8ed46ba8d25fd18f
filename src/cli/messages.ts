import { verdictLevelText, type VerdictLevel } from '../core';
import type { EngineName } from '../engines/engine';

// The command's own wording, made from codes and values (the console's catalogues say the CORS
// facts: blockText, breakageText, fixChangeText).

const ENGINE_LABELS: Record<EngineName, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

export const engineLabel = (engine: EngineName) => ENGINE_LABELS[engine];

export type CliMessage =
  | { code: 'engine-missing'; params: { engine: EngineName; missing: string[]; installCommand: string } }
  | { code: 'engine-launch-failed'; params: { engine: EngineName; error: string } }
  | { code: 'expected-blocked'; params: { engine: EngineName; observed: VerdictLevel } }
  | { code: 'engine-blocked'; params: { engine: EngineName; predicted: VerdictLevel } }
  | { code: 'prediction-differs'; params: { predicted: VerdictLevel; observed: VerdictLevel } }
  | { code: 'provider-differs'; params: { dialect: string } }
  | { code: 'suite-other-bucket'; params: { suite: string; bucket: string } }
  | { code: 'no-tests'; params: { profile: string; bucket: string; where: string } }
  | { code: 'request-failed'; params: { engine: EngineName; error: string } }
  | { code: 'not-built'; params: { path: string } }
  | { code: 'no-engine'; params: Record<string, never> };

const TEXTS: { [M in CliMessage as M['code']]: (p: M['params']) => string } = {
  'engine-missing': (p) => `${engineLabel(p.engine)} is not installed (missing ${p.missing.join(', ')}). Install it with: ${p.installCommand}`,
  'engine-launch-failed': (p) => `${engineLabel(p.engine)} did not start: ${p.error}`,
  'expected-blocked': (p) => `Expected blocked, but ${engineLabel(p.engine)} let script read the answer (${verdictLevelText(p.observed)}).`,
  'engine-blocked': (p) => `${engineLabel(p.engine)} blocked the request although the rules predict ${verdictLevelText(p.predicted).toLowerCase()}; the failure is outside the CORS rules or in the engine.`,
  'prediction-differs': (p) => `The console predicted ${verdictLevelText(p.predicted).toLowerCase()}, the engine said ${verdictLevelText(p.observed).toLowerCase()}.`,
  'provider-differs': (p) => `The bucket's raw answer differs from the console's model of ${p.dialect}: the prediction may be off.`,
  'suite-other-bucket': (p) => `The suite was written for bucket ${p.suite}; running it against ${p.bucket}.`,
  'no-tests': (p) => `Bucket ${p.bucket} of profile ${p.profile} has no saved tests in ${p.where}: save some in the Test tab, or pass --suite FILE (cors-console test --init writes one).`,
  'request-failed': (p) => `${engineLabel(p.engine)} could not make the request: ${p.error}`,
  'not-built': (p) => `cors-console is not built (${p.path} is missing): run npm run build first.`,
  'no-engine': () => 'None of the engines asked for can run here.',
};

export function cliText(message: CliMessage): string {
  return (TEXTS[message.code] as (p: CliMessage['params']) => string)(message.params);
}
