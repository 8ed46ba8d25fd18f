import type { RunReport } from '../run-report';
import { caseDetails, caseTitle, verdictSummary, type Reporter } from './reporter';

const yamlString = (text: string) => JSON.stringify(text);
const comment = (text: string) => text.split('\n').map((line) => `# ${line}`).join('\n');

/** TAP version 13: one test point per test × engine, a YAML block under each that did not pass. */
export const tapReporter = (): Reporter => ({
  render(report: RunReport) {
    const lines = ['TAP version 13'];
    if (report.infrastructure) {
      lines.push('1..0', `Bail out! ${report.infrastructure.replace(/\n/g, ' ')}`);
      return `${lines.join('\n')}\n`;
    }
    const missing = report.engines.flatMap((e) => (e.state === 'missing' ? [e] : []));
    lines.push(`1..${report.cases.length + missing.length}`);
    for (const notice of report.notices) lines.push(comment(notice));
    let point = 0;
    for (const c of report.cases) {
      point++;
      if (c.status === 'passed') {
        lines.push(`ok ${point} - ${caseTitle(c)}`);
        continue;
      }
      lines.push(`not ok ${point} - ${caseTitle(c)}`, '  ---', `  message: ${yamlString(c.status === 'failed' ? verdictSummary(c) : (c.reason ?? ''))}`, `  severity: ${c.status === 'failed' ? 'fail' : 'error'}`);
      lines.push('  data:', `    expected: ${c.test.expect}`, `    observed: ${c.observed ?? 'none'}`, `    predicted: ${c.predicted}`);
      if (c.corsError) lines.push(`    corsError: ${c.corsError.corsError}`, `    failedParameter: ${yamlString(c.corsError.failedParameter)}`);
      const details = caseDetails(c);
      if (details.length) lines.push('  details:', ...details.map((d) => `    - ${yamlString(d)}`));
      lines.push('  ...');
    }
    for (const engine of missing) {
      point++;
      lines.push(`not ok ${point} - [${engine.name}] engine`, '  ---', `  message: ${yamlString(engine.message)}`, '  severity: error', '  ...');
    }
    return `${lines.join('\n')}\n`;
  },
});
