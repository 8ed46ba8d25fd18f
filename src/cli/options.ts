import { ENGINE_NAMES, type EngineName } from '../engines/engine';
import { REPORTER_NAMES, type ReporterName } from './reporters/reporter';

/** A reporter and where its output goes: a file, or standard output when `path` is absent. */
export interface ReporterSpec {
  name: ReporterName;
  path?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `chromium,firefox` → the engines, in the order given, once each. */
export function parseEngines(list: string): Parsed<EngineName[]> {
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(ENGINE_NAMES as readonly string[]).includes(name));
  if (unknown.length) return { ok: false, message: `Unknown engine ${unknown.join(', ')}: choose from ${ENGINE_NAMES.join(', ')}.` };
  if (names.length === 0) return { ok: false, message: `--engines needs at least one of ${ENGINE_NAMES.join(', ')}.` };
  return { ok: true, value: [...new Set(names)] as EngineName[] };
}

/**
 * `--reporter NAME[=FILE]`, repeated: each reporter to its own file, or to standard output.
 * `--out FILE` is the file of the one reporter named without its own. At most one reporter may
 * write to standard output. No reporter named: `pretty` (to `--out` when given).
 */
export function parseReporters(specs: readonly string[], out: string | undefined): Parsed<ReporterSpec[]> {
  const parsed: ReporterSpec[] = [];
  for (const spec of specs.length ? specs : ['pretty']) {
    const [name, ...rest] = spec.split('=');
    const path = rest.join('=');
    if (!(REPORTER_NAMES as readonly string[]).includes(name!)) return { ok: false, message: `Unknown reporter "${name}": choose from ${REPORTER_NAMES.join(', ')} (write NAME or NAME=FILE).` };
    if (rest.length && !path) return { ok: false, message: `--reporter ${name}= names no file: write ${name}=FILE, or ${name} alone for standard output.` };
    parsed.push({ name: name as ReporterName, ...(path ? { path } : {}) });
  }
  const withoutFile = parsed.filter((r) => !r.path);
  if (out) {
    if (withoutFile.length !== 1) return { ok: false, message: `--out names the file of the one reporter given without =FILE; ${withoutFile.length === 0 ? 'every reporter has its own file' : `${withoutFile.map((r) => r.name).join(' and ')} have none`}.` };
    withoutFile[0]!.path = out;
  } else if (withoutFile.length > 1) {
    return { ok: false, message: `Only one reporter can write to standard output (${withoutFile.map((r) => r.name).join(' and ')} both would): give the others a file, e.g. --reporter junit=report.xml.` };
  }
  const paths = parsed.flatMap((r) => (r.path ? [r.path] : []));
  if (new Set(paths).size !== paths.length) return { ok: false, message: 'Two reporters name the same file: give each its own.' };
  return { ok: true, value: parsed };
}
