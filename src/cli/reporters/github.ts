import { countCases, type CaseResult, type RunReport } from '../run-report';
import { caseDetails, caseTitle, verdictSummary, type Reporter } from './reporter';

// GitHub Actions workflow commands (docs.github.com/actions/reference/workflow-commands-for-github-actions):
// data escapes %, CR and LF; property values also : and ,.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Where a test sits in its suite file, so the annotation points at it. */
export interface SuiteLocation {
  file: string;
  /** The 1-based line of each test's id in the file. */
  lineOf(testId: string): number | undefined;
}

/** Finds `"id": "<id>"` in the suite's text: the line a person edits for that test. */
export function suiteLocation(file: string, text: string): SuiteLocation {
  const lines = text.split('\n');
  return {
    file,
    lineOf: (id) => {
      const needle = `"id": ${JSON.stringify(id)}`;
      const index = lines.findIndex((line) => line.replace(/"id"\s*:\s*/, '"id": ').includes(needle));
      return index === -1 ? undefined : index + 1;
    },
  };
}

function annotation(level: 'error' | 'warning' | 'notice', message: string, properties: Record<string, string | number | undefined>): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function caseAnnotation(c: CaseResult, where?: SuiteLocation): string {
  const message = [c.status === 'failed' ? verdictSummary(c) : (c.reason ?? ''), ...caseDetails(c).filter((d) => d !== c.reason || c.status === 'failed')].join('\n');
  return annotation('error', message, { file: where?.file, line: where?.lineOf(c.test.id), title: `cors-console: ${caseTitle(c)}` });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** The step summary: counts, then a row per test × engine that did not pass. */
export function stepSummary(report: RunReport): string {
  const counts = countCases(report.cases);
  const lines = [`## cors-console test: ${report.profile}/${report.bucket}`, ''];
  if (report.infrastructure) return `${[...lines, `**Not run:** ${cell(report.infrastructure)}`].join('\n')}\n`;
  const engines = report.engines.map((e) => `${e.name} (${e.state})`).join(', ');
  lines.push(`${counts.passed} passed, ${counts.failed} failed, ${counts.error} not judged · engines: ${engines} · ${(report.durationMs / 1000).toFixed(1)} s`, '');
  const bad = report.cases.filter((c) => c.status !== 'passed');
  if (bad.length) {
    lines.push('| Test | Engine | Expected | Engine said | Predicted | Why | Fix |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const c of bad) {
      const why = [c.reason ?? '', ...(c.corsError ? [`\`${c.corsError.corsError}\``] : [])].join(' ');
      lines.push(`| ${cell(c.test.name)} | ${c.engine} | ${c.test.expect} | ${c.observed ?? '—'} | ${c.predicted} | ${cell(why)} | ${cell(c.fix ?? '')} |`);
    }
  }
  for (const notice of report.notices) lines.push('', `> ${cell(notice)}`);
  return `${lines.join('\n')}\n`;
}

/** Annotations on stdout (one `::error` per test × engine that did not pass); the summary goes to $GITHUB_STEP_SUMMARY (main.ts). */
export const githubReporter = (where?: SuiteLocation): Reporter => ({
  render(report) {
    const lines: string[] = [];
    if (report.infrastructure) lines.push(annotation('error', report.infrastructure, { title: 'cors-console: not run' }));
    for (const engine of report.engines) {
      if (engine.state === 'missing') lines.push(annotation('error', engine.message, { title: `cors-console: ${engine.name}` }));
      if (engine.state === 'skipped') lines.push(annotation('notice', engine.message, { title: `cors-console: ${engine.name}` }));
    }
    for (const c of report.cases) if (c.status !== 'passed') lines.push(caseAnnotation(c, where));
    const counts = countCases(report.cases);
    lines.push(`cors-console: ${counts.passed} passed, ${counts.failed} failed, ${counts.error} not judged`);
    return `${lines.join('\n')}\n`;
  },
});
