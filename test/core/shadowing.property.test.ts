import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configIdentity, findShadowedRules, type CorsConfig, type Dialect, type Issue } from '../../src/core';
import { compareConfigs } from '../../src/core/wizard/probe';
import { overlappingConfig } from '../support/shadowing-arbitraries';

// Issue 14: advice that can be followed blindly. Applying the first offered fix again and again
// must end within as many steps as there are rules, never come back to a configuration it left,
// and never block a request the configuration allowed before (judged by the wizard's own sample
// comparison, not by the analysis that proposed the fix). It ends without shadowing warnings, or
// with warnings for which no change passed re-analysis, and those say what to decide instead.

const RUNS = Number(process.env['SHADOW_PROPERTY_RUNS'] ?? 2000);

interface Walk {
  steps: number;
  revisited: boolean;
  newlyBlocked: number;
  /** The warnings left at the end: each must name a decision, since none offers a fix. */
  left: Issue[];
}

function followFirstFixes(config: CorsConfig, dialect: Dialect): Walk {
  const seen = new Set([configIdentity(config)]);
  let current = config;
  let steps = 0;
  let newlyBlocked = 0;
  for (;;) {
    const issues = findShadowedRules(current.rules, dialect);
    const fix = issues.find((i) => i.fixes?.length)?.fixes?.[0];
    if (!fix || steps > config.rules.length) return { steps, revisited: false, newlyBlocked, left: issues };
    const next = { rules: fix.rules };
    newlyBlocked += compareConfigs(current, next, dialect).newlyBlocked.length;
    const identity = configIdentity(next);
    if (seen.has(identity)) return { steps: steps + 1, revisited: true, newlyBlocked, left: [] };
    seen.add(identity);
    current = next;
    steps++;
  }
}

describe.each(['s3', 'rgw', 'oss', 's3rver'] as Dialect[])('following the first offered shadowing fix on %s', (dialect) => {
  it(`ends without a fixable shadowing warning in at most (rules) steps, over ${RUNS} random configurations`, () => {
    const walks: { rules: number; walk: Walk }[] = [];
    fc.assert(
      fc.property(overlappingConfig, (config) => {
        const walk = followFirstFixes(config, dialect);
        walks.push({ rules: config.rules.length, walk });
        expect(walk.revisited).toBe(false);
        expect(walk.newlyBlocked).toBe(0);
        for (const issue of walk.left) expect(issue.params).toHaveProperty('decision');
        expect(walk.steps).toBeLessThanOrEqual(config.rules.length);
      }),
      { numRuns: RUNS, seed: 14 },
    );
    const fixed = walks.filter((w) => w.walk.steps > 0);
    const figures = {
      dialect,
      configurations: walks.length,
      warned: fixed.length,
      maxSteps: Math.max(0, ...walks.map((w) => w.walk.steps)),
      meanStepsWhenWarned: fixed.length ? Number((fixed.reduce((n, w) => n + w.walk.steps, 0) / fixed.length).toFixed(2)) : 0,
      cycles: walks.filter((w) => w.walk.revisited).length,
      endedWithDecisions: walks.filter((w) => w.walk.left.length > 0).length,
    };
    console.info(JSON.stringify(figures));
    expect(figures.cycles).toBe(0);
  }, 1_200_000);
});
