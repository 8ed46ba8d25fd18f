import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { measureAudit } from './scenarios/audit';
import { measureBucketList } from './scenarios/bucket-list';
import { measureBundle } from './scenarios/bundle';
import { measureEngines } from './scenarios/engines';
import { measureEngineSuite } from './scenarios/engine-suite';
import { measureEvaluate } from './scenarios/evaluate';
import { measureProbes, measureSave } from './scenarios/api';
import { measureLargeDocument } from './scenarios/large-document';
import { measureRuleEditor } from './scenarios/rule-editor';
import { launchBrowser } from './lib/chromium';
import { startConsoleProcess } from './lib/console-process';
import { goalMet, markdownTable, type Figure } from './lib/report';

// `npm run bench`: what users feel, against the embedded default in real headless Chromium.
// Every figure is a median of several runs; comparisons are ratios measured in the same run, so a
// noisy shared machine moves both sides alike.

const log = (line: string) => console.log(`[bench] ${line}`);
// BENCH_ONLY=bucket-list,rule-editor,... runs some scenarios, while working on one.
const only = process.env['BENCH_ONLY']?.split(',');
const wanted = (name: string) => !only || only.includes(name);
const started = Date.now();
const figures: Figure[] = [];

if (wanted('bundle')) figures.push(...(await measureBundle()));
if (wanted('bucket-list') || wanted('rule-editor')) {
  const browser = await launchBrowser();
  try {
    if (wanted('bucket-list')) figures.push(...(await measureBucketList(browser, log)));
    if (wanted('rule-editor')) figures.push(...(await measureRuleEditor(browser)));
  } finally {
    await browser.close();
  }
}
if (wanted('save') || wanted('probes')) {
  const app = await startConsoleProcess();
  try {
    if (wanted('save')) figures.push(...(await measureSave(app)));
    if (wanted('probes')) figures.push(...(await measureProbes(app)));
  } finally {
    await app.stop();
  }
}
if (wanted('large-document')) figures.push(...(await measureLargeDocument(log)));
if (wanted('evaluate')) figures.push(...measureEvaluate());
if (wanted('audit')) figures.push(...(await measureAudit(log)));
if (wanted('engines')) figures.push(...(await measureEngines(log)));
if (wanted('engine-suite')) figures.push(...(await measureEngineSuite(log)));

const seconds = Math.round((Date.now() - started) / 1000);
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' };
const table = markdownTable(figures);
await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', `${JSON.stringify({ ranAt: new Date().toISOString(), seconds, machine, figures: figures.map((f) => ({ ...f, met: goalMet(f) })) }, null, 2)}\n`);
await writeFile('bench/results.md', `# cors-console benchmarks\n\nRun ${new Date().toISOString()} in ${seconds} s on ${machine.cpus} × ${machine.cpu}, Node ${machine.node}.\n\n${table}\n`);
console.log(`\n${table}\n\n${seconds} s; written to bench/results.json and bench/results.md`);
