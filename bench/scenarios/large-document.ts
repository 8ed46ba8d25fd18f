import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { predictBrowserFetch, type CorsConfig } from '../../src/core';
import { startS3rverProcess } from '../../test/support/s3rver-process';
import { startConsoleProcess } from '../lib/console-process';
import type { Figure } from '../lib/report';
import { median, p95, round, timed } from '../lib/stats';

const RULES = 10_000;
const BUCKET = 'bench-ten-thousand-rules';

/**
 * `count` one-origin GET rules, as small as rules come: s3rver parses its stored XML on every read
 * (about 4 s for 2.7 MB of fuller rules on a busy 2-core machine, near the console's 10 s deadline),
 * so the smaller document keeps the figure about the console.
 */
export function manyRuleConfig(count: number): CorsConfig {
  return { rules: Array.from({ length: count }, (_, i) => ({ allowedOrigins: [`https://app-${i}.example.com`], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] })) };
}

/** Sequential GET /api/profiles while `busy` runs: each one's latency, in milliseconds. */
async function latenciesDuring(url: string, busy: Promise<unknown>): Promise<number[]> {
  let done = false;
  void busy.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    latencies.push(await timed(async () => (await fetch(`${url}/api/profiles`)).arrayBuffer()));
  }
  return latencies;
}

/**
 * A 10,000-rule document read through the built console (its own process, on s3rver in another):
 * the read itself, what s3rver alone takes to answer it, and how long other requests of the
 * console wait meanwhile.
 */
export async function measureLargeDocument(log: (line: string) => void): Promise<Figure[]> {
  const s3 = await startS3rverProcess();
  const app = await startConsoleProcess(s3);
  try {
    const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const config = manyRuleConfig(RULES);
    const sdkRules = config.rules.map((r) => ({ AllowedOrigins: r.allowedOrigins, AllowedMethods: [...r.allowedMethods] }));
    await client.send(new PutBucketCorsCommand({ Bucket: BUCKET, CORSConfiguration: { CORSRules: sdkRules } }));
    client.destroy();
    log(`${RULES} rules stored on s3rver`);

    const readViaConsole = async () => {
      const response = await fetch(`${app.url}/api/profiles/local/buckets/${BUCKET}/cors`);
      if (response.status !== 200) throw new Error(`The console answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      await response.arrayBuffer();
    };
    const readDirect = async () => (await fetch(`${s3.endpoint}/${BUCKET}?cors`)).arrayBuffer();
    // Warm: the worker thread starts on first use. s3rver parses its stored XML on every read (4 s
    // for these rules on a busy machine), so a first read can pass the console's 10 s deadline.
    await readViaConsole().catch(readViaConsole);
    const idle = [] as number[];
    for (let i = 0; i < 20; i++) idle.push(await timed(async () => (await fetch(`${app.url}/api/profiles`)).arrayBuffer()));

    const viaConsole: number[] = [];
    const direct: number[] = [];
    const during: number[] = [];
    for (let round = 0; round < 5; round++) {
      direct.push(await timed(readDirect));
      let took = 0;
      const read = timed(readViaConsole).then((ms) => (took = ms));
      during.push(...(await latenciesDuring(app.url, read)));
      viaConsole.push(took);
    }
    const overhead = viaConsole.map((ms, i) => ms - direct[i]!);

    const last = config.rules.length - 1;
    const predictions: number[] = [];
    for (let i = 0; i < 5; i++) predictions.push(await timed(async () => predictBrowserFetch(config, { origin: `https://app-${last}.example.com`, method: 'GET' }, 's3rver')));

    return [
      { id: 'large-read-console', label: `Read a ${RULES.toLocaleString('en')}-rule document via the console`, value: round(median(viaConsole)), unit: 'ms', detail: 'median of 5: GET .../cors on s3rver in its own process (read, parse, validate, version, answer)' },
      { id: 'large-read-direct', label: `s3rver alone answering the ${RULES.toLocaleString('en')}-rule GetBucketCors`, value: round(median(direct)), unit: 'ms', detail: 'median of 5, just before each console read: s3rver parses its stored XML on every read' },
      { id: 'large-read-overhead', label: `${RULES.toLocaleString('en')}-rule read, the console's own time`, value: round(median(overhead)), unit: 'ms', goal: { op: '<', value: 1000 }, detail: 'median of (console read − s3rver alone) over the 5 rounds' },
      { id: 'large-read-others-max', label: 'Other requests during the read: slowest GET /api/profiles', value: round(Math.max(...during)), unit: 'ms', goal: { op: '<', value: 100 }, detail: `${during.length} sequential GET /api/profiles while the 5 reads ran; p95 ${round(p95(during))} ms, median ${round(median(during))} ms` },
      { id: 'large-read-others-idle', label: 'GET /api/profiles with nothing else running', value: round(median(idle)), unit: 'ms', detail: `median of 20, p95 ${round(p95(idle))} ms: the baseline for the figure above` },
      { id: 'large-predict', label: `Prediction on the ${RULES.toLocaleString('en')}-rule configuration`, value: round(median(predictions)), unit: 'ms', detail: 'median of 5 predictBrowserFetch calls for a GET answered by the last rule' },
    ];
  } finally {
    await app.stop();
    await s3.stop();
  }
}
