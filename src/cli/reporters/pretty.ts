import { engineLabel } from '../messages';
import { countCases, type CaseResult, type RunReport } from '../run-report';
import { caseDetails, caseTitle, verdictSummary, type Reporter } from './reporter';

const COLOURS = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

/**
 * For people: on a terminal, a line per test × engine as it ends, in colour; elsewhere (a file, a
 * pipe, CI=true) quiet: only what did not pass and the summary.
 */
export function prettyReporter(options: { live: boolean; colour: boolean; write: (text: string) => void }): Reporter {
  const paint = (colour: keyof typeof COLOURS, text: string) => (options.colour ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text);
  const mark = (c: CaseResult) => (c.status === 'passed' ? paint('green', '✓') : c.status === 'failed' ? paint('red', '✗') : paint('yellow', '!'));
  const block = (c: CaseResult) => [`${mark(c)} ${caseTitle(c)} ${paint('dim', `(${c.ms} ms)`)}`, ...(c.status === 'passed' ? [] : [`    ${verdictSummary(c)}`, ...caseDetails(c).map((d) => `    ${d}`)])].join('\n');
  return {
    onCase: options.live ? (c) => options.write(`${block(c)}\n`) : undefined,
    render(report: RunReport) {
      const lines: string[] = [];
      if (report.infrastructure) return `${paint('red', 'Not run:')} ${report.infrastructure}\n`;
      if (!options.live) for (const c of report.cases) if (c.status !== 'passed') lines.push(block(c));
      for (const notice of report.notices) lines.push(paint('yellow', `note: ${notice}`));
      for (const engine of report.engines) if (engine.state === 'missing') lines.push(paint('red', engine.message));
      const counts = countCases(report.cases);
      const ran = report.engines.flatMap((e) => (e.state === 'ran' ? [engineLabel(e.name)] : []));
      const tally = [paint(counts.failed ? 'red' : 'green', `${counts.passed} passed`), ...(counts.failed ? [paint('red', `${counts.failed} failed`)] : []), ...(counts.error ? [paint('yellow', `${counts.error} not judged`)] : [])];
      lines.push(`${paint('bold', `${report.profile}/${report.bucket}`)}: ${tally.join(', ')} in ${ran.join(', ') || 'no engine'} (${(report.durationMs / 1000).toFixed(1)} s)`);
      return `${lines.join('\n')}\n`;
    },
  };
}
