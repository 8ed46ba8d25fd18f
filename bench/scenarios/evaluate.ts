import { evaluate, type CorsConfig, type CorsRequest } from '../../src/core';
import type { Figure } from '../lib/report';
import { median, round } from '../lib/stats';

function hundredRuleConfig(): CorsConfig {
  return {
    rules: Array.from({ length: 100 }, (_, i) => ({
      id: `r${i}`,
      allowedOrigins: i % 10 === 0 ? [`https://*.tenant-${i}.example.com`] : [`https://app-${i}.example.com`, `http://localhost:${3000 + i}`],
      allowedMethods: i % 2 ? ['GET', 'HEAD'] : ['PUT', 'POST', 'DELETE'],
      allowedHeaders: i % 3 ? ['content-type', 'x-amz-*'] : [],
      exposeHeaders: ['ETag'],
      maxAgeSeconds: 600,
    })),
  } as CorsConfig;
}

/** Preflights and actual requests that match early, late, by wildcard, or not at all. */
function requests(): CorsRequest[] {
  const list: CorsRequest[] = [];
  for (const i of [1, 20, 50, 99]) {
    list.push({ method: 'OPTIONS', headers: { origin: `https://app-${i}.example.com`, 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' } });
    list.push({ method: 'GET', headers: { origin: `https://app-${i}.example.com` } });
  }
  list.push({ method: 'OPTIONS', headers: { origin: 'https://a.tenant-40.example.com', 'access-control-request-method': 'PUT' } });
  list.push({ method: 'OPTIONS', headers: { origin: 'https://nobody.example', 'access-control-request-method': 'GET' } });
  return list;
}

/** The core's evaluate on a 100-rule configuration: requests per second, for the record. */
export function measureEvaluate(): Figure[] {
  const config = hundredRuleConfig();
  const sample = requests();
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < 1000) {
      for (const request of sample) evaluate(config, request, 's3');
      count += sample.length;
    }
    rates.push((count * 1000) / (performance.now() - started));
  }
  return [{ id: 'evaluate-throughput', label: 'Core evaluate, 100-rule configuration', value: round(median(rates), 0), unit: 'requests/s', detail: `median of 5 one-second runs over ${sample.length} requests (early, late, wildcard and no match)` }];
}
