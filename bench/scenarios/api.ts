import { GetBucketCorsCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { CorsConfig } from '../../src/core';
import type { ConsoleProcess } from '../lib/console-process';
import type { Figure } from '../lib/report';
import { interleaved, median, round } from '../lib/stats';

const ORIGIN = 'https://app.example.com';

const configNumber = (n: number): CorsConfig => ({
  rules: [{ id: `save-${n}`, allowedOrigins: [ORIGIN], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: n }],
});

const sdkRules = (config: CorsConfig) =>
  config.rules.map((r) => ({ ID: r.id, AllowedOrigins: r.allowedOrigins, AllowedMethods: [...r.allowedMethods], AllowedHeaders: r.allowedHeaders, ExposeHeaders: r.exposeHeaders, MaxAgeSeconds: r.maxAgeSeconds }));

async function makeBucket(app: ConsoleProcess, name: string, withObject = false): Promise<void> {
  await app.storage.signed('PUT', `/${name}`);
  if (withObject) await app.storage.signed('PUT', `/${name}/test.txt`, {}, 'hello');
}

/** A save through the console API (If-Match, version check, write, read-back) vs the SDK's PutBucketCors + GetBucketCors. */
export async function measureSave(app: ConsoleProcess): Promise<Figure[]> {
  await makeBucket(app, 'bench-save-console');
  await makeBucket(app, 'bench-save-sdk');
  const client = new S3Client({ endpoint: app.s3, region: 'us-east-1', forcePathStyle: true, credentials: app.keys, requestChecksumCalculation: 'WHEN_REQUIRED' });
  const url = `${app.url}/api/profiles/local/buckets/bench-save-console/cors`;
  let version = ((await (await fetch(url)).json()) as { version: string }).version;
  let n = 1;
  const viaConsole = async () => {
    const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': `"${version}"` }, body: JSON.stringify({ config: configNumber(n++) }) });
    if (response.status !== 200) throw new Error(`Console save answered ${response.status}: ${await response.text()}`);
    version = ((await response.json()) as { version: string }).version;
  };
  const viaSdk = async () => {
    await client.send(new PutBucketCorsCommand({ Bucket: 'bench-save-sdk', CORSConfiguration: { CORSRules: sdkRules(configNumber(n++)) } }));
    await client.send(new GetBucketCorsCommand({ Bucket: 'bench-save-sdk' }));
  };
  // The console's guard costs a read before the write: the same three calls through the SDK show
  // how much of the difference is that read, and how much is the console itself.
  const viaSdkGuarded = async () => {
    await client.send(new GetBucketCorsCommand({ Bucket: 'bench-save-sdk' }));
    await viaSdk();
  };
  for (let i = 0; i < 5; i++) await Promise.all([viaConsole(), viaSdk()]); // warm both paths
  const { a, b } = await interleaved(40, viaConsole, viaSdk);
  const guarded = await interleaved(40, viaConsole, viaSdkGuarded);
  client.destroy();
  return [
    { id: 'save-console', label: 'Save via the console API', value: round(median(a)), unit: 'ms', detail: 'median of 40: PUT .../cors with If-Match (check, write, read-back)' },
    { id: 'save-sdk', label: 'Raw SDK PutBucketCors + GetBucketCors', value: round(median(b)), unit: 'ms', detail: 'median of 40, interleaved with the console saves' },
    { id: 'save-ratio', label: 'Save, console vs raw SDK', value: round(median(a) / median(b), 2), unit: '×', goal: { op: '<=', value: 1.2 }, detail: 'ratio of the medians above' },
    {
      id: 'save-ratio-guarded',
      label: 'Save, console vs the SDK making the same three calls',
      value: round(median(guarded.a) / median(guarded.b), 2),
      unit: '×',
      detail: 'GetBucketCors (the version check) + PutBucketCors + GetBucketCors through the SDK, 40 interleaved runs: what the console adds beyond its guard',
    },
  ];
}

/** 100 probes through the console (preflight + actual each) vs the same 200 requests sent straight from Node. */
export async function measureProbes(app: ConsoleProcess): Promise<Figure[]> {
  await makeBucket(app, 'bench-probe', true);
  const xml = `<CORSConfiguration><CORSRule><AllowedOrigin>${ORIGIN}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedHeader>content-type</AllowedHeader><ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>`;
  await app.storage.signed('PUT', '/bench-probe?cors', {}, xml);
  const probeUrl = `${app.url}/api/profiles/local/buckets/bench-probe/probe`;
  const objectUrl = `${app.s3}/bench-probe/test.txt`;
  const hundredProbes = async () => {
    for (let i = 0; i < 100; i++) {
      const response = await fetch(probeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'test.txt', origin: ORIGIN, method: 'GET', send: 'both' }) });
      if (response.status !== 200) throw new Error(`Probe answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  const hundredDirect = async () => {
    for (let i = 0; i < 100; i++) {
      const preflight = await fetch(objectUrl, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
      await preflight.arrayBuffer();
      const actual = await fetch(objectUrl, { headers: { origin: ORIGIN } });
      await actual.arrayBuffer();
    }
  };
  await Promise.all([hundredProbes(), hundredDirect()]); // warm both paths
  const { a, b } = await interleaved(5, hundredProbes, hundredDirect);
  return [
    { id: 'probes-console', label: '100 probes via the console', value: round(median(a)), unit: 'ms', detail: 'median of 5 batches; each probe sends a preflight and the actual GET' },
    { id: 'probes-direct', label: '100 direct preflight + GET pairs from Node', value: round(median(b)), unit: 'ms', detail: 'median of 5 batches, interleaved with the console batches' },
    { id: 'probes-ratio', label: 'Probes, console vs direct', value: round(median(a) / median(b), 2), unit: '×', goal: { op: '<=', value: 1.5 }, detail: 'ratio of the medians above' },
  ];
}
