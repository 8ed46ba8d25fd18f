import type { Dialect } from './dialects';
import type { CorsConfig } from './rule';
import { analyseShadowing, memoPredictor } from './shadow-analysis';

/** Two rules (0-based, `first` < `second`) that answer the same requests differently, and those requests. */
export interface OrderSensitivePair {
  first: number;
  second: number;
  /** The origins of those requests, as the rules spell them. */
  origins: string[];
  methods: string[];
}

/**
 * The requests whose outcome depends on the order of the rules: where a tool that keeps rules as a
 * set (Terraform's AWS `cors_rule`) could change what a browser gets. From the shadowing analysis,
 * run on the rules as written (an earlier rule makes a later one's requests fare worse) and
 * reversed (a later rule would make an earlier one's requests fare worse were it first). A pair
 * found either way is a reorder that changes some request's outcome.
 */
export function orderSensitivePairs(config: CorsConfig, dialect: Dialect): OrderSensitivePair[] {
  const count = config.rules.length;
  if (count < 2) return [];
  const predict = memoPredictor();
  const forward = analyseShadowing(config, dialect, predict);
  const backward = analyseShadowing({ ...config, rules: [...config.rules].reverse() }, dialect, predict);
  const found = new Map<string, OrderSensitivePair>();
  const add = (a: number, b: number, origins: string[], methods: string[]) => {
    const first = Math.min(a, b);
    const second = Math.max(a, b);
    const key = `${first} ${second}`;
    const pair = found.get(key) ?? { first, second, origins: [], methods: [] };
    pair.origins = union(pair.origins, origins);
    pair.methods = union(pair.methods, methods);
    found.set(key, pair);
  };
  for (const pair of forward.pairs) add(pair.cause, pair.loser, pair.origins, pair.methods);
  for (const pair of backward.pairs) add(count - 1 - pair.cause, count - 1 - pair.loser, pair.origins, pair.methods);
  return [...found.values()].sort((a, b) => a.first - b.first || a.second - b.second);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
