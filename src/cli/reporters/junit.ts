import type { EngineName } from '../../engines/engine';
import { countCases, type CaseResult, type RunReport } from '../run-report';
import { caseDetails, caseTitle, verdictSummary, type Reporter } from './reporter';

const escapeXml = (text: string) =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(c: CaseResult, classname: string): string {
  const open = `    <testcase name="${escapeXml(caseTitle(c))}" classname="${escapeXml(classname)}" time="${seconds(c.ms)}"`;
  if (c.status === 'passed') return `${open}/>`;
  const tag = c.status === 'failed' ? 'failure' : 'error';
  const type = c.status === 'failed' ? 'wrong-verdict' : 'infrastructure';
  const message = c.status === 'failed' ? verdictSummary(c) : (c.reason ?? 'infrastructure problem');
  return `${open}>\n      <${tag} message="${escapeXml(message)}" type="${type}">${escapeXml(caseDetails(c).join('\n'))}</${tag}>\n    </testcase>`;
}

function suite(name: string, cases: CaseResult[], classname: string, extra: string[] = []): string {
  const counts = countCases(cases);
  const errors = counts.error + extra.length;
  const time = cases.reduce((sum, c) => sum + c.ms, 0);
  const body = [...cases.map((c) => testcase(c, classname)), ...extra];
  return `  <testsuite name="${escapeXml(name)}" tests="${cases.length + extra.length}" failures="${counts.failed}" errors="${errors}" skipped="0" time="${seconds(time)}">\n${body.join('\n')}\n  </testsuite>`;
}

const problemCase = (name: string, classname: string, message: string) =>
  `    <testcase name="${escapeXml(name)}" classname="${escapeXml(classname)}" time="0">\n      <error message="${escapeXml(message)}" type="infrastructure"/>\n    </testcase>`;

/**
 * JUnit XML: one <testsuite> per engine, one <testcase> per test × engine; a wrong verdict is a
 * <failure>, a test that could not be judged (or an engine that could not run) an <error>.
 */
export const junitReporter = (): Reporter => ({
  render(report: RunReport) {
    const classname = `cors-console.${report.profile}.${report.bucket}`;
    const suites: string[] = [];
    if (report.infrastructure) suites.push(suite('cors-console', [], classname, [problemCase('run', classname, report.infrastructure)]));
    for (const engine of report.engines) {
      const cases = report.cases.filter((c) => c.engine === (engine.name as EngineName));
      const extra = engine.state === 'missing' ? [problemCase(`[${engine.name}] engine`, classname, engine.message)] : [];
      if (engine.state !== 'skipped') suites.push(suite(engine.name, cases, classname, extra));
    }
    const counts = countCases(report.cases);
    const extraErrors = (report.infrastructure ? 1 : 0) + report.engines.filter((e) => e.state === 'missing').length;
    const total = report.cases.length + extraErrors;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cors-console test ${escapeXml(report.profile)}/${escapeXml(report.bucket)}" tests="${total}" failures="${counts.failed}" errors="${counts.error + extraErrors}" time="${seconds(report.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
  },
});
