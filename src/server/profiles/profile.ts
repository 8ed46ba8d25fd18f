import { z } from 'zod';
import { PUBLIC_URL_PROBLEM_TEXT, publicUrlProblem } from '../../contract/public-url';
import { DIALECTS, type Dialect } from '../../core';
import { isBucketName } from '../http/context';

const endpoint = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'The endpoint must be an http:// or https:// URL.');

/** A public URL pattern (a CDN or proxy in front of the buckets), refused with the reason it is no valid one. */
const publicUrl = z.string().superRefine((pattern, ctx) => {
  const problem = publicUrlProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: PUBLIC_URL_PROBLEM_TEXT[problem] });
});

const credentialsSchema = z.union([
  z.object({ awsProfile: z.string().min(1) }).strict(),
  z.object({ env: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }).strict() }).strict(),
]);

/** One entry of the profiles file. */
export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'Profile ids are lower-case letters, digits, - and _ (at most 63).'),
    label: z.string().min(1).max(100).optional(),
    kind: z.enum(['s3', 'oss', 'cos']),
    endpoint: endpoint.optional(),
    region: z.string().min(1).optional(),
    addressing: z.enum(['path', 'virtual']).optional(),
    dialect: z.enum(DIALECTS).optional(),
    /** The URL pages load objects from, for every bucket: `https://cdn.example.com/{bucket}/{key}`. */
    publicUrl: publicUrl.optional(),
    /** A bucket's own public URL, by bucket name (wins over `publicUrl`): `{"logos": "https://logos.example.com/{key}"}`. */
    publicUrls: z
      .record(z.string(), publicUrl)
      .superRefine((byBucket, ctx) => {
        for (const bucket of Object.keys(byBucket)) {
          if (!isBucketName(bucket)) ctx.addIssue({ code: 'custom', path: [bucket], message: `"${bucket}" is no bucket name: each key of publicUrls names a bucket.` });
        }
      })
      .optional(),
    /** Where the keys come from; absent means each ecosystem's usual places. Never the keys themselves. */
    credentials: credentialsSchema.optional(),
  })
  .strict()
  .superRefine((profile, ctx) => {
    if (profile.kind !== 's3' && !profile.region) ctx.addIssue({ code: 'custom', path: ['region'], message: `A ${profile.kind} profile needs a region.` });
  });

export const profilesFileSchema = z
  .object({
    profiles: z.array(profileSchema).min(1),
    /** Where history and saved tests live, as CORS_CONSOLE_STATE says it (which wins over this). */
    state: z.string().regex(/^s3:\/\/[^/]+\/[^/]+/, 'Write the state backend as s3://<profile>/<bucket>/<prefix>.').optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.profiles.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `Profile id "${p.id}" is used twice.` });
      seen.add(p.id);
    });
  });

export type ProfileConfig = z.infer<typeof profileSchema>;

const DEFAULT_DIALECT: Record<ProfileConfig['kind'], Dialect> = { s3: 's3', oss: 'oss', cos: 'cos' };

export function dialectOf(profile: ProfileConfig): Dialect {
  return profile.dialect ?? DEFAULT_DIALECT[profile.kind];
}

/** Parses the profiles file's text, or explains what is wrong, with the path of each problem. */
export function parseProfilesFile(text: string, source: string): { ok: true; profiles: ProfileConfig[]; state?: string } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${source} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = profilesFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, profiles: parsed.data.profiles, ...(parsed.data.state ? { state: parsed.data.state } : {}) };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, message: `${source} is not a valid profiles file:\n${lines.join('\n')}` };
}
