import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../lib/report';
import { round } from '../lib/stats';

const gzipKb = async (webDir: string, path: string) => gzipSync(await readFile(join(webDir, path)), { level: 9 }).length / 1024;

/** What the browser loads before the first render: index.html's script, module preloads and stylesheets. */
export async function measureBundle(webDir = 'dist/web'): Promise<Figure[]> {
  const html = await readFile(join(webDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  let js = 0;
  for (const src of scripts) js += await gzipKb(webDir, src);
  let css = 0;
  for (const href of styles) css += await gzipKb(webDir, href);
  return [
    { id: 'initial-js-gzip', label: 'Initial JavaScript (gzip)', value: round(js), unit: 'KB', goal: { op: '<=', value: 120 }, detail: `${scripts.length} files named by index.html, gzip -9` },
    { id: 'initial-css-gzip', label: 'Initial CSS (gzip)', value: round(css), unit: 'KB', detail: `${styles.length} files named by index.html, gzip -9` },
  ];
}
