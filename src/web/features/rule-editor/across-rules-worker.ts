// The editor's checks across rules (limits and shadowing, quadratic in the rule count), off the
// main thread: on 100 rules one pass takes 8-10 ms, and a keystroke that arrives during a pass run
// in the page waits for it (bench/scenarios/rule-editor.ts).
import { validateAcrossRules, type CorsConfig, type Dialect, type Issue } from '../../../core';

export interface AcrossRulesRequest {
  id: number;
  config: CorsConfig;
  dialect: Dialect;
}

export interface AcrossRulesReply {
  id: number;
  issues: Issue[];
}

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<AcrossRulesRequest>) => void) | null; postMessage(reply: AcrossRulesReply): void };

scope.onmessage = ({ data: { id, config, dialect } }) => scope.postMessage({ id, issues: validateAcrossRules(config, dialect) });
