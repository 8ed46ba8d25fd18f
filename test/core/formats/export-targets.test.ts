import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_TARGETS,
  exportLosses,
  exportTargetInfo,
  exportToCode,
  loadCodeParsers,
  parseCorsDocument,
  parseSourceDocument,
  predictBrowserFetch,
  type CodeParsers,
  type CorsConfig,
  type CorsRule,
  type Dialect,
  type DocumentFormat,
  type ExportTarget,
} from '../../../src/core';
import { hclString, readTerraform } from '../../../src/core/formats/terraform';
import { requestsByRule } from '../../../src/core/shadow-analysis';

let parsers: CodeParsers = {};
beforeAll(async () => {
  parsers = await loadCodeParsers(['yaml', 'hcl']);
}, 60_000);

const rule = (fields: Partial<CorsRule> & Pick<CorsRule, 'allowedOrigins' | 'allowedMethods'>): CorsRule => ({ allowedHeaders: [], exposeHeaders: [], ...fields });

const FULL: CorsConfig = {
  responseVary: true,
  rules: [
    rule({ id: 'uploads "quoted" ${not.a.ref} %{nor.a.directive}', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['content-type', 'x-amz-*'], exposeHeaders: ['ETag'], maxAgeSeconds: 3000 }),
    rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['x-\\back\\slash', 'x-\ttab\nline'], maxAgeSeconds: 0 }),
  ],
};

/** What each target's text is read back with. */
function readBack(target: ExportTarget, text: string) {
  if (target.startsWith('terraform-')) {
    const parsed = parsers.hcl!.parseToObject(text) as [unknown, unknown];
    expect(parsed[1]).toBeNull();
    return readTerraform(parsed[0]).result;
  }
  if (target === 'cloudformation-yaml' || target === 'cloudformation-json') return parseSourceDocument(text, target, parsers);
  const cliFormats: Partial<Record<ExportTarget, DocumentFormat>> = { 'aws-cli': 'aws-json', wrangler: 'r2-json', mc: 's3-xml', ossutil: 'oss-xml' };
  return parseCorsDocument(text, cliFormats[target]!);
}

/** The configuration as the target can carry it (the listed losses applied). */
function asCarried(config: CorsConfig, target: ExportTarget): CorsConfig {
  const { carries } = exportTargetInfo(target);
  return {
    rules: config.rules.map(({ id, ...rest }) => (carries.ruleIds && id !== undefined ? { ...rest, id } : rest)),
    ...(carries.responseVary && config.responseVary !== undefined ? { responseVary: config.responseVary } : {}),
  };
}

describe('exportToCode', () => {
  it.each(EXPORT_TARGETS)('writes %s that its own parser reads back as the same rules, minus the listed losses', { timeout: 30_000 }, (target) => {
    const written = exportToCode(FULL, target, 'my-bucket', parsers);
    const back = readBack(target, written.text);
    expect(back.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(back.ok && back.config).toEqual(asCarried(FULL, target));
    const codes = written.losses.map((loss) => loss.code);
    const { carries } = exportTargetInfo(target);
    expect(codes.includes('conversion.rule-id-lost')).toBe(!carries.ruleIds);
    expect(codes.includes('conversion.response-vary-lost')).toBe(!carries.responseVary);
  });

  // HCL normalises every string to Unicode NFC, escapes included (hashicorp/hcl spec, "Template
  // Literals"): a value that is not NFC comes back normalised, and nothing can be written to stop it.
  it('escapes any string so that HCL reads it back unchanged, up to NFC (property)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const parsed = parsers.hcl!.parseToObject(`a = ${hclString(value)}\n`) as [{ a: string } | null, unknown];
        expect(parsed[0]?.a).toBe(value.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('writes Terraform rules with any values that read back the same (property)', { timeout: 60_000 }, () => {
    const value = fc.string({ maxLength: 12 });
    const anyRule = fc.record({
      allowedOrigins: fc.array(value, { minLength: 1, maxLength: 3 }),
      allowedMethods: fc.uniqueArray(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD' as const), { minLength: 1 }),
      allowedHeaders: fc.array(value, { maxLength: 2 }),
      exposeHeaders: fc.array(value, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(anyRule, { minLength: 1, maxLength: 3 }), (rules) => {
        const config: CorsConfig = { rules };
        for (const target of ['terraform-aws', 'terraform-cloudflare-r2'] as const) {
          expect(readBack(target, exportToCode(config, target, 'b', parsers).text)).toEqual(expect.objectContaining({ ok: true, config }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the command that applies a CLI file, with the bucket quoted for the shell', () => {
    expect(exportToCode(FULL, 'aws-cli', 'my-bucket').command).toBe('aws s3api put-bucket-cors --bucket my-bucket --cors-configuration file://my-bucket-cors-aws-json.json');
    expect(exportToCode(FULL, 'wrangler', 'my-bucket').command).toBe('npx wrangler r2 bucket cors set my-bucket --file my-bucket-cors-r2-json.json');
    expect(exportToCode(FULL, 'mc', 'my-bucket').command).toBe('mc cors set ALIAS/my-bucket my-bucket-cors-s3-xml.xml');
    expect(exportToCode(FULL, 'ossutil', "it's").command).toBe(`ossutil cors --method put 'oss://it'\\''s' 'it'\\''s-cors-oss-xml.xml'`);
  });
});

// --- Order ---------------------------------------------------------------------------------

/** What the browser gets: allowed or not, what script reads, how long the preflight is kept. */
function outcome(config: CorsConfig, fetch: Parameters<typeof predictBrowserFetch>[1], dialect: Dialect): string {
  const p = predictBrowserFetch(config, fetch, dialect);
  return JSON.stringify([p.allowed, [...p.exposedHeaders].sort(), p.preflight?.headers['access-control-max-age'] ?? null]);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Ground truth by brute force: some order of the rules changes some sampled request's outcome. */
function someReorderChangesAnOutcome(config: CorsConfig, dialect: Dialect): boolean {
  const fetches = requestsByRule(config, dialect).flat();
  const orders = permutations(config.rules).map((rules) => ({ ...config, rules }));
  return fetches.some((fetch) => new Set(orders.map((order) => outcome(order, fetch, dialect))).size > 1);
}

const APP = 'https://app.example.com';
const ORDER_CASES: { name: string; config: CorsConfig; changes: boolean }[] = [
  { name: 'one rule', config: { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })] }, changes: false },
  { name: 'rules for different origins', config: { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'] }), rule({ allowedOrigins: ['https://b.example.com'], allowedMethods: ['GET'] })] }, changes: false },
  { name: 'rules for different methods of one origin', config: { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'] }), rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })] }, changes: false },
  { name: 'the same rule twice', config: { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'] }), rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })] }, changes: false },
  {
    name: 'a specific rule exposing ETag above a catch-all',
    config: { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'], exposeHeaders: ['ETag'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })] },
    changes: true,
  },
  {
    name: 'a catch-all above a rule allowing a header',
    config: { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'] }), rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type'] })] },
    // A credentialed PUT from the app: the catch-all answers it first, and S3's `*` answer to it is refused.
    changes: true,
  },
  {
    name: 'a rule for one origin below a catch-all granting the same',
    config: { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: ['*'] }), rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'], allowedHeaders: ['*'] })] },
    changes: false,
  },
  {
    name: 'two rules for one origin with different max ages',
    config: { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], maxAgeSeconds: 3000 }), rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], maxAgeSeconds: 5 })] },
    changes: true,
  },
  {
    name: 'three rules, the middle one exposing a header the last does not',
    config: {
      rules: [
        rule({ allowedOrigins: ['https://b.example.com'], allowedMethods: ['DELETE'] }),
        rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'], exposeHeaders: ['x-amz-meta-a'] }),
        rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] }),
      ],
    },
    changes: true,
  },
];

describe('order warnings on targets that do not keep order', () => {
  it.each(ORDER_CASES)('$name: the brute-force ground truth is $changes', { timeout: 30_000 }, ({ config, changes }) => {
    expect(someReorderChangesAnOutcome(config, 's3')).toBe(changes);
  });

  it.each(ORDER_CASES)('$name: Terraform AWS warns of a changed outcome exactly when a reorder changes one', { timeout: 30_000 }, ({ config, changes }) => {
    const losses = exportLosses(config, 'terraform-aws');
    expect(losses.some((loss) => loss.code === 'conversion.order-changes-outcome')).toBe(changes);
    expect(losses.some((loss) => loss.code === 'conversion.order-not-kept')).toBe(config.rules.length > 1);
    for (const target of EXPORT_TARGETS.filter((t) => exportTargetInfo(t).keepsOrder)) {
      expect(exportLosses(config, target).map((loss) => loss.code)).not.toContain('conversion.order-changes-outcome');
    }
  });

  it('names the rules and the requests whose outcome the order decides', () => {
    const losses = exportLosses(ORDER_CASES[4]!.config, 'terraform-aws');
    expect(losses).toContainEqual(
      expect.objectContaining({ code: 'conversion.order-changes-outcome', params: expect.objectContaining({ first: 0, second: 1, origins: [APP], methods: ['GET'] }) }),
    );
  });
});
