import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);

const envSchema = z.object({
  /**
   * Address the console listens on. Loopback by default; any other address (a LAN IP, 0.0.0.0)
   * exposes it, so a token is then always required.
   */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The access token; generated and printed at start when HOST is not loopback and this is unset. */
  CORS_CONSOLE_TOKEN: z.string().min(16, 'The access token must be at least 16 characters: it is all that stands between the network and your buckets.').optional(),
  /** Port of the console (0 picks a free one). */
  PORT: port.default(8787),
  /** Folder for the embedded s3rver's data and the console's own state. */
  CORS_CONSOLE_DATA: z.string().min(1).optional(),
  /** Path of the profiles file; without it the console runs on the embedded local s3rver. */
  CORS_CONSOLE_CONFIG: z.string().min(1).optional(),
  /** Port of the embedded s3rver (0 picks a free one). */
  CORS_CONSOLE_S3_PORT: port.default(0),
  /** Port of the test harness, the console's second origin; by default PORT + 1 (a free one when PORT is 0). */
  CORS_CONSOLE_HARNESS_PORT: port.optional(),
  /** Where history and saved tests live: `s3://<profile>/<bucket>/<prefix>` on a configured S3-API profile; the data folder when unset. */
  CORS_CONSOLE_STATE: z.string().regex(/^s3:\/\/[^/]+\/[^/]+/, 'Write the state backend as s3://<profile>/<bucket>/<prefix>.').optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment, or explains every bad variable in one message. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; message: string } {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  return { ok: false, message: `Invalid environment:\n${lines.join('\n')}` };
}
