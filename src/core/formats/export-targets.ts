import type { Dialect } from '../dialects';
import { warning } from '../issues';
import type { Issue } from '../issues';
import { orderSensitivePairs } from '../order-sensitivity';
import type { CorsConfig } from '../rule';
import { cloudFormationTemplate } from './cloudformation';
import type { FormatCapabilities } from './codec';
import type { CodeParserName, CodeParsers } from './code-parsers';
import { documentFormatInfo, serializeCorsDocument } from './stored-formats';
import type { DocumentFormat } from './stored-formats';
import { lossesFor } from './losses';
import { terraformCarries, terraformDocument, terraformKeepsOrder } from './terraform';
import type { TerraformResource } from './terraform';

/** What the console writes as code: Terraform, CloudFormation, and the files the provider CLIs take. */
export const EXPORT_TARGETS = [
  'terraform-aws',
  'terraform-alicloud',
  'terraform-tencentcloud',
  'terraform-cloudflare-r2',
  'cloudformation-yaml',
  'cloudformation-json',
  'aws-cli',
  'wrangler',
  'mc',
  'ossutil',
] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

interface TargetSpec {
  label: string;
  /** Whose rules these are: the dialect the order analysis judges requests by. */
  dialect: Dialect;
  suffix: string;
  mediaType: string;
  carries: FormatCapabilities;
  keepsOrder: boolean;
  needs: CodeParserName[];
  /** The provider CLI file this target writes, and the command that applies it. */
  cliFile?: { format: DocumentFormat; command: (bucket: string, file: string) => string };
}

const terraform = (resource: TerraformResource, label: string, dialect: Dialect): TargetSpec => ({
  label,
  dialect,
  suffix: `-cors-${resource}.tf`,
  mediaType: 'text/plain',
  carries: { ...terraformCarries(resource), separateHeaderLists: true },
  keepsOrder: terraformKeepsOrder(resource),
  needs: [],
});

const cli = (format: DocumentFormat, label: string, dialect: Dialect, command: (bucket: string, file: string) => string): TargetSpec => ({
  label,
  dialect,
  suffix: format.endsWith('xml') ? `-cors-${format}.xml` : `-cors-${format}.json`,
  mediaType: documentFormatInfo(format).mediaType,
  carries: documentFormatInfo(format).carries,
  keepsOrder: true,
  needs: [],
  cliFile: { format, command },
});

const CLOUDFORMATION_CARRIES: FormatCapabilities = { ruleIds: true, responseVary: false, separateHeaderLists: true };

const TARGETS: Record<ExportTarget, TargetSpec> = {
  'terraform-aws': terraform('aws_s3_bucket_cors_configuration', 'Terraform aws_s3_bucket_cors_configuration', 's3'),
  'terraform-alicloud': terraform('alicloud_oss_bucket_cors', 'Terraform alicloud_oss_bucket_cors', 'oss'),
  'terraform-tencentcloud': terraform('tencentcloud_cos_bucket', 'Terraform tencentcloud_cos_bucket', 'cos'),
  'terraform-cloudflare-r2': terraform('cloudflare_r2_bucket_cors', 'Terraform cloudflare_r2_bucket_cors', 'r2'),
  'cloudformation-yaml': { label: 'CloudFormation YAML', dialect: 's3', suffix: '-cors.cfn.yaml', mediaType: 'application/yaml', carries: CLOUDFORMATION_CARRIES, keepsOrder: true, needs: ['yaml'] },
  'cloudformation-json': { label: 'CloudFormation JSON', dialect: 's3', suffix: '-cors.cfn.json', mediaType: 'application/json', carries: CLOUDFORMATION_CARRIES, keepsOrder: true, needs: [] },
  'aws-cli': cli('aws-json', 'AWS CLI', 's3', (bucket, file) => `aws s3api put-bucket-cors --bucket ${shellWord(bucket)} --cors-configuration ${shellWord(`file://${file}`)}`),
  wrangler: cli('r2-json', 'wrangler', 'r2', (bucket, file) => `npx wrangler r2 bucket cors set ${shellWord(bucket)} --file ${shellWord(file)}`),
  mc: cli('s3-xml', 'mc cors', 'minio', (bucket, file) => `mc cors set ${shellWord(`ALIAS/${bucket}`)} ${shellWord(file)}`),
  ossutil: cli('oss-xml', 'ossutil', 'oss', (bucket, file) => `ossutil cors --method put ${shellWord(`oss://${bucket}`)} ${shellWord(file)}`),
};

const TERRAFORM_RESOURCE: Partial<Record<ExportTarget, TerraformResource>> = {
  'terraform-aws': 'aws_s3_bucket_cors_configuration',
  'terraform-alicloud': 'alicloud_oss_bucket_cors',
  'terraform-tencentcloud': 'tencentcloud_cos_bucket',
  'terraform-cloudflare-r2': 'cloudflare_r2_bucket_cors',
};

/** A POSIX shell word: as it is when plain, else single-quoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface ExportTargetInfo {
  label: string;
  /** Whether the target hands the provider the rules in the order written. */
  keepsOrder: boolean;
  carries: FormatCapabilities;
  /** Parsers `exportToCode` needs for this target (`loadCodeParsers`). */
  needs: CodeParserName[];
}

export function exportTargetInfo(target: ExportTarget): ExportTargetInfo {
  const { label, keepsOrder, carries, needs } = TARGETS[target];
  return { label, keepsOrder, carries, needs };
}

/** A configuration written as code: the file, the command that applies it (for CLI targets), and what it loses. */
export interface CodeExport {
  fileName: string;
  text: string;
  mediaType: string;
  command?: string;
  /**
   * What the target drops (IDs, ResponseVary, merged headers) and, where it does not keep rule
   * order, that it does not (`conversion.order-not-kept`, with two or more rules) and each pair
   * of rules whose order decides some request's outcome (`conversion.order-changes-outcome`).
   */
  losses: Issue[];
}

/** What writing `config` to `target` loses, order included. */
export function exportLosses(config: CorsConfig, target: ExportTarget): Issue[] {
  const spec = TARGETS[target];
  const losses = lossesFor(config, spec);
  if (spec.keepsOrder || config.rules.length < 2) return losses;
  losses.push(warning('conversion.order-not-kept', { formatLabel: spec.label }, ['rules']));
  for (const pair of orderSensitivePairs(config, spec.dialect)) {
    losses.push(warning('conversion.order-changes-outcome', { formatLabel: spec.label, ...pair }, ['rules', pair.second]));
  }
  return losses;
}

/**
 * Writes `config` for `target`, for `bucket`. Every text is structured serialisation: the stored
 * formats' own writers, YAML through the `yaml` library, HCL through a block emitter whose output
 * tests read back with the HCL parser. CloudFormation YAML needs `parsers.yaml`.
 */
export function exportToCode(config: CorsConfig, target: ExportTarget, bucket: string, parsers: CodeParsers = {}): CodeExport {
  const spec = TARGETS[target];
  const fileName = `${bucket}${spec.suffix}`;
  const base = { fileName, mediaType: spec.mediaType, losses: exportLosses(config, target) };
  const resource = TERRAFORM_RESOURCE[target];
  if (resource) return { ...base, text: terraformDocument(config, resource, bucket) };
  if (spec.cliFile) return { ...base, text: serializeCorsDocument(config, spec.cliFile.format), command: spec.cliFile.command(bucket, fileName) };
  const template = cloudFormationTemplate(config, bucket);
  if (target === 'cloudformation-json') return { ...base, text: `${JSON.stringify(template, null, 2)}\n` };
  if (!parsers.yaml) throw new Error('exportToCode: CloudFormation YAML needs the yaml parser (loadCodeParsers)');
  return { ...base, text: parsers.yaml.stringify(template, { lineWidth: 0 }) };
}
