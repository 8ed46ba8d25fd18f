import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configIdentity, findShadowedRules, type CorsConfig, type Dialect, type Issue } from '../../src/core';
import { compareConfigs } from '../../src/core/wizard/probe';
import { overlappingConfig } from '../support/shadowing-arbitraries';

// Issue 14: advice that can be followed blindly. Applying the first offered fix again and again
// must never come back to a configuration it left and never block a request the configuration
// allowed before (judged by the wizard's own sample comparison, not by the analysis that proposed
// the fix). Each fix removes its warnings and adds none, and the first one offered settles every
// warning of its losing rule when one change can, so the walk ends within as many steps as there
// are rules; it ends without shadowing warnings, or with warnings for which no change passed
// re-analysis, and those say what to decide instead. The figures go to the closing note.

const RUNS = Number(process.env['SHADOW_PROPERTY_RUNS'] ?? 2000);

interface Walk {
  rules: number;
  warnings: number;
  steps: number;
  revisited: boolean;
  newlyBlocked: number;
  /** The warnings left at the end: each must name a decision, since none offers a fix. */
  left: Issue[];
}

function followFirstFixes(config: CorsConfig, dialect: Dialect): Walk {
  const seen = new Set([configIdentity(config)]);
  let issues = findShadowedRules(config.rules, dialect);
  const walk = { rules: config.rules.length, warnings: issues.length, steps: 0, revisited: false, newlyBlocked: 0 };
  let current = config;
  for (;; issues = findShadowedRules(current.rules, dialect)) {
    const fix = issues.find((i) => i.fixes?.length)?.fixes?.[0];
    if (!fix || walk.steps > walk.rules) return { ...walk, left: issues };
    const next = { rules: fix.rules };
    walk.newlyBlocked += compareConfigs(current, next, dialect).newlyBlocked.length;
    walk.steps++;
    const identity = configIdentity(next);
    if (seen.has(identity)) return { ...walk, revisited: true, left: [] };
    seen.add(identity);
    current = next;
  }
}

describe.each(['s3', 'rgw', 'oss', 's3rver'] as Dialect[])('following the first offered shadowing fix on %s', (dialect) => {
  it(`never cycles, never blocks, and ends without a fixable warning, over ${RUNS} random configurations`, () => {
    const walks = fc.sample(overlappingConfig, { numRuns: RUNS, seed: 14 }).map((config) => followFirstFixes(config, dialect));
    const warned = walks.filter((w) => w.warnings > 0);
    const figures = {
      dialect,
      configurations: walks.length,
      warned: warned.length,
      maxSteps: Math.max(0, ...walks.map((w) => w.steps)),
      meanStepsWhenWarned: warned.length ? Number((warned.reduce((n, w) => n + w.steps, 0) / warned.length).toFixed(2)) : 0,
      moreStepsThanRules: walks.filter((w) => w.steps > w.rules).length,
      cycles: walks.filter((w) => w.revisited).length,
      newlyBlocked: walks.reduce((n, w) => n + w.newlyBlocked, 0),
      endedWithDecisions: walks.filter((w) => w.left.length > 0).length,
    };
    console.info(JSON.stringify(figures));
    expect(figures.cycles).toBe(0);
    expect(figures.newlyBlocked).toBe(0);
    expect(figures.moreStepsThanRules).toBe(0);
    for (const walk of walks) {
      expect(walk.steps).toBeLessThanOrEqual(walk.rules);
      expect(walk.steps).toBeLessThanOrEqual(walk.warnings);
      for (const issue of walk.left) expect(issue.params).toHaveProperty('decision');
    }
  }, 3_600_000);
});
